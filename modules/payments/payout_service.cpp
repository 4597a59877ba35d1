// Payouts (docs/BUYING.md §2a): a shop's balance or a member's wallet credit leaves the
// marketplace. Each step is one transaction with its ledger transfer, its status change (written
// conditionally on the status read) and, for an admin's decision, its audit entry.

#include <array>
#include <string>

#include "manmulsang/audit/audit.hpp"
#include "manmulsang/core/grouped_number.hpp"
#include "manmulsang/notifications/notifications.hpp"
#include "manmulsang/text/characters.hpp"
#include "manmulsang/text/normalize.hpp"
#include "payment_service_impl.hpp"
#include "payout_repository.hpp"

namespace manmulsang::payments {
namespace {

constexpr int kMaxOwnerPayouts = 100;

// One line people typed, NFC with its white space collapsed; nullopt when it is empty, too long
// or holds a control character.
std::optional<std::string> CleanName(std::string_view typed, std::size_t max_characters) {
  std::string clean = text::NormalizeNfc(text::CollapseWhitespace(typed));
  if (clean.empty() || text::CodePointCount(clean) > max_characters || text::HasControlCharacter(clean)) {
    return std::nullopt;
  }
  return clean;
}

// Digits with dashes between groups, as banks print them; blanks are dropped.
std::optional<std::string> CleanAccountNumber(std::string_view typed) {
  std::string clean;
  int digits = 0;
  for (char c : typed) {
    if (c == ' ' || c == '\t') continue;
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c != '-') {
      return std::nullopt;
    }
    clean.push_back(c);
  }
  if (digits < 4 || clean.size() > kMaxAccountNumber || clean.front() == '-' || clean.back() == '-') {
    return std::nullopt;
  }
  return clean;
}

std::expected<PayoutRequest, PaymentError> CleanRequest(const PayoutRequest& request) {
  if (request.amount < kMinPayout) return std::unexpected(PaymentError::amount_below_minimum);
  if (!ValidAmount(request.amount)) return std::unexpected(PaymentError::invalid_amount);
  PayoutRequest clean{request.amount, request.method, "", "", ""};
  if (request.method == PayoutMethod::cash) return clean;
  auto bank = CleanName(request.bank, kMaxPayoutName);
  if (!bank) return std::unexpected(PaymentError::invalid_bank);
  auto number = CleanAccountNumber(request.account_number);
  if (!number) return std::unexpected(PaymentError::invalid_account_number);
  auto holder = CleanName(request.account_holder, kMaxPayoutName);
  if (!holder) return std::unexpected(PaymentError::invalid_account_holder);
  clean.bank = std::move(*bank);
  clean.account_number = std::move(*number);
  clean.account_holder = std::move(*holder);
  return clean;
}

std::optional<std::string> CleanReason(std::string_view typed) {
  std::string clean = text::NormalizeNfc(text::Trim(typed));
  if (clean.empty() || text::CodePointCount(clean) > kMaxPayoutReason || text::HasControlCharacter(clean, U"\n\r\t")) {
    return std::nullopt;
  }
  return clean;
}

AccountKind WalletKind(PayoutOwner owner) {
  return owner.kind == PayoutOwnerKind::shop ? AccountKind::seller_wallet : AccountKind::buyer_wallet;
}

std::string Reference(PayoutId id) { return "payout:" + std::to_string(id.value); }

}  // namespace

std::string_view PayoutStatusName(PayoutStatus status) {
  switch (status) {
    case PayoutStatus::requested:
      return "requested";
    case PayoutStatus::approved:
      return "approved";
    case PayoutStatus::paid:
      return "paid";
    case PayoutStatus::rejected:
      return "rejected";
  }
  return "requested";
}

std::optional<PayoutStatus> ParsePayoutStatus(std::string_view name) {
  for (PayoutStatus status :
       {PayoutStatus::requested, PayoutStatus::approved, PayoutStatus::paid, PayoutStatus::rejected}) {
    if (name == PayoutStatusName(status)) return status;
  }
  return std::nullopt;
}

