#include <array>

#include "catalog_http.hpp"
#include "listing_view.hpp"

namespace manmulsang::catalog {
namespace {

constexpr int kResultsPerPage = 24;
constexpr std::array<ProductSort, 5> kSorts = {ProductSort::relevance, ProductSort::newest, ProductSort::price_asc,
                                               ProductSort::price_desc, ProductSort::rating};

// What a link of the results page carries. Defaults are left out of the URL, so that the plainest
// link for a query is the one people share.
struct SearchState {
  std::string text;
  std::string category;  // slug; empty for every category
  std::optional<core::SellerId> seller;
  std::optional<std::int64_t> min_price;
  std::optional<std::int64_t> max_price;
  bool in_stock_only = false;
  ProductSort sort = ProductSort::relevance;
  int page = 1;
};

std::string SearchUrl(const SearchState& state) {
  std::string url = "/search?q=" + http::PercentEncode(state.text);
  auto add = [&](std::string_view name, std::string_view value) {
    url += "&";
    url += name;
    url += "=";
    url += http::PercentEncode(value);
  };
  if (!state.category.empty()) add("category", state.category);
  if (state.seller) add("seller", std::to_string(state.seller->value));
  if (state.min_price) add("min_price", std::to_string(*state.min_price));
  if (state.max_price) add("max_price", std::to_string(*state.max_price));
  if (state.in_stock_only) add("in_stock", "1");
  if (state.sort != ProductSort::relevance) add("sort", ProductSortName(state.sort));
  if (state.page > 1) add("page", std::to_string(state.page));
  return url;
}

SearchState StateOf(const CatalogHttp& http, const ProductQuery& query) {
  SearchState state{.text = query.text,
                    .seller = query.seller,
                    .min_price = query.min_price,
                    .max_price = query.max_price,
                    .in_stock_only = query.in_stock_only,
                    .sort = query.sort,
                    .page = query.page};
  if (query.category) {
    if (auto category = http.catalog.CategoryById(*query.category)) state.category = category->slug;
  }
  return state;
}

// "~ 10,000원", "10,000원 ~ 50,000원", "1,000,000원 ~": a price facet's range [min, max).
std::string PriceRangeLabel(const PriceFacet& facet, core::Locale locale) {
  std::string_view code = core::LocaleCode(locale);
  if (facet.min == 0 && facet.max) return "~ " + core::FormatMoney({*facet.max - 1, core::Currency::kpw}, code);
  std::string label = core::FormatMoney({facet.min, core::Currency::kpw}, code) + " ~";
  if (facet.max) label += " " + core::FormatMoney({*facet.max - 1, core::Currency::kpw}, code);
  return label;
}

html::Data Link(std::string label, std::string url, std::int64_t count, bool current) {
  html::Data link;
  link.set("label", std::move(label));
  link.set("url", std::move(url));
  link.set("count", core::FormatCount(count));
  link.set("current", current);
  return link;
}

html::Data CategoryFacet(const CatalogHttp& http, const ProductQuery& query, const ProductPage& page,
                         core::Locale locale) {
  SearchState base = StateOf(http, query);
  base.page = 1;
  html::List links;
  for (const FacetCount& facet : page.category_facets) {
    auto category = http.catalog.CategoryBySlug(facet.key);
    SearchState state = base;
    state.category = facet.key;
    links.push_back(Link(category ? std::string(CategoryName(*category, locale)) : facet.label, SearchUrl(state),
                         facet.count, facet.key == base.category));
  }
  html::Data data;
  data.set("links", std::move(links));
  // A chosen category can be left again: one link back to all of them (and to its parent's).
  if (query.category) {
    SearchState every = base;
    every.category.clear();
    data.set("all_url", SearchUrl(every));
    std::vector<Category> breadcrumb = http.catalog.Breadcrumb(*query.category);
    data.set("current_name", breadcrumb.empty() ? std::string() : std::string(CategoryName(breadcrumb.back(), locale)));
  } else {
    data.set("all_url", false);
    data.set("current_name", false);
  }
  return data;
}

html::Data ShopFacet(const CatalogHttp& http, const ProductQuery& query, const ProductPage& page) {
  SearchState base = StateOf(http, query);
  base.page = 1;
  html::List links;
  for (const catalog::ShopFacet& facet : page.shop_facets) {
    SearchState state = base;
    state.seller = facet.seller;
    links.push_back(Link(facet.name, SearchUrl(state), facet.count, query.seller && *query.seller == facet.seller));
  }
  html::Data data;
  data.set("links", std::move(links));
  if (query.seller) {
    SearchState every = base;
    every.seller.reset();
    data.set("all_url", SearchUrl(every));
  } else {
    data.set("all_url", false);
  }
  return data;
}

html::List PriceFacetLinks(const CatalogHttp& http, const ProductQuery& query, const ProductPage& page,
                           core::Locale locale) {
  SearchState base = StateOf(http, query);
  base.page = 1;
  html::List links;
  for (const PriceFacet& facet : page.price_facets) {
    SearchState state = base;
    state.min_price = facet.min > 0 ? std::optional<std::int64_t>(facet.min) : std::nullopt;
    state.max_price = facet.max ? std::optional<std::int64_t>(*facet.max - 1) : std::nullopt;
    bool current = state.min_price == query.min_price && state.max_price == query.max_price;
    html::Data link = Link(PriceRangeLabel(facet, locale), SearchUrl(state), facet.count, current);
    // Every range stays in its place; one that would find nothing is text, not a link.
    link.set("empty", facet.count == 0 && !current);
    links.push_back(std::move(link));
  }
  return links;
}

html::List SortLinks(const CatalogHttp& http, const ProductQuery& query, core::Locale locale) {
  html::List sorts;
  for (ProductSort sort : kSorts) {
    SearchState state = StateOf(http, query);
    state.sort = sort;
    state.page = 1;
    html::Data link;
    link.set("label",
             std::string(http.renderer.Translate(locale, "catalog.search_sort_" + std::string(ProductSortName(sort)))));
    link.set("url", SearchUrl(state));
    link.set("current", sort == query.sort);
    sorts.push_back(std::move(link));
  }
  return sorts;
}

// What the empty states offer instead of results: the searches of the moment and the categories.
void AddSuggestionsInstead(const CatalogHttp& http, core::Locale locale, html::Data& data) {
  html::List trending;
  for (const search::TrendingQuery& entry : http.trending.Top()) {
    html::Data item;
    item.set("query", entry.query);
    item.set("url", "/search?q=" + http::PercentEncode(entry.query));
    item.set("rank", std::to_string(entry.rank));
    trending.push_back(std::move(item));
  }
  data.set("has_trending", !trending.empty());
  data.set("trending", std::move(trending));
  html::List categories;
  for (const Category& category : http.catalog.TopCategories()) {
    html::Data link;
    link.set("name", std::string(CategoryName(category, locale)));
    link.set("url", "/c/" + category.slug);
    categories.push_back(std::move(link));
  }
  data.set("top_categories", std::move(categories));
}

// The message of a bad filter goes beside the part of the page that sets it.
void AddProblem(const CatalogHttp& http, core::Locale locale, std::string_view field, html::Data& data) {
  std::string message = field.empty() ? std::string() : ProblemMessage(http, locale, field);
  auto place = [&](std::string_view key, std::initializer_list<std::string_view> fields) {
    bool here = std::find(fields.begin(), fields.end(), field) != fields.end();
    data.set(std::string(key), here ? html::Data(message) : html::Data(false));
  };
  place("filter_error", {"category", "seller"});
  place("price_error", {"min_price", "max_price"});
  place("stock_error", {"in_stock"});
  place("sort_error", {"sort"});
  place("page_error", {"page", "per_page"});
  // Without words there are no filters on the page to put it beside.
  data.set("problem", message.empty() ? html::Data(false) : html::Data(message));
}

http::Response SearchPage(const CatalogHttp& http, const http::Request& request) {
  core::Locale locale = request.context().locale;
  std::string_view raw = request.Query("q").value_or("");
  http::Status status = http::Status::ok;
  std::string problem;
  ProductQuery query;
  if (auto parsed = ParseProductQuery(request, http.catalog, std::nullopt)) {
    query = *parsed;
  } else {
    // The words are still searched, without the filters; the message sits beside the bad one.
    status = http::Status::bad_request;
    problem = parsed.error().field;
    query.text = CleanSearchText(raw);
  }
  query.per_page = kResultsPerPage;

  ProductPage page;
  page.per_page = kResultsPerPage;
  if (!query.text.empty()) {
    auto found = http.catalog.ListProducts(query);
    if (!found) {
      status = http::Status::bad_request;
      problem = found.error() == CatalogError::category_not_found ? "category" : "page";
      query = ProductQuery{.text = query.text, .per_page = kResultsPerPage};
      found = http.catalog.ListProducts(query);
    }
    if (found) page = std::move(*found);
    if (page.total > 0 && !page.normalized_query.empty()) {
      http.trending.Record(page.normalized_query, VisitorKey(request));
    }
  }

  html::Data data;
  std::string title(http.renderer.Translate(locale, "catalog.search_title"));
  data.set("title", query.text.empty() ? title : query.text + " - " + title);
  // Replaces the raw q that the layout would echo into the header's search box and links.
  data.set("query", query.text);
  SearchState state = StateOf(http, query);
  data.set("lang_url_ko", SearchUrl(state) + "&lang=ko");
  data.set("lang_url_en", SearchUrl(state) + "&lang=en");
  data.set("has_query", !query.text.empty());
  data.set("truncated", SearchTextWasCut(raw));
  data.set("interpreted_as", page.interpreted_as.empty() ? html::Data(false) : html::Data(page.interpreted_as));
  data.set("partial_match", page.partial_match);
  data.set("total", core::FormatCount(page.total));
  data.set("has_results", !page.items.empty());
  data.set("products", CardList(page.items, locale, SavedCards(http, request, page.items)));
  data.set("return_to", std::string(request.target()));
  data.set("pager", PagerData(
                        page,
                        [&](int number) {
                          SearchState at = state;
                          at.page = number;
                          return SearchUrl(at);
                        },
                        kMaxSearchPage));

  data.set("category_facet", CategoryFacet(http, query, page, locale));
  data.set("shop_facet", ShopFacet(http, query, page));
  data.set("has_shops", !page.shop_facets.empty());
  data.set("price_facets", PriceFacetLinks(http, query, page, locale));
  data.set("has_prices", !page.price_facets.empty());
  data.set("sorts", SortLinks(http, query, locale));
  // The filter form keeps what it does not show, and what the visitor typed, usable or not.
  // (An empty string would count as true in a section, so absent values are false.)
  data.set("category", state.category.empty() ? html::Data(false) : html::Data(state.category));
  data.set("seller", query.seller ? html::Data(std::to_string(query.seller->value)) : html::Data(false));
  data.set("sort", std::string(ProductSortName(query.sort)));
  data.set("sort_is_default", query.sort == ProductSort::relevance);
  data.set("min_price", std::string(request.Query("min_price").value_or("")));
  data.set("max_price", std::string(request.Query("max_price").value_or("")));
  data.set("in_stock", query.in_stock_only);
  AddProblem(http, locale, problem, data);
  if (page.items.empty()) AddSuggestionsInstead(http, locale, data);
  return http.renderer.Page(request, "catalog/search", std::move(data), status);
}

}  // namespace

void AddSearchPage(http::Router& router, const CatalogHttp& http) {
  // Not cached: every page differs by its query, and a search that finds something counts
  // toward trending.
  router.Get("/search", [http](http::Request& request) { return SearchPage(http, request); });
}

}  // namespace manmulsang::catalog
