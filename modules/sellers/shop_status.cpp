#include "manmulsang/sellers/sellers.hpp"

namespace manmulsang::sellers {

std::string_view ShopStatusName(ShopStatus status) {
  switch (status) {
    case ShopStatus::approved:
      return "approved";
    case ShopStatus::rejected:
      return "rejected";
    case ShopStatus::suspended:
      return "suspended";
    case ShopStatus::pending:
      break;
  }
  return "pending";
}

std::optional<ShopStatus> ParseShopStatus(std::string_view name) {
  if (name == "pending") return ShopStatus::pending;
  if (name == "approved") return ShopStatus::approved;
  if (name == "rejected") return ShopStatus::rejected;
  if (name == "suspended") return ShopStatus::suspended;
  return std::nullopt;
}

}  // namespace manmulsang::sellers
