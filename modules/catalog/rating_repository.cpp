#include "rating_repository.hpp"

#include <string_view>

namespace manmulsang::catalog {
namespace {

constexpr std::string_view kUpdateRating =
    "UPDATE products SET rating_average = $1, rating_count = $2, updated_at = $3 WHERE id = $4";
// A write that changes nothing: the row is this transaction's until it ends (PostgreSQL).
constexpr std::string_view kHoldRating = "UPDATE products SET rating_count = rating_count WHERE id = $1";
// A shop's rating: its active listings' averages weighted by their review counts.
constexpr std::string_view kShopRating =
    "SELECT COALESCE(SUM(rating_average * rating_count), 0), CAST(COALESCE(SUM(rating_count), 0) AS BIGINT) FROM "
    "products "
    "WHERE seller_id = $1 AND status = 'active' AND rating_count > 0";

}  // namespace

void RatingRepository::UpdateRating(db::Connection& connection, core::ProductId id, double average, std::int64_t count,
                                    std::int64_t now) {
  connection.Execute(kUpdateRating, {average, count, now, id.value});
}

void RatingRepository::HoldRating(db::Connection& connection, core::ProductId id) {
  connection.Execute(kHoldRating, {id.value});
}

std::pair<double, std::int64_t> RatingRepository::ShopRating(db::Connection& connection, core::SellerId seller) {
  auto row = connection.QueryOne(kShopRating, {seller.value});
  if (!row) return {0, 0};
  const std::int64_t count = row->Int(1);
  return {count > 0 ? row->Real(0) / static_cast<double>(count) : 0.0, count};
}

}  // namespace manmulsang::catalog
