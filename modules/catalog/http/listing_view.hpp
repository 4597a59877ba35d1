#pragma once

#include <functional>
#include <span>
#include <string>
#include <vector>

#include "manmulsang/catalog/catalog.hpp"
#include "manmulsang/core/grouped_number.hpp"
#include "manmulsang/html/renderer.hpp"

// Template data shared by the listing pages (category, shop). Private to catalog/http.
namespace manmulsang::catalog {

// Product cards ({{> web/product_card}}) for a list of products; the ones in saved have their
// heart filled (the signed-in viewer's wishlist, SavedCards).
html::List CardList(const std::vector<Product>& products, core::Locale locale,
                    std::span<const core::ProductId> saved = {});

// A pager {previous_url?, next_url?, pages:[{number, url, current}]} around the current page,
// or false when everything fits on one page. url_for(page) builds each link; no page past
// last_page is offered (a text query pages through its best matches only).
html::Data PagerData(const ProductPage& page, const std::function<std::string(int)>& url_for, int last_page = kMaxPage);

// Counts on pages are grouped by thousands (core/grouped_number.hpp).

}  // namespace manmulsang::catalog
