// The product's rating, kept by the reviews module: written in the review's own transaction so
// that a listing never shows a rating its reviews do not add up to.

#include "manmulsang/catalog/catalog.hpp"
#include "rating_repository.hpp"

namespace manmulsang::catalog {

void CatalogService::SetRating(db::Connection& connection, core::ProductId product, double average,
                               std::int64_t count) {
  const std::int64_t now = core::ToUnixSeconds(std::chrono::system_clock::now());
  RatingRepository::UpdateRating(connection, product, average, count, now);
  // Searches sorted by rating read the index, which must move with the table.
  ReindexListing(connection, product);
}

}  // namespace manmulsang::catalog
