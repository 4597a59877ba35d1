#include "listing_repository.hpp"

#include <algorithm>
#include <string_view>

#include "manmulsang/db/readable.hpp"
#include "product_rows.hpp"
#include "statement.hpp"

namespace manmulsang::catalog {
namespace {

// The seller's own listings: any status but deleted, options left out (they show inside theirs).
constexpr std::string_view kCount = "SELECT COUNT(*) FROM products";
constexpr std::string_view kSellerWhere = " WHERE seller_id = $? AND parent_id IS NULL";
constexpr std::string_view kSellerStatus = " AND status = $?";
constexpr std::string_view kSellerNotDeleted = " AND status IN ('active', 'hidden')";
constexpr std::string_view kNewestFirst = " ORDER BY created_at DESC, id DESC";
constexpr std::string_view kVariants =
    "SELECT id, option_size, option_colour, price_amount, currency, stock FROM products "
    "WHERE parent_id = $1 AND status <> 'deleted' ORDER BY id";
constexpr std::string_view kVariantsOf =
    "SELECT parent_id, id, option_size, option_colour, price_amount, currency, stock FROM products "
    "WHERE parent_id IN (";
constexpr std::string_view kVariantsOfOrder = ") AND status <> 'deleted' ORDER BY parent_id, id";
constexpr std::string_view kInsertListing =
    "INSERT INTO products (seller_id, category_id, name, description, price_amount, currency, stock, "
    "status, parent_id, option_size, option_colour, has_variants, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 0, $12, $12) RETURNING id";
constexpr std::string_view kUpdateListing =
    "UPDATE products SET category_id = $1, name = $2, description = $3, price_amount = $4, currency = $5, "
    "stock = $6, updated_at = $7, has_variants = $9 WHERE id = $8";
constexpr std::string_view kUpdateOption =
    "UPDATE products SET category_id = $1, name = $2, option_size = $3, option_colour = $4, "
    "price_amount = $5, currency = $6, stock = $7, updated_at = $8 WHERE id = $9 AND parent_id = $10";
constexpr std::string_view kSetStatus = "UPDATE products SET status = $1, updated_at = $2 WHERE id = $3";

void AppendSellerFilter(Statement& statement, core::SellerId seller, std::optional<ProductStatus> status) {
  statement.Append(kSellerWhere, seller.value);
  if (status) {
    statement.Append(kSellerStatus, ProductStatusName(*status));
  } else {
    statement.Append(kSellerNotDeleted);
  }
}

Variant VariantOf(const db::Row& row, std::size_t first) {
  Variant variant;
  variant.id = core::ProductId{row.Int(first)};
  variant.size = row.Text(first + 1);
  variant.colour = row.Text(first + 2);
  variant.price.amount = row.Int(first + 3);
  variant.price.currency =
      db::Readable(core::ParseCurrency(row.Text(first + 4)), "option currency", row.Text(first + 4));
  variant.stock = row.Int(first + 5);
  return variant;
}

}  // namespace

std::vector<Product> ListingRepository::SellerListings(db::Connection& connection, core::SellerId seller,
                                                       std::optional<ProductStatus> status, std::int64_t limit,
                                                       std::int64_t offset) {
  Statement statement(kProductColumns);
  AppendSellerFilter(statement, seller, status);
  statement.Append(kNewestFirst);
  statement.Append(kLimit, limit).Append(kOffset, offset);
  return ProductsFromRows(connection.Query(statement.sql(), statement.parameters()));
}

std::int64_t ListingRepository::CountSellerListings(db::Connection& connection, core::SellerId seller,
                                                    std::optional<ProductStatus> status) {
  Statement statement(kCount);
  AppendSellerFilter(statement, seller, status);
  db::Rows rows = connection.Query(statement.sql(), statement.parameters());
  return rows.empty() ? 0 : rows.front().Int(0);
}

std::vector<Variant> ListingRepository::Variants(db::Connection& connection, core::ProductId listing) {
  std::vector<Variant> variants;
  for (const db::Row& row : connection.Query(kVariants, {listing.value})) variants.push_back(VariantOf(row, 0));
  return variants;
}

std::vector<std::pair<core::ProductId, Variant>> ListingRepository::VariantsOf(
    db::Connection& connection, std::span<const core::ProductId> listings) {
  std::vector<std::pair<core::ProductId, Variant>> variants;
  constexpr std::size_t kBatch = kMaxPerPage;
  for (std::size_t start = 0; start < listings.size(); start += kBatch) {
    Statement statement(kVariantsOf);
    statement.AppendIdList(listings.subspan(start, std::min(kBatch, listings.size() - start)));
    statement.Append(kVariantsOfOrder);
    for (const db::Row& row : connection.Query(statement.sql(), statement.parameters())) {
      variants.emplace_back(core::ProductId{row.Int(0)}, VariantOf(row, 1));
    }
  }
  return variants;
}

core::ProductId ListingRepository::InsertListingRow(db::Connection& connection, const ListingRow& listing,
                                                    std::int64_t now) {
  db::Parameter parent = nullptr;
  if (listing.parent) parent = listing.parent->value;
  auto row = connection.QueryOne(
      kInsertListing, {listing.seller.value, listing.category.value, std::string_view(listing.name),
                       std::string_view(listing.description), listing.price.amount,
                       core::CurrencyCode(listing.price.currency), listing.stock, ProductStatusName(listing.status),
                       parent, std::string_view(listing.size), std::string_view(listing.colour), now});
  if (!row) throw db::DatabaseError("insert into products returned no id");
  return core::ProductId{row->Int(0)};
}

void ListingRepository::UpdateListingRow(db::Connection& connection, core::ProductId id, const ListingRow& listing,
                                         std::int64_t now) {
  connection.Execute(kUpdateListing,
                     {listing.category.value, std::string_view(listing.name), std::string_view(listing.description),
                      listing.price.amount, core::CurrencyCode(listing.price.currency), listing.stock, now, id.value,
                      std::int64_t{listing.has_variants ? 1 : 0}});
}

void ListingRepository::UpdateOptionRow(db::Connection& connection, core::ProductId id, const ListingRow& option,
                                        std::int64_t now) {
  connection.Execute(kUpdateOption,
                     {option.category.value, std::string_view(option.name), std::string_view(option.size),
                      std::string_view(option.colour), option.price.amount, core::CurrencyCode(option.price.currency),
                      option.stock, now, id.value, option.parent ? option.parent->value : std::int64_t{0}});
}

void ListingRepository::SetStatus(db::Connection& connection, core::ProductId id, ProductStatus status,
                                  std::int64_t now) {
  connection.Execute(kSetStatus, {ProductStatusName(status), now, id.value});
}

}  // namespace manmulsang::catalog
