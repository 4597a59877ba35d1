#pragma once

#include <cstdint>
#include <utility>

#include "manmulsang/catalog/product.hpp"
#include "manmulsang/db/database.hpp"

namespace manmulsang::catalog {

// The ratings the reviews module keeps on the listings, and the shop's rating made of them.
class RatingRepository {
 public:
  // The product's rating average and count.
  static void UpdateRating(db::Connection& connection, core::ProductId id, double average, std::int64_t count,
                           std::int64_t now);
  // The average of the shop's active listings' ratings weighted by their review counts, and the
  // number of reviews.
  static void HoldRating(db::Connection& connection, core::ProductId id);
  static std::pair<double, std::int64_t> ShopRating(db::Connection& connection, core::SellerId seller);
};

}  // namespace manmulsang::catalog
