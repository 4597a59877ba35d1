// CatalogService's part in checkout: reads and stock changes that run inside the caller's write
// transaction (docs/BUYING.md), so that an order and the stock it took commit or vanish together.

#include <algorithm>
#include <vector>

#include "catalog_service_impl.hpp"
#include "stock_repository.hpp"

namespace manmulsang::catalog {

namespace {

// Requests in product order: on PostgreSQL two checkouts then lock rows in the same order and
// cannot deadlock; a product asked for twice is taken as one sum.
std::vector<StockRequest> Normalise(std::span<const StockRequest> requests) {
  std::vector<StockRequest> sorted(requests.begin(), requests.end());
  std::ranges::sort(sorted, {}, &StockRequest::product);
  std::vector<StockRequest> merged;
  for (const StockRequest& request : sorted) {
    if (!merged.empty() && merged.back().product == request.product) {
      merged.back().quantity += request.quantity;
    } else {
      merged.push_back(request);
    }
  }
  return merged;
}

}  // namespace

std::vector<Product> CatalogService::ProductsForCheckout(db::Connection& connection,
                                                         std::span<const core::ProductId> ids) {
  return StockRepository::SellableByIds(connection, ids);
}

std::expected<void, StockShortage> CatalogService::ReserveStock(db::Connection& connection,
                                                                std::span<const StockRequest> requests) {
  const std::int64_t now = core::ToUnixSeconds(impl_->clock.Now());
  for (const StockRequest& request : Normalise(requests)) {
    std::optional<StockLeft> left;
    if (request.quantity > 0) left = StockRepository::TakeStock(connection, request.product, request.quantity, now);
    if (!left) {
      return std::unexpected(StockShortage{request.product, request.quantity,
                                           StockRepository::AvailableStock(connection, request.product)});
    }
    if (left->listing) {
      // An option: its listing's stock is the sum of its options', in this same transaction, and
      // the index shows the listing's new stock with this commit.
      StockRepository::FollowOptions(connection, *left->listing, now);
      ReindexListing(connection, *left->listing);
    } else if (left->stock == 0) {
      // Sold out: "in stock only" searches must stop finding it with this commit.
      ReindexListing(connection, request.product);
    }
  }
  return {};
}

void CatalogService::ReleaseStock(db::Connection& connection, std::span<const StockRequest> requests) {
  const std::int64_t now = core::ToUnixSeconds(impl_->clock.Now());
  for (const StockRequest& request : Normalise(requests)) {
    if (request.quantity <= 0) continue;
    std::optional<StockLeft> left = StockRepository::PutBackStock(connection, request.product, request.quantity, now);
    if (!left) continue;
    if (left->listing) {
      StockRepository::FollowOptions(connection, *left->listing, now);
      ReindexListing(connection, *left->listing);
    } else if (left->stock == request.quantity) {
      // Back from sold out: found again by "in stock only" searches.
      ReindexListing(connection, request.product);
    }
  }
}

}  // namespace manmulsang::catalog
