#pragma once

#include <cstdint>
#include <optional>
#include <span>
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
  // Any of these shops (the shops a member follows); empty: no such condition.
  std::vector<core::SellerId> sellers;
  std::optional<std::int64_t> created_since;  // Unix seconds, inclusive
};

// The products as buyers browse them: one by id, pages filtered and sorted, counts, the newest
// and most popular. Products come back without seller names and images: the service hydrates
// whole pages in batches. The seller's writes are ListingRepository's, stock StockRepository's,
// pictures ImageRepository's, ratings RatingRepository's.
class ProductRepository {
 public:
  static std::optional<Product> Find(db::Connection& connection, core::ProductId id);
  // Active products among ids, in id order.
  static std::vector<Product> ActiveByIds(db::Connection& connection, std::span<const core::ProductId> ids);
  // Active products after id (exclusive), in id order: the search index is rebuilt in batches.
  static std::vector<Product> ActiveAfter(db::Connection& connection, core::ProductId after, std::int64_t limit);
  static std::vector<Product> List(db::Connection& connection, const ProductFilter& filter, ProductSort sort,
                                   std::int64_t limit, std::int64_t offset);
  static std::int64_t Count(db::Connection& connection, const ProductFilter& filter);
  // Matching products per category id, in id order.
  static std::vector<std::pair<core::CategoryId, std::int64_t>> CountByCategory(db::Connection& connection,
                                                                                const ProductFilter& filter);
  static std::vector<Product> Newest(db::Connection& connection, std::int64_t limit);
  static std::vector<Product> Popular(db::Connection& connection, std::int64_t limit);
  static std::int64_t CountActive(db::Connection& connection);

  // The demo generator's bulk insert of an active listing (its pictures apart).
  static core::ProductId Insert(db::Connection& connection, const NewProduct& product, std::int64_t created_at,
                                std::int64_t updated_at);
};

}  // namespace manmulsang::catalog
