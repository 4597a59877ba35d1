// An admin's partial decision on a dispute splits one order's escrow between the buyer and the
// shop: the one place the ledger does that (docs/BUYING.md §3, disputes).

#include <array>
#include <vector>

#include "ledger_repository.hpp"
#include "manmulsang/payments/payments.hpp"
#include "payment_service_impl.hpp"

namespace manmulsang::payments {

std::expected<EscrowSplit, PaymentError> PaymentService::SplitEscrow(db::Connection& connection, core::OrderId order,
                                                                     core::UserId buyer, core::SellerId seller,
                                                                     std::int64_t refund_kpw, std::int64_t fee,
                                                                     std::optional<core::UserId> actor) {
  const std::optional<std::int64_t> paid = PaidAmount(connection, order);
  if (!paid) return std::unexpected(PaymentError::not_paid);
  // The buyer gets back at most what they paid: the marketplace coupon's leg of the payment
  // (promotions → escrow) stays with the sale, which stands.
  if (refund_kpw < 1 || refund_kpw > *paid - PromotionPaid(connection, order)) {
    return std::unexpected(PaymentError::invalid_amount);
  }
  const std::int64_t rest = *paid - refund_kpw;
  if (fee < 0 || fee > rest) return std::unexpected(PaymentError::invalid_amount);
  // Escrow is split once: money already refunded or released is not there to split.
  if (!LedgerRepository::LegsOf(connection, order, TransferKind::refund).empty() ||
      !LedgerRepository::LegsOf(connection, order, TransferKind::release).empty()) {
    return std::unexpected(PaymentError::already_recorded);
  }
  const std::int64_t escrow = LedgerRepository::AccountId(connection, AccountKind::escrow, 0);
  EscrowSplit split;
  split.refund_kpw = refund_kpw;
  const std::array<Leg, 2> refund_legs = {
      Leg{escrow, -refund_kpw},
      Leg{LedgerRepository::AccountId(connection, AccountKind::buyer_wallet, buyer.value), refund_kpw}};
  auto refunded =
      impl_->Move(connection, {TransferKind::refund, order, "dispute_refund", actor, impl_->Now()}, refund_legs);
  if (!refunded) return std::unexpected(refunded.error());
  split.refund = *refunded;
  if (rest == 0) return split;
  // The rest goes to the shop as a confirmation's release does: its gross is what escrow gives
  // up, the fee the caller computed on that part only.
  std::vector<Leg> release_legs = {
      Leg{escrow, -rest},
      Leg{LedgerRepository::AccountId(connection, AccountKind::seller_wallet, seller.value), rest - fee}};
  if (fee > 0) release_legs.push_back({LedgerRepository::AccountId(connection, AccountKind::platform_fees, 0), fee});
  std::erase_if(release_legs, [](const Leg& leg) { return leg.amount == 0; });
  auto released =
      impl_->Move(connection, {TransferKind::release, order, "release", std::nullopt, impl_->Now()}, release_legs);
  if (!released) return std::unexpected(released.error());
  split.release = *released;
  split.released_kpw = rest;
  split.fee_kpw = fee;
  return split;
}

std::optional<std::int64_t> PaymentService::RefundedAmount(db::Connection& connection, core::OrderId order) {
  // What left escrow is what its credit legs received (the buyer's wallet, and any other account
  // a refund pays back): the sum of the positive legs, found without naming an account.
  const std::vector<Leg> legs = LedgerRepository::LegsOf(connection, order, TransferKind::refund);
  if (legs.empty()) return std::nullopt;
  std::int64_t refunded = 0;
  for (const Leg& leg : legs) {
    if (leg.amount > 0) refunded += leg.amount;
  }
  return refunded;
}

}  // namespace manmulsang::payments
