#pragma once

#include "manmulsang/catalog/catalog.hpp"
#include "manmulsang/html/renderer.hpp"
#include "manmulsang/http/router.hpp"
#include "manmulsang/wishlist/wishlist.hpp"

namespace manmulsang::wishlist {

// JSON (signed-in members; 401 otherwise; lists {items, total, page, per_page}):
//   GET    /api/v1/wishlist?page=&per_page=     saved products: price now and when saved, price_drop, sold_out,
//                                               available (false: no longer sold)
//   PUT    /api/v1/wishlist/:product_id          save (again: nothing changes) → 204; 404 product_not_found,
//                                               409 wishlist_full
//   DELETE /api/v1/wishlist/:product_id          → 204; 404 when never saved and unknown
//   GET    /api/v1/following?page=&per_page=    followed shops
//   PUT    /api/v1/following/:shop_id            follow → 204; 404 shop_not_found, 409 too_many_follows
//   DELETE /api/v1/following/:shop_id            → 204
//   GET    /api/v1/following/listings?page=&per_page=   the followed shops' listings of the last 30 days
// HTML (no JavaScript; forms carry _csrf; every page is the member's own, so no_store):
//   GET /wishlist (찜한 상품 and 최근 본 상품), POST /wishlist/:product_id and /wishlist/:product_id/remove
//   (the hearts on cards and product pages; `return` is a path of this site to go back to),
//   GET /following (followed shops and their new listings), POST /following/:shop_id and
//   /following/:shop_id/remove (the shop page's button). A visitor is sent to sign in first and
//   comes back to `return`.
// Also registers the templates ("wishlist/*") and messages (t.wishlist.*) with renderer.
struct WishlistServices {
  WishlistService& wishlist;
  catalog::CatalogService& catalog;
};
void AddWishlistRoutes(http::Router& router, html::Renderer& renderer, const WishlistServices& services);

}  // namespace manmulsang::wishlist
