#include "catalog_http.hpp"

#include <boost/json/array.hpp>

#include <algorithm>
#include <charconv>

#include "manmulsang/analytics/http/search_referral.hpp"
#include "manmulsang/analytics/http/visit_counting.hpp"
#include "manmulsang/text/characters.hpp"
#include "manmulsang/text/normalize.hpp"
#include "manmulsang/text/utf8.hpp"

namespace manmulsang::catalog {
namespace {

// Parses a non-negative decimal integer; nullopt for signs, spaces, fractions or overflow.
std::optional<std::int64_t> ParseCount(std::string_view text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 0) return std::nullopt;
  return value;
}

std::optional<std::string_view> NonEmpty(const http::Request& request, std::string_view name) {
  auto value = request.Query(name);
  if (!value) return std::nullopt;
  std::string_view trimmed = text::TrimAscii(*value);
  if (trimmed.empty()) return std::nullopt;
  return trimmed;
}

// A UTF-8 text cut to at most max_bytes without splitting a character (text is valid UTF-8).
std::string CutToBytes(std::string text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  std::size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  text.resize(end);
  return text;
}

std::string CleanWholeText(std::string_view raw) {
  std::string text = text::SanitizeUtf8(raw);
  std::ranges::replace_if(text, text::IsAsciiControl, ' ');
  return text::CollapseWhitespace(text::NormalizeNfc(text));
}

}  // namespace

std::string CleanSearchText(std::string_view raw) {
  // Bounded first, so that the work below is small whatever arrives.
  return CutToBytes(CleanWholeText(text::Truncate(raw, kMaxQueryText)), kMaxQueryText);
}

bool SearchTextWasCut(std::string_view raw) {
  return raw.size() > kMaxQueryText && CleanWholeText(raw).size() > kMaxQueryText;
}

std::string VisitorKey(const http::Request& request) {
  if (request.context().actor.user) return "user:" + std::to_string(request.context().actor.user->value);
  // The visit counter's cookie, in the shape analytics gives it: other shapes are not trusted as
  // a visitor key, so a client cannot mint keys at will.
  if (auto cookie = request.Cookie(analytics::kVisitorCookie); cookie && analytics::IsVisitorId(*cookie)) {
    return "visitor:" + std::string(*cookie);
  }
  return "address:" + std::string(request.remote_address());
}

std::expected<ProductQuery, ParameterProblem> ParseProductQuery(const http::Request& request, CatalogService& catalog,
                                                                std::optional<core::CategoryId> fixed_category) {
  ProductQuery query;
  if (auto text = NonEmpty(request, "q")) query.text = CleanSearchText(*text);
  if (fixed_category) {
    query.category = fixed_category;
  } else if (auto slug = NonEmpty(request, "category")) {
    auto category = catalog.CategoryBySlug(*slug);
    if (!category) return std::unexpected(ParameterProblem{"category"});
    query.category = category->id;
  }
  if (auto text = NonEmpty(request, "seller")) {
    auto value = http::ParsePositiveId(*text);
    if (!value) return std::unexpected(ParameterProblem{"seller"});
    query.seller = core::SellerId{*value};
  }
  if (auto text = NonEmpty(request, "in_stock")) {
    if (*text == "1" || *text == "true" || *text == "on") {
      query.in_stock_only = true;
    } else if (*text != "0" && *text != "false") {
      return std::unexpected(ParameterProblem{"in_stock"});
    }
  }
  if (auto text = NonEmpty(request, "min_price")) {
    auto value = ParseCount(*text);
    if (!value) return std::unexpected(ParameterProblem{"min_price"});
    query.min_price = value;
  }
  if (auto text = NonEmpty(request, "max_price")) {
    auto value = ParseCount(*text);
    if (!value) return std::unexpected(ParameterProblem{"max_price"});
    query.max_price = value;
  }
  if (auto text = NonEmpty(request, "sort")) {
    auto sort = ParseProductSort(*text);
    if (!sort) return std::unexpected(ParameterProblem{"sort"});
    query.sort = *sort;
  }
  if (auto text = NonEmpty(request, "page")) {
    auto value = ParseCount(*text);
    if (!value || *value < 1 || *value > (query.text.empty() ? kMaxPage : kMaxSearchPage)) {
      return std::unexpected(ParameterProblem{"page"});
    }
    query.page = static_cast<int>(*value);
  }
  if (auto text = NonEmpty(request, "per_page")) {
    auto value = ParseCount(*text);
    if (!value || *value < 1 || *value > kMaxPerPage) return std::unexpected(ParameterProblem{"per_page"});
    query.per_page = static_cast<int>(*value);
  }
  if (auto field = FirstInvalidField(query)) return std::unexpected(ParameterProblem{std::string(*field)});
  return query;
}

