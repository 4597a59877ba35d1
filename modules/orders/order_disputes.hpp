#pragma once

#include <expected>

#include "manmulsang/core/clock.hpp"
#include "manmulsang/db/database.hpp"
#include "manmulsang/orders/order.hpp"
#include "manmulsang/payments/payments.hpp"
#include "order_move.hpp"

namespace manmulsang::orders {

// What deciding and reading disputes work with (OrderService passes its own parts).
struct DisputeParts {
  db::Database& database;
  const core::Clock& clock;
  OrderMoveParts move;
};

// OrderService::DecideDispute once the party is known: the decision's move, its money and its
// audit entry in one Write.
std::expected<Order, OrderError> DecideDisputeAs(const DisputeParts& parts, Party party, core::UserId admin,
                                                 core::OrderId id, const DisputeDecision& decision);

// The order's dispute as its timeline and the ledger tell it.
Dispute ReadDispute(db::Connection& connection, payments::PaymentService& payments, Order order);

// The admin's queue, oldest escalation first; per_page already clamped.
DisputePage ReadDisputedOrders(const DisputeParts& parts, int page, int per_page);

}  // namespace manmulsang::orders
