#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "manmulsang/catalog/product.hpp"
#include "manmulsang/db/database.hpp"

namespace manmulsang::catalog {

// What a listing asks of the table, after the service resolved the category to its subtree.
// Only active products are ever listed.
struct ProductFilter {
  std::string name_pattern;                  // a LIKE pattern, empty for none
  std::vector<core::CategoryId> categories;  // empty: any
  std::optional<core::SellerId> seller;
  std::optional<std::int64_t> min_price;
  std::optional<std::int64_t> max_price;
};

// All of this module's SQL. Products come back without seller names and images: the service
// hydrates whole pages in batches.
class ProductRepository {
 public:
  static std::vector<Category> LoadCategories(db::Connection& connection);

  static std::optional<Product> Find(db::Connection& connection, core::ProductId id);
  static std::vector<Product> List(db::Connection& connection, const ProductFilter& filter,
                                   ProductSort sort, std::int64_t limit, std::int64_t offset);
  static std::int64_t Count(db::Connection& connection, const ProductFilter& filter);
  // Matching products per category id, in id order.
  static std::vector<std::pair<core::CategoryId, std::int64_t>> CountByCategory(
      db::Connection& connection, const ProductFilter& filter);
  static std::vector<Product> Newest(db::Connection& connection, std::int64_t limit);
  static std::vector<Product> Popular(db::Connection& connection, std::int64_t limit);
  static std::int64_t CountActive(db::Connection& connection);
  // Image URLs of the products, as (product, url) in product then position order.
  static std::vector<std::pair<core::ProductId, std::string>> Images(
      db::Connection& connection, std::span<const core::ProductId> ids);

  static core::ProductId Insert(db::Connection& connection, const NewProduct& product,
                                std::int64_t created_at, std::int64_t updated_at);

  // Checkout (inside the caller's transaction): active products among ids, in id order.
  static std::vector<Product> ActiveByIds(db::Connection& connection, std::span<const core::ProductId> ids);
  // False (and nothing changed) when the product is not active or has fewer than quantity.
  static bool TakeStock(db::Connection& connection, core::ProductId id, std::int64_t quantity, std::int64_t now);
  static void PutBackStock(db::Connection& connection, core::ProductId id, std::int64_t quantity, std::int64_t now);
  // The stock of an active product; 0 when it is unknown or not active.
  static std::int64_t AvailableStock(db::Connection& connection, core::ProductId id);

  // "%text%" with LIKE's wildcards escaped, so that "50%" finds "50%" and not everything.
  static std::string ContainsPattern(std::string_view text);
};

}  // namespace manmulsang::catalog
