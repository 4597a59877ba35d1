#include "product_rows.hpp"

#include <algorithm>

#include "manmulsang/db/readable.hpp"
#include "statement.hpp"

namespace manmulsang::catalog {
namespace {

constexpr std::string_view kByIdsOrder = ") ORDER BY id";

}  // namespace

Product ProductFromRow(const db::Row& row) {
  Product product;
  product.id = core::ProductId{row.Int(0)};
  product.seller = core::SellerId{row.Int(1)};
  product.category = core::CategoryId{row.Int(2)};
  product.name = row.Text(3);
  product.description = row.Text(4);
  product.price.amount = row.Int(5);
  product.price.currency = db::Readable(core::ParseCurrency(row.Text(6)), "product currency", row.Text(6));
  product.stock = row.Int(7);
  product.status = db::Readable(ParseProductStatus(row.Text(8)), "product status", row.Text(8));
  product.rating_average = row.Real(9);
  product.rating_count = row.Int(10);
  product.popularity = row.Int(11);
  product.created_at = core::FromUnixSeconds(row.Int(12));
  if (auto parent = row.OptionalInt(13)) product.parent = core::ProductId{*parent};
  product.has_variants = row.Int(16) != 0;
  return product;
}

std::vector<Product> ProductsFromRows(const db::Rows& rows) {
  std::vector<Product> products;
  products.reserve(rows.size());
  for (const db::Row& row : rows) products.push_back(ProductFromRow(row));
  return products;
}

std::vector<Product> ProductsByIds(db::Connection& connection, std::string_view where,
                                   std::span<const core::ProductId> ids) {
  std::vector<Product> products;
  constexpr std::size_t kBatch = kMaxPerPage;
  for (std::size_t start = 0; start < ids.size(); start += kBatch) {
    Statement statement(kProductColumns);
    statement.Append(where);
    statement.AppendIdList(ids.subspan(start, std::min(kBatch, ids.size() - start)));
    statement.Append(kByIdsOrder);
    for (const db::Row& row : connection.Query(statement.sql(), statement.parameters())) {
      products.push_back(ProductFromRow(row));
    }
  }
  std::ranges::sort(products, {}, &Product::id);
  return products;
}

}  // namespace manmulsang::catalog
