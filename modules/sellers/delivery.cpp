#include "manmulsang/sellers/delivery.hpp"

namespace manmulsang::sellers {

std::string_view DeliveryMethodName(DeliveryMethod method) {
  return method == DeliveryMethod::pickup ? "pickup" : "courier";
}

std::optional<DeliveryMethod> ParseDeliveryMethod(std::string_view name) {
  if (name == "courier") return DeliveryMethod::courier;
  if (name == "pickup") return DeliveryMethod::pickup;
  return std::nullopt;
}

std::optional<std::int64_t> DeliveryFee(const DeliveryOptions& options, DeliveryMethod method,
                                        std::int64_t subtotal_kpw) {
  if (method == DeliveryMethod::pickup) {
    if (!options.pickup_offered) return std::nullopt;
    return 0;
  }
  if (options.free_courier_from_kpw && subtotal_kpw >= *options.free_courier_from_kpw) return 0;
  return options.courier_fee_kpw;
}

}  // namespace manmulsang::sellers
