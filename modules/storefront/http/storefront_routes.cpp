#include "manmulsang/storefront/http/storefront_routes.hpp"

#include <boost/json/object.hpp>

#include <chrono>
#include <memory>
#include <string>

#include "embedded/storefront_i18n.hpp"
#include "embedded/storefront_templates.hpp"
#include "manmulsang/storefront/storefront.hpp"
#include "view_data.hpp"

namespace manmulsang::storefront {
namespace {

// Short enough that the visit counter and the trending searches on the home page look live (they
// lag by at most this much for anonymous visitors), long enough that a crowd of anonymous
// visitors costs one render every few seconds.
constexpr std::chrono::seconds kHomeCacheTime{10};

bool OnlyLanguageQuery(const http::Request& request) {
  for (const auto& [name, value] : request.query().fields()) {
    if (name != "lang") return false;
  }
  return true;
}

http::Response HomePage(const http::Request& request, html::Renderer& renderer, StorefrontService& storefront,
                        wishlist::WishlistService* wishlist) {
  core::Locale locale = request.context().locale;
  HomeContent home = storefront.Home();
  // Only a signed-in member's page (never cached) fills hearts; the shared page keeps them empty.
  std::vector<core::ProductId> saved;
  if (wishlist && request.context().actor.signed_in()) {
    std::vector<core::ProductId> shown;
    for (const catalog::Product& product : home.newest) shown.push_back(product.id);
    for (const catalog::Product& product : home.popular) shown.push_back(product.id);
    saved = wishlist->SavedAmong(request.context().actor, shown);
  }
  html::List categories;
  for (const catalog::Category& category : home.categories) {
    categories.push_back(view::CategoryTileData(category, locale));
  }
  html::Data data;
  data.set("title", std::string(renderer.Translate(locale, "storefront.home_title")));
  data.set("categories", std::move(categories));
  data.set("newest", view::ProductList(home.newest, locale, saved));
  data.set("popular", view::ProductList(home.popular, locale, saved));
  data.set("stats", view::StatsData(home.stats));
  data.set("trending", view::TrendingList(home.trending, locale, renderer));
  data.set("has_trending", !home.trending.empty());
  data.set("query", std::string());  // the header's search box starts empty here
  return renderer.Page(request, "storefront/home", std::move(data));
}

http::Response StatsApi(StorefrontService& storefront) {
  SiteStats stats = storefront.Stats();
  return http::Response::Json(boost::json::object{
      {"visits_total", stats.visits_total},
      {"visits_today", stats.visits_today},
      {"members", stats.members},
      {"products", stats.products},
      {"sellers", stats.sellers},
  });
}

}  // namespace

void AddStorefrontRoutes(http::Router& router, html::Renderer& renderer, accounts::AccountService& accounts,
                         analytics::AnalyticsService& analytics, sellers::SellerService& sellers,
                         catalog::CatalogService& catalog, search::TrendingSearches& trending,
                         http::PageCache& page_cache, wishlist::WishlistService* wishlist) {
  renderer.AddTemplates("storefront", embedded::storefront_templates());
  renderer.AddMessages(embedded::storefront_i18n());
  auto storefront = std::make_shared<StorefrontService>(accounts, analytics, sellers, catalog, trending);

  router.Get("/", [&renderer, &page_cache, storefront, wishlist](http::Request& request) {
    // Signed-in visitors see their name in the header, and a query string other than ?lang=
    // would be echoed into the page's links: only the plain anonymous page is shared.
    if (request.context().actor.signed_in() || !OnlyLanguageQuery(request)) {
      return HomePage(request, renderer, *storefront, wishlist);
    }
    std::string key = http::PageCache::Key("/", core::LocaleCode(request.context().locale));
    return page_cache.GetOrRender(request, key, kHomeCacheTime,
                                  [&] { return HomePage(request, renderer, *storefront, nullptr); });
  });
  router.Get("/api/v1/stats", [storefront](http::Request&) { return StatsApi(*storefront); });
}

}  // namespace manmulsang::storefront
