#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "manmulsang/catalog/product.hpp"
#include "manmulsang/core/context.hpp"
#include "manmulsang/core/grouped_number.hpp"
#include "manmulsang/html/renderer.hpp"
#include "manmulsang/storefront/storefront.hpp"

namespace manmulsang::storefront::view {

// Counts on pages are grouped by thousands (core/grouped_number.hpp).

// Template data for the storefront's pages, in the request's language.
html::Data CategoryTileData(const catalog::Category& category, core::Locale locale);
// saved: the products whose hearts are filled (the signed-in member's wishlist).
html::Data ProductData(const catalog::Product& product, core::Locale locale, bool saved = false);
html::List ProductList(const std::vector<catalog::Product>& products, core::Locale locale,
                       std::span<const core::ProductId> saved = {});
html::Data StatsData(const SiteStats& stats);
// 실시간 검색어: [{rank, query, url, movement_mark ("▲2" "▼1" "NEW" "–"), movement_class,
// movement_label (for screen readers)}].
html::List TrendingList(const std::vector<search::TrendingQuery>& trending, core::Locale locale,
                        const html::Renderer& renderer);

}  // namespace manmulsang::storefront::view
