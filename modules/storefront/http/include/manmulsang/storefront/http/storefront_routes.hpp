#pragma once

#include "manmulsang/accounts/accounts.hpp"
#include "manmulsang/analytics/analytics.hpp"
#include "manmulsang/catalog/catalog.hpp"
#include "manmulsang/html/renderer.hpp"
#include "manmulsang/http/page_cache.hpp"
#include "manmulsang/http/router.hpp"
#include "manmulsang/search/trending_searches.hpp"
#include "manmulsang/sellers/sellers.hpp"
#include "manmulsang/wishlist/wishlist.hpp"

namespace manmulsang::storefront {

// GET /            the portal: search, category tiles, live tiles of new and popular goods, the
//                  visit counter and 실시간 검색어 (cached for anonymous visitors for a few seconds)
// GET /api/v1/stats {visits_total, visits_today, members, products, sellers}
// Also registers the storefront's templates and messages with the renderer. With wishlist, a
// signed-in member's (uncached) home page fills the hearts of the products they saved.
void AddStorefrontRoutes(http::Router& router, html::Renderer& renderer, accounts::AccountService& accounts,
                         analytics::AnalyticsService& analytics, sellers::SellerService& sellers,
                         catalog::CatalogService& catalog, search::TrendingSearches& trending,
                         http::PageCache& page_cache, wishlist::WishlistService* wishlist = nullptr);

// For Router::SetNotFound: the 404 page for people, {"error":{"code":"not_found"}} for /api/.
http::Handler NotFoundPage(html::Renderer& renderer);

}  // namespace manmulsang::storefront
