#include "listing_http.hpp"

#include <boost/json/array.hpp>

#include <fmt/format.h>

#include "catalog_http.hpp"

namespace manmulsang::catalog {

void ListingHttp::ForgetPages(const Product& listing) const {
  page_cache.Invalidate("/p/" + std::to_string(listing.id.value));
  for (const Variant& variant : listing.variants) page_cache.Invalidate("/p/" + std::to_string(variant.id.value));
  page_cache.Invalidate("/c/");
  page_cache.Invalidate("/s/" + std::to_string(listing.seller.value));
  page_cache.Invalidate("/search");
}

std::string ListingHttp::Message(core::Locale locale, const ListingProblem& problem) const {
  if (problem.error != ListingError::invalid_field || problem.field.empty()) {
    return Text(locale, "catalog.listing.error." + std::string(ErrorCode(problem.error)));
  }
  // "variants[2].size" → "옵션 3: " + the size's message.
  std::string_view field = problem.field;
  std::string prefix;
  if (field.starts_with("variants[")) {
    const std::size_t close = field.find("].");
    if (close != std::string_view::npos) {
      int row = 0;
      for (char digit : field.substr(9, close - 9)) row = row * 10 + (digit - '0');
      prefix = fmt::format("{} {}: ", Text(locale, "catalog.listing.variant"), row + 1);
      return prefix + Text(locale, "catalog.listing.invalid.variant_" + std::string(field.substr(close + 2)));
    }
  }
  return Text(locale, "catalog.listing.invalid." + std::string(field));
}

http::ApiProblem ProblemOf(const ListingProblem& problem) {
  const std::string code(ErrorCode(problem.error));
  switch (problem.error) {
    case ListingError::not_a_seller:
    case ListingError::shop_suspended:
      return {http::Status::forbidden, code, ""};
    case ListingError::listing_not_found:
      return {http::Status::not_found, code, ""};
    case ListingError::taken_down:
      return {http::Status::conflict, code, ""};
    case ListingError::invalid_field:
    case ListingError::too_many_images:
      return {http::Status::bad_request, code, problem.field};
  }
  return {http::Status::bad_request, code, problem.field};
}

http::ApiProblem UnauthenticatedProblem() { return {http::Status::unauthorized, "unauthenticated", ""}; }

std::optional<ProductStatus> ParseListingStatus(std::string_view name) {
  const std::optional<ProductStatus> status = ParseProductStatus(name);
  if (status == ProductStatus::deleted) return std::nullopt;  // not a status a seller chooses or lists
  return status;
}

namespace {

boost::json::object MoneyJson(const core::Money& money) {
  return {{"amount", money.amount}, {"currency", core::CurrencyCode(money.currency)}};
}

}  // namespace

boost::json::object SellerListingJson(const Product& product, CatalogService& catalog, core::Locale locale) {
  boost::json::object json = ProductJson(product, catalog, locale);
  json["status"] = ProductStatusName(product.status);
  json["take_down_reason"] = product.take_down_reason ? boost::json::value(*product.take_down_reason) : nullptr;
  if (!json.contains("variants")) json["variants"] = boost::json::array{};  // the seller's shape is fixed
  boost::json::array images;
  for (std::size_t position = 0; position < product.images.size(); ++position) {
    images.push_back(
        boost::json::object{{"position", position},
                            {"url", product.images[position]},
                            {"list_url", position < product.list_images.size() ? product.list_images[position]
                                                                               : product.images[position]}});
  }
  json["images"] = std::move(images);
  return json;
}

ListingInput InputOf(const Product& product, CatalogService& catalog) {
  ListingInput input;
  if (auto category = catalog.CategoryById(product.category)) input.category_slug = category->slug;
  input.name = product.name;
  input.description = product.description;
  input.price = product.price;
  input.stock = product.stock;
  for (const Variant& variant : product.variants) {
    input.variants.push_back({variant.id, variant.size, variant.colour, variant.price, variant.stock});
  }
  return input;
}

std::string MoneyInputText(const core::Money& money) {
  const int exponent = core::CurrencyExponent(money.currency);
  if (exponent == 0) return std::to_string(money.amount);
  std::int64_t unit = 1;
  for (int step = 0; step < exponent; ++step) unit *= 10;
  return fmt::format("{}.{:0{}}", money.amount / unit, money.amount % unit, exponent);
}

}  // namespace manmulsang::catalog
