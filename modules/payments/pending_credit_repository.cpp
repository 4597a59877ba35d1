#include "pending_credit_repository.hpp"

namespace manmulsang::payments {
namespace {

constexpr std::string_view kInsert =
    "INSERT INTO pending_credits (member_id, amount, reference, requested_by, requested_at) "
    "VALUES ($1, $2, $3, $4, $5) RETURNING id";
constexpr std::string_view kFind =
    "SELECT id, member_id, amount, reference, requested_by, requested_at, status FROM pending_credits WHERE id = $1";
constexpr std::string_view kDecide =
    "UPDATE pending_credits SET status = $1, decided_by = $2, decided_at = $3, reason = $4 "
    "WHERE id = $5 AND status = 'pending'";
constexpr std::string_view kSetTransfer = "UPDATE pending_credits SET transfer_id = $1 WHERE id = $2";
constexpr std::string_view kPending =
    "SELECT id, member_id, amount, reference, requested_by, requested_at, status FROM pending_credits "
    "WHERE status = 'pending' ORDER BY id LIMIT $1";

PendingCredit CreditOf(const db::Row& row) {
  return {row.Int(0),  core::UserId{row.Int(1)}, row.Int(2),
          row.Text(3), core::UserId{row.Int(4)}, core::FromUnixSeconds(row.Int(5))};
}

// A default-constructed view has no data pointer, which the SQLite driver binds as NULL.
std::string_view NotNull(std::string_view text) { return text.empty() ? std::string_view("") : text; }

}  // namespace

std::int64_t PendingCreditRepository::Insert(db::Connection& connection, core::UserId member, std::int64_t amount,
                                             std::string_view reference, core::UserId requested_by, std::int64_t now) {
  auto row = connection.QueryOne(kInsert, {member.value, amount, NotNull(reference), requested_by.value, now});
  if (!row) throw db::DatabaseError("insert into pending_credits returned no id");
  return row->Int(0);
}

std::optional<StoredPendingCredit> PendingCreditRepository::Find(db::Connection& connection, std::int64_t id) {
  auto row = connection.QueryOne(kFind, {id});
  if (!row) return std::nullopt;
  return StoredPendingCredit{CreditOf(*row), row->Text(6) == "pending"};
}

bool PendingCreditRepository::Decide(db::Connection& connection, std::int64_t id, bool approved, core::UserId admin,
                                     std::string_view reason, std::int64_t now) {
  return connection.Execute(kDecide, {approved ? "approved" : "rejected", admin.value, now, NotNull(reason), id}) == 1;
}

void PendingCreditRepository::SetTransfer(db::Connection& connection, std::int64_t id, TransferId transfer) {
  connection.Execute(kSetTransfer, {transfer.value, id});
}

std::vector<PendingCredit> PendingCreditRepository::Pending(db::Connection& connection, std::int64_t limit) {
  std::vector<PendingCredit> credits;
  for (const db::Row& row : connection.Query(kPending, {limit})) credits.push_back(CreditOf(row));
  return credits;
}

}  // namespace manmulsang::payments
