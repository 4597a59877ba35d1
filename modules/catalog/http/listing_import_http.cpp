#include <string>

#include "listing_import.hpp"

namespace manmulsang::catalog {

std::string ImportErrorText(const ListingImportHttp& http, core::Locale locale, std::string_view code) {
  return std::string(http.renderer.Translate(locale, "catalog.csv.error." + std::string(code)));
}

std::string FileProblemText(const ListingImportHttp& http, core::Locale locale, const ListingCsvFileProblem& problem) {
  std::string text = ImportErrorText(http, locale, problem.code);
  if (!problem.field.empty()) {
    text += " (" + problem.field + ")";
  } else if (problem.line > 0) {
    text += " (" + std::string(http.renderer.Translate(locale, "catalog.csv.line")) + " " +
            std::to_string(problem.line) + ")";
  }
  return text;
}

const core::Clock& SystemClock() {
  static const core::SystemClock clock;
  return clock;
}

std::expected<void, ListingError> CheckSeller(const ListingImportHttp& http, const core::Actor& actor) {
  ListingFilter filter;
  filter.per_page = 1;
  auto page = http.listings.ShopListings(actor, filter);
  if (!page) return std::unexpected(page.error().error);
  return {};
}

std::expected<http::Response, ListingError> ExportDownload(const ListingImportHttp& http,
                                                           const http::Request& request) {
  auto csv = ExportListingsCsv(http.listings, http.catalog, request.context().actor);
  if (!csv) return std::unexpected(csv.error().error);
  http::Response response(http::Status::ok, "text/csv; charset=utf-8", std::move(*csv));
  const std::string file_name = "manmulsang-listings-" + core::LocalDate(http.clock.Now()) + ".csv";
  response.SetHeader("Content-Disposition", "attachment; filename=\"" + file_name + "\"");
  return response;
}

void ForgetShopPages(const ListingImportHttp& http) {
  http.page_cache.Invalidate("/s/");
  http.page_cache.Invalidate("/c/");
}

void AddListingImportRoutes(http::Router& router, const ListingImportHttp& http) {
  AddListingImportApi(router, http);
  AddListingImportPages(router, http);
}

}  // namespace manmulsang::catalog
