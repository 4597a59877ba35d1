// A refused return the buyer escalated, and the admin's decision on it (docs/BUYING.md §3):
// the decision is one move of the lifecycle with its money, audited in the same transaction.

#include "order_disputes.hpp"

#include <algorithm>
#include <string>

#include "manmulsang/audit/audit.hpp"
#include "manmulsang/text/normalize.hpp"
#include "order_repository.hpp"

namespace manmulsang::orders {
namespace {

OrderEvent EventOf(DisputeOutcome outcome) {
  switch (outcome) {
    case DisputeOutcome::refund:
      return OrderEvent::resolve_refund;
    case DisputeOutcome::partial_refund:
      return OrderEvent::resolve_partial_refund;
    case DisputeOutcome::close:
      return OrderEvent::close_dispute;
  }
  return OrderEvent::close_dispute;
}

std::string Won(std::int64_t amount) { return std::to_string(amount) + " KPW"; }

// The audit's "after": the status and what moved, so the log alone says who got how much.
std::string AfterOf(OrderStatus status, std::int64_t paid, std::int64_t refunded) {
  std::string after(OrderStatusName(status));
  if (refunded > 0) after += "; refund " + Won(refunded) + " to the buyer";
  if (paid - refunded > 0) after += "; " + Won(paid - refunded) + " released to the shop";
  return after;
}

}  // namespace

std::expected<Order, OrderError> DecideDisputeAs(const DisputeParts& parts, Party party, core::UserId admin,
                                                 core::OrderId id, const DisputeDecision& decision) {
  if (decision.reason.size() > kMaxOrderNote || text::Trim(decision.reason).empty()) {
    return std::unexpected(OrderError::invalid_note);
  }
  // A partial refund's amount is checked against the payment inside the move; a non-positive one
  // needs no store to be refused.
  if (decision.outcome == DisputeOutcome::partial_refund && decision.refund_kpw < 1) {
    return std::unexpected(OrderError::invalid_refund_amount);
  }
  const OrderEvent event = EventOf(decision.outcome);
  const std::optional<std::int64_t> refund_kpw =
      decision.outcome == DisputeOutcome::partial_refund ? std::optional(decision.refund_kpw) : std::nullopt;
  return parts.database.Write([&](db::Connection& connection) -> std::expected<Order, OrderError> {
    const std::optional<Order> order = OrderRepository::Find(connection, id);
    if (!order) return std::unexpected(OrderError::order_not_found);
    // MoveOrderIn refuses anything but an admin on a disputed order, and its status UPDATE is
    // conditional on `disputed`: a second decision, however close behind, changes nothing.
    auto moved = MoveOrderIn(connection, parts.move, *order, party, admin, event, decision.reason, nullptr,
                             parts.clock.Now(), refund_kpw);
    if (!moved) return std::unexpected(moved.error());
    const std::int64_t paid = parts.move.payments.PaidAmount(connection, id).value_or(0);
    const std::int64_t refunded = parts.move.payments.RefundedAmount(connection, id).value_or(0);
    audit::RecordIn(connection, parts.clock.Now(),
                    {admin, "order." + std::string(OrderEventName(event)), "order", std::to_string(id.value),
                     std::string(OrderStatusName(order->status)), AfterOf(*moved, paid, refunded), decision.reason});
    return *OrderRepository::Find(connection, id);
  });
}

Dispute ReadDispute(db::Connection& connection, payments::PaymentService& payments, Order order) {
  Dispute dispute;
  // What escrow took is the order's total (every payment records the total; a coupon's share, if
  // any, is in escrow too).
  dispute.paid_kpw = order.total_kpw;
  for (const OrderStep& step : order.timeline) {
    if (step.to == OrderStatus::return_requested) dispute.return_reason = step.note;
    if (step.to == OrderStatus::return_refused) dispute.refusal_reason = step.note;
    if (step.to == OrderStatus::disputed) {
      dispute.escalation_reason = step.note;
      dispute.escalated_at = step.at;
    }
    if (step.from == OrderStatus::disputed) {
      DisputeSettlement settlement;
      settlement.refund_kpw = payments.RefundedAmount(connection, order.id).value_or(0);
      settlement.outcome = step.to == OrderStatus::returned ? DisputeOutcome::refund
                           : settlement.refund_kpw > 0      ? DisputeOutcome::partial_refund
                                                            : DisputeOutcome::close;
      settlement.reason = step.note;
      settlement.admin = step.actor;
      settlement.at = step.at;
      dispute.settlement = std::move(settlement);
    }
  }
  dispute.order = std::move(order);
  return dispute;
}

DisputePage ReadDisputedOrders(const DisputeParts& parts, int page, int per_page) {
  DisputePage result;
  result.page = std::max(page, 1);
  result.per_page = per_page;
  result.read_at = parts.clock.Now();
  parts.database.Read([&](db::Connection& connection) {
    result.total = OrderRepository::CountByStatus(connection, OrderStatus::disputed);
    // A page of at most per_page orders, each read whole (lines and timeline carry the reasons).
    std::vector<Dispute> items;
    for (core::OrderId id :
         OrderRepository::IdsByStatus(connection, OrderStatus::disputed, result.per_page,
                                      static_cast<std::int64_t>(result.page - 1) * result.per_page)) {
      if (std::optional<Order> order = OrderRepository::Find(connection, id)) {
        items.push_back(ReadDispute(connection, parts.move.payments, std::move(*order)));
      }
    }
    result.items = std::move(items);
  });
  return result;
}

}  // namespace manmulsang::orders
