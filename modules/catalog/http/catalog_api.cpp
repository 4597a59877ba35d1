#include <boost/json/array.hpp>

#include "catalog_http.hpp"

namespace manmulsang::catalog {
namespace {

boost::json::object CategoryJson(CatalogService& catalog, const Category& category, core::Locale locale) {
  boost::json::array children;
  for (const Category& child : catalog.Children(category.id)) {
    children.emplace_back(CategoryJson(catalog, child, locale));
  }
  return {{"slug", category.slug}, {"name", CategoryName(category, locale)}, {"children", std::move(children)}};
}

http::Response Categories(const CatalogHttp& http, const http::Request& request) {
  boost::json::array items;
  for (const Category& top : http.catalog.TopCategories()) {
    items.emplace_back(CategoryJson(http.catalog, top, request.context().locale));
  }
  return http::Response::Json(boost::json::object{{"items", std::move(items)}});
}

http::Response BadParameter(const CatalogHttp& http, const http::Request& request, std::string_view field) {
  return http::Response::JsonError(http::Status::bad_request, ErrorCode(CatalogError::invalid_query),
                                   ProblemMessage(http, request.context().locale, field), field);
}

boost::json::object FacetsJson(const CatalogHttp& http, const ProductPage& page, core::Locale locale) {
  boost::json::array categories;
  for (const FacetCount& facet : page.category_facets) {
    auto category = http.catalog.CategoryBySlug(facet.key);
    categories.push_back(
        boost::json::object{{"slug", facet.key},
                            {"name", category ? CategoryName(*category, locale) : std::string_view(facet.label)},
                            {"count", facet.count}});
  }
  boost::json::array shops;
  for (const ShopFacet& facet : page.shop_facets) {
    shops.push_back(boost::json::object{{"id", facet.seller.value}, {"name", facet.name}, {"count", facet.count}});
  }
  boost::json::array prices;
  for (const PriceFacet& facet : page.price_facets) {
    boost::json::value max = nullptr;
    if (facet.max) max = *facet.max;
    prices.push_back(boost::json::object{{"min", facet.min}, {"max", std::move(max)}, {"count", facet.count}});
  }
  return {{"categories", std::move(categories)}, {"shops", std::move(shops)}, {"prices", std::move(prices)}};
}

http::Response Products(const CatalogHttp& http, const http::Request& request) {
  core::Locale locale = request.context().locale;
  auto query = ParseProductQuery(request, http.catalog, std::nullopt);
  if (!query) return BadParameter(http, request, query.error().field);
  auto page = http.catalog.ListProducts(*query);
  if (!page) {
    // The parser already checked what the service checks; a category can only vanish by migration.
    return BadParameter(http, request, page.error() == CatalogError::category_not_found ? "category" : "q");
  }
  if (page->total > 0 && !page->normalized_query.empty()) {
    http.trending.Record(page->normalized_query, VisitorKey(request));
  }
  boost::json::array items;
  for (const Product& product : page->items) items.emplace_back(ProductJson(product, http.catalog, locale));
  boost::json::object body{
      {"items", std::move(items)},
      {"total", page->total},
      {"page", page->page},
      {"per_page", page->per_page},
      {"facets", FacetsJson(http, *page, locale)},
  };
  if (!query->text.empty()) {
    body["interpreted_as"] = page->interpreted_as;
    body["partial_match"] = page->partial_match;
  }
  return http::Response::Json(body);
}

http::Response OneProduct(const CatalogHttp& http, const http::Request& request) {
  core::Locale locale = request.context().locale;
  auto id = http::ParsePositiveId(request.PathParam("id"));
  auto product = id ? http.catalog.GetProduct(core::ProductId{*id})
                    : std::expected<Product, CatalogError>(std::unexpected(CatalogError::product_not_found));
  if (!product) {
    return http::Response::JsonError(http::Status::not_found, ErrorCode(CatalogError::product_not_found),
                                     ProblemMessage(http, locale, "product_not_found"));
  }
  return http::Response::Json(ProductJson(*product, http.catalog, locale));
}

}  // namespace

void AddCatalogApi(http::Router& router, const CatalogHttp& http) {
  router.Get("/api/v1/categories", [http](http::Request& request) { return Categories(http, request); });
  router.Get("/api/v1/products", [http](http::Request& request) { return Products(http, request); });
  router.Get("/api/v1/products/:id", [http](http::Request& request) { return OneProduct(http, request); });
}

}  // namespace manmulsang::catalog
