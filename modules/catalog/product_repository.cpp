#include "product_repository.hpp"

#include <string_view>

#include "product_rows.hpp"
#include "statement.hpp"

namespace manmulsang::catalog {
namespace {

constexpr std::string_view kFindById =
    "SELECT id, seller_id, category_id, name, description, price_amount, currency, stock, status, "
    "rating_average, rating_count, popularity, created_at, parent_id, option_size, option_colour, has_variants "
    "FROM products WHERE id = $1";
constexpr std::string_view kActiveAfter =
    "SELECT id, seller_id, category_id, name, description, price_amount, currency, stock, status, "
    "rating_average, rating_count, popularity, created_at, parent_id, option_size, option_colour, has_variants "
    "FROM products "
    "WHERE status = 'active' AND id > $1 ORDER BY id LIMIT $2";
constexpr std::string_view kNewest =
    "SELECT id, seller_id, category_id, name, description, price_amount, currency, stock, status, "
    "rating_average, rating_count, popularity, created_at, parent_id, option_size, option_colour, has_variants "
    "FROM products "
    "WHERE status = 'active' ORDER BY created_at DESC, id DESC LIMIT $1";
constexpr std::string_view kPopular =
    "SELECT id, seller_id, category_id, name, description, price_amount, currency, stock, status, "
    "rating_average, rating_count, popularity, created_at, parent_id, option_size, option_colour, has_variants "
    "FROM products "
    "WHERE status = 'active' ORDER BY popularity DESC, id DESC LIMIT $1";
constexpr std::string_view kCountActive = "SELECT COUNT(*) FROM products WHERE status = 'active'";
constexpr std::string_view kInsert =
    "INSERT INTO products (seller_id, category_id, name, description, price_amount, currency, stock, "
    "status, rating_average, rating_count, popularity, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, 'active', $8, $9, $10, $11, $12) RETURNING id";
// By id alone: with a condition on status as well, SQLite's planner (without ANALYZE statistics)
// prefers an index that begins with status and reads every active listing to find a page's
// twenty. The status is checked on the rows that come back.
constexpr std::string_view kByIdsWhere = " WHERE id IN (";

// Listings are composed from these pieces; "$?" becomes the next placeholder number.
constexpr std::string_view kCount = "SELECT COUNT(*) FROM products";
constexpr std::string_view kCountByCategory = "SELECT category_id, COUNT(*) FROM products";
constexpr std::string_view kGroupByCategory = " GROUP BY category_id ORDER BY category_id";
constexpr std::string_view kWhereActive = " WHERE status = 'active'";
constexpr std::string_view kAndSeller = " AND seller_id = $?";
constexpr std::string_view kAndMinPrice = " AND price_amount >= $?";
constexpr std::string_view kAndMaxPrice = " AND price_amount <= $?";
constexpr std::string_view kAndCategoryIn = " AND category_id IN (";
constexpr std::string_view kAndSellerIn = " AND seller_id IN (";
constexpr std::string_view kAndCreatedSince = " AND created_at >= $?";
constexpr std::string_view kOrderPopular = " ORDER BY popularity DESC, id DESC";
constexpr std::string_view kOrderPriceAscending = " ORDER BY price_amount ASC, id ASC";
constexpr std::string_view kOrderPriceDescending = " ORDER BY price_amount DESC, id DESC";
constexpr std::string_view kOrderNewest = " ORDER BY created_at DESC, id DESC";
constexpr std::string_view kOrderRating = " ORDER BY rating_average DESC, rating_count DESC, id DESC";

std::string_view OrderBy(ProductSort sort) {
  switch (sort) {
    case ProductSort::price_asc:
      return kOrderPriceAscending;
    case ProductSort::price_desc:
      return kOrderPriceDescending;
    case ProductSort::newest:
      return kOrderNewest;
    case ProductSort::rating:
      return kOrderRating;
    case ProductSort::relevance:
      break;
  }
  // Without words to rank by (text queries go through the search module), the most popular
  // listing is the most relevant.
  return kOrderPopular;
}

void AppendFilter(Statement& statement, const ProductFilter& filter) {
  statement.Append(kWhereActive);
  if (!filter.categories.empty()) {
    statement.Append(kAndCategoryIn);
    statement.AppendIdList(std::span<const core::CategoryId>(filter.categories));
    statement.Append(")");
  }
  if (filter.seller) statement.Append(kAndSeller, filter.seller->value);
  if (filter.min_price) statement.Append(kAndMinPrice, *filter.min_price);
  if (filter.max_price) statement.Append(kAndMaxPrice, *filter.max_price);
  if (!filter.sellers.empty()) {
    statement.Append(kAndSellerIn);
    statement.AppendIdList(std::span<const core::SellerId>(filter.sellers));
    statement.Append(")");
  }
  if (filter.created_since) statement.Append(kAndCreatedSince, *filter.created_since);
}

}  // namespace

std::optional<Product> ProductRepository::Find(db::Connection& connection, core::ProductId id) {
  auto row = connection.QueryOne(kFindById, {id.value});
  if (!row) return std::nullopt;
  return ProductFromRow(*row);
}

std::vector<Product> ProductRepository::ActiveByIds(db::Connection& connection, std::span<const core::ProductId> ids) {
  std::vector<Product> products = ProductsByIds(connection, kByIdsWhere, ids);
  std::erase_if(products, [](const Product& product) { return product.status != ProductStatus::active; });
  return products;
}

std::vector<Product> ProductRepository::ActiveAfter(db::Connection& connection, core::ProductId after,
                                                    std::int64_t limit) {
  return ProductsFromRows(connection.Query(kActiveAfter, {after.value, limit}));
}

std::vector<Product> ProductRepository::List(db::Connection& connection, const ProductFilter& filter, ProductSort sort,
                                             std::int64_t limit, std::int64_t offset) {
  Statement statement(kProductColumns);
  AppendFilter(statement, filter);
  statement.Append(OrderBy(sort));
  statement.Append(kLimit, limit).Append(kOffset, offset);
  return ProductsFromRows(connection.Query(statement.sql(), statement.parameters()));
}

std::int64_t ProductRepository::Count(db::Connection& connection, const ProductFilter& filter) {
  Statement statement(kCount);
  AppendFilter(statement, filter);
  db::Rows rows = connection.Query(statement.sql(), statement.parameters());
  return rows.empty() ? 0 : rows.front().Int(0);
}

std::vector<std::pair<core::CategoryId, std::int64_t>> ProductRepository::CountByCategory(db::Connection& connection,
                                                                                          const ProductFilter& filter) {
  Statement statement(kCountByCategory);
  AppendFilter(statement, filter);
  statement.Append(kGroupByCategory);
  std::vector<std::pair<core::CategoryId, std::int64_t>> counts;
  for (const db::Row& row : connection.Query(statement.sql(), statement.parameters())) {
    counts.emplace_back(core::CategoryId{row.Int(0)}, row.Int(1));
  }
  return counts;
}

std::vector<Product> ProductRepository::Newest(db::Connection& connection, std::int64_t limit) {
  return ProductsFromRows(connection.Query(kNewest, {limit}));
}

std::vector<Product> ProductRepository::Popular(db::Connection& connection, std::int64_t limit) {
  return ProductsFromRows(connection.Query(kPopular, {limit}));
}

std::int64_t ProductRepository::CountActive(db::Connection& connection) {
  auto row = connection.QueryOne(kCountActive);
  return row ? row->Int(0) : 0;
}

core::ProductId ProductRepository::Insert(db::Connection& connection, const NewProduct& product,
                                          std::int64_t created_at, std::int64_t updated_at) {
  auto row =
      connection.QueryOne(kInsert, {product.seller.value, product.category.value, std::string_view(product.name),
                                    std::string_view(product.description), product.price.amount,
                                    core::CurrencyCode(product.price.currency), product.stock, product.rating_average,
                                    product.rating_count, product.popularity, created_at, updated_at});
  if (!row) throw db::DatabaseError("insert into products returned no id");
  return core::ProductId{row->Int(0)};
}

}  // namespace manmulsang::catalog
