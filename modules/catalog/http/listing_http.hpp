#pragma once

#include <boost/json/object.hpp>

#include <expected>
#include <string>
#include <string_view>

#include "manmulsang/analytics/analytics.hpp"
#include "manmulsang/catalog/catalog.hpp"
#include "manmulsang/catalog/listings.hpp"
#include "manmulsang/html/renderer.hpp"
#include "manmulsang/http/api_problem.hpp"
#include "manmulsang/http/page_cache.hpp"
#include "manmulsang/http/router.hpp"
#include "manmulsang/media/media_library.hpp"

// Shared by the seller's listing API and pages; private to catalog/http.
namespace manmulsang::catalog {

struct ListingHttp {
  const html::Renderer& renderer;
  CatalogService& catalog;
  ListingService& listings;
  http::PageCache& page_cache;
  const media::MediaLibrary& media;

  // After a listing write: its page (and its options' pages, which show it), the category
  // pages, its shop's page and searches are built again on their next visit.
  void ForgetPages(const Product& listing) const;
  // "이름은 1~200자로…" for a problem (a field's own message for invalid_field).
  std::string Message(core::Locale locale, const ListingProblem& problem) const;
  std::string Text(core::Locale locale, std::string_view key) const {
    return std::string(renderer.Translate(locale, key));
  }
};

// Status, code and field of a refusal (401 for a visitor, then the service's answer).
http::ApiProblem ProblemOf(const ListingProblem& problem);
http::ApiProblem UnauthenticatedProblem();

// A status a seller may choose or filter by: "active" or "hidden" (catalog::ParseProductStatus
// without "deleted").
std::optional<ProductStatus> ParseListingStatus(std::string_view name);

// The listing as its seller reads it through the API: status, pictures in both sizes, options.
boost::json::object SellerListingJson(const Product& product, CatalogService& catalog, core::Locale locale);

// The listing as an input again (the start of an edit): category slug, texts, price, stock and
// the options with their ids.
ListingInput InputOf(const Product& product, CatalogService& catalog);

// A price as a person types it back into a form: "40000", "12.50".
std::string MoneyInputText(const core::Money& money);

void AddListingApi(http::Router& router, const ListingHttp& http);
void AddListingPages(http::Router& router, const ListingHttp& http);

}  // namespace manmulsang::catalog
