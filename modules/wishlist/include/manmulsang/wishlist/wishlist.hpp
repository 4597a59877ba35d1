#pragma once

#include <chrono>
#include <cstdint>
#include <expected>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "manmulsang/catalog/catalog.hpp"
#include "manmulsang/core/clock.hpp"
#include "manmulsang/core/context.hpp"
#include "manmulsang/core/embedded_file.hpp"
#include "manmulsang/db/database.hpp"
#include "manmulsang/sellers/sellers.hpp"

namespace manmulsang::wishlist {

enum class WishlistError {
  not_signed_in,      // 401: only members keep a wishlist or follow shops
  product_not_found,  // 404: unknown, not sold (hidden, deleted) or an option rather than a listing
  shop_not_found,     // 404: unknown or not an approved shop
  wishlist_full,      // 409: kMaxWishlistItems saved already
  too_many_follows,   // 409: kMaxFollowedShops followed already
};

// "product_not_found"; the words people read are the i18n catalogs' wishlist.error.<code>.
std::string_view ErrorCode(WishlistError error);

// A list a person reads in one sitting; past it the member is told to tidy up, not silently cut.
inline constexpr std::int64_t kMaxWishlistItems = 1000;
inline constexpr std::int64_t kMaxFollowedShops = 500;
// The recently viewed strip keeps this many products per member (older views are dropped).
inline constexpr std::int64_t kRecentlyViewedKept = 50;
// Following a shop shows what it listed in this window.
inline constexpr std::chrono::days kNewListingsWindow{30};
inline constexpr int kMaxPerPage = 100;

struct WishlistItem {
  core::ProductId product;
  // The listing's name now; the name it had when saved once it is no longer sold.
  std::string name;
  core::SellerId shop;
  std::string shop_name;
  std::string image_url;  // list size of the first picture; empty: none (or no longer sold)
  core::Money saved_price;
  // Now; nullopt when the listing is no longer sold (hidden by its shop or an admin, deleted).
  std::optional<core::Money> price;
  // saved_price - price when the price fell since (same currency); nullopt otherwise.
  std::optional<core::Money> price_drop;
  bool sold_out = false;  // sold, but none in stock
  bool available = true;  // false: no longer sold
  core::TimePoint saved_at;
};

struct WishlistPage {
  std::vector<WishlistItem> items;  // newest saved first
  std::int64_t total = 0;
  int page = 1;
  int per_page = 20;
};

struct FollowedShop {
  sellers::Shop shop;
  core::TimePoint followed_at;
};

struct FollowedShopPage {
  std::vector<FollowedShop> items;  // newest followed first
  std::int64_t total = 0;
  int page = 1;
  int per_page = 20;
};

// 찜, followed shops and recently viewed products. Every read and write is the signed-in actor's
// own: another member's rows are never named by any method.
class WishlistService {
 public:
  WishlistService(db::Database& database, const core::Clock& clock, sellers::SellerService& sellers,
                  catalog::CatalogService& catalog);
  ~WishlistService();

  // Saves an active listing at its current price; saving it again changes nothing (the first
  // price is kept, so a drop stays visible). wishlist_full past kMaxWishlistItems.
  std::expected<void, WishlistError> Save(const core::Actor& actor, core::ProductId product);
  // Removes it; a product never saved is fine, an unknown one (never saved and not sold) is
  // product_not_found. A listing no longer sold can still be removed.
  std::expected<void, WishlistError> Remove(const core::Actor& actor, core::ProductId product);
  std::expected<WishlistPage, WishlistError> List(const core::Actor& actor, int page = 1, int per_page = 20);
  // The products among ids the actor saved (hearts on cards); nobody signed in: none.
  std::vector<core::ProductId> SavedAmong(const core::Actor& actor, std::span<const core::ProductId> ids);
  std::int64_t Count(const core::Actor& actor);

  // Follows an approved shop (again: nothing changes). too_many_follows past kMaxFollowedShops.
  std::expected<void, WishlistError> Follow(const core::Actor& actor, core::SellerId shop);
  // Unfollows; an unknown shop the actor does not follow is shop_not_found.
  std::expected<void, WishlistError> Unfollow(const core::Actor& actor, core::SellerId shop);
  bool IsFollowing(const core::Actor& actor, core::SellerId shop);
  std::expected<FollowedShopPage, WishlistError> FollowedShops(const core::Actor& actor, int page = 1,
                                                               int per_page = 20);
  // The active listings of the followed shops listed within kNewListingsWindow, newest first.
  std::expected<catalog::ProductPage, WishlistError> NewListings(const core::Actor& actor, int page = 1,
                                                                 int per_page = 24);

  // A signed-in member viewed the product page: it goes first in their recently viewed products,
  // which keep the latest kRecentlyViewedKept. Anyone else: nothing is recorded.
  void RecordView(const core::Actor& actor, core::ProductId product);
  // The actor's recently viewed products that are still sold, latest first, at most limit.
  std::vector<catalog::Product> RecentlyViewed(const core::Actor& actor, int limit = 12);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

std::span<const core::EmbeddedFile> Migrations();

}  // namespace manmulsang::wishlist
