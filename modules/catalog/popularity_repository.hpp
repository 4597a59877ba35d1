#pragma once

#include <cstdint>
#include <vector>

#include "manmulsang/catalog/product.hpp"
#include "manmulsang/core/ids.hpp"
#include "manmulsang/db/database.hpp"

namespace manmulsang::catalog {

// A listing's popularity: the units of its paid orders over the last 30 days, each sale weighed
// by how much of those 30 days it has left (a sale today counts 30 unit-days, one 29 days ago 1,
// a cancelled or returned one nothing). Views do not count: they are counted per shop, not per
// listing. The SQL of product_sales; products.popularity holds each listing's score as of its
// last sale or cancel (the category sort reads that; the search index's tie-break, the score as
// of the listing's last indexing).
class PopularityRepository {
 public:
  static constexpr std::int64_t kWindowSeconds = 30 * 86'400;

  // Counts units of product (an option counts for its listing) as sold by order at paid_at.
  static void AddSale(db::Connection& connection, core::OrderId order, core::ProductId product, std::int64_t units,
                      std::int64_t paid_at);
  // Forgets order's sales; returns the listings they were of.
  static std::vector<core::ProductId> RemoveSales(db::Connection& connection, core::OrderId order);
  // The listing of product: itself, or the listing of an option.
  static core::ProductId ListingOf(db::Connection& connection, core::ProductId product);
  // Stores listing's score as of now in products.popularity.
  static void Rescore(db::Connection& connection, core::ProductId listing, std::int64_t now);
  // The active listings with sales in the last 30 days, best score first (ties: newest id).
  static std::vector<Product> Popular(db::Connection& connection, std::int64_t limit, std::int64_t now);
};

}  // namespace manmulsang::catalog
