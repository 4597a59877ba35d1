#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "manmulsang/core/ids.hpp"

namespace manmulsang::sellers {

// How a shop's order reaches the buyer (docs/BUYING.md §1a).
enum class DeliveryMethod { courier, pickup };

// API names: "courier", "pickup".
std::string_view DeliveryMethodName(DeliveryMethod method);
std::optional<DeliveryMethod> ParseDeliveryMethod(std::string_view name);

// The buyer's choice per shop at checkout; a shop not named goes by courier.
using DeliveryChoices = std::map<core::SellerId, DeliveryMethod>;

// A shop's delivery settings. Courier is always offered; pickup only when the shop says so.
// Money is whole won (KPW): a fee is a fixed amount per order, so nothing is ever rounded.
struct DeliveryOptions {
  std::int64_t courier_fee_kpw = 0;
  // An order whose goods come to at least this much travels by courier for free; none: never.
  std::optional<std::int64_t> free_courier_from_kpw;
  bool pickup_offered = false;
  std::string pickup_place;  // where the buyer collects (shown on the cart and the order)

  bool operator==(const DeliveryOptions&) const = default;
};

inline constexpr std::int64_t kMaxDeliveryFee = 1'000'000;              // won
inline constexpr std::int64_t kMaxFreeCourierFrom = 1'000'000'000'000;  // won, the order cap
inline constexpr std::size_t kMaxPickupPlace = 200;                     // bytes

// What one shop's order pays for delivery, given the goods' subtotal in won: the courier fee,
// or nothing once the subtotal reaches the free threshold; pickup costs nothing. nullopt when
// the method is pickup and the shop offers none.
std::optional<std::int64_t> DeliveryFee(const DeliveryOptions& options, DeliveryMethod method,
                                        std::int64_t subtotal_kpw);

}  // namespace manmulsang::sellers
