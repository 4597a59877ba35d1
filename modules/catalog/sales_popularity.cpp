// CatalogService's part in popularity: the orders module reports paid and withdrawn sales inside
// the transaction that moves the order (see popularity_repository.hpp for the score).

#include <algorithm>
#include <vector>

#include "catalog_service_impl.hpp"
#include "popularity_repository.hpp"

namespace manmulsang::catalog {

void CatalogService::RecordSale(db::Connection& connection, core::OrderId order, std::span<const StockRequest> lines) {
  const std::int64_t now = core::ToUnixSeconds(impl_->clock.Now());
  std::vector<core::ProductId> listings;
  for (const StockRequest& line : lines) {
    if (line.quantity <= 0) continue;
    const core::ProductId listing = PopularityRepository::ListingOf(connection, line.product);
    PopularityRepository::AddSale(connection, order, listing, line.quantity, now);
    listings.push_back(listing);
  }
  std::ranges::sort(listings);
  const auto [first, last] = std::ranges::unique(listings);
  listings.erase(first, last);
  for (const core::ProductId listing : listings) PopularityRepository::Rescore(connection, listing, now);
}

void CatalogService::WithdrawSale(db::Connection& connection, core::OrderId order) {
  const std::int64_t now = core::ToUnixSeconds(impl_->clock.Now());
  for (const core::ProductId listing : PopularityRepository::RemoveSales(connection, order)) {
    PopularityRepository::Rescore(connection, listing, now);
  }
}

}  // namespace manmulsang::catalog
