#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "manmulsang/db/database.hpp"
#include "manmulsang/sellers/sellers.hpp"

namespace manmulsang::sellers {

// What the admin's shop list matches (SellerService::SearchShops builds it from the text).
struct ShopMatch {
  std::string_view status;   // a status name, or "" for every status
  std::int64_t id = 0;       // a shop or owner id, or 0 for any
  std::string name_pattern;  // a LIKE pattern over name and phone (a backslash escapes % and _); "%" for any
};

// All of this module's SQL. Functions take the connection of the caller's Read/Write so that a
// service decides the transaction boundaries.
class ShopRepository {
 public:
  static std::optional<Shop> Find(db::Connection& connection, core::SellerId id);
  static std::vector<Shop> FindMany(db::Connection& connection, std::span<const core::SellerId> ids);
  static std::int64_t CountByStatus(db::Connection& connection, ShopStatus status);
  static std::vector<Shop> FindByOwner(db::Connection& connection, core::UserId owner);
  static void UpdateDelivery(db::Connection& connection, core::SellerId shop, const DeliveryOptions& options);
  static void UpdateProfile(db::Connection& connection, core::SellerId shop, const ShopSettings& settings);
  static void UpdateLogo(db::Connection& connection, core::SellerId shop, std::string_view logo_url);
  // Oldest first, a page at a time.
  static std::vector<Shop> FindByStatus(db::Connection& connection, ShopStatus status, std::int64_t limit,
                                        std::int64_t offset);
  // Approves or rejects a pending shop; false when the shop is not pending (or unknown).
  static bool Decide(db::Connection& connection, core::SellerId shop, ShopStatus status,
                     std::string_view rejection_reason, std::int64_t decided_at);
  // approved → suspended, and suspended → approved; false when the shop was not in the first status.
  static bool Suspend(db::Connection& connection, core::SellerId shop, std::string_view reason,
                      std::int64_t suspended_at, core::UserId admin);
  static bool Unsuspend(db::Connection& connection, core::SellerId shop);
  static std::int64_t CountMatching(db::Connection& connection, const ShopMatch& match);
  static std::vector<Shop> FindMatching(db::Connection& connection, const ShopMatch& match, std::int64_t limit,
                                        std::int64_t offset);
  static core::SellerId Insert(db::Connection& connection, const NewShop& shop, std::int64_t created_at);
};

}  // namespace manmulsang::sellers
