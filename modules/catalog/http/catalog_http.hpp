#pragma once

#include <boost/json/object.hpp>

#include <expected>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "manmulsang/analytics/analytics.hpp"
#include "manmulsang/catalog/catalog.hpp"
#include "manmulsang/html/renderer.hpp"
#include "manmulsang/http/page_cache.hpp"
#include "manmulsang/http/request_parameters.hpp"
#include "manmulsang/http/router.hpp"
#include "manmulsang/reviews/questions.hpp"
#include "manmulsang/reviews/reviews.hpp"
#include "manmulsang/search/trending_searches.hpp"
#include "manmulsang/sellers/sellers.hpp"
#include "manmulsang/wishlist/wishlist.hpp"

// Shared by this module's handlers; private to catalog/http.
namespace manmulsang::catalog {

// Which shop each product page belongs to, learnt when the page is rendered, so that a view
// served from the page cache still counts as a visit to its shop without reading the product.
class ProductShops {
 public:
  void Remember(core::ProductId product, core::SellerId shop);
  std::optional<core::SellerId> Find(core::ProductId product) const;

 private:
  mutable std::mutex mutex_;
  std::unordered_map<std::int64_t, core::SellerId> shops_;
};

struct CatalogHttp {
  html::Renderer& renderer;
  CatalogService& catalog;
  sellers::SellerService& sellers;
  http::PageCache& page_cache;
  search::TrendingSearches& trending;
  analytics::AnalyticsService* analytics = nullptr;  // counts shop visits when set
  // The product page's rating summary, newest reviews and question count come from the reviews
  // module, which computes them; without it the page shows the rating the product carries.
  reviews::ReviewService* reviews = nullptr;
  reviews::QuestionService* questions = nullptr;
  std::shared_ptr<ProductShops> product_shops = std::make_shared<ProductShops>();
  // Hearts on cards and the product page, the shop page's follow button and the recently viewed
  // strip, for signed-in members (their pages are never cached); without it hearts stay empty.
  wishlist::WishlistService* wishlist = nullptr;
};

// The products among these the signed-in viewer saved (their hearts are filled); none for a
// visitor, whose pages the page cache shares.
std::vector<core::ProductId> SavedCards(const CatalogHttp& http, const http::Request& request,
                                        const std::vector<Product>& products);

// Counts a view of the shop's page (or one of its products') when analytics is on and the page
// was found: the search words in the Referer come with it.
void RecordShopVisit(const CatalogHttp& http, const http::Request& request, core::SellerId shop,
                     const http::Response& response);

// A query parameter that could not be used: the field and the message key that explains it.
struct ParameterProblem {
  std::string field;
};

// Reads q, category (unless the page fixes it), seller, min_price, max_price, in_stock, sort, page
// and per_page. Empty values count as absent (an HTML form sends its empty fields). q is cleaned
// and cut (CleanSearchText), never refused. Range checks are the service's (FirstInvalidField),
// done here too so the problem names its field.
std::expected<ProductQuery, ParameterProblem> ParseProductQuery(const http::Request& request, CatalogService& catalog,
                                                                std::optional<core::CategoryId> fixed_category);
// What a visitor typed, made safe to search and to show: broken UTF-8 repaired, control
// characters (NUL included) turned into spaces, NFC, white space collapsed, and cut to
// kMaxQueryText bytes at a code point boundary — a pasted paragraph still finds something.
std::string CleanSearchText(std::string_view raw);
// True when the raw q was longer than what CleanSearchText keeps (the page says so).
bool SearchTextWasCut(std::string_view raw);

// Who searched, for trending's once-per-visitor count: the user when signed in, else the visit
// counter's mm_visitor cookie (when it has that cookie's shape), else the remote address.
std::string VisitorKey(const http::Request& request);

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
void AddSearchPage(http::Router& router, const CatalogHttp& http);
void AddDemoImages(http::Router& router, const CatalogHttp& http);
// /admin/categories and /api/v1/admin/categories (admin_category_http.hpp).
void AddAdminCategoryRoutes(http::Router& router, const CatalogHttp& http);

}  // namespace manmulsang::catalog
