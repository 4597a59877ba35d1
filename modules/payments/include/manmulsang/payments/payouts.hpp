#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "manmulsang/core/clock.hpp"
#include "manmulsang/core/ids.hpp"
#include "manmulsang/payments/ledger.hpp"

namespace manmulsang::payments {

using PayoutId = core::Id<struct PayoutTag>;

// A withdrawal of a shop's balance or a member's wallet credit (docs/BUYING.md §2a):
// requested → approved → paid, or requested/approved → rejected with a reason the requester reads.
enum class PayoutStatus { requested, approved, paid, rejected };
// Paid into a bank account, or handed over in cash at the office.
enum class PayoutMethod { bank, cash };
// Whose money: a shop's seller wallet or a member's buyer wallet.
enum class PayoutOwnerKind { shop, member };

std::string_view PayoutStatusName(PayoutStatus status);
std::optional<PayoutStatus> ParsePayoutStatus(std::string_view name);
std::string_view PayoutMethodName(PayoutMethod method);
std::optional<PayoutMethod> ParsePayoutMethod(std::string_view name);
std::string_view PayoutOwnerKindName(PayoutOwnerKind kind);

struct PayoutOwner {
  PayoutOwnerKind kind = PayoutOwnerKind::member;
  std::int64_t id = 0;  // the shop's or the member's id

  static PayoutOwner Shop(core::SellerId shop) { return {PayoutOwnerKind::shop, shop.value}; }
  static PayoutOwner Member(core::UserId member) { return {PayoutOwnerKind::member, member.value}; }
};

// Less than this is not worth a trip to the counter or a bank transfer.
inline constexpr std::int64_t kMinPayout = 1'000;
// Bank name and account holder: 1..kMaxPayoutName characters; account number: digits and dashes.
inline constexpr std::size_t kMaxPayoutName = 40;
inline constexpr std::size_t kMaxAccountNumber = 30;
inline constexpr std::size_t kMaxPayoutReason = 500;

// What the requester asks for. For cash, the bank fields are ignored.
struct PayoutRequest {
  std::int64_t amount = 0;  // won
  PayoutMethod method = PayoutMethod::bank;
  std::string bank;
  std::string account_number;
  std::string account_holder;
};

struct Payout {
  PayoutId id;
  PayoutOwner owner;
  core::UserId requested_by;
  std::int64_t amount = 0;
  PayoutMethod method = PayoutMethod::bank;
  std::string bank;
  std::string account_number;
  std::string account_holder;
  PayoutStatus status = PayoutStatus::requested;
  std::string reason;  // a rejection's
  core::TimePoint created_at;
  std::optional<core::UserId> decided_by;     // the admin of the last decision
  std::optional<core::TimePoint> decided_at;  // and when

  bool open() const { return status == PayoutStatus::requested || status == PayoutStatus::approved; }
};

struct PayoutFilter {
  std::optional<PayoutStatus> status;  // nullopt: every status, awaiting ones first
  int page = 1;
  int per_page = 50;
};

struct PayoutPage {
  std::vector<Payout> items;
  std::int64_t total = 0;
  int page = 1;
  int per_page = 50;
};

// The money desk's records (the admin pages).

// A wallet credit an admin recorded against a cash deposit.
struct CreditRecord {
  std::int64_t transfer = 0;
  core::UserId member;
  std::int64_t amount = 0;  // won
  std::string reference;
  std::optional<core::UserId> admin;
  core::TimePoint created_at;
};

// A large credit waiting for (or decided by) a second admin.
struct PendingCredit {
  std::int64_t id = 0;
  core::UserId member;
  std::int64_t amount = 0;  // won
  std::string reference;
  core::UserId requested_by;
  core::TimePoint requested_at;
};

// What RequestCredit did: credited at once, or left waiting for a second admin.
struct CreditOutcome {
  std::optional<TransferId> transfer;
  std::optional<std::int64_t> pending;
};

// One change of an exchange rate; previous_rate is nullopt for the first one.
struct RateChange {
  std::string currency;  // "USD", "CNY"
  std::int64_t rate = 0;
  std::optional<std::int64_t> previous_rate;
  core::UserId admin;
  core::TimePoint changed_at;
};

struct VoucherBatchSummary {
  std::int64_t id = 0;
  std::int64_t amount = 0;  // won per code
  std::int64_t count = 0;
  std::int64_t redeemed = 0;
  std::string note;
  core::UserId admin;
  core::TimePoint created_at;
};

// A code of a batch as the batch page lists it: its place in the batch (1..count) and the first
// characters of the code as printed (empty for codes minted before prefixes were kept).
struct VoucherListing {
  std::int64_t index = 0;
  std::string prefix;
  std::optional<core::UserId> redeemed_by;
  std::optional<core::TimePoint> redeemed_at;
};

struct VoucherBatchDetail {
  VoucherBatchSummary batch;
  std::vector<VoucherListing> vouchers;  // in batch order
};

}  // namespace manmulsang::payments
