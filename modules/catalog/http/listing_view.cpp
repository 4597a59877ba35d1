#include "listing_view.hpp"

#include <algorithm>

#include "manmulsang/html/product_card.hpp"

namespace manmulsang::catalog {
namespace {

// How many numbered links the pager shows on each side of the current page.
constexpr std::int64_t kPagerReach = 3;

}  // namespace

html::List CardList(const std::vector<Product>& products, core::Locale locale, std::span<const core::ProductId> saved) {
  html::List cards;
  for (const Product& product : products) {
    html::ProductCard card;
    card.id = product.id;
    card.name = product.name;
    card.price = product.price;
    card.shop_name = product.seller_name;
    // Cards show the list size of the first picture (the detail size when it has only one).
    if (!product.list_images.empty()) {
      card.image_url = product.list_images.front();
    } else if (!product.images.empty()) {
      card.image_url = product.images.front();
    }
    card.rating_average = product.rating_average;
    card.rating_count = product.rating_count;
    card.sold_out = product.stock <= 0;
    card.saved = std::ranges::find(saved, product.id) != saved.end();
    cards.push_back(html::CardData(card, locale));
  }
  return cards;
}

html::Data PagerData(const ProductPage& page, const std::function<std::string(int)>& url_for, int last_page) {
  std::int64_t page_count = page.per_page > 0 ? (page.total + page.per_page - 1) / page.per_page : 0;
  page_count = std::min<std::int64_t>(page_count, last_page);
  if (page_count <= 1 && page.page <= 1) return html::Data(false);
  html::Data pager;
  if (page.page > 1) {
    int previous = static_cast<int>(std::clamp<std::int64_t>(page.page - 1, 1, std::max<std::int64_t>(page_count, 1)));
    pager.set("previous_url", url_for(previous));
  } else {
    pager.set("previous_url", false);
  }
  pager.set("next_url", page.page < page_count ? html::Data(url_for(page.page + 1)) : html::Data(false));
  html::List pages;
  std::int64_t first = std::max<std::int64_t>(1, page.page - kPagerReach);
  std::int64_t last = std::min<std::int64_t>(page_count, page.page + kPagerReach);
  for (std::int64_t number = first; number <= last; ++number) {
    html::Data link;
    link.set("number", std::to_string(number));
    link.set("url", url_for(static_cast<int>(number)));
    link.set("current", number == page.page);
    pages.push_back(std::move(link));
  }
  pager.set("pages", std::move(pages));
  return pager;
}

}  // namespace manmulsang::catalog
