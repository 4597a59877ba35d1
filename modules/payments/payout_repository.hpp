#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "manmulsang/db/database.hpp"
#include "manmulsang/payments/payouts.hpp"

namespace manmulsang::payments {

// The payouts' SQL. Every status change is conditional on the status the caller read, so of two
// admins deciding at once only one changes the row (the other sees false).
class PayoutRepository {
 public:
  // nullopt when the owner already has an open request (the partial UNIQUE index says so, and
  // PostgreSQL makes a concurrent second insert wait for the first one's commit).
  static std::optional<PayoutId> InsertOpen(db::Connection& connection, PayoutOwner owner, core::UserId requested_by,
                                            const PayoutRequest& request, std::int64_t now);
  static std::optional<Payout> Find(db::Connection& connection, PayoutId id);
  // Moves from `from` to `to`, recording the admin, the time and (for a rejection) the reason;
  // false when the row was not in `from` any more.
  static bool Decide(db::Connection& connection, PayoutId id, PayoutStatus from, PayoutStatus to, core::UserId admin,
                     std::string_view reason, std::int64_t now);
  static std::vector<Payout> OfOwner(db::Connection& connection, PayoutOwner owner, std::int64_t limit);
  // With a status: that status, oldest first (a queue). Without: awaiting ones first (requested,
  // then approved, oldest first), then the finished ones newest first.
  static std::vector<Payout> List(db::Connection& connection, std::optional<PayoutStatus> status, std::int64_t limit,
                                  std::int64_t offset);
  static std::int64_t Count(db::Connection& connection, std::optional<PayoutStatus> status);
  static std::int64_t CountAwaiting(db::Connection& connection);
};

}  // namespace manmulsang::payments
