#include <gtest/gtest.h>

#include <array>
#include <set>
#include <tuple>

#include "manmulsang/orders/order_state.hpp"

namespace manmulsang::orders {
namespace {

using enum OrderStatus;
using enum OrderEvent;

constexpr std::array kStatuses = {awaiting_payment, paid,     preparing,        shipped,        delivered, confirmed,
                                  cancelled,        returned, return_requested, return_refused, disputed};
constexpr std::array kEvents = {pay_from_wallet, confirm_payment, prepare,        ship,           deliver,
                                confirm,         cancel,          expire,         request_return, accept_return,
                                refuse_return,   escalate,        resolve_refund, close_dispute,
                                resolve_partial_refund};
constexpr std::array kParties = {Party::buyer, Party::seller, Party::admin, Party::system};
constexpr std::array kMethods = {PaymentMethod::wallet, PaymentMethod::cash_on_delivery, PaymentMethod::bank_transfer};

using Move = std::tuple<OrderStatus, OrderEvent, Party, PaymentMethod, OrderStatus>;

// The lifecycle written out again, move by move, independently of the table it checks.
std::set<Move> ExpectedMoves() {
  std::set<Move> moves;
  const auto add = [&](OrderStatus from, OrderEvent event, std::initializer_list<Party> parties,
                       std::initializer_list<PaymentMethod> methods, OrderStatus to) {
    for (Party party : parties) {
      for (PaymentMethod method : methods) moves.emplace(from, event, party, method, to);
    }
  };
  const auto all_methods = {PaymentMethod::wallet, PaymentMethod::cash_on_delivery, PaymentMethod::bank_transfer};
  const auto people = {Party::buyer, Party::seller, Party::admin};
  const auto shop = {Party::seller, Party::admin};
  add(awaiting_payment, pay_from_wallet, {Party::buyer}, {PaymentMethod::wallet}, paid);
  add(awaiting_payment, confirm_payment, {Party::admin}, {PaymentMethod::bank_transfer}, paid);
  add(awaiting_payment, expire, {Party::system}, {PaymentMethod::bank_transfer}, cancelled);
  add(awaiting_payment, prepare, shop, {PaymentMethod::cash_on_delivery}, preparing);
  add(awaiting_payment, cancel, people, all_methods, cancelled);
  add(paid, prepare, shop, {PaymentMethod::wallet, PaymentMethod::bank_transfer}, preparing);
  add(paid, cancel, people, {PaymentMethod::wallet, PaymentMethod::bank_transfer}, cancelled);
  add(preparing, ship, shop, all_methods, shipped);
  add(preparing, cancel, people, all_methods, cancelled);
  add(shipped, deliver, shop, all_methods, delivered);
  add(shipped, deliver, {Party::system}, {PaymentMethod::wallet, PaymentMethod::bank_transfer}, delivered);
  add(shipped, confirm, {Party::buyer}, all_methods, confirmed);
  add(delivered, confirm, {Party::buyer, Party::admin, Party::system}, all_methods, confirmed);
  add(delivered, request_return, {Party::buyer}, all_methods, return_requested);
  add(return_requested, accept_return, shop, all_methods, returned);
  add(return_requested, refuse_return, shop, all_methods, return_refused);
  add(return_refused, confirm, {Party::buyer, Party::admin, Party::system}, all_methods, confirmed);
  add(return_refused, escalate, {Party::buyer}, all_methods, disputed);
  add(disputed, resolve_refund, {Party::admin}, all_methods, returned);
  add(disputed, close_dispute, {Party::admin}, all_methods, confirmed);
  add(disputed, resolve_partial_refund, {Party::admin}, all_methods, confirmed);
  return moves;
}

TEST(OrderStateTest, EveryCombinationMatchesTheLifecycle) {
  const std::set<Move> expected = ExpectedMoves();
  int allowed = 0;
  for (OrderStatus from : kStatuses) {
    for (OrderEvent event : kEvents) {
      for (Party party : kParties) {
        for (PaymentMethod method : kMethods) {
          auto next = NextStatus(from, event, party, method);
          bool found = false;
          for (const Move& move : expected) {
            if (std::get<0>(move) == from && std::get<1>(move) == event && std::get<2>(move) == party &&
                std::get<3>(move) == method) {
              found = true;
              EXPECT_EQ(next, std::get<4>(move)) << OrderStatusName(from) << " " << OrderEventName(event);
            }
          }
          if (!found) {
            EXPECT_FALSE(next.has_value())
                << OrderStatusName(from) << " --" << OrderEventName(event) << "/" << PartyName(party) << "/"
                << PaymentMethodName(method) << "-> " << OrderStatusName(*next);
          }
          if (next) ++allowed;
        }
      }
    }
  }
  EXPECT_EQ(allowed, static_cast<int>(expected.size()));
}

TEST(OrderStateTest, FinalStatusesHaveNoWayOut) {
  for (OrderStatus final_status : {confirmed, cancelled, returned}) {
    for (const Transition& row : Transitions()) EXPECT_NE(row.from, final_status) << OrderStatusName(final_status);
  }
}

TEST(OrderStateTest, NoCancelAfterShipment) {
  for (OrderStatus from : kStatuses) {
    for (Party party : kParties) {
      for (PaymentMethod method : kMethods) {
        if (NextStatus(from, cancel, party, method)) EXPECT_TRUE(BeforeShipment(from)) << OrderStatusName(from);
      }
    }
  }
  EXPECT_FALSE(BeforeShipment(shipped));
  EXPECT_FALSE(BeforeShipment(delivered));
}

TEST(OrderStateTest, EveryStatusIsReachableFromCheckout) {
  std::set<OrderStatus> reached = {awaiting_payment};
  bool grew = true;
  while (grew) {
    grew = false;
    for (const Transition& row : Transitions()) {
      if (reached.contains(row.from) && reached.insert(row.to).second) grew = true;
    }
  }
  EXPECT_EQ(reached.size(), kStatuses.size());
}

TEST(OrderStateTest, NamesRoundTrip) {
  for (OrderStatus status : kStatuses) EXPECT_EQ(ParseOrderStatus(OrderStatusName(status)), status);
  for (OrderEvent event : kEvents) EXPECT_EQ(ParseOrderEvent(OrderEventName(event)), event);
  for (PaymentMethod method : kMethods) EXPECT_EQ(ParsePaymentMethod(PaymentMethodName(method)), method);
  EXPECT_EQ(ParsePaymentMethod("cod"), PaymentMethod::cash_on_delivery);
  EXPECT_FALSE(ParsePaymentMethod("credit_card").has_value());
  EXPECT_FALSE(ParseOrderStatus("").has_value());
}

TEST(OrderStateTest, PlatformFeeRoundsDownToTheWon) {
  EXPECT_EQ(PlatformFee(10'000, 300), 300);  // 3 %
  EXPECT_EQ(PlatformFee(999, 300), 29);      // 29.97
  EXPECT_EQ(PlatformFee(33, 300), 0);        // 0.99
  EXPECT_EQ(PlatformFee(0, 300), 0);
  EXPECT_EQ(PlatformFee(10'000, 0), 0);
  EXPECT_EQ(PlatformFee(10'000, 10'000), 10'000);
}

}  // namespace
}  // namespace manmulsang::orders