std::string_view PayoutMethodName(PayoutMethod method) { return method == PayoutMethod::cash ? "cash" : "bank"; }

std::optional<PayoutMethod> ParsePayoutMethod(std::string_view name) {
  if (name == "bank") return PayoutMethod::bank;
  if (name == "cash") return PayoutMethod::cash;
  return std::nullopt;
}

std::string_view PayoutOwnerKindName(PayoutOwnerKind kind) { return kind == PayoutOwnerKind::shop ? "shop" : "member"; }

std::int64_t PaymentService::PayoutBalance(PayoutOwner owner) {
  return impl_->database.Read(
      [&](db::Connection& connection) { return LedgerRepository::Balance(connection, WalletKind(owner), owner.id); });
}

std::expected<Payout, PaymentError> PaymentService::RequestPayout(PayoutOwner owner, core::UserId requester,
                                                                  const PayoutRequest& request) {
  auto clean = CleanRequest(request);
  if (!clean) return std::unexpected(clean.error());
  return impl_->database.Write([&](db::Connection& connection) -> std::expected<Payout, PaymentError> {
    // The row first: a second open request of the same owner is refused by the index before any
    // money is looked at.
    auto id = PayoutRepository::InsertOpen(connection, owner, requester, *clean, impl_->Now());
    if (!id) return std::unexpected(PaymentError::payout_open);
    const std::int64_t wallet = LedgerRepository::AccountId(connection, WalletKind(owner), owner.id);
    const std::array<Leg, 2> legs = {
        Leg{wallet, -clean->amount},
        Leg{LedgerRepository::AccountId(connection, AccountKind::payout_clearing, 0), clean->amount}};
    const std::string reference = Reference(*id);
    auto moved =
        impl_->Move(connection, {TransferKind::payout, std::nullopt, reference, requester, impl_->Now()}, legs);
    if (!moved) return std::unexpected(moved.error());
    return *PayoutRepository::Find(connection, *id);
  });
}

std::expected<Payout, PaymentError> PaymentService::ApprovePayout(core::UserId admin, PayoutId id) {
  return impl_->database.Write([&](db::Connection& connection) -> std::expected<Payout, PaymentError> {
    auto payout = PayoutRepository::Find(connection, id);
    if (!payout) return std::unexpected(PaymentError::payout_not_found);
    if (payout->status != PayoutStatus::requested ||
        !PayoutRepository::Decide(connection, id, PayoutStatus::requested, PayoutStatus::approved, admin, "",
                                  impl_->Now())) {
      return std::unexpected(PaymentError::payout_decided);
    }
    audit::RecordIn(connection, impl_->clock.Now(),
                    {admin, "payout.approve", "payout", std::to_string(id.value), "requested", "approved", ""});
    return *PayoutRepository::Find(connection, id);
  });
}

