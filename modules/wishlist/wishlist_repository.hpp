#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "manmulsang/core/clock.hpp"
#include "manmulsang/core/ids.hpp"
#include "manmulsang/core/money.hpp"
#include "manmulsang/db/database.hpp"

namespace manmulsang::wishlist {

// A wishlist row as stored: what the member saw when saving.
struct SavedRow {
  core::ProductId product;
  std::string name;
  core::Money saved_price;
  core::TimePoint saved_at;
};

struct FollowRow {
  core::SellerId shop;
  core::TimePoint followed_at;
};

// All the SQL of wishlists, follows and recently viewed products. Every statement names the
// member, so no row of another member can be read or changed through it.
class WishlistRepository {
 public:
  // Insert-first: true when the row is new (a second save of the same product changes nothing).
  static bool InsertItem(db::Connection& connection, core::UserId user, core::ProductId product,
                         const std::string& name, core::Money price, std::int64_t now);
  static bool DeleteItem(db::Connection& connection, core::UserId user, core::ProductId product);
  static std::int64_t CountItems(db::Connection& connection, core::UserId user);
  static std::vector<SavedRow> Items(db::Connection& connection, core::UserId user, std::int64_t limit,
                                     std::int64_t offset);
  static std::vector<core::ProductId> SavedAmong(db::Connection& connection, core::UserId user,
                                                 std::span<const core::ProductId> ids);

  static bool InsertFollow(db::Connection& connection, core::UserId user, core::SellerId shop, std::int64_t now);
  static bool DeleteFollow(db::Connection& connection, core::UserId user, core::SellerId shop);
  static bool IsFollowing(db::Connection& connection, core::UserId user, core::SellerId shop);
  static std::int64_t CountFollows(db::Connection& connection, core::UserId user);
  static std::vector<FollowRow> Follows(db::Connection& connection, core::UserId user, std::int64_t limit,
                                        std::int64_t offset);

  // Upserts the view and drops the member's views beyond the latest `kept`: run again, it leaves
  // the same rows.
  static void RecordView(db::Connection& connection, core::UserId user, core::ProductId product, std::int64_t now,
                         std::int64_t kept);
  static std::vector<core::ProductId> RecentlyViewed(db::Connection& connection, core::UserId user, std::int64_t limit);
};

}  // namespace manmulsang::wishlist
