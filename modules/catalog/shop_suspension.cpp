// A shop's suspension as the catalog carries it out: the shop's row (sellers) and its listings
// (here) change in one transaction.
//
// Why hide the listings in the store rather than check the shop's status wherever a listing is
// shown: every listing query, count, the search index (whose in-memory copies catch up from the
// store before each query) and checkout already read status = 'active', on every node. One
// transaction therefore takes the listings out of search, category, shop and product pages and
// carts' checkout on all nodes as it commits, with no per-node state to tell and no query that
// could forget the check. What a node keeps in memory — the page cache and the category counts —
// is forgotten by the node that made the change (the admin routes clear its page cache), and by
// the other nodes within their lifetimes, as for any listing write.

#include "catalog_service_impl.hpp"
#include "listing_repository.hpp"
#include "shop_suspension_repository.hpp"

namespace manmulsang::catalog {

std::expected<ShopSuspension, sellers::ShopAdminError> CatalogService::SuspendShop(const core::Actor& admin,
                                                                                   core::SellerId shop,
                                                                                   std::string_view reason) {
  const core::TimePoint now = impl_->clock.Now();
  auto suspended =
      impl_->database.Write([&](db::Connection& connection) -> std::expected<ShopSuspension, sellers::ShopAdminError> {
        auto changed = impl_->sellers.SuspendIn(connection, admin, shop, reason, now);
        if (!changed) return std::unexpected(changed.error());
        ShopSuspension result{std::move(*changed), {}};
        result.listings = ShopSuspensionRepository::HideActiveListings(connection, shop, core::ToUnixSeconds(now));
        for (core::ProductId id : result.listings) impl_->Reindex(connection, id);
        return result;
      });
  // After the commit, so that a listing read meanwhile cannot keep the old counts.
  if (suspended) impl_->counts.Forget();
  return suspended;
}

std::expected<ShopSuspension, sellers::ShopAdminError> CatalogService::UnsuspendShop(const core::Actor& admin,
                                                                                     core::SellerId shop,
                                                                                     std::string_view reason) {
  const core::TimePoint now = impl_->clock.Now();
  auto unsuspended =
      impl_->database.Write([&](db::Connection& connection) -> std::expected<ShopSuspension, sellers::ShopAdminError> {
        auto changed = impl_->sellers.UnsuspendIn(connection, admin, shop, reason, now);
        if (!changed) return std::unexpected(changed.error());
        ShopSuspension result{std::move(*changed), {}};
        result.listings = ShopSuspensionRepository::ShowHiddenListings(connection, shop, core::ToUnixSeconds(now));
        for (core::ProductId id : result.listings) impl_->Reindex(connection, id);
        return result;
      });
  if (unsuspended) impl_->counts.Forget();
  return unsuspended;
}

ShopListingCounts CatalogService::CountShopListings(core::SellerId shop) {
  return impl_->database.Read([&](db::Connection& connection) {
    return ShopListingCounts{ListingRepository::CountSellerListings(connection, shop, ProductStatus::active),
                             ListingRepository::CountSellerListings(connection, shop, std::nullopt)};
  });
}

}  // namespace manmulsang::catalog
