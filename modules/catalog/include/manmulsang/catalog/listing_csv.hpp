#pragma once

// A shop's listings as a CSV file (docs/SELLING.md): import creates listings row by row, export
// writes the shop's listings in the same columns, so an exported file imports again.
//
// Columns (the first row names them, in any order, in English or Korean; others are ignored):
//   name (상품명), category (카테고리: a category slug), price (가격) — required;
//   currency (통화, default KPW), stock (재고, default 0), description (설명),
//   size (사이즈), colour (색상, also "color"), group (그룹, also "sku").
// Rows with the same non-empty group become one listing whose options (variants) are the rows:
// each row gives an option's size, colour, price and stock; the listing's name, category,
// currency and description come from the group's first row, and later rows leave them empty or
// repeat them. A row without a group is a listing of its own (with one option when it names a
// size or colour).

#include <array>
#include <cstddef>
#include <cstdint>
#include <expected>
#include <functional>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

#include "manmulsang/catalog/catalog.hpp"
#include "manmulsang/catalog/listings.hpp"
#include "manmulsang/core/context.hpp"

namespace manmulsang::catalog {

// The columns in the order export writes them.
inline constexpr std::array<std::string_view, 9> kListingCsvColumns = {
    "group", "name", "category", "price", "currency", "stock", "size", "colour", "description"};

// One row that was not imported. row numbers rows as a spreadsheet does (the header is row 1).
// code is snake_case (t.catalog.csv.error.<code>); field is the column at fault, or empty.
struct ListingCsvRowError {
  std::size_t row = 0;
  std::string code;
  std::string field;
};

// What makes the whole file unusable (nothing is imported): a CSV file error (code csv_*,
// line set) or a required column missing from the header (csv_missing_column, field named).
struct ListingCsvFileProblem {
  std::string code;
  std::string field;
  std::size_t line = 0;
};

// A listing read from the file, not yet created; rows are its spreadsheet rows, one per option
// when it has options (in the order of input.variants), else one.
struct PlannedListing {
  ListingInput input;
  std::vector<std::size_t> rows;
};

struct ListingImportPlan {
  std::vector<PlannedListing> listings;
  std::vector<ListingCsvRowError> errors;  // rows refused while reading, before any is created
  std::size_t rows = 0;                    // data rows in the file (blank ones not counted)
};

// Reads and checks the file without touching the store. A row that cannot be read (bad UTF-8,
// a price that is not a number, a group row that contradicts its first row) is an error of its
// own; in a group, it takes the group with it (each other row reports group_not_imported).
std::expected<ListingImportPlan, ListingCsvFileProblem> ReadListingCsv(std::string_view bytes);

// The errors of a planned listing that ListingService refused: the row and column its problem
// names, and group_not_imported for each other row of the listing.
std::vector<ListingCsvRowError> RefusedListingErrors(const PlannedListing& planned, const ListingProblem& problem);

struct ListingImportProgress {
  std::size_t rows_done = 0;  // rows read or tried, errors included
  std::size_t rows_total = 0;
  std::int64_t created = 0;
  std::size_t errors = 0;
};

struct ListingImportResult {
  std::int64_t created = 0;                // listings (a group is one)
  std::vector<ListingCsvRowError> errors;  // in row order
  bool stopped = false;                    // stop was requested before every listing was tried
};

// Creates the plan's listings through ListingService::Create, each in its own transaction: a
// listing the service refuses stores nothing of itself and the next one is still tried. Several
// are created at once, on threads of its own, so their commits share syncs; on_progress
// (optional) is called after each listing, one call at a time. not_a_seller (the actor has no
// approved shop, or lost it midway) ends the import and is returned as the error.
std::expected<ListingImportResult, ListingError> ImportListings(
    ListingService& listings, const core::Actor& actor, const ListingImportPlan& plan,
    const std::function<void(const ListingImportProgress&)>& on_progress = {}, std::stop_token stop = {});

// The actor's shop's listings (active and hidden; deleted ones never) as CSV in the columns of
// kListingCsvColumns: UTF-8 with a byte order mark (spreadsheets need it), CRLF, a formula-like
// field written with a leading ' (read back without it). A listing with options is one row per
// option, with group set to the listing's id.
std::expected<std::string, ListingProblem> ExportListingsCsv(ListingService& listings, CatalogService& catalog,
                                                             const core::Actor& actor);

}  // namespace manmulsang::catalog
