#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "manmulsang/db/database.hpp"
#include "manmulsang/sellers/sellers.hpp"

namespace manmulsang::sellers {

// All of this module's SQL. Functions take the connection of the caller's Read/Write so that a
// service decides the transaction boundaries.
class ShopRepository {
 public:
  static std::optional<Shop> Find(db::Connection& connection, core::SellerId id);
  static std::vector<Shop> FindMany(db::Connection& connection, std::span<const core::SellerId> ids);
  static std::int64_t CountByStatus(db::Connection& connection, ShopStatus status);
  static std::vector<Shop> FindByOwner(db::Connection& connection, core::UserId owner);
  static void UpdateDelivery(db::Connection& connection, core::SellerId shop, const DeliveryOptions& options);
  static core::SellerId Insert(db::Connection& connection, const NewShop& shop, std::int64_t created_at);
};

}  // namespace manmulsang::sellers
