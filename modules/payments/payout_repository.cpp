#include "payout_repository.hpp"

#include <string>

namespace manmulsang::payments {
namespace {

constexpr std::string_view kInsertOpen =
    "INSERT INTO payouts (owner_kind, owner_id, requested_by, amount, method, bank, account_number, account_holder, "
    "status, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'requested', $9) "
    "ON CONFLICT (owner_kind, owner_id) WHERE status IN ('requested', 'approved') DO NOTHING RETURNING id";
constexpr std::string_view kFind =
    "SELECT id, owner_kind, owner_id, requested_by, amount, method, bank, account_number, account_holder, status, "
    "reason, created_at, decided_by, decided_at FROM payouts WHERE id = $1";
constexpr std::string_view kDecide =
    "UPDATE payouts SET status = $1, decided_by = $2, decided_at = $3, reason = $4 WHERE id = $5 AND status = $6";
constexpr std::string_view kOfOwner =
    "SELECT id, owner_kind, owner_id, requested_by, amount, method, bank, account_number, account_holder, status, "
    "reason, created_at, decided_by, decided_at FROM payouts WHERE owner_kind = $1 AND owner_id = $2 "
    "ORDER BY id DESC LIMIT $3";
constexpr std::string_view kListStatus =
    "SELECT id, owner_kind, owner_id, requested_by, amount, method, bank, account_number, account_holder, status, "
    "reason, created_at, decided_by, decided_at FROM payouts WHERE status = $1 ORDER BY id LIMIT $2 OFFSET $3";
constexpr std::string_view kListAll =
    "SELECT id, owner_kind, owner_id, requested_by, amount, method, bank, account_number, account_holder, status, "
    "reason, created_at, decided_by, decided_at FROM payouts "
    "ORDER BY CASE status WHEN 'requested' THEN 0 WHEN 'approved' THEN 1 ELSE 2 END, "
    "CASE WHEN status IN ('requested', 'approved') THEN id ELSE -id END LIMIT $1 OFFSET $2";
constexpr std::string_view kCountStatus = "SELECT COUNT(*) FROM payouts WHERE status = $1";
constexpr std::string_view kCountAll = "SELECT COUNT(*) FROM payouts";
constexpr std::string_view kCountAwaiting = "SELECT COUNT(*) FROM payouts WHERE status IN ('requested', 'approved')";

// A row this code cannot read is a broken store: the request ends with a 500 naming the value.
template <typename T>
T Readable(std::optional<T> value, std::string_view what, std::string_view text) {
  if (!value)
    throw db::DatabaseError("payments: unreadable payout " + std::string(what) + " '" + std::string(text) + "'");
  return *value;
}

std::optional<PayoutOwnerKind> ParseOwnerKind(std::string_view name) {
  if (name == "shop") return PayoutOwnerKind::shop;
  if (name == "member") return PayoutOwnerKind::member;
  return std::nullopt;
}

Payout PayoutOf(const db::Row& row) {
  Payout payout;
  payout.id = PayoutId{row.Int(0)};
  payout.owner = {Readable(ParseOwnerKind(row.Text(1)), "owner", row.Text(1)), row.Int(2)};
  payout.requested_by = core::UserId{row.Int(3)};
  payout.amount = row.Int(4);
  payout.method = Readable(ParsePayoutMethod(row.Text(5)), "method", row.Text(5));
  payout.bank = row.Text(6);
  payout.account_number = row.Text(7);
  payout.account_holder = row.Text(8);
  payout.status = Readable(ParsePayoutStatus(row.Text(9)), "status", row.Text(9));
  payout.reason = row.Text(10);
  payout.created_at = core::FromUnixSeconds(row.Int(11));
  if (auto admin = row.OptionalInt(12)) payout.decided_by = core::UserId{*admin};
  if (auto at = row.OptionalInt(13)) payout.decided_at = core::FromUnixSeconds(*at);
  return payout;
}

// A default-constructed view has no data pointer, which the SQLite driver binds as NULL.
std::string_view NotNull(std::string_view text) { return text.empty() ? std::string_view("") : text; }

}  // namespace

std::optional<PayoutId> PayoutRepository::InsertOpen(db::Connection& connection, PayoutOwner owner,
                                                     core::UserId requested_by, const PayoutRequest& request,
                                                     std::int64_t now) {
  auto row = connection.QueryOne(kInsertOpen, {PayoutOwnerKindName(owner.kind), owner.id, requested_by.value,
                                               request.amount, PayoutMethodName(request.method), NotNull(request.bank),
                                               NotNull(request.account_number), NotNull(request.account_holder), now});
  if (!row) return std::nullopt;
  return PayoutId{row->Int(0)};
}

std::optional<Payout> PayoutRepository::Find(db::Connection& connection, PayoutId id) {
  auto row = connection.QueryOne(kFind, {id.value});
  if (!row) return std::nullopt;
  return PayoutOf(*row);
}

bool PayoutRepository::Decide(db::Connection& connection, PayoutId id, PayoutStatus from, PayoutStatus to,
                              core::UserId admin, std::string_view reason, std::int64_t now) {
  return connection.Execute(
             kDecide, {PayoutStatusName(to), admin.value, now, NotNull(reason), id.value, PayoutStatusName(from)}) == 1;
}

std::vector<Payout> PayoutRepository::OfOwner(db::Connection& connection, PayoutOwner owner, std::int64_t limit) {
  std::vector<Payout> payouts;
  for (const db::Row& row : connection.Query(kOfOwner, {PayoutOwnerKindName(owner.kind), owner.id, limit})) {
    payouts.push_back(PayoutOf(row));
  }
  return payouts;
}

std::vector<Payout> PayoutRepository::List(db::Connection& connection, std::optional<PayoutStatus> status,
                                           std::int64_t limit, std::int64_t offset) {
  std::vector<Payout> payouts;
  const db::Rows rows = status ? connection.Query(kListStatus, {PayoutStatusName(*status), limit, offset})
                               : connection.Query(kListAll, {limit, offset});
  for (const db::Row& row : rows) payouts.push_back(PayoutOf(row));
  return payouts;
}

std::int64_t PayoutRepository::Count(db::Connection& connection, std::optional<PayoutStatus> status) {
  auto row = status ? connection.QueryOne(kCountStatus, {PayoutStatusName(*status)}) : connection.QueryOne(kCountAll);
  return row ? row->Int(0) : 0;
}

std::int64_t PayoutRepository::CountAwaiting(db::Connection& connection) {
  auto row = connection.QueryOne(kCountAwaiting);
  return row ? row->Int(0) : 0;
}

}  // namespace manmulsang::payments
