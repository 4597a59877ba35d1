#include "popularity_repository.hpp"

#include <string_view>

#include "product_rows.hpp"

namespace manmulsang::catalog {
namespace {

// Two options of one listing in one order add up in the listing's row.
constexpr std::string_view kAddSale =
    "INSERT INTO product_sales (order_id, product_id, units, paid_at) VALUES ($1, $2, $3, $4) "
    "ON CONFLICT (order_id, product_id) DO UPDATE SET units = product_sales.units + excluded.units";
constexpr std::string_view kRemoveSales = "DELETE FROM product_sales WHERE order_id = $1 RETURNING product_id";
constexpr std::string_view kListingOf = "SELECT COALESCE(parent_id, id) FROM products WHERE id = $1";
// $2 is the start of the window: a sale's weight is the seconds it has left in it, in days.
constexpr std::string_view kRescore =
    "UPDATE products SET popularity = (SELECT COALESCE(SUM(units * (paid_at - $2)), 0) / 86400 "
    "FROM product_sales WHERE product_id = $1 AND paid_at > $2) WHERE id = $1";
constexpr std::string_view kPopular =
    "SELECT id, seller_id, category_id, name, description, price_amount, currency, stock, status, "
    "rating_average, rating_count, popularity, created_at, parent_id, option_size, option_colour, has_variants "
    "FROM products JOIN (SELECT product_id, SUM(units * (paid_at - $2)) AS score FROM product_sales "
    "WHERE paid_at > $2 GROUP BY product_id) sales ON sales.product_id = products.id "
    "WHERE status = 'active' ORDER BY sales.score DESC, id DESC LIMIT $1";

}  // namespace

void PopularityRepository::AddSale(db::Connection& connection, core::OrderId order, core::ProductId product,
                                   std::int64_t units, std::int64_t paid_at) {
  connection.Execute(kAddSale, {order.value, product.value, units, paid_at});
}

std::vector<core::ProductId> PopularityRepository::RemoveSales(db::Connection& connection, core::OrderId order) {
  std::vector<core::ProductId> listings;
  for (const db::Row& row : connection.Query(kRemoveSales, {order.value}))
    listings.push_back(core::ProductId{row.Int(0)});
  return listings;
}

core::ProductId PopularityRepository::ListingOf(db::Connection& connection, core::ProductId product) {
  const auto row = connection.QueryOne(kListingOf, {product.value});
  return row ? core::ProductId{row->Int(0)} : product;
}

void PopularityRepository::Rescore(db::Connection& connection, core::ProductId listing, std::int64_t now) {
  connection.Execute(kRescore, {listing.value, now - kWindowSeconds});
}

std::vector<Product> PopularityRepository::Popular(db::Connection& connection, std::int64_t limit, std::int64_t now) {
  return ProductsFromRows(connection.Query(kPopular, {limit, now - kWindowSeconds}));
}

}  // namespace manmulsang::catalog