std::expected<Payout, PaymentError> PaymentService::MarkPayoutPaid(core::UserId admin, PayoutId id) {
  return impl_->database.Write([&](db::Connection& connection) -> std::expected<Payout, PaymentError> {
    auto payout = PayoutRepository::Find(connection, id);
    if (!payout) return std::unexpected(PaymentError::payout_not_found);
    // Of two admins pressing "paid" at once, one changes the row; the other moves no money.
    if (payout->status != PayoutStatus::approved ||
        !PayoutRepository::Decide(connection, id, PayoutStatus::approved, PayoutStatus::paid, admin, "",
                                  impl_->Now())) {
      return std::unexpected(PaymentError::payout_decided);
    }
    const AccountKind paid_from = payout->method == PayoutMethod::cash ? AccountKind::cash : AccountKind::bank;
    const std::array<Leg, 2> legs = {
        Leg{LedgerRepository::AccountId(connection, AccountKind::payout_clearing, 0), -payout->amount},
        Leg{LedgerRepository::AccountId(connection, paid_from, 0), payout->amount}};
    const std::string reference = Reference(id);
    auto moved =
        impl_->Move(connection, {TransferKind::payout_paid, std::nullopt, reference, admin, impl_->Now()}, legs);
    if (!moved) return std::unexpected(moved.error());
    audit::RecordIn(
        connection, impl_->clock.Now(),
        {admin, "payout.paid", "payout", std::to_string(id.value), "approved",
         "paid " + std::to_string(payout->amount) + " KPW (" + std::string(PayoutMethodName(payout->method)) + ")",
         ""});
    // The member who asked for it hears that the money left, on the page of their payouts.
    notifications::RecordIn(
        connection, impl_->clock.Now(),
        {payout->requested_by, notifications::Kind::payout_paid, core::FormatCount(payout->amount) + " KPW",
         payout->owner.kind == PayoutOwnerKind::shop ? "/seller/payouts" : "/wallet/payouts"});
    return *PayoutRepository::Find(connection, id);
  });
}

std::expected<Payout, PaymentError> PaymentService::RejectPayout(core::UserId admin, PayoutId id,
                                                                 std::string_view reason) {
  auto clean = CleanReason(reason);
  if (!clean) return std::unexpected(PaymentError::reason_required);
  return impl_->database.Write([&](db::Connection& connection) -> std::expected<Payout, PaymentError> {
    auto payout = PayoutRepository::Find(connection, id);
    if (!payout) return std::unexpected(PaymentError::payout_not_found);
    if (!payout->open() || !PayoutRepository::Decide(connection, id, payout->status, PayoutStatus::rejected, admin,
                                                     *clean, impl_->Now())) {
      return std::unexpected(PaymentError::payout_decided);
    }
    // The money goes back where it came from, as it was promised: nothing is spent meanwhile.
    const std::array<Leg, 2> legs = {
        Leg{LedgerRepository::AccountId(connection, AccountKind::payout_clearing, 0), -payout->amount},
        Leg{LedgerRepository::AccountId(connection, WalletKind(payout->owner), payout->owner.id), payout->amount}};
    const std::string reference = Reference(id);
    auto moved =
        impl_->Move(connection, {TransferKind::payout_returned, std::nullopt, reference, admin, impl_->Now()}, legs);
    if (!moved) return std::unexpected(moved.error());
    audit::RecordIn(connection, impl_->clock.Now(),
                    {admin, "payout.reject", "payout", std::to_string(id.value),
                     std::string(PayoutStatusName(payout->status)), "rejected", *clean});
    return *PayoutRepository::Find(connection, id);
  });
}

std::optional<Payout> PaymentService::FindPayout(PayoutId id) {
  return impl_->database.Read([&](db::Connection& connection) { return PayoutRepository::Find(connection, id); });
}

std::vector<Payout> PaymentService::PayoutsOf(PayoutOwner owner) {
  return impl_->database.Read(
      [&](db::Connection& connection) { return PayoutRepository::OfOwner(connection, owner, kMaxOwnerPayouts); });
}

PayoutPage PaymentService::Payouts(const PayoutFilter& filter) {
  PayoutPage page;
  page.page = std::max(filter.page, 1);
  page.per_page = std::clamp(filter.per_page, 1, kMaxPerPage);
  impl_->database.Read([&](db::Connection& connection) {
    page.total = PayoutRepository::Count(connection, filter.status);
    page.items = PayoutRepository::List(connection, filter.status, page.per_page,
                                        static_cast<std::int64_t>(page.page - 1) * page.per_page);
  });
  return page;
}

std::int64_t PaymentService::CountPayoutsAwaiting() {
  return impl_->database.Read([](db::Connection& connection) { return PayoutRepository::CountAwaiting(connection); });
}

}  // namespace manmulsang::payments