std::string_view CategoryName(const Category& category, core::Locale locale) {
  return locale == core::Locale::en && !category.name_en.empty() ? category.name_en : category.name_ko;
}

boost::json::object ProductJson(const Product& product, CatalogService& catalog, core::Locale locale) {
  boost::json::object category;
  if (auto found = catalog.CategoryById(product.category)) {
    category = {{"slug", found->slug}, {"name", CategoryName(*found, locale)}};
  } else {
    category = {{"slug", ""}, {"name", ""}};
  }
  boost::json::array images;
  for (const std::string& url : product.images) images.emplace_back(url);
  // A listing with options is bought through one of them (its id goes to the cart); "variants"
  // appears only on such listings, so every other product keeps its published shape.
  boost::json::array variants;
  for (const Variant& variant : product.variants) {
    variants.push_back(boost::json::object{
        {"id", variant.id.value},
        {"size", variant.size},
        {"colour", variant.colour},
        {"price", {{"amount", variant.price.amount}, {"currency", core::CurrencyCode(variant.price.currency)}}},
        {"stock", variant.stock}});
  }
  boost::json::object json{
      {"id", product.id.value},
      {"name", product.name},
      {"description", product.description},
      {"price", {{"amount", product.price.amount}, {"currency", core::CurrencyCode(product.price.currency)}}},
      {"stock", product.stock},
      {"category", std::move(category)},
      {"seller", {{"id", product.seller.value}, {"name", product.seller_name}}},
      {"rating", {{"average", product.rating_average}, {"count", product.rating_count}}},
      {"images", std::move(images)},
  };
  if (!variants.empty()) json["variants"] = std::move(variants);
  return json;
}

std::string ProblemMessage(const CatalogHttp& http, core::Locale locale, std::string_view field) {
  return std::string(http.renderer.Translate(locale, "catalog.error." + std::string(field)));
}

std::vector<core::ProductId> SavedCards(const CatalogHttp& http, const http::Request& request,
                                        const std::vector<Product>& products) {
  if (!http.wishlist || !request.context().actor.signed_in() || products.empty()) return {};
  std::vector<core::ProductId> ids;
  ids.reserve(products.size());
  for (const Product& product : products) ids.push_back(product.id);
  return http.wishlist->SavedAmong(request.context().actor, ids);
}

bool OnlyParameters(const http::Request& request, std::initializer_list<std::string_view> allowed) {
  for (const auto& [name, value] : request.query().fields()) {
    if (name == "lang") continue;
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) return false;
  }
  return true;
}

std::string_view RawQuery(const http::Request& request) {
  std::string_view target = request.target();
  std::size_t mark = target.find('?');
  return mark == std::string_view::npos ? std::string_view() : target.substr(mark + 1);
}

void ProductShops::Remember(core::ProductId product, core::SellerId shop) {
  // Bounded: past this many pages the map starts again (pages rendered since fill it back).
  constexpr std::size_t kMaxRemembered = 200'000;
  std::lock_guard lock(mutex_);
  if (shops_.size() >= kMaxRemembered) shops_.clear();
  shops_[product.value] = shop;
}

std::optional<core::SellerId> ProductShops::Find(core::ProductId product) const {
  std::lock_guard lock(mutex_);
  auto found = shops_.find(product.value);
  if (found == shops_.end()) return std::nullopt;
  return found->second;
}

void RecordShopVisit(const CatalogHttp& http, const http::Request& request, core::SellerId shop,
                     const http::Response& response) {
  if (http.analytics == nullptr) return;
  // A 304 is a cached page shown again: a view too.
  if (response.status != http::Status::ok && response.status != http::Status::not_modified) return;
  http.analytics->RecordShopVisit(shop, analytics::SearchQueryOf(request));
}

http::Response NotFoundPage(const CatalogHttp& http, const http::Request& request) {
  html::Data data;
  data.set("title", std::string(http.renderer.Translate(request.context().locale, "not_found.title")));
  return http.renderer.Page(request, "web/not_found", std::move(data), http::Status::not_found);
}

}  // namespace manmulsang::catalog
