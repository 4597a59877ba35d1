#include "manmulsang/catalog/listing_csv.hpp"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <iterator>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>

#include "manmulsang/text/characters.hpp"
#include "manmulsang/text/csv.hpp"

namespace manmulsang::catalog {
namespace {

constexpr std::int64_t kMaxStock = 1'000'000'000;
// Listings created at once by an import (see ImportListings).
constexpr std::size_t kImportWriters = 8;

// Each column under its English name and the names a Korean spreadsheet would use.
struct ColumnNames {
  std::string_view column;
  std::array<std::string_view, 2> aliases;
};
constexpr std::array<ColumnNames, 9> kColumnNames = {{
    {"group", {"sku", "그룹"}},
    {"name", {"상품명", "이름"}},
    {"category", {"카테고리", "분류"}},
    {"price", {"가격", "판매가"}},
    {"currency", {"통화", ""}},
    {"stock", {"재고", "수량"}},
    {"size", {"사이즈", "크기"}},
    {"colour", {"color", "색상"}},
    {"description", {"설명", "상품설명"}},
}};
constexpr std::array<std::string_view, 3> kRequiredColumns = {"name", "category", "price"};

// Where each known column sits in the file (nullopt when absent).
class ColumnMap {
 public:
  explicit ColumnMap(const text::CsvTable& table) {
    for (std::size_t index = 0; index < kColumnNames.size(); ++index) {
      positions_[index] = table.Column(kColumnNames[index].column);
      for (const std::string_view alias : kColumnNames[index].aliases) {
        if (!positions_[index] && !alias.empty()) positions_[index] = table.Column(alias);
      }
    }
  }

  bool Has(std::string_view column) const { return positions_[IndexOf(column)].has_value(); }

  // The field as the seller meant it: the spreadsheet's ' text mark dropped (export adds it in
  // front of formula-like text).
  std::string_view Field(const text::CsvRow& row, std::string_view column) const {
    const auto& position = positions_[IndexOf(column)];
    if (!position || *position >= row.fields.size()) return {};
    return text::RestoreDefusedField(row.fields[*position]);
  }

 private:
  static std::size_t IndexOf(std::string_view column) {
    for (std::size_t index = 0; index < kColumnNames.size(); ++index) {
      if (kColumnNames[index].column == column) return index;
    }
    return 0;  // unreachable: callers pass the names above
  }

