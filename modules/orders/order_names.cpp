// Names of the order vocabulary as the API and the database write them.

#include <algorithm>
#include <array>
#include <utility>

#include "manmulsang/orders/errors.hpp"
#include "manmulsang/orders/order.hpp"

namespace manmulsang::orders {
namespace {

template <typename Enum, std::size_t Size>
std::optional<Enum> Parse(const std::array<std::pair<Enum, std::string_view>, Size>& names, std::string_view text) {
  for (const auto& [value, name] : names) {
    if (name == text) return value;
  }
  return std::nullopt;
}

template <typename Enum, std::size_t Size>
std::string_view Name(const std::array<std::pair<Enum, std::string_view>, Size>& names, Enum value) {
  for (const auto& [candidate, name] : names) {
    if (candidate == value) return name;
  }
  return "";
}

constexpr std::array<std::pair<PaymentMethod, std::string_view>, 3> kMethods = {{
    {PaymentMethod::wallet, "wallet"},
    {PaymentMethod::cash_on_delivery, "cod"},
    {PaymentMethod::bank_transfer, "bank_transfer"},
}};

constexpr std::array<std::pair<OrderStatus, std::string_view>, 11> kStatuses = {{
    {OrderStatus::awaiting_payment, "awaiting_payment"},
    {OrderStatus::paid, "paid"},
    {OrderStatus::preparing, "preparing"},
    {OrderStatus::shipped, "shipped"},
    {OrderStatus::delivered, "delivered"},
    {OrderStatus::confirmed, "confirmed"},
    {OrderStatus::cancelled, "cancelled"},
    {OrderStatus::return_requested, "return_requested"},
    {OrderStatus::returned, "returned"},
    {OrderStatus::return_refused, "return_refused"},
    {OrderStatus::disputed, "disputed"},
}};

constexpr std::array<std::pair<OrderEvent, std::string_view>, 15> kEvents = {{
    {OrderEvent::pay_from_wallet, "pay_from_wallet"},
    {OrderEvent::confirm_payment, "confirm_payment"},
    {OrderEvent::prepare, "prepare"},
    {OrderEvent::ship, "ship"},
    {OrderEvent::deliver, "deliver"},
    {OrderEvent::confirm, "confirm"},
    {OrderEvent::cancel, "cancel"},
    {OrderEvent::expire, "expire"},
    {OrderEvent::request_return, "request_return"},
    {OrderEvent::accept_return, "accept_return"},
    {OrderEvent::refuse_return, "refuse_return"},
    {OrderEvent::escalate, "escalate"},
    {OrderEvent::resolve_refund, "resolve_refund"},
    {OrderEvent::close_dispute, "close_dispute"},
    {OrderEvent::resolve_partial_refund, "resolve_partial_refund"},
}};

constexpr std::array<std::pair<DisputeOutcome, std::string_view>, 3> kOutcomes = {{
    {DisputeOutcome::refund, "refund"},
    {DisputeOutcome::partial_refund, "partial_refund"},
    {DisputeOutcome::close, "close"},
}};

constexpr std::array<std::pair<Party, std::string_view>, 4> kParties = {{
    {Party::buyer, "buyer"},
    {Party::seller, "seller"},
    {Party::admin, "admin"},
    {Party::system, "system"},
}};

}  // namespace

std::string_view PaymentMethodName(PaymentMethod method) { return Name(kMethods, method); }
std::optional<PaymentMethod> ParsePaymentMethod(std::string_view name) { return Parse(kMethods, name); }
std::string_view OrderStatusName(OrderStatus status) { return Name(kStatuses, status); }
std::optional<OrderStatus> ParseOrderStatus(std::string_view name) { return Parse(kStatuses, name); }
std::string_view OrderEventName(OrderEvent event) { return Name(kEvents, event); }
std::optional<OrderEvent> ParseOrderEvent(std::string_view name) { return Parse(kEvents, name); }
std::string_view PartyName(Party party) { return Name(kParties, party); }
std::string_view DisputeOutcomeName(DisputeOutcome outcome) { return Name(kOutcomes, outcome); }
std::optional<DisputeOutcome> ParseDisputeOutcome(std::string_view name) { return Parse(kOutcomes, name); }

std::int64_t PlatformFee(std::int64_t total_kpw, std::int64_t basis_points) {
  if (total_kpw <= 0 || basis_points <= 0) return 0;
  const __int128 fee = static_cast<__int128>(total_kpw) * basis_points / 10'000;
  return static_cast<std::int64_t>(std::min<__int128>(fee, total_kpw));
}

std::string_view ErrorCode(OrderError error) {
  switch (error) {
    case OrderError::cart_empty:
      return "cart_empty";
    case OrderError::product_unavailable:
      return "product_unavailable";
    case OrderError::out_of_stock:
      return "out_of_stock";
    case OrderError::invalid_quantity:
      return "invalid_quantity";
    case OrderError::invalid_address:
      return "invalid_address";
    case OrderError::invalid_idempotency_key:
      return "invalid_idempotency_key";
    case OrderError::idempotency_key_reused:
      return "idempotency_key_reused";
    case OrderError::checkout_in_progress:
      return "checkout_in_progress";
    case OrderError::insufficient_funds:
      return "insufficient_funds";
    case OrderError::rate_unavailable:
      return "rate_unavailable";
    case OrderError::total_too_large:
      return "total_too_large";
    case OrderError::pickup_unavailable:
      return "pickup_unavailable";
    case OrderError::invalid_carrier:
      return "invalid_carrier";
    case OrderError::invalid_tracking_number:
      return "invalid_tracking_number";
    case OrderError::invalid_note:
      return "invalid_note";
    case OrderError::invalid_refund_amount:
      return "invalid_refund_amount";
    case OrderError::invalid_outcome:
      return "invalid_outcome";
    case OrderError::coupon_below_minimum:
      return "coupon_below_minimum";
    case OrderError::coupon_conflict:
      return "coupon_conflict";
    case OrderError::coupon_unavailable:
      return "coupon_unavailable";
    case OrderError::order_not_found:
      return "order_not_found";
    case OrderError::transition_not_allowed:
      return "transition_not_allowed";
  }
  return "order_error";
}

}  // namespace manmulsang::orders
