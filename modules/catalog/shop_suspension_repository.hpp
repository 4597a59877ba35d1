#pragma once

#include <cstdint>
#include <vector>

#include "manmulsang/core/ids.hpp"
#include "manmulsang/db/database.hpp"

namespace manmulsang::catalog {

// The listings a shop's suspension hid (0007_shop_suspension_and_category_admin.sql).
class ShopSuspensionRepository {
 public:
  // Names the shop's active listings (options are stored hidden and follow their listing) and
  // hides them. Returns the listings named for the shop, in id order.
  static std::vector<core::ProductId> HideActiveListings(db::Connection& connection, core::SellerId shop,
                                                         std::int64_t now);
  // Shows the listings the suspension hid that are still hidden and not taken down by an admin
  // since, and forgets them. Returns the listings that had been named, in id order.
  static std::vector<core::ProductId> ShowHiddenListings(db::Connection& connection, core::SellerId shop,
                                                         std::int64_t now);
};

}  // namespace manmulsang::catalog