  std::array<std::optional<std::size_t>, kColumnNames.size()> positions_;
};

// One data row, read and checked on its own.
struct RowValues {
  std::size_t row = 0;
  std::string group;
  std::string name;
  std::string category;
  std::string currency_text;
  core::Money price;
  std::int64_t stock = 0;
  std::string size;
  std::string colour;
  std::string description;
};

std::optional<std::int64_t> ParseStock(std::string_view text) {
  if (text.empty()) return 0;
  std::string digits;
  for (const char character : text) {
    if (character != ',') digits.push_back(character);  // "1,000" as a spreadsheet shows it
  }
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error != std::errc{} || end != digits.data() + digits.size() || digits.empty() || value < 0 ||
      value > kMaxStock) {
    return std::nullopt;
  }
  return value;
}

std::expected<RowValues, ListingCsvRowError> ReadRow(const ColumnMap& columns, const text::CsvRow& row) {
  RowValues values;
  values.row = row.row;
  values.group = text::TrimAscii(columns.Field(row, "group"));
  values.name = text::TrimAscii(columns.Field(row, "name"));
  values.category = text::TrimAscii(columns.Field(row, "category"));
  values.size = text::TrimAscii(columns.Field(row, "size"));
  values.colour = text::TrimAscii(columns.Field(row, "colour"));
  values.description = columns.Field(row, "description");
  values.currency_text = text::TrimAscii(columns.Field(row, "currency"));
  core::Currency currency = core::Currency::kpw;
  if (!values.currency_text.empty()) {
    const auto parsed = core::ParseCurrency(values.currency_text);
    if (!parsed) return std::unexpected(ListingCsvRowError{row.row, "invalid_currency", "currency"});
    currency = *parsed;
  }
  const auto price = core::ParseMoney(text::TrimAscii(columns.Field(row, "price")), currency);
  if (!price) return std::unexpected(ListingCsvRowError{row.row, "invalid_price", "price"});
  values.price = *price;
  const auto stock = ParseStock(text::TrimAscii(columns.Field(row, "stock")));
  if (!stock) return std::unexpected(ListingCsvRowError{row.row, "invalid_stock", "stock"});
  values.stock = *stock;
  return values;
}

// A later row of a group may leave the listing's own fields empty or repeat them; a different
// value is a contradiction the seller must resolve (which name is right?).
std::optional<ListingCsvRowError> ContradictsFirstRow(const RowValues& first, const RowValues& row) {
  const auto differs = [](const std::string& mine, const std::string& theirs) {
    return !mine.empty() && mine != theirs;
  };
  if (differs(row.name, first.name)) return ListingCsvRowError{row.row, "group_mismatch", "name"};
  if (differs(row.category, first.category)) return ListingCsvRowError{row.row, "group_mismatch", "category"};
  if (row.price.currency != first.price.currency) return ListingCsvRowError{row.row, "group_mismatch", "currency"};
  if (differs(row.description, first.description)) {
    return ListingCsvRowError{row.row, "group_mismatch", "description"};
  }
  return std::nullopt;
}

PlannedListing PlanListing(const std::vector<RowValues>& rows) {
  const RowValues& first = rows.front();
  PlannedListing planned;
  planned.input.category_slug = first.category;
  planned.input.name = first.name;
  planned.input.description = first.description;
  planned.input.price = first.price;
  planned.input.stock = first.stock;
  const bool has_options = rows.size() > 1 || !first.size.empty() || !first.colour.empty();
  for (const RowValues& row : rows) {
    planned.rows.push_back(row.row);
    if (has_options) planned.input.variants.push_back({std::nullopt, row.size, row.colour, row.price, row.stock});
  }
  return planned;
}

// The row and column a ListingService field names: "variants[2].size" is the third option's row.
ListingCsvRowError ErrorOfCreate(const PlannedListing& planned, const ListingProblem& problem) {
  std::size_t row = planned.rows.front();
  std::string field = problem.field;
  if (problem.error != ListingError::invalid_field) return {row, std::string(ErrorCode(problem.error)), ""};
  constexpr std::string_view kVariants = "variants[";
  if (field.starts_with(kVariants)) {
    const auto close = field.find("].");
    std::size_t index = 0;
    const auto [end, error] = std::from_chars(field.data() + kVariants.size(), field.data() + field.size(), index);
    if (close != std::string::npos && error == std::errc{} && index < planned.rows.size()) {
      row = planned.rows[index];
      field = field.substr(close + 2);
    } else {
      field = "variants";
    }
  }
  if (field == "variants") return {row, "invalid_variants", "group"};
  if (field == "category_slug") field = "category";
  return {row, "invalid_" + field, field};
}

void SortByRow(std::vector<ListingCsvRowError>& errors) {
  std::stable_sort(errors.begin(), errors.end(), [](const ListingCsvRowError& left, const ListingCsvRowError& right) {
    return left.row < right.row;
  });
}

// An amount in minor units as a plain decimal a spreadsheet and ParseMoney read back: 12000,
// 12.50 (no grouping, no symbol).
std::string PlainAmount(core::Money money) {
  const int exponent = core::CurrencyExponent(money.currency);
  std::string digits = std::to_string(money.amount < 0 ? -money.amount : money.amount);
  if (exponent > 0) {
    if (digits.size() <= static_cast<std::size_t>(exponent)) digits.insert(0, exponent + 1 - digits.size(), '0');
    digits.insert(digits.size() - exponent, ".");
  }
  return money.amount < 0 ? "-" + digits : digits;
}

void AppendDefused(std::string& out, const std::array<std::string, kListingCsvColumns.size()>& fields) {
  std::array<std::string, kListingCsvColumns.size()> defused;
  for (std::size_t index = 0; index < fields.size(); ++index) defused[index] = text::DefuseFormula(fields[index]);
  text::AppendCsvRecord(out, defused);
}

}  // namespace

std::expected<ListingImportPlan, ListingCsvFileProblem> ReadListingCsv(std::string_view bytes) {
  const text::CsvTable table = text::ReadCsv(bytes);
  if (!table.ok())
    return std::unexpected(ListingCsvFileProblem{std::string(text::ErrorCode(table.error)), "", table.error_line});
  const ColumnMap columns(table);
  for (const std::string_view required : kRequiredColumns) {
    if (!columns.Has(required))
      return std::unexpected(ListingCsvFileProblem{"csv_missing_column", std::string(required), 1});
  }

  ListingImportPlan plan;
  plan.rows = table.rows.size();
  // Listings in the order their first row appears; a group gathers its rows wherever they are.
  std::vector<std::vector<RowValues>> listings;
  std::vector<bool> failed;
  std::map<std::string, std::size_t> group_index;
  for (const text::CsvRow& row : table.rows) {
    if (row.error != text::CsvRowError::none) {
      // Its fields are not trusted, its group not even known: it is reported alone.
      plan.errors.push_back({row.row, std::string(text::ErrorCode(row.error)), ""});
      continue;
    }
    auto values = ReadRow(columns, row);
    const std::string group = values ? values->group : std::string(text::TrimAscii(columns.Field(row, "group")));
    std::size_t index = listings.size();
    if (!group.empty()) {
      const auto [found, inserted] = group_index.try_emplace(group, listings.size());
      index = found->second;
    }
    if (index == listings.size()) {
      listings.emplace_back();
      failed.push_back(false);
    }
    if (!values) {
      plan.errors.push_back(values.error());
      failed[index] = true;
      continue;
    }
    if (!listings[index].empty()) {
      if (const auto contradiction = ContradictsFirstRow(listings[index].front(), *values)) {
        plan.errors.push_back(*contradiction);
        failed[index] = true;
        continue;
      }
    }
    listings[index].push_back(std::move(*values));
  }

  for (std::size_t index = 0; index < listings.size(); ++index) {
    if (failed[index]) {
      // A listing is created whole or not at all: its other rows wait for the bad one's fix.
      for (const RowValues& row : listings[index]) plan.errors.push_back({row.row, "group_not_imported", "group"});
    } else if (!listings[index].empty()) {
      plan.listings.push_back(PlanListing(listings[index]));
    }
  }
  SortByRow(plan.errors);
  return plan;
}

