#pragma once

#include <cstdint>
#include <string>

#include "manmulsang/core/context.hpp"
#include "manmulsang/core/ids.hpp"
#include "manmulsang/core/money.hpp"
#include "manmulsang/html/renderer.hpp"

namespace manmulsang::html {

// What a product card ({{> web/product_card}}) shows. Listings everywhere (home tiles, search,
// category, shop, related goods) build cards through CardData so that every field the partial
// reads is always set: a missing field would be looked up in the enclosing data instead
// (mustache scoping) and could show, say, the page's own product rating on every card.
struct ProductCard {
  core::ProductId id;
  std::string name;
  core::Money price;
  std::string shop_name;
  std::string image_url;          // empty: the "no photo" block
  double rating_average = 0;      // 0..5
  std::int64_t rating_count = 0;  // 0: no rating shown
  bool sold_out = false;
  // In the signed-in viewer's wishlist: the heart is filled and removes it. Always false on pages
  // shared through the page cache (anonymous), so no one's hearts reach another visitor.
  bool saved = false;
};

// The card's template data: id, name, price_text, shop_name, image_url (string | false),
// rating ("4.5" | false), rating_stars ("0".."5", rounded), review_count, sold_out (bool), saved
// (bool). The heart form comes back to return_to when the page sets it, else to the page's path.
Data CardData(const ProductCard& card, core::Locale locale);

}  // namespace manmulsang::html
