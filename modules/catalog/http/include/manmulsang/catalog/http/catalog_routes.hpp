#pragma once

#include "manmulsang/analytics/analytics.hpp"
#include "manmulsang/catalog/catalog.hpp"
#include "manmulsang/catalog/listings.hpp"
#include "manmulsang/html/renderer.hpp"
#include "manmulsang/http/page_cache.hpp"
#include "manmulsang/http/router.hpp"
#include "manmulsang/media/media_library.hpp"
#include "manmulsang/reviews/questions.hpp"
#include "manmulsang/reviews/reviews.hpp"
#include "manmulsang/search/trending_searches.hpp"
#include "manmulsang/sellers/sellers.hpp"
#include "manmulsang/wishlist/wishlist.hpp"

namespace manmulsang::catalog {

// JSON: GET /api/v1/categories, GET /api/v1/products (?q= adds shop and price facets and
// interpreted_as / partial_match), GET /api/v1/products/:id.
// HTML: GET /c/:slug (category), GET /search?q= (results with facets, filters, sorts and
// pages), GET /p/:id (product), GET /s/:id (shop), and
// GET /media/demo/:file (the demo's generated product pictures, immutable SVG).
// Anonymous category, product and shop pages go through page_cache; a change to product 123
// should call page_cache.Invalidate("/p/123") (and "/c/" for listings).
// A text search that finds something (page or API) is recorded in trending, once per visitor.
// Also registers this module's templates ("catalog/category", "catalog/product", "catalog/shop", "catalog/search")
// and its messages (t.catalog.*) with renderer.
// With analytics, every product and shop page view (cached ones too) counts as a visit to the
// shop, with the search words that led to it.
// With product_reviews, the product page shows the reviews module's summary of the rating (average,
// count, stars 1..5), the newest reviews and the number of questions; the reviews routes forget
// "/p/<id>" whenever those change.
// With wishlist, a signed-in member's cards and product page show filled hearts for what they
// saved, the product page records the view and shows their recently viewed products, and the
// shop page says whether they follow the shop. Visitors' (cached) pages carry none of it.
struct ProductReviews {
  reviews::ReviewService* reviews = nullptr;
  reviews::QuestionService* questions = nullptr;
};
void AddCatalogRoutes(http::Router& router, html::Renderer& renderer, CatalogService& catalog,
                      sellers::SellerService& sellers, http::PageCache& page_cache, search::TrendingSearches& trending,
                      analytics::AnalyticsService* analytics = nullptr, const ProductReviews& product_reviews = {},
                      wishlist::WishlistService* wishlist = nullptr);

// The seller's own listings. Call after AddCatalogRoutes (which registers the templates and
// messages); also registers the upload messages (t.image.*).
// JSON: GET|POST /api/v1/seller/products, GET|PATCH|DELETE /api/v1/seller/products/:id,
// POST /api/v1/seller/products/:id/hide and /show, POST /api/v1/seller/products/:id/images
// (multipart, parts named image), DELETE /api/v1/seller/products/:id/images/:position (0-based).
// HTML: /seller/products (list, ?status=active|hidden), /seller/products/new,
// /seller/products/:id/edit (form, photos), POST /seller/products/:id (save), /hide, /show,
// GET+POST /seller/products/:id/delete (confirmation), POST /seller/products/:id/images and
// /seller/products/:id/images/:number/delete (1-based). Writes invalidate /p/<id>, /c/, /s/<shop>.
// Moderation: POST /api/v1/products/:id/reports and GET+POST /p/:id/report (a member reports a
// listing once); the admin's queue GET /admin/reports/listings and /api/v1/admin/reports/listings,
// POST .../:id/take-down (reason required), /restore and /dismiss, which invalidate as writes do.
void AddListingRoutes(http::Router& router, html::Renderer& renderer, CatalogService& catalog, ListingService& listings,
                      http::PageCache& page_cache, const media::MediaLibrary& media);

}  // namespace manmulsang::catalog
