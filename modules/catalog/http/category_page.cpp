#include <array>
#include <chrono>

#include "catalog_http.hpp"
#include "listing_view.hpp"

namespace manmulsang::catalog {
namespace {

// New listings reach anonymous visitors within a minute; until then a crowd costs one render.
constexpr std::chrono::seconds kCategoryCacheTime{60};
constexpr int kCardsPerPage = 24;
constexpr std::array<ProductSort, 5> kSorts = {ProductSort::relevance, ProductSort::newest, ProductSort::price_asc,
                                               ProductSort::price_desc, ProductSort::rating};

// The page's own address with the given listing state; defaults are left out so that the
// plainest link is the one that gets cached.
std::string CategoryUrl(std::string_view slug, ProductSort sort, const ProductQuery& query, int page) {
  std::string url = "/c/" + http::PercentEncode(slug);
  std::string parameters;
  auto add = [&](std::string_view name, std::string_view value) {
    parameters += parameters.empty() ? "?" : "&";
    parameters += name;
    parameters += "=";
    parameters += http::PercentEncode(value);
  };
  if (sort != ProductSort::relevance) add("sort", ProductSortName(sort));
  if (query.min_price) add("min_price", std::to_string(*query.min_price));
  if (query.max_price) add("max_price", std::to_string(*query.max_price));
  if (page > 1) add("page", std::to_string(page));
  return url + parameters;
}

html::Data CategoryPage(const CatalogHttp& http, const http::Request& request, const Category& category,
                        http::Status& status) {
  core::Locale locale = request.context().locale;
  auto parsed = ParseProductQuery(request, http.catalog, category.id);
  ProductQuery query;
  html::Data data;
  if (parsed) {
    query = *parsed;
    data.set("price_error", false);
  } else {
    // Show the category anyway, with the message beside the filter the visitor can correct.
    query.category = category.id;
    status = http::Status::bad_request;
    data.set("price_error", ProblemMessage(http, locale, parsed.error().field));
  }
  query.per_page = kCardsPerPage;
  query.text.clear();  // the category page browses; searching is /search
  auto page = http.catalog.ListProducts(query);
  if (!page) {
    query = ProductQuery{};
    query.category = category.id;
    query.per_page = kCardsPerPage;
    page = http.catalog.ListProducts(query);
  }

  std::string name(CategoryName(category, locale));
  data.set("title", name);
  data.set("heading", name);
  data.set("slug", category.slug);
  data.set("colour", category.colour);

  html::List crumbs;
  for (const Category& step : http.catalog.Breadcrumb(category.id)) {
    html::Data crumb;
    crumb.set("name", std::string(CategoryName(step, locale)));
    crumb.set("url", "/c/" + step.slug);
    crumb.set("current", step.id == category.id);
    crumbs.push_back(std::move(crumb));
  }
  data.set("breadcrumb", std::move(crumbs));

  html::List children;
  std::vector<Category> subcategories = http.catalog.Children(category.id);
  for (const Category& child : subcategories) {
    std::int64_t count = 0;
    for (const FacetCount& facet : page->category_facets) {
      if (facet.key == child.slug) count = facet.count;
    }
    html::Data link;
    link.set("name", std::string(CategoryName(child, locale)));
    link.set("url", "/c/" + child.slug);
    link.set("count", core::FormatCount(count));
    children.push_back(std::move(link));
  }
  data.set("has_children", !subcategories.empty());
  data.set("children", std::move(children));

  html::List sorts;
  for (ProductSort sort : kSorts) {
    html::Data link;
    link.set("label",
             std::string(http.renderer.Translate(locale, "catalog.sort_" + std::string(ProductSortName(sort)))));
    link.set("url", CategoryUrl(category.slug, sort, query, 1));
    link.set("current", sort == query.sort);
    sorts.push_back(std::move(link));
  }
  data.set("sorts", std::move(sorts));
  data.set("sort", std::string(ProductSortName(query.sort)));
  data.set("sort_is_default", query.sort == ProductSort::relevance);
  // The form shows what the visitor typed, even when it was not a usable price.
  data.set("min_price", std::string(request.Query("min_price").value_or("")));
  data.set("max_price", std::string(request.Query("max_price").value_or("")));

  data.set("total", core::FormatCount(page->total));
  data.set("has_products", !page->items.empty());
  data.set("products", CardList(page->items, locale, SavedCards(http, request, page->items)));
  data.set("return_to", std::string(request.target()));
  data.set("pager",
           PagerData(*page, [&](int number) { return CategoryUrl(category.slug, query.sort, query, number); }));
  return data;
}

http::Response Render(const CatalogHttp& http, const http::Request& request, const Category& category) {
  http::Status status = http::Status::ok;
  html::Data data = CategoryPage(http, request, category, status);
  return http.renderer.Page(request, "catalog/category", std::move(data), status);
}

}  // namespace

void AddCategoryPage(http::Router& router, const CatalogHttp& http) {
  router.Get("/c/:slug", [http](http::Request& request) {
    auto category = http.catalog.CategoryBySlug(request.PathParam("slug"));
    if (!category) return NotFoundPage(http, request);
    if (request.context().actor.signed_in() || !OnlyParameters(request, {"sort", "min_price", "max_price", "page"})) {
      return Render(http, request, *category);
    }
    std::string key =
        http::PageCache::Key("/c/" + category->slug, core::LocaleCode(request.context().locale), RawQuery(request));
    return http.page_cache.GetOrRender(request, key, kCategoryCacheTime,
                                       [&] { return Render(http, request, *category); });
  });
}

}  // namespace manmulsang::catalog
