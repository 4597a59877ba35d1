#pragma once

#include <array>
#include <chrono>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "demo/demo_random.hpp"
#include "manmulsang/orders/order.hpp"
#include "manmulsang/settings/settings.hpp"

namespace manmulsang::demo {

// How one demo order goes: the status it ends in, how it was paid, and the moves that took it
// there with the time each took (docs/BUYING.md §3). Pure: draws from the Random, no I/O.

// Orders that ended (confirmed, cancelled, returned) ended at most this long ago; the demo's
// listings go back six months.
inline constexpr auto kOrderHistory = std::chrono::days(170);

struct OrderMove {
  std::chrono::seconds gap;  // after the move before (or the checkout)
  orders::OrderEvent event = orders::OrderEvent::prepare;
  orders::Party party = orders::Party::seller;
  std::string note;
};

// One of every (status, method) path, so that even the smallest demo shows each status.
std::span<const std::pair<orders::OrderStatus, orders::PaymentMethod>> EveryOrderPath();

// A status as a marketplace's orders are spread (most confirmed), and a payment method that can
// lead to it.
orders::OrderStatus PickOrderStatus(Random& random);
orders::PaymentMethod PickPaymentMethod(Random& random, orders::OrderStatus target);

// The moves that take a fresh order to target with method.
std::vector<OrderMove> PlanMoves(Random& random, orders::OrderStatus target, orders::PaymentMethod method,
                                 const settings::Settings& settings);

// When the order's last move happened, counted back from now. The server's jobs move unpaid
// bank transfers after the bank-transfer deadline and delivered orders after the auto-confirm days:
// those orders end well inside their windows, so the jobs leave them where the demo put them.
std::chrono::seconds AgeOfLastMove(Random& random, orders::OrderStatus target, const settings::Settings& settings);

// A duration between low and high hours, to the second.
std::chrono::seconds RandomHours(Random& random, std::int64_t low, std::int64_t high);

}  // namespace manmulsang::demo
