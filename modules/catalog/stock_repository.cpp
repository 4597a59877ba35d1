#include "stock_repository.hpp"

#include <string_view>

#include "product_rows.hpp"

namespace manmulsang::catalog {
namespace {

// What can be sold: a listing without options while it is active, or an option (stored 'hidden')
// while its listing is active. A listing with options is sold through them only.
#define MANMULSANG_SELLABLE                                                                    \
  "has_variants = 0 AND ((parent_id IS NULL AND status = 'active') OR (parent_id IS NOT NULL " \
  "AND status = 'hidden' AND (SELECT listing.status FROM products listing WHERE listing.id = " \
  "products.parent_id) = 'active'))"
// The stock condition sits in the UPDATE itself, so that stock can never go below zero whatever
// else runs. (Popularity counts paid sales, not reservations: popularity_repository.hpp.)
constexpr std::string_view kReserveStock =
    "UPDATE products SET stock = stock - $1, updated_at = $3 "
    "WHERE id = $2 AND stock >= $1 AND " MANMULSANG_SELLABLE " RETURNING stock, parent_id";
constexpr std::string_view kReleaseStock =
    "UPDATE products SET stock = stock + $1, updated_at = $3 WHERE id = $2 RETURNING stock, parent_id";
constexpr std::string_view kAvailableStock = "SELECT stock FROM products WHERE id = $1 AND " MANMULSANG_SELLABLE;
// By id alone: with a condition on status as well, SQLite's planner (without ANALYZE statistics)
// prefers an index that begins with status and reads every active listing to find a page's
// twenty.
constexpr std::string_view kSellableWhere = " WHERE " MANMULSANG_SELLABLE " AND id IN (";
#undef MANMULSANG_SELLABLE
constexpr std::string_view kListingOf = "SELECT parent_id FROM products WHERE id = $1";
constexpr std::string_view kMoveListingStock =
    "UPDATE products SET stock = CASE WHEN stock + $2 < 0 THEN 0 ELSE stock + $2 END, updated_at = $3 "
    "WHERE id = $1";
// A listing with options follows them: stock their sum, price the lowest.
constexpr std::string_view kFollowOptions =
    "UPDATE products SET "
    "stock = (SELECT CAST(COALESCE(SUM(child.stock), 0) AS BIGINT) FROM products child "
    "WHERE child.parent_id = $1 AND child.status <> 'deleted'), "
    "price_amount = COALESCE((SELECT MIN(child.price_amount) FROM products child "
    "WHERE child.parent_id = $1 AND child.status <> 'deleted'), price_amount), "
    "has_variants = CASE WHEN EXISTS (SELECT 1 FROM products child "
    "WHERE child.parent_id = $1 AND child.status <> 'deleted') THEN 1 ELSE 0 END, "
    "updated_at = $2 WHERE id = $1";

StockLeft StockLeftOf(const db::Row& row) {
  StockLeft left{row.Int(0), std::nullopt};
  if (auto parent = row.OptionalInt(1)) left.listing = core::ProductId{*parent};
  return left;
}

}  // namespace

std::vector<Product> StockRepository::SellableByIds(db::Connection& connection, std::span<const core::ProductId> ids) {
  std::vector<Product> products = ProductsByIds(connection, kSellableWhere, ids);
  // An option is sold while its listing is; to the buyer it is as active as the listing.
  for (Product& product : products) product.status = ProductStatus::active;
  return products;
}

std::optional<StockLeft> StockRepository::TakeStock(db::Connection& connection, core::ProductId id,
                                                    std::int64_t quantity, std::int64_t now) {
  auto row = connection.QueryOne(kReserveStock, {quantity, id.value, now});
  if (!row) return std::nullopt;
  return StockLeftOf(*row);
}

std::optional<StockLeft> StockRepository::PutBackStock(db::Connection& connection, core::ProductId id,
                                                       std::int64_t quantity, std::int64_t now) {
  auto row = connection.QueryOne(kReleaseStock, {quantity, id.value, now});
  if (!row) return std::nullopt;
  return StockLeftOf(*row);
}

std::int64_t StockRepository::AvailableStock(db::Connection& connection, core::ProductId id) {
  auto row = connection.QueryOne(kAvailableStock, {id.value});
  return row ? row->Int(0) : 0;
}

std::optional<core::ProductId> StockRepository::ListingOf(db::Connection& connection, core::ProductId product) {
  auto row = connection.QueryOne(kListingOf, {product.value});
  if (!row || row->IsNull(0)) return std::nullopt;
  return core::ProductId{row->Int(0)};
}

void StockRepository::MoveListingStock(db::Connection& connection, core::ProductId listing, std::int64_t change,
                                       std::int64_t now) {
  connection.Execute(kMoveListingStock, {listing.value, change, now});
}

void StockRepository::FollowOptions(db::Connection& connection, core::ProductId listing, std::int64_t now) {
  connection.Execute(kFollowOptions, {listing.value, now});
}

}  // namespace manmulsang::catalog
