// CatalogService's part in checkout: reads and stock changes that run inside the caller's write
// transaction (docs/BUYING.md), so that an order and the stock it took commit or vanish together.

#include <algorithm>
#include <map>
#include <vector>

#include "catalog_service_impl.hpp"
#include "manmulsang/notifications/notifications.hpp"
#include "product_repository.hpp"
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

// The shop's owner hears when a checkout takes a listing (or one of its options) from above
// notifications::kLowStock to that or fewer: once per crossing, since a later sale starts below
// it and a restock above it starts a new one.
void TellLowStockIn(db::Connection& connection, sellers::SellerService& sellers, core::TimePoint now,
                    core::ProductId product, std::optional<core::ProductId> listing) {
  const core::ProductId shown = listing.value_or(product);
  const std::optional<Product> found = ProductRepository::Find(connection, shown);
  if (!found) return;
  const std::optional<sellers::Shop> shop = sellers.GetShop(found->seller);
  if (!shop) return;
  notifications::RecordIn(connection, now,
                          {shop->owner, notifications::Kind::low_stock, found->name,
                           "/seller/products/" + std::to_string(shown.value) + "/edit"});
}

// The listings of the options among requests, each with the quantity its options are asked for.
std::map<core::ProductId, std::int64_t> OptionListings(db::Connection& connection,
                                                       std::span<const StockRequest> requests) {
  std::map<core::ProductId, std::int64_t> listings;
  for (const StockRequest& request : requests) {
    if (auto listing = StockRepository::ListingOf(connection, request.product)) listings[*listing] += request.quantity;
  }
  return listings;
}

}  // namespace

std::vector<Product> CatalogService::ProductsForCheckout(db::Connection& connection,
                                                         std::span<const core::ProductId> ids) {
  return StockRepository::SellableByIds(connection, ids);
}

std::expected<void, StockShortage> CatalogService::ReserveStock(db::Connection& connection,
                                                                std::span<const StockRequest> requests) {
  const std::int64_t now = core::ToUnixSeconds(impl_->clock.Now());
  const std::vector<StockRequest> merged = Normalise(requests);
  // The listings first, then the products: the one lock order (wallet account, listing,
  // product, order) on PostgreSQL. A listing moves by what its options give, not by a sum read
  // earlier, so two buyers of different options at once leave it the sum of its options.
  const std::map<core::ProductId, std::int64_t> listings = OptionListings(connection, merged);
  for (const auto& [listing, quantity] : listings)
    StockRepository::MoveListingStock(connection, listing, -quantity, now);
  for (const StockRequest& request : merged) {
    std::optional<StockLeft> left;
    if (request.quantity > 0) left = StockRepository::TakeStock(connection, request.product, request.quantity, now);
    if (!left) {
      // The caller's transaction rolls back, the listings' moves with it.
      return std::unexpected(StockShortage{request.product, request.quantity,
                                           StockRepository::AvailableStock(connection, request.product)});
    }
    // Sold out: "in stock only" searches must stop finding it with this commit.
    if (!left->listing && left->stock == 0) ReindexListing(connection, request.product);
    if (left->stock <= notifications::kLowStock && left->stock + request.quantity > notifications::kLowStock) {
      TellLowStockIn(connection, impl_->sellers, impl_->clock.Now(), request.product, left->listing);
    }
  }
  // The index shows each listing's new stock with this commit.
  for (const auto& [listing, quantity] : listings) ReindexListing(connection, listing);
  return {};
}

void CatalogService::ReleaseStock(db::Connection& connection, std::span<const StockRequest> requests) {
  const std::int64_t now = core::ToUnixSeconds(impl_->clock.Now());
  std::vector<StockRequest> merged = Normalise(requests);
  std::erase_if(merged, [](const StockRequest& request) { return request.quantity <= 0; });
  const std::map<core::ProductId, std::int64_t> listings = OptionListings(connection, merged);
  for (const auto& [listing, quantity] : listings)
    StockRepository::MoveListingStock(connection, listing, quantity, now);
  for (const StockRequest& request : merged) {
    std::optional<StockLeft> left = StockRepository::PutBackStock(connection, request.product, request.quantity, now);
    // Back from sold out: found again by "in stock only" searches.
    if (left && !left->listing && left->stock == request.quantity) ReindexListing(connection, request.product);
  }
  for (const auto& [listing, quantity] : listings) ReindexListing(connection, listing);
}

}  // namespace manmulsang::catalog
