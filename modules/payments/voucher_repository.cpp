#include "voucher_repository.hpp"

namespace manmulsang::payments {
namespace {

constexpr std::string_view kInsertBatch =
    "INSERT INTO voucher_batches (amount, count, note, created_by, created_at) VALUES ($1, $2, $3, $4, $5) "
    "RETURNING id";
constexpr std::string_view kInsertVoucher = "INSERT INTO vouchers (batch_id, code_hash) VALUES ($1, $2)";
constexpr std::string_view kFind =
    "SELECT v.id, b.amount, v.redeemed_by FROM vouchers v JOIN voucher_batches b ON b.id = v.batch_id "
    "WHERE v.code_hash = $1";
constexpr std::string_view kMarkRedeemed =
    "UPDATE vouchers SET redeemed_by = $1, redeemed_at = $2 WHERE id = $3 AND redeemed_by IS NULL";

}  // namespace

std::int64_t VoucherRepository::InsertBatch(db::Connection& connection, std::int64_t amount, std::int64_t count,
                                            std::string_view note, std::int64_t admin, std::int64_t now) {
  // A default-constructed view has no data pointer, which the SQLite driver binds as NULL.
  const std::string_view text = note.empty() ? std::string_view("") : note;
  auto row = connection.QueryOne(kInsertBatch, {amount, count, text, admin, now});
  if (!row) throw db::DatabaseError("insert into voucher_batches returned no id");
  return row->Int(0);
}

void VoucherRepository::InsertVoucher(db::Connection& connection, std::int64_t batch, std::string_view code_hash) {
  connection.Execute(kInsertVoucher, {batch, code_hash});
}

std::optional<StoredVoucher> VoucherRepository::Find(db::Connection& connection, std::string_view code_hash) {
  auto row = connection.QueryOne(kFind, {code_hash});
  if (!row) return std::nullopt;
  return StoredVoucher{row->Int(0), row->Int(1), !row->IsNull(2)};
}

bool VoucherRepository::MarkRedeemed(db::Connection& connection, std::int64_t voucher, std::int64_t user,
                                     std::int64_t now) {
  return connection.Execute(kMarkRedeemed, {user, now, voucher}) == 1;
}

}  // namespace manmulsang::payments
