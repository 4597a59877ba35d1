#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "manmulsang/db/database.hpp"
#include "manmulsang/payments/payouts.hpp"

namespace manmulsang::payments {

struct StoredPendingCredit {
  PendingCredit credit;
  bool pending = true;
};

// The two-person rule's SQL. Deciding is conditional on the row still pending, so of two admins
// approving at once one credits the wallet.
class PendingCreditRepository {
 public:
  static std::int64_t Insert(db::Connection& connection, core::UserId member, std::int64_t amount,
                             std::string_view reference, core::UserId requested_by, std::int64_t now);
  static std::optional<StoredPendingCredit> Find(db::Connection& connection, std::int64_t id);
  // False when it is not pending any more.
  static bool Decide(db::Connection& connection, std::int64_t id, bool approved, core::UserId admin,
                     std::string_view reason, std::int64_t now);
  static void SetTransfer(db::Connection& connection, std::int64_t id, TransferId transfer);
  static std::vector<PendingCredit> Pending(db::Connection& connection, std::int64_t limit);
};

}  // namespace manmulsang::payments
