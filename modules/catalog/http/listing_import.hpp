#pragma once

#include <expected>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "manmulsang/catalog/catalog.hpp"
#include "manmulsang/catalog/listing_csv.hpp"
#include "manmulsang/catalog/listing_import_jobs.hpp"
#include "manmulsang/catalog/listings.hpp"
#include "manmulsang/core/clock.hpp"
#include "manmulsang/core/context.hpp"
#include "manmulsang/html/renderer.hpp"
#include "manmulsang/http/page_cache.hpp"
#include "manmulsang/http/router.hpp"

// The CSV import and export of a shop's listings over HTTP (listing_import_*.cpp); private to
// catalog/http.
namespace manmulsang::catalog {

// The real clock, for callers that have none to pass.
const core::Clock& SystemClock();

struct ListingImportHttp {
  const html::Renderer& renderer;
  ListingService& listings;
  CatalogService& catalog;
  http::PageCache& page_cache;
  const core::Clock& clock = SystemClock();  // jobs expire by it; export files are dated by it
};

// --- Shared by listing_import_api.cpp and listing_import_pages.cpp ---

// The listing import's messages live in t.catalog.csv.error.<code>.
std::string ImportErrorText(const ListingImportHttp& http, core::Locale locale, std::string_view code);
// A refused file in a sentence: what is wrong, and where (line or column).
std::string FileProblemText(const ListingImportHttp& http, core::Locale locale, const ListingCsvFileProblem& problem);
// The actor's shop's listings as a CSV download (Content-Disposition: attachment); a refusal
// (the actor has no approved shop) when the export is refused. The routes that answer with it
// say no_store.
std::expected<http::Response, ListingError> ExportDownload(const ListingImportHttp& http, const http::Request& request);
// Whether the actor has an approved shop to import into (not_a_seller when not).
std::expected<void, ListingError> CheckSeller(const ListingImportHttp& http, const core::Actor& actor);
// The import has created listings: shop and category pages show them now. Imports are rare, so
// every shop page is built again rather than finding which shop it was.
void ForgetShopPages(const ListingImportHttp& http);

void AddListingImportApi(http::Router& router, const ListingImportHttp& http);
void AddListingImportPages(http::Router& router, const ListingImportHttp& http);

// JSON: POST /api/v1/seller/products/import (text/csv) → {created, errors:[{row, code, message,
// field}]}; GET /api/v1/seller/products/export → the shop's listings as a CSV attachment.
// HTML: GET|POST /seller/products/import (a multipart form, field "file"), GET
// /seller/products/import/:job (the progress page, refreshing itself until done), GET
// /seller/products/export (the same attachment, for the page's link).
void AddListingImportRoutes(http::Router& router, const ListingImportHttp& http);

}  // namespace manmulsang::catalog
