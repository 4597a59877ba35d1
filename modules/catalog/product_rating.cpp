// The product's rating, kept by the reviews module: written in the review's own transaction so
// that a listing never shows a rating its reviews do not add up to.

#include "catalog_service_impl.hpp"
#include "rating_repository.hpp"

namespace manmulsang::catalog {

void CatalogService::SetRating(db::Connection& connection, core::ProductId product, double average,
                               std::int64_t count) {
  const std::int64_t now = core::ToUnixSeconds(impl_->clock.Now());
  RatingRepository::UpdateRating(connection, product, average, count, now);
  // Searches sorted by rating read the index, which must move with the table.
  ReindexListing(connection, product);
}

void CatalogService::HoldRating(db::Connection& connection, core::ProductId product) {
  RatingRepository::HoldRating(connection, product);
}

}  // namespace manmulsang::catalog
