#include "manmulsang/storefront/http/storefront_routes.hpp"

#include <boost/json/object.hpp>

#include <charconv>
#include <chrono>
#include <memory>
#include <string>

#include "embedded/storefront_i18n.hpp"
#include "embedded/storefront_templates.hpp"
#include "manmulsang/storefront/storefront.hpp"
#include "manmulsang/text/utf8.hpp"
#include "view_data.hpp"

namespace manmulsang::storefront {
namespace {

// Short enough that the visit counter on the home page looks live, long enough that a crowd of
// anonymous visitors costs one render every few seconds.
constexpr std::chrono::seconds kHomeCacheTime{10};

int PageNumber(const http::Request& request) {
  std::string_view text = request.Query("page").value_or("");
  int page = 1;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), page);
  if (error != std::errc() || end != text.data() + text.size() || page < 1) return 1;
  return page;
}

bool OnlyLanguageQuery(const http::Request& request) {
  for (const auto& [name, value] : request.query().fields()) {
    if (name != "lang") return false;
  }
  return true;
}

std::string SearchUrl(std::string_view text, int page) {
  std::string url = "/search?q=" + http::PercentEncode(text);
  if (page > 1) url += "&page=" + std::to_string(page);
  return url;
}

http::Response HomePage(const http::Request& request, html::Renderer& renderer, StorefrontService& storefront) {
  core::Locale locale = request.context().locale;
  HomeContent home = storefront.Home();
  html::List categories;
  for (const catalog::Category& category : home.categories) {
    categories.push_back(view::CategoryTileData(category, locale));
  }
  html::Data data;
  data.set("title", std::string(renderer.Translate(locale, "storefront.home_title")));
  data.set("categories", std::move(categories));
  data.set("newest", view::ProductList(home.newest, locale));
  data.set("popular", view::ProductList(home.popular, locale));
  data.set("stats", view::StatsData(home.stats));
  data.set("query", std::string());  // the header's search box starts empty here
  return renderer.Page(request, "storefront/home", std::move(data));
}

http::Response SearchPage(const http::Request& request, html::Renderer& renderer, StorefrontService& storefront) {
  core::Locale locale = request.context().locale;
  std::string_view raw = request.Query("q").value_or("");
  SearchResult result = storefront.Search(SearchRequest{std::string(raw), PageNumber(request)});
  const catalog::ProductPage& page = result.page;

  html::Data data;
  std::string title(renderer.Translate(locale, "storefront.search_title"));
  data.set("title", result.text.empty() ? title : result.text + " - " + title);
  // Replaces the raw q the layout would echo into the header's search box.
  data.set("query", result.text);
  data.set("has_query", !result.text.empty());
  // The layout's language links would otherwise repeat the raw query, however long.
  data.set("lang_url_ko", SearchUrl(result.text, page.page) + "&lang=ko");
  data.set("lang_url_en", SearchUrl(result.text, page.page) + "&lang=en");
  data.set("truncated", text::CodePointCount(raw) > kMaxQueryLength);
  data.set("has_results", !page.items.empty());
  data.set("total", view::FormatCount(page.total));
  data.set("products", view::ProductList(page.items, locale));

  std::int64_t page_count = page.per_page > 0 ? (page.total + page.per_page - 1) / page.per_page : 0;
  if (page_count > kMaxSearchPage) page_count = kMaxSearchPage;
  if (page_count > 1 || page.page > 1) {
    html::Data pager;
    pager.set("page", std::to_string(page.page));
    pager.set("page_count", std::to_string(std::max<std::int64_t>(page_count, page.page)));
    if (page.page > 1) {
      int previous = page_count > 0 ? static_cast<int>(std::min<std::int64_t>(page.page - 1, page_count)) : 1;
      pager.set("previous_url", SearchUrl(result.text, previous));
    }
    if (page.page < page_count) pager.set("next_url", SearchUrl(result.text, page.page + 1));
    data.set("pager", std::move(pager));
  }
  return renderer.Page(request, "storefront/search", std::move(data));
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
                         catalog::CatalogService& catalog, http::PageCache& page_cache) {
  renderer.AddTemplates("storefront", embedded::storefront_templates());
  renderer.AddMessages(embedded::storefront_i18n());
  auto storefront = std::make_shared<StorefrontService>(accounts, analytics, sellers, catalog);

  router.Get("/", [&renderer, &page_cache, storefront](http::Request& request) {
    // Signed-in visitors see their name in the header, and a query string other than ?lang=
    // would be echoed into the page's links: only the plain anonymous page is shared.
    if (request.context().actor.signed_in() || !OnlyLanguageQuery(request)) {
      return HomePage(request, renderer, *storefront);
    }
    std::string key = http::PageCache::Key("/", core::LocaleCode(request.context().locale));
    return page_cache.GetOrRender(request, key, kHomeCacheTime,
                                  [&] { return HomePage(request, renderer, *storefront); });
  });
  router.Get("/search", [&renderer, storefront](http::Request& request) {
    return SearchPage(request, renderer, *storefront);
  });
  router.Get("/api/v1/stats", [storefront](http::Request&) { return StatsApi(*storefront); });
}

}  // namespace manmulsang::storefront
