#include <algorithm>
#include <chrono>
#include <cmath>

#include <fmt/format.h>

#include "catalog_http.hpp"
#include "listing_view.hpp"

namespace manmulsang::catalog {
namespace {

constexpr std::chrono::seconds kShopCacheTime{60};
constexpr int kCardsPerPage = 24;

std::string ShopUrl(core::SellerId shop, int page) {
  std::string url = "/s/" + std::to_string(shop.value);
  if (page > 1) url += "?page=" + std::to_string(page);
  return url;
}

http::Response Render(const CatalogHttp& http, const http::Request& request, core::SellerId id) {
  core::Locale locale = request.context().locale;
  auto shop = http.sellers.GetShop(id);
  // A shop becomes public when it is approved; before that its page does not exist for buyers.
  if (!shop || shop->status != sellers::ShopStatus::approved) return NotFoundPage(http, request);

  ProductQuery query;
  query.seller = id;
  query.sort = ProductSort::newest;
  query.per_page = kCardsPerPage;
  if (auto text = request.Query("page")) {
    auto number = http::ParsePositiveId(*text);
    if (!number || *number > kMaxPage) return NotFoundPage(http, request);
    query.page = static_cast<int>(*number);
  }
  auto page = http.catalog.ListProducts(query);
  if (!page) return NotFoundPage(http, request);

  html::Data data;
  data.set("title", shop->name);
  data.set("name", shop->name);
  data.set("city", shop->city);
  data.set("description", shop->description);
  data.set("logo_url", shop->logo_url.empty() ? html::Data(false) : html::Data(shop->logo_url));
  data.set("qr_url", "/s/" + std::to_string(id.value) + "/qr.svg");
  const ShopRating rating = http.catalog.ShopRatingOf(id);
  if (rating.count > 0) {
    const double average = std::clamp(rating.average, 0.0, 5.0);
    data.set("rating", fmt::format("{:.1f}", average));
    data.set("rating_stars", std::to_string(static_cast<int>(std::lround(average))));
    data.set("review_count", core::FormatCount(rating.count));
  } else {
    data.set("rating", false);
  }
  data.set("total", core::FormatCount(page->total));
  data.set("has_products", !page->items.empty());
  data.set("products", CardList(page->items, locale, SavedCards(http, request, page->items)));
  data.set("return_to", std::string(request.target()));
  // The follow button: a visitor's (cached) page offers it too, and signing in comes back here.
  data.set("following", http.wishlist != nullptr && http.wishlist->IsFollowing(request.context().actor, id));
  data.set("shop_id", std::to_string(id.value));
  data.set("pager", PagerData(*page, [&](int number) { return ShopUrl(id, number); }));
  return http.renderer.Page(request, "catalog/shop", std::move(data));
}

}  // namespace

void AddShopPage(http::Router& router, const CatalogHttp& http) {
  router.Get("/s/:id", [http](http::Request& request) {
    auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!id) return NotFoundPage(http, request);
    core::SellerId shop{*id};
    if (request.context().actor.signed_in() || !OnlyParameters(request, {"page"})) {
      http::Response response = Render(http, request, shop);
      RecordShopVisit(http, request, shop, response);
      return response;
    }
    std::string key = http::PageCache::Key("/s/" + std::to_string(shop.value),
                                           core::LocaleCode(request.context().locale), RawQuery(request));
    // Counted whether the cache answered or not; only pages found (an approved shop) count.
    http::Response response =
        http.page_cache.GetOrRender(request, key, kShopCacheTime, [&] { return Render(http, request, shop); });
    RecordShopVisit(http, request, shop, response);
    return response;
  });
}

}  // namespace manmulsang::catalog
