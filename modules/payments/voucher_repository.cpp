#include "voucher_repository.hpp"

namespace manmulsang::payments {
namespace {

constexpr std::string_view kInsertBatch =
    "INSERT INTO voucher_batches (amount, count, note, created_by, created_at) VALUES ($1, $2, $3, $4, $5) "
    "RETURNING id";
constexpr std::string_view kInsertVoucher =
    "INSERT INTO vouchers (batch_id, code_hash, code_prefix) VALUES ($1, $2, $3)";
constexpr std::string_view kBatches =
    "SELECT b.id, b.amount, b.count, b.note, b.created_by, b.created_at, "
    "(SELECT COUNT(*) FROM vouchers v WHERE v.batch_id = b.id AND v.redeemed_by IS NOT NULL) "
    "FROM voucher_batches b ORDER BY b.id DESC LIMIT $1 OFFSET $2";
constexpr std::string_view kBatch =
    "SELECT b.id, b.amount, b.count, b.note, b.created_by, b.created_at, "
    "(SELECT COUNT(*) FROM vouchers v WHERE v.batch_id = b.id AND v.redeemed_by IS NOT NULL) "
    "FROM voucher_batches b WHERE b.id = $1";
constexpr std::string_view kCountBatches = "SELECT COUNT(*) FROM voucher_batches";
constexpr std::string_view kVouchersOfBatch =
    "SELECT code_prefix, redeemed_by, redeemed_at FROM vouchers WHERE batch_id = $1 ORDER BY id";
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

void VoucherRepository::InsertVoucher(db::Connection& connection, std::int64_t batch, std::string_view code_hash,
                                      std::string_view prefix) {
  connection.Execute(kInsertVoucher, {batch, code_hash, prefix});
}

namespace {

VoucherBatchSummary SummaryOf(const db::Row& row) {
  return {row.Int(0),
          row.Int(1),
          row.Int(2),
          row.Int(6),
          row.Text(3),
          core::UserId{row.Int(4)},
          core::FromUnixSeconds(row.Int(5))};
}

}  // namespace

std::vector<VoucherBatchSummary> VoucherRepository::Batches(db::Connection& connection, std::int64_t limit,
                                                            std::int64_t offset) {
  std::vector<VoucherBatchSummary> batches;
  for (const db::Row& row : connection.Query(kBatches, {limit, offset})) batches.push_back(SummaryOf(row));
  return batches;
}

std::int64_t VoucherRepository::CountBatches(db::Connection& connection) {
  auto row = connection.QueryOne(kCountBatches);
  return row ? row->Int(0) : 0;
}

std::optional<VoucherBatchSummary> VoucherRepository::Batch(db::Connection& connection, std::int64_t batch) {
  auto row = connection.QueryOne(kBatch, {batch});
  if (!row) return std::nullopt;
  return SummaryOf(*row);
}

std::vector<VoucherListing> VoucherRepository::Vouchers(db::Connection& connection, std::int64_t batch) {
  std::vector<VoucherListing> vouchers;
  std::int64_t index = 0;
  for (const db::Row& row : connection.Query(kVouchersOfBatch, {batch})) {
    VoucherListing listing;
    listing.index = ++index;
    listing.prefix = row.Text(0);
    if (auto user = row.OptionalInt(1)) listing.redeemed_by = core::UserId{*user};
    if (auto at = row.OptionalInt(2)) listing.redeemed_at = core::FromUnixSeconds(*at);
    vouchers.push_back(std::move(listing));
  }
  return vouchers;
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
