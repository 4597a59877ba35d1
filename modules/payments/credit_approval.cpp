// The two-person rule for large wallet credits (docs/BUYING.md §2a): cash of more than the
// settings' credit_second_approval_above won is credited only when a second admin agrees. The
// request (reading the limit), the approval (with its ledger transfer) and a rejection are each
// one transaction with its audit entry; a decision is conditional on the row still pending.

#include <string>

#include "manmulsang/audit/audit.hpp"
#include "manmulsang/text/characters.hpp"
#include "manmulsang/text/normalize.hpp"
#include "payment_service_impl.hpp"
#include "pending_credit_repository.hpp"

namespace manmulsang::payments {
namespace {

constexpr int kMaxPendingShown = 100;

}  // namespace

std::expected<CreditOutcome, PaymentError> PaymentService::RequestCredit(const WalletCredit& credit) {
  if (credit.amount.currency != core::Currency::kpw || !ValidAmount(credit.amount.amount)) {
    return std::unexpected(PaymentError::invalid_amount);
  }
  if (credit.reference.empty() || credit.reference.size() > kMaxReference) {
    return std::unexpected(PaymentError::reference_required);
  }
  return impl_->database.Write([&](db::Connection& connection) -> std::expected<CreditOutcome, PaymentError> {
    // Read in the transaction that moves the money: the limit that decides is the one in force.
    const std::int64_t limit = impl_->settings.CurrentIn(connection).values.credit_second_approval_above;
    if (credit.amount.amount <= limit) {
      auto transfer = impl_->CreditIn(connection, credit.user, credit.amount.amount, credit.reference, credit.admin);
      if (!transfer) return std::unexpected(transfer.error());
      return CreditOutcome{*transfer, std::nullopt};
    }
    const std::int64_t id = PendingCreditRepository::Insert(connection, credit.user, credit.amount.amount,
                                                            credit.reference, credit.admin, impl_->Now());
    audit::RecordIn(connection, impl_->clock.Now(),
                    {credit.admin, "wallet.credit_request", "member", std::to_string(credit.user.value), "",
                     std::to_string(credit.amount.amount) + " KPW awaiting a second admin", credit.reference});
    return CreditOutcome{std::nullopt, id};
  });
}

std::expected<TransferId, PaymentError> PaymentService::ApproveCredit(core::UserId admin, std::int64_t pending) {
  return impl_->database.Write([&](db::Connection& connection) -> std::expected<TransferId, PaymentError> {
    auto stored = PendingCreditRepository::Find(connection, pending);
    if (!stored) return std::unexpected(PaymentError::credit_not_found);
    if (!stored->pending) return std::unexpected(PaymentError::credit_decided);
    if (stored->credit.requested_by == admin) return std::unexpected(PaymentError::second_admin_required);
    if (!PendingCreditRepository::Decide(connection, pending, true, admin, "", impl_->Now())) {
      return std::unexpected(PaymentError::credit_decided);
    }
    auto transfer =
        impl_->CreditIn(connection, stored->credit.member, stored->credit.amount, stored->credit.reference, admin);
    if (!transfer) return transfer;
    PendingCreditRepository::SetTransfer(connection, pending, *transfer);
    return transfer;
  });
}

std::expected<void, PaymentError> PaymentService::RejectCredit(core::UserId admin, std::int64_t pending,
                                                               std::string_view reason) {
  const std::string clean = text::NormalizeNfc(text::Trim(reason));
  if (clean.empty() || text::CodePointCount(clean) > kMaxPayoutReason || text::HasControlCharacter(clean, U"\n\r\t")) {
    return std::unexpected(PaymentError::reason_required);
  }
  return impl_->database.Write([&](db::Connection& connection) -> std::expected<void, PaymentError> {
    auto stored = PendingCreditRepository::Find(connection, pending);
    if (!stored) return std::unexpected(PaymentError::credit_not_found);
    if (!stored->pending || !PendingCreditRepository::Decide(connection, pending, false, admin, clean, impl_->Now())) {
      return std::unexpected(PaymentError::credit_decided);
    }
    audit::RecordIn(connection, impl_->clock.Now(),
                    {admin, "wallet.credit_reject", "member", std::to_string(stored->credit.member.value),
                     std::to_string(stored->credit.amount) + " KPW awaiting", "rejected", clean});
    return {};
  });
}

std::int64_t PaymentService::CreditSecondApprovalAbove() {
  return impl_->settings.Current().values.credit_second_approval_above;
}

std::vector<PendingCredit> PaymentService::PendingCredits() {
  return impl_->database.Read(
      [](db::Connection& connection) { return PendingCreditRepository::Pending(connection, kMaxPendingShown); });
}

}  // namespace manmulsang::payments
