#include "wishlist_repository.hpp"

#include <string_view>

#include "manmulsang/db/readable.hpp"

namespace manmulsang::wishlist {
namespace {

constexpr std::string_view kInsertItem =
    "INSERT INTO wishlist_items (user_id, product_id, product_name, saved_price_amount, saved_currency, saved_at) "
    "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (user_id, product_id) DO NOTHING RETURNING product_id";
constexpr std::string_view kDeleteItem =
    "DELETE FROM wishlist_items WHERE user_id = $1 AND product_id = $2 RETURNING product_id";
constexpr std::string_view kCountItems = "SELECT COUNT(*) FROM wishlist_items WHERE user_id = $1";
constexpr std::string_view kItems =
    "SELECT product_id, product_name, saved_price_amount, saved_currency, saved_at FROM wishlist_items "
    "WHERE user_id = $1 ORDER BY saved_at DESC, product_id DESC LIMIT $2 OFFSET $3";
constexpr std::string_view kIsSaved = "SELECT 1 FROM wishlist_items WHERE user_id = $1 AND product_id = $2";

constexpr std::string_view kInsertFollow =
    "INSERT INTO shop_follows (user_id, seller_id, followed_at) VALUES ($1, $2, $3) "
    "ON CONFLICT (user_id, seller_id) DO NOTHING RETURNING seller_id";
constexpr std::string_view kDeleteFollow =
    "DELETE FROM shop_follows WHERE user_id = $1 AND seller_id = $2 RETURNING seller_id";
constexpr std::string_view kIsFollowing = "SELECT 1 FROM shop_follows WHERE user_id = $1 AND seller_id = $2";
constexpr std::string_view kCountFollows = "SELECT COUNT(*) FROM shop_follows WHERE user_id = $1";
constexpr std::string_view kFollows =
    "SELECT seller_id, followed_at FROM shop_follows WHERE user_id = $1 "
    "ORDER BY followed_at DESC, seller_id DESC LIMIT $2 OFFSET $3";

constexpr std::string_view kUpsertView =
    "INSERT INTO recently_viewed (user_id, product_id, viewed_at) VALUES ($1, $2, $3) "
    "ON CONFLICT (user_id, product_id) DO UPDATE SET viewed_at = excluded.viewed_at";
constexpr std::string_view kTrimViews =
    "DELETE FROM recently_viewed WHERE user_id = $1 AND product_id NOT IN ("
    "SELECT product_id FROM recently_viewed WHERE user_id = $1 ORDER BY viewed_at DESC, product_id DESC LIMIT $2)";
constexpr std::string_view kRecentlyViewed =
    "SELECT product_id FROM recently_viewed WHERE user_id = $1 ORDER BY viewed_at DESC, product_id DESC LIMIT $2";

}  // namespace

bool WishlistRepository::InsertItem(db::Connection& connection, core::UserId user, core::ProductId product,
                                    const std::string& name, core::Money price, std::int64_t now) {
  return connection
      .QueryOne(kInsertItem, {user.value, product.value, std::string_view(name), price.amount,
                              core::CurrencyCode(price.currency), now})
      .has_value();
}

bool WishlistRepository::DeleteItem(db::Connection& connection, core::UserId user, core::ProductId product) {
  return connection.QueryOne(kDeleteItem, {user.value, product.value}).has_value();
}

std::int64_t WishlistRepository::CountItems(db::Connection& connection, core::UserId user) {
  auto row = connection.QueryOne(kCountItems, {user.value});
  return row ? row->Int(0) : 0;
}

std::vector<SavedRow> WishlistRepository::Items(db::Connection& connection, core::UserId user, std::int64_t limit,
                                                std::int64_t offset) {
  std::vector<SavedRow> items;
  for (const db::Row& row : connection.Query(kItems, {user.value, limit, offset})) {
    SavedRow item;
    item.product = core::ProductId{row.Int(0)};
    item.name = row.Text(1);
    item.saved_price.amount = row.Int(2);
    item.saved_price.currency = db::Readable(core::ParseCurrency(row.Text(3)), "wishlist currency", row.Text(3));
    item.saved_at = core::FromUnixSeconds(row.Int(4));
    items.push_back(std::move(item));
  }
  return items;
}

std::vector<core::ProductId> WishlistRepository::SavedAmong(db::Connection& connection, core::UserId user,
                                                            std::span<const core::ProductId> ids) {
  // A page shows a few dozen cards: one indexed look-up each keeps the statement the same for
  // every page (prepared once) instead of one per length of id list.
  std::vector<core::ProductId> saved;
  for (const core::ProductId id : ids) {
    if (connection.QueryOne(kIsSaved, {user.value, id.value})) saved.push_back(id);
  }
  return saved;
}

bool WishlistRepository::InsertFollow(db::Connection& connection, core::UserId user, core::SellerId shop,
                                      std::int64_t now) {
  return connection.QueryOne(kInsertFollow, {user.value, shop.value, now}).has_value();
}

bool WishlistRepository::DeleteFollow(db::Connection& connection, core::UserId user, core::SellerId shop) {
  return connection.QueryOne(kDeleteFollow, {user.value, shop.value}).has_value();
}

bool WishlistRepository::IsFollowing(db::Connection& connection, core::UserId user, core::SellerId shop) {
  return connection.QueryOne(kIsFollowing, {user.value, shop.value}).has_value();
}

std::int64_t WishlistRepository::CountFollows(db::Connection& connection, core::UserId user) {
  auto row = connection.QueryOne(kCountFollows, {user.value});
  return row ? row->Int(0) : 0;
}

std::vector<FollowRow> WishlistRepository::Follows(db::Connection& connection, core::UserId user, std::int64_t limit,
                                                   std::int64_t offset) {
  std::vector<FollowRow> follows;
  for (const db::Row& row : connection.Query(kFollows, {user.value, limit, offset})) {
    follows.push_back({core::SellerId{row.Int(0)}, core::FromUnixSeconds(row.Int(1))});
  }
  return follows;
}

void WishlistRepository::RecordView(db::Connection& connection, core::UserId user, core::ProductId product,
                                    std::int64_t now, std::int64_t kept) {
  connection.Execute(kUpsertView, {user.value, product.value, now});
  connection.Execute(kTrimViews, {user.value, kept});
}

std::vector<core::ProductId> WishlistRepository::RecentlyViewed(db::Connection& connection, core::UserId user,
                                                                std::int64_t limit) {
  std::vector<core::ProductId> ids;
  for (const db::Row& row : connection.Query(kRecentlyViewed, {user.value, limit})) {
    ids.push_back(core::ProductId{row.Int(0)});
  }
  return ids;
}

}  // namespace manmulsang::wishlist
