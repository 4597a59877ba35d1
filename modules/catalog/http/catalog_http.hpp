#pragma once

#include <boost/json/object.hpp>

#include <expected>
#include <optional>
#include <string>
#include <string_view>

#include "manmulsang/catalog/catalog.hpp"
#include "manmulsang/html/renderer.hpp"
#include "manmulsang/http/page_cache.hpp"
#include "manmulsang/http/router.hpp"
#include "manmulsang/sellers/sellers.hpp"

// Shared by this module's handlers; private to catalog/http.
namespace manmulsang::catalog {

struct CatalogHttp {
  html::Renderer& renderer;
  CatalogService& catalog;
  sellers::SellerService& sellers;
  http::PageCache& page_cache;
};

// A query parameter that could not be used: the field and the message key that explains it.
struct ParameterProblem {
  std::string field;
};

// Reads q, category (unless the page fixes it), min_price, max_price, sort, page and per_page.
// Empty values count as absent (an HTML form sends its empty fields). Range checks are the
// service's (FirstInvalidField), done here too so the problem names its field.
std::expected<ProductQuery, ParameterProblem> ParseProductQuery(const http::Request& request,
                                                                CatalogService& catalog,
                                                                std::optional<core::CategoryId> fixed_category);
// A positive integer path parameter ("/p/123"); nullopt for anything else.
std::optional<std::int64_t> ParseId(std::string_view text);

std::string_view CategoryName(const Category& category, core::Locale locale);
boost::json::object ProductJson(const Product& product, CatalogService& catalog, core::Locale locale);
std::string ProblemMessage(const CatalogHttp& http, core::Locale locale, std::string_view field);

// True when only the parameters in allowed (and lang) appear: such pages may be shared through
// the page cache, since nothing else of the request shapes them.
bool OnlyParameters(const http::Request& request, std::initializer_list<std::string_view> allowed);
// The raw query string ("sort=newest&page=2"), for page cache keys.
std::string_view RawQuery(const http::Request& request);

http::Response NotFoundPage(const CatalogHttp& http, const http::Request& request);

void AddCatalogApi(http::Router& router, const CatalogHttp& http);
void AddCategoryPage(http::Router& router, const CatalogHttp& http);
void AddProductPage(http::Router& router, const CatalogHttp& http);
void AddShopPage(http::Router& router, const CatalogHttp& http);
void AddDemoImages(http::Router& router, const CatalogHttp& http);

}  // namespace manmulsang::catalog
