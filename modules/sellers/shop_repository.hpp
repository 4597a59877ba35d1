#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
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
  static void UpdateLogo(db::Connection& connection, core::SellerId shop, std::string_view logo_url);
  // Oldest first, a page at a time.
  static std::vector<Shop> FindByStatus(db::Connection& connection, ShopStatus status, std::int64_t limit,
                                        std::int64_t offset);
  // Approves or rejects a pending shop; false when the shop is not pending (or unknown).
  static bool Decide(db::Connection& connection, core::SellerId shop, ShopStatus status,
                     std::string_view rejection_reason, std::int64_t decided_at);
  static core::SellerId Insert(db::Connection& connection, const NewShop& shop, std::int64_t created_at);
};

}  // namespace manmulsang::sellers
