#pragma once

#include "manmulsang/catalog/catalog.hpp"
#include "manmulsang/html/renderer.hpp"
#include "manmulsang/http/page_cache.hpp"
#include "manmulsang/http/router.hpp"
#include "manmulsang/sellers/sellers.hpp"

namespace manmulsang::catalog {

// JSON: GET /api/v1/categories, GET /api/v1/products, GET /api/v1/products/:id.
// HTML: GET /c/:slug (category), GET /p/:id (product), GET /s/:id (shop), and
// GET /media/demo/:file (the demo's generated product pictures, immutable SVG).
// Anonymous category, product and shop pages go through page_cache; a change to product 123
// should call page_cache.Invalidate("/p/123") (and "/c/" for listings).
// Also registers this module's templates ("catalog/category", "catalog/product", "catalog/shop")
// and its messages (t.catalog.*) with renderer.
void AddCatalogRoutes(http::Router& router, html::Renderer& renderer, CatalogService& catalog,
                      sellers::SellerService& sellers, http::PageCache& page_cache);

}  // namespace manmulsang::catalog
