#include <algorithm>
#include <unordered_map>

#include "embedded/wishlist_migrations.hpp"
#include "manmulsang/wishlist/wishlist.hpp"
#include "wishlist_repository.hpp"

namespace manmulsang::wishlist {

struct WishlistService::Impl {
  db::Database& database;
  const core::Clock& clock;
  sellers::SellerService& sellers;
  catalog::CatalogService& catalog;

  std::vector<core::SellerId> AllFollowedShops(core::UserId user) {
    std::vector<FollowRow> follows = database.Read([&](db::Connection& connection) {
      return WishlistRepository::Follows(connection, user, kMaxFollowedShops, 0);
    });
    std::vector<core::SellerId> shops;
    shops.reserve(follows.size());
    for (const FollowRow& follow : follows) shops.push_back(follow.shop);
    return shops;
  }
};

namespace {

int PageNumber(int page) { return std::clamp(page, 1, 100'000); }
int PerPage(int per_page) { return std::clamp(per_page, 1, kMaxPerPage); }
std::int64_t Offset(int page, int per_page) { return static_cast<std::int64_t>(page - 1) * per_page; }

WishlistItem ItemOf(const SavedRow& row, const catalog::Product* product) {
  WishlistItem item;
  item.product = row.product;
  item.name = row.name;
  item.saved_price = row.saved_price;
  item.saved_at = row.saved_at;
  if (!product) {
    item.available = false;
    return item;
  }
  item.name = product->name;
  item.shop = product->seller;
  item.shop_name = product->seller_name;
  if (!product->list_images.empty()) {
    item.image_url = product->list_images.front();
  } else if (!product->images.empty()) {
    item.image_url = product->images.front();
  }
  item.price = product->price;
  item.sold_out = product->stock <= 0;
  if (product->price.currency == row.saved_price.currency && product->price.amount < row.saved_price.amount) {
    item.price_drop = core::Money{row.saved_price.amount - product->price.amount, row.saved_price.currency};
  }
  return item;
}

}  // namespace

WishlistService::WishlistService(db::Database& database, const core::Clock& clock, sellers::SellerService& sellers,
                                 catalog::CatalogService& catalog)
    : impl_(std::make_unique<Impl>(Impl{database, clock, sellers, catalog})) {}

WishlistService::~WishlistService() = default;

std::expected<void, WishlistError> WishlistService::Save(const core::Actor& actor, core::ProductId id) {
  if (!actor.signed_in()) return std::unexpected(WishlistError::not_signed_in);
  auto product = impl_->catalog.GetProduct(id);
  // Options are bought from their listing's page; the listing is what a member saves.
  if (!product || product->parent) return std::unexpected(WishlistError::product_not_found);
  const core::UserId user = *actor.user;
  const std::int64_t now = core::ToUnixSeconds(impl_->clock.Now());
  // Insert first, then count: two saves at once of different products cannot both slip under
  // the cap (SQLite writes one at a time; PostgreSQL's SERIALIZABLE runs one of them again).
  return impl_->database.Write([&](db::Connection& connection) -> std::expected<void, WishlistError> {
    if (!WishlistRepository::InsertItem(connection, user, id, product->name, product->price, now)) return {};
    if (WishlistRepository::CountItems(connection, user) > kMaxWishlistItems) {
      return std::unexpected(WishlistError::wishlist_full);  // rolled back
    }
    return {};
  });
}

std::expected<void, WishlistError> WishlistService::Remove(const core::Actor& actor, core::ProductId id) {
  if (!actor.signed_in()) return std::unexpected(WishlistError::not_signed_in);
  const core::UserId user = *actor.user;
  const bool removed = impl_->database.Write(
      [&](db::Connection& connection) { return WishlistRepository::DeleteItem(connection, user, id); });
  if (removed) return {};
  if (!impl_->catalog.GetProduct(id)) return std::unexpected(WishlistError::product_not_found);
  return {};
}

std::expected<WishlistPage, WishlistError> WishlistService::List(const core::Actor& actor, int page, int per_page) {
  if (!actor.signed_in()) return std::unexpected(WishlistError::not_signed_in);
  const core::UserId user = *actor.user;
  WishlistPage result;
  result.page = PageNumber(page);
  result.per_page = PerPage(per_page);
  std::vector<SavedRow> rows;
  impl_->database.Read([&](db::Connection& connection) {
    rows = WishlistRepository::Items(connection, user, result.per_page, Offset(result.page, result.per_page));
    result.total = WishlistRepository::CountItems(connection, user);
  });
  std::vector<core::ProductId> ids;
  ids.reserve(rows.size());
  for (const SavedRow& row : rows) ids.push_back(row.product);
  // One batched read of the catalog; what it leaves out is no longer sold.
  std::vector<catalog::Product> products = impl_->catalog.ActiveProducts(ids);
  std::unordered_map<std::int64_t, const catalog::Product*> by_id;
  for (const catalog::Product& product : products) by_id.emplace(product.id.value, &product);
  for (const SavedRow& row : rows) {
    auto found = by_id.find(row.product.value);
    result.items.push_back(ItemOf(row, found == by_id.end() ? nullptr : found->second));
  }
  return result;
}

std::vector<core::ProductId> WishlistService::SavedAmong(const core::Actor& actor,
                                                         std::span<const core::ProductId> ids) {
  if (!actor.signed_in() || ids.empty()) return {};
  const core::UserId user = *actor.user;
  return impl_->database.Read(
      [&](db::Connection& connection) { return WishlistRepository::SavedAmong(connection, user, ids); });
}

std::int64_t WishlistService::Count(const core::Actor& actor) {
  if (!actor.signed_in()) return 0;
  const core::UserId user = *actor.user;
  return impl_->database.Read(
      [&](db::Connection& connection) { return WishlistRepository::CountItems(connection, user); });
}

std::expected<void, WishlistError> WishlistService::Follow(const core::Actor& actor, core::SellerId id) {
  if (!actor.signed_in()) return std::unexpected(WishlistError::not_signed_in);
  auto shop = impl_->sellers.GetShop(id);
  if (!shop || shop->status != sellers::ShopStatus::approved) return std::unexpected(WishlistError::shop_not_found);
  const core::UserId user = *actor.user;
  const std::int64_t now = core::ToUnixSeconds(impl_->clock.Now());
  return impl_->database.Write([&](db::Connection& connection) -> std::expected<void, WishlistError> {
    if (!WishlistRepository::InsertFollow(connection, user, id, now)) return {};
    if (WishlistRepository::CountFollows(connection, user) > kMaxFollowedShops) {
      return std::unexpected(WishlistError::too_many_follows);  // rolled back
    }
    return {};
  });
}

std::expected<void, WishlistError> WishlistService::Unfollow(const core::Actor& actor, core::SellerId id) {
  if (!actor.signed_in()) return std::unexpected(WishlistError::not_signed_in);
  const core::UserId user = *actor.user;
  const bool removed = impl_->database.Write(
      [&](db::Connection& connection) { return WishlistRepository::DeleteFollow(connection, user, id); });
  if (removed) return {};
  if (!impl_->sellers.GetShop(id)) return std::unexpected(WishlistError::shop_not_found);
  return {};
}

bool WishlistService::IsFollowing(const core::Actor& actor, core::SellerId shop) {
  if (!actor.signed_in()) return false;
  const core::UserId user = *actor.user;
  return impl_->database.Read(
      [&](db::Connection& connection) { return WishlistRepository::IsFollowing(connection, user, shop); });
}

std::expected<FollowedShopPage, WishlistError> WishlistService::FollowedShops(const core::Actor& actor, int page,
                                                                              int per_page) {
  if (!actor.signed_in()) return std::unexpected(WishlistError::not_signed_in);
  const core::UserId user = *actor.user;
  FollowedShopPage result;
  result.page = PageNumber(page);
  result.per_page = PerPage(per_page);
  std::vector<FollowRow> rows;
  impl_->database.Read([&](db::Connection& connection) {
    rows = WishlistRepository::Follows(connection, user, result.per_page, Offset(result.page, result.per_page));
    result.total = WishlistRepository::CountFollows(connection, user);
  });
  std::vector<core::SellerId> ids;
  for (const FollowRow& row : rows) ids.push_back(row.shop);
  std::vector<sellers::Shop> shops = impl_->sellers.FindShops(ids);
  for (const FollowRow& row : rows) {
    auto shop = std::ranges::find(shops, row.shop, &sellers::Shop::id);
    if (shop != shops.end()) result.items.push_back({*shop, row.followed_at});
  }
  return result;
}

std::expected<catalog::ProductPage, WishlistError> WishlistService::NewListings(const core::Actor& actor, int page,
                                                                                int per_page) {
  if (!actor.signed_in()) return std::unexpected(WishlistError::not_signed_in);
  const std::vector<core::SellerId> shops = impl_->AllFollowedShops(*actor.user);
  return impl_->catalog.NewestOfShops(shops, impl_->clock.Now() - kNewListingsWindow, PageNumber(page),
                                      PerPage(per_page));
}

void WishlistService::RecordView(const core::Actor& actor, core::ProductId product) {
  if (!actor.signed_in()) return;
  const core::UserId user = *actor.user;
  const std::int64_t now = core::ToUnixSeconds(impl_->clock.Now());
  impl_->database.Write([&](db::Connection& connection) {
    WishlistRepository::RecordView(connection, user, product, now, kRecentlyViewedKept);
  });
}

std::vector<catalog::Product> WishlistService::RecentlyViewed(const core::Actor& actor, int limit) {
  if (!actor.signed_in()) return {};
  const core::UserId user = *actor.user;
  limit = std::clamp<int>(limit, 0, static_cast<int>(kRecentlyViewedKept));
  std::vector<core::ProductId> ids = impl_->database.Read(
      [&](db::Connection& connection) { return WishlistRepository::RecentlyViewed(connection, user, limit); });
  // ActiveProducts answers in id order; the strip keeps the order of the views.
  std::vector<catalog::Product> products = impl_->catalog.ActiveProducts(ids);
  std::vector<catalog::Product> ordered;
  for (const core::ProductId id : ids) {
    auto found = std::ranges::find(products, id, &catalog::Product::id);
    if (found != products.end()) ordered.push_back(std::move(*found));
  }
  return ordered;
}

std::span<const core::EmbeddedFile> Migrations() { return embedded::wishlist_migrations(); }

}  // namespace manmulsang::wishlist
