#pragma once

#include <cstdint>
#include <string>

#include "manmulsang/catalog/product.hpp"
#include "manmulsang/core/context.hpp"
#include "manmulsang/html/renderer.hpp"
#include "manmulsang/storefront/storefront.hpp"

namespace manmulsang::storefront::view {

// 1234567 → "1,234,567" (the grouping Korean and English readers both expect).
std::string FormatCount(std::int64_t count);

// Template data for the storefront's pages, in the request's language.
html::Data CategoryTileData(const catalog::Category& category, core::Locale locale);
html::Data ProductData(const catalog::Product& product, core::Locale locale);
html::List ProductList(const std::vector<catalog::Product>& products, core::Locale locale);
html::Data StatsData(const SiteStats& stats);
// 실시간 검색어: [{rank, query, url, movement_mark ("▲2" "▼1" "NEW" "–"), movement_class,
// movement_label (for screen readers)}].
html::List TrendingList(const std::vector<search::TrendingQuery>& trending, core::Locale locale,
                        const html::Renderer& renderer);

}  // namespace manmulsang::storefront::view
