// The order lifecycle as data: every allowed move is one row; anything else is refused.

#include <algorithm>
#include <array>

#include "manmulsang/orders/order_state.hpp"

namespace manmulsang::orders {
namespace {

using enum OrderStatus;
using enum OrderEvent;

constexpr std::array kBuyer = {Party::buyer};
constexpr std::array kShop = {Party::seller, Party::admin};
constexpr std::array kAdmin = {Party::admin};
constexpr std::array kSystem = {Party::system};
constexpr std::array kAnyoneButSystem = {Party::buyer, Party::seller, Party::admin};
// The buyer confirms; the system does it after the configured number of days; an admin settles disputes.
constexpr std::array kConfirmers = {Party::buyer, Party::admin, Party::system};

constexpr std::array kTable = {
    // Wallet: checkout pays it in the transaction that places it.
    Transition{awaiting_payment, pay_from_wallet, paid, kBuyer, MethodRule::wallet},
    // Bank transfer: the admin confirms the deposit, or the deadline passes.
    Transition{awaiting_payment, confirm_payment, paid, kAdmin, MethodRule::bank_transfer},
    Transition{awaiting_payment, expire, cancelled, kSystem, MethodRule::bank_transfer},
    // Cash on delivery is paid at the door: the shop prepares it unpaid.
    Transition{awaiting_payment, prepare, preparing, kShop, MethodRule::cash_on_delivery},
    Transition{awaiting_payment, cancel, cancelled, kAnyoneButSystem, MethodRule::any},
    Transition{paid, prepare, preparing, kShop, MethodRule::prepaid},
    Transition{paid, cancel, cancelled, kAnyoneButSystem, MethodRule::prepaid},
    Transition{preparing, ship, shipped, kShop, MethodRule::any},
    Transition{preparing, cancel, cancelled, kAnyoneButSystem, MethodRule::any},
    Transition{shipped, deliver, delivered, kShop, MethodRule::any},
    // A parcel the shop never marks delivered is delivered after the configured days
    // (OrderService::AutoDeliverShipped). Not cash on delivery: its deliver records the cash
    // collected at the door, which the system cannot know was handed over.
    Transition{shipped, deliver, delivered, kSystem, MethodRule::prepaid},
    // The buyer who has the parcel confirms without waiting for the shop's 배송 완료 (for cash
    // on delivery the confirm records the cash paid at the door first: order_move.cpp).
    Transition{shipped, confirm, confirmed, kBuyer, MethodRule::any},
    Transition{delivered, confirm, confirmed, kConfirmers, MethodRule::any},
    Transition{delivered, request_return, return_requested, kBuyer, MethodRule::any},
    Transition{return_requested, accept_return, returned, kShop, MethodRule::any},
    // The shop may refuse a return with a reason; the buyer then accepts (confirms, or lets the
    // auto-confirm days pass) or escalates, and an admin decides.
    Transition{return_requested, refuse_return, return_refused, kShop, MethodRule::any},
    Transition{return_refused, confirm, confirmed, kConfirmers, MethodRule::any},
    Transition{return_refused, escalate, disputed, kBuyer, MethodRule::any},
    Transition{disputed, resolve_refund, returned, kAdmin, MethodRule::any},
    Transition{disputed, close_dispute, confirmed, kAdmin, MethodRule::any},
    // In part: the sale stands (the goods stayed with the buyer), a part of the price goes back.
    Transition{disputed, resolve_partial_refund, confirmed, kAdmin, MethodRule::any},
};

bool Applies(MethodRule rule, PaymentMethod method) {
  switch (rule) {
    case MethodRule::any:
      return true;
    case MethodRule::wallet:
      return method == PaymentMethod::wallet;
    case MethodRule::cash_on_delivery:
      return method == PaymentMethod::cash_on_delivery;
    case MethodRule::bank_transfer:
      return method == PaymentMethod::bank_transfer;
    case MethodRule::prepaid:
      return method != PaymentMethod::cash_on_delivery;
  }
  return false;
}

}  // namespace

std::span<const Transition> Transitions() { return kTable; }

std::optional<OrderStatus> NextStatus(OrderStatus from, OrderEvent event, Party party, PaymentMethod method) {
  for (const Transition& row : kTable) {
    if (row.from == from && row.event == event && Applies(row.methods, method) &&
        std::ranges::find(row.parties, party) != row.parties.end()) {
      return row.to;
    }
  }
  return std::nullopt;
}

bool BeforeShipment(OrderStatus status) { return status == awaiting_payment || status == paid || status == preparing; }

}  // namespace manmulsang::orders
