#include "manmulsang/html/product_card.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cmath>

namespace manmulsang::html {

Data CardData(const ProductCard& card, core::Locale locale) {
  Data data;
  data.set("id", std::to_string(card.id.value));
  data.set("name", card.name);
  data.set("price_text", core::FormatMoney(card.price, core::LocaleCode(locale)));
  data.set("shop_name", card.shop_name);
  data.set("image_url", card.image_url.empty() ? Data(false) : Data(card.image_url));
  if (card.rating_count > 0) {
    const double average = std::isfinite(card.rating_average) ? std::clamp(card.rating_average, 0.0, 5.0) : 0.0;
    data.set("rating", fmt::format("{:.1f}", average));
    data.set("rating_stars", std::to_string(static_cast<int>(std::lround(average))));
    data.set("review_count", std::to_string(card.rating_count));
  } else {
    data.set("rating", false);
    data.set("rating_stars", "0");
    data.set("review_count", false);
  }
  data.set("sold_out", card.sold_out);
  data.set("saved", card.saved);
  return data;
}

}  // namespace manmulsang::html
