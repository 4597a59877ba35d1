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
  // Active products after id (exclusive), in id order: the search index is rebuilt in batches.
  static std::vector<Product> ActiveAfter(db::Connection& connection, core::ProductId after, std::int64_t limit);
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
  // The stock left, or nullopt (and nothing changed) when the product is not active or has
  // fewer than quantity.
  static std::optional<std::int64_t> TakeStock(db::Connection& connection, core::ProductId id, std::int64_t quantity,
                                               std::int64_t now);
  // The stock after putting quantity back; nullopt for an unknown product.
  static std::optional<std::int64_t> PutBackStock(db::Connection& connection, core::ProductId id,
                                                  std::int64_t quantity, std::int64_t now);
  // The stock of an active product; 0 when it is unknown or not active.
  static std::int64_t AvailableStock(db::Connection& connection, core::ProductId id);
  // Reviews: the product's rating average and count.
  static void UpdateRating(db::Connection& connection, core::ProductId id, double average, std::int64_t count,
                           std::int64_t now);
};

}  // namespace manmulsang::catalog
