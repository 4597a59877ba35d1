#include "view_data.hpp"

#include <algorithm>

#include "manmulsang/html/product_card.hpp"
#include "manmulsang/http/form.hpp"

namespace manmulsang::storefront::view {
namespace {

// "icon-computers.svg" → "icon_computers_svg": how the renderer names assets for templates.
std::string AssetKey(std::string_view file_name) {
  std::string key(file_name);
  for (char& c : key) {
    if (c == '.' || c == '-') c = '_';
  }
  return key;
}

struct TileColour {
  std::string_view class_name;  // site.css has .tile-<class_name>
  int red, green, blue;
};

// The tile colours site.css offers (the Windows 8 palette).
constexpr TileColour kTileColours[] = {
    {"blue", 0x2d, 0x89, 0xef},   {"green", 0x00, 0xa3, 0x00},      {"magenta", 0xff, 0x00, 0x97},
    {"orange", 0xe3, 0xa2, 0x1a}, {"purple", 0x60, 0x3c, 0xba},     {"red", 0xee, 0x11, 0x11},
    {"teal", 0x00, 0xab, 0xa9},   {"darkgreen", 0x1e, 0x71, 0x45},  {"crimson", 0xb9, 0x1d, 0x47},
    {"violet", 0x9f, 0x00, 0xa7}, {"darkblue", 0x2b, 0x57, 0x97},   {"gray", 0x52, 0x52, 0x52},
    {"lime", 0x8c, 0xbf, 0x26},   {"darkorange", 0xda, 0x53, 0x2c}, {"plum", 0x7e, 0x38, 0x78},
};

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Pages carry no inline styles (the CSP forbids them), so a category's "#rrggbb" becomes the
// palette class nearest to it: exact for the palette's own colours.
std::string_view TileColourClass(std::string_view colour) {
  if (colour.size() != 7 || colour[0] != '#') return kTileColours[0].class_name;
  int channels[3];
  for (int index = 0; index < 3; ++index) {
    int high = HexDigit(colour[1 + 2 * index]);
    int low = HexDigit(colour[2 + 2 * index]);
    if (high < 0 || low < 0) return kTileColours[0].class_name;
    channels[index] = high * 16 + low;
  }
  const TileColour* nearest = &kTileColours[0];
  long nearest_distance = -1;
  for (const TileColour& candidate : kTileColours) {
    long red = channels[0] - candidate.red, green = channels[1] - candidate.green, blue = channels[2] - candidate.blue;
    long distance = red * red + green * green + blue * blue;
    if (nearest_distance < 0 || distance < nearest_distance) {
      nearest = &candidate;
      nearest_distance = distance;
    }
  }
  return nearest->class_name;
}

// The star count of the card's .stars-N class: the average rounded to a whole star, 1..5.
int RatingStars(double average) {
  int stars = static_cast<int>(average + 0.5);
  return stars < 1 ? 1 : (stars > 5 ? 5 : stars);
}

}  // namespace

html::Data CategoryTileData(const catalog::Category& category, core::Locale locale) {
  html::Data data;
  data.set("slug", category.slug);
  data.set("name", locale == core::Locale::en ? category.name_en : category.name_ko);
  data.set("colour_class", std::string(TileColourClass(category.colour)));
  // The icon's content-hashed URL lives in the renderer's asset.* data, which a template cannot
  // index by a runtime name; an interpolation lambda's result is rendered as a template in the
  // page's context, so it resolves to {{asset.icon_x_svg}}.
  std::string reference = "{{asset." + AssetKey(category.icon) + "}}";
  data.set("icon_url", kainjow::mustache::lambda{[reference](const std::string&) { return reference; }});
  return data;
}

html::Data ProductData(const catalog::Product& product, core::Locale locale, bool saved) {
  // The shared card builder sets every field the partial reads (false where there is nothing),
  // so that a card never picks up a field of the enclosing page through mustache scoping.
  html::Data data =
      html::CardData(html::ProductCard{.id = product.id,
                                       .name = product.name,
                                       .price = product.price,
                                       .shop_name = product.seller_name,
                                       .image_url = product.images.empty() ? std::string() : product.images.front(),
                                       .rating_average = product.rating_average,
                                       .rating_count = product.rating_count,
                                       .sold_out = product.stock <= 0,
                                       .saved = saved},
                     locale);
  if (product.rating_count > 0) {
    data.set("rating_stars", std::to_string(RatingStars(product.rating_average)));
    data.set("review_count", core::FormatCount(product.rating_count));
  }
  return data;
}

html::List ProductList(const std::vector<catalog::Product>& products, core::Locale locale,
                       std::span<const core::ProductId> saved) {
  html::List list;
  for (const catalog::Product& product : products) {
    list.push_back(ProductData(product, locale, std::ranges::find(saved, product.id) != saved.end()));
  }
  return list;
}

html::Data StatsData(const SiteStats& stats) {
  html::Data data;
  data.set("visits_total", core::FormatCount(stats.visits_total));
  data.set("visits_today", core::FormatCount(stats.visits_today));
  data.set("members", core::FormatCount(stats.members));
  data.set("products", core::FormatCount(stats.products));
  data.set("sellers", core::FormatCount(stats.sellers));
  return data;
}

html::List TrendingList(const std::vector<search::TrendingQuery>& trending, core::Locale locale,
                        const html::Renderer& renderer) {
  html::List list;
  for (const search::TrendingQuery& entry : trending) {
    std::string places = std::to_string(entry.places);
    std::string mark;
    std::string label;
    switch (entry.movement) {
      case search::RankMovement::up:
        mark = "\u25B2" + places;
        label = std::string(renderer.Translate(locale, "storefront.trending_up")) + " " + places;
        break;
      case search::RankMovement::down:
        mark = "\u25BC" + places;
        label = std::string(renderer.Translate(locale, "storefront.trending_down")) + " " + places;
        break;
      case search::RankMovement::new_entry:
        mark = "NEW";
        label = std::string(renderer.Translate(locale, "storefront.trending_new"));
        break;
      case search::RankMovement::same:
        mark = "\u2013";
        label = std::string(renderer.Translate(locale, "storefront.trending_same"));
        break;
    }
    html::Data item;
    item.set("rank", std::to_string(entry.rank));
    item.set("query", entry.query);
    item.set("url", "/search?q=" + http::PercentEncode(entry.query));
    item.set("movement_mark", mark);
    item.set("movement_class", std::string(search::RankMovementName(entry.movement)));
    item.set("movement_label", label);
    list.push_back(std::move(item));
  }
  return list;
}

}  // namespace manmulsang::storefront::view
