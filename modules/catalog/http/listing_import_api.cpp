// POST /api/v1/seller/products/import (a text/csv body) and GET /api/v1/seller/products/export.
// The import runs within the request (on the server's worker pool, not an I/O thread): a client
// of the API waits for its answer; the HTML page runs large files in the background instead.

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <cctype>
#include <optional>

#include "listing_import.hpp"
#include "manmulsang/html/api_error.hpp"

namespace manmulsang::catalog {
namespace {

// The CSV itself may be 10 MiB (text::CsvLimits); a larger body is refused with 413 unread. A
// shop's own listings, in and out: no cache keeps any answer.
constexpr http::RouteOptions kCsvBody{.body_limit = 10 * 1024 * 1024, .offload = true, .no_store = true};
constexpr http::RouteOptions kShopDownload{.no_store = true};

bool IsCsv(std::string_view content_type) {
  const std::string_view media_type = content_type.substr(0, content_type.find(';'));
  std::string lower;
  for (const char character : media_type) {
    if (character != ' ' && character != '\t')
      lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(character))));
  }
  return lower == "text/csv";
}

http::Response Refusal(const ListingImportHttp& http, const http::Request& request, http::Status status,
                       std::string_view code, std::string_view field = {}) {
  return html::ApiError(http.renderer, request, {status, std::string(code), std::string(field)},
                        "catalog.csv.error." + std::string(code));
}

// Nothing unless the actor has an approved shop: 401 for a visitor, 403 for anyone else.
std::optional<http::Response> RefuseNonSeller(const ListingImportHttp& http, const http::Request& request) {
  const core::Actor& actor = request.context().actor;
  if (!actor.signed_in()) return Refusal(http, request, http::Status::unauthorized, "unauthenticated");
  if (!CheckSeller(http, actor)) return Refusal(http, request, http::Status::forbidden, "not_a_seller");
  return std::nullopt;
}

boost::json::object RowErrorJson(const ListingImportHttp& http, core::Locale locale, const ListingCsvRowError& error) {
  boost::json::value field = nullptr;
  if (!error.field.empty()) field = error.field;
  return {{"row", error.row},
          {"code", error.code},
          {"message", ImportErrorText(http, locale, error.code)},
          {"field", std::move(field)}};
}

http::Response Import(const ListingImportHttp& http, const http::Request& request) {
  if (auto refusal = RefuseNonSeller(http, request)) return std::move(*refusal);
  if (!IsCsv(request.Header("Content-Type"))) {
    return Refusal(http, request, http::Status::unsupported_media_type, "unsupported_media_type");
  }
  const core::Locale locale = request.context().locale;
  auto plan = ReadListingCsv(request.body());
  if (!plan) {
    return http::ApiErrorResponse({http::Status::bad_request, plan.error().code, plan.error().field},
                                  FileProblemText(http, locale, plan.error()));
  }
  auto result = ImportListings(http.listings, request.context().actor, *plan);
  if (!result) return Refusal(http, request, http::Status::forbidden, "not_a_seller");
  if (result->created > 0) ForgetShopPages(http);
  boost::json::array errors;
  for (const ListingCsvRowError& error : result->errors) errors.push_back(RowErrorJson(http, locale, error));
  return http::Response::Json(
      boost::json::object{{"created", result->created}, {"rows", plan->rows}, {"errors", std::move(errors)}});
}

http::Response Export(const ListingImportHttp& http, const http::Request& request) {
  if (auto refusal = RefuseNonSeller(http, request)) return std::move(*refusal);
  auto download = ExportDownload(http, request);
  if (!download) return Refusal(http, request, http::Status::forbidden, ErrorCode(download.error()));
  return std::move(*download);
}

}  // namespace

void AddListingImportApi(http::Router& router, const ListingImportHttp& http) {
  router.Post(
      "/api/v1/seller/products/import", [http](http::Request& request) { return Import(http, request); }, kCsvBody);
  router.Get(
      "/api/v1/seller/products/export", [http](http::Request& request) { return Export(http, request); },
      kShopDownload);
}

}  // namespace manmulsang::catalog
