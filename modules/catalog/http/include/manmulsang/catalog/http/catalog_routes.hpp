#pragma once

#include "manmulsang/catalog/catalog.hpp"
#include "manmulsang/html/renderer.hpp"
#include "manmulsang/http/page_cache.hpp"
#include "manmulsang/http/router.hpp"
#include "manmulsang/search/trending_searches.hpp"
#include "manmulsang/sellers/sellers.hpp"

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
void AddCatalogRoutes(http::Router& router, html::Renderer& renderer, CatalogService& catalog,
                      sellers::SellerService& sellers, http::PageCache& page_cache,
                      search::TrendingSearches& trending);

}  // namespace manmulsang::catalog
