#pragma once

#include <optional>
#include <span>

#include "manmulsang/orders/order.hpp"

namespace manmulsang::orders {

// Which payment methods a transition applies to.
enum class MethodRule { any, wallet, cash_on_delivery, bank_transfer, prepaid /* wallet or bank transfer */ };

// One row of the lifecycle table. parties lists who may cause it.
struct Transition {
  OrderStatus from;
  OrderEvent event;
  OrderStatus to;
  std::span<const Party> parties;
  MethodRule methods = MethodRule::any;
};

// The whole table, for tests and the documentation.
std::span<const Transition> Transitions();

// The status that follows, or nullopt when the table has no such row: a pure function, no I/O.
std::optional<OrderStatus> NextStatus(OrderStatus from, OrderEvent event, Party party, PaymentMethod method);

// Statuses in which the shop still holds the goods: a cancel restocks and refunds.
bool BeforeShipment(OrderStatus status);

}  // namespace manmulsang::orders