std::vector<ListingCsvRowError> RefusedListingErrors(const PlannedListing& planned, const ListingProblem& problem) {
  const ListingCsvRowError error = ErrorOfCreate(planned, problem);
  std::vector<ListingCsvRowError> errors;
  for (const std::size_t row : planned.rows) {
    if (row == error.row)
      errors.push_back(error);
    else
      errors.push_back({row, "group_not_imported", "group"});
  }
  return errors;
}

std::expected<ListingImportResult, ListingError> ImportListings(
    ListingService& listings, const core::Actor& actor, const ListingImportPlan& plan,
    const std::function<void(const ListingImportProgress&)>& on_progress, std::stop_token stop) {
  ListingImportResult result;
  result.errors = plan.errors;
  ListingImportProgress progress{plan.errors.size(), plan.rows, 0, plan.errors.size()};
  if (on_progress) on_progress(progress);

  // Each listing is its own transaction, and a transaction is durable only once synced. Several
  // at a time let the store's group commit sync them together (docs/ARCHITECTURE.md), which
  // makes a 10,000-row file several times faster than one listing after another. Listing i goes
  // to writer i % kImportWriters, so ids still follow the file roughly.
  std::mutex mutex;  // guards result and progress
  std::atomic<bool> lost_shop = false;
  const auto work = [&](std::size_t first) {
    for (std::size_t index = first; index < plan.listings.size(); index += kImportWriters) {
      if (stop.stop_requested() || lost_shop) return;
      const PlannedListing& planned = plan.listings[index];
      const auto created = listings.Create(actor, planned.input);
      if (!created && created.error().error == ListingError::not_a_seller) {
        lost_shop = true;
        return;
      }
      std::lock_guard lock(mutex);
      if (created) {
        ++result.created;
      } else {
        std::ranges::move(RefusedListingErrors(planned, created.error()), std::back_inserter(result.errors));
      }
      progress.rows_done += planned.rows.size();
      progress.created = result.created;
      progress.errors = result.errors.size();
      if (on_progress) on_progress(progress);
    }
  };
  {
    std::vector<std::jthread> writers;
    const std::size_t count = std::min(kImportWriters, plan.listings.size());
    for (std::size_t first = 1; first < count; ++first) writers.emplace_back(work, first);
    if (count > 0) work(0);
  }  // the writers join here
  if (lost_shop) return std::unexpected(ListingError::not_a_seller);
  std::size_t tried_rows = plan.errors.size();
  for (const PlannedListing& planned : plan.listings) tried_rows += planned.rows.size();
  result.stopped = progress.rows_done < tried_rows;
  SortByRow(result.errors);
  return result;
}

std::expected<std::string, ListingProblem> ExportListingsCsv(ListingService& listings, CatalogService& catalog,
                                                             const core::Actor& actor) {
  std::string out(text::kUtf8ByteOrderMark);
  std::array<std::string, kListingCsvColumns.size()> header;
  std::ranges::copy(kListingCsvColumns, header.begin());
  text::AppendCsvRecord(out, header);

  ListingFilter filter;
  filter.per_page = kMaxPerPage;
  while (true) {
    auto page = listings.ShopListings(actor, filter);
    if (!page) return std::unexpected(page.error());
    for (const Product& product : page->items) {
      const auto category = catalog.CategoryById(product.category);
      const std::string slug = category ? category->slug : "";
      const std::string currency(core::CurrencyCode(product.price.currency));
      if (product.variants.empty()) {
        AppendDefused(out, {"", product.name, slug, PlainAmount(product.price), currency, std::to_string(product.stock),
                            "", "", product.description});
        continue;
      }
      // One row per option; the group (the listing's id) joins them again on import.
      const std::string group = std::to_string(product.id.value);
      for (const Variant& variant : product.variants) {
        AppendDefused(out, {group, product.name, slug, PlainAmount(variant.price), currency,
                            std::to_string(variant.stock), variant.size, variant.colour, product.description});
      }
    }
    if (page->items.empty() || static_cast<std::int64_t>(filter.page) * filter.per_page >= page->total) break;
    ++filter.page;
  }
  return out;
}

}  // namespace manmulsang::catalog
