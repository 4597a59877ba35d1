#pragma once

#include <cstdint>

#include "demo/demo_generator.hpp"
#include "wiring/marketplace_services.hpp"

namespace manmulsang::demo {

struct DemoWishlistsSummary {
  std::int64_t members = 0;      // buyers with a wishlist
  std::int64_t saved = 0;        // wishlist items
  std::int64_t price_drops = 0;  // listings whose shop lowered the price after they were saved
  std::int64_t follows = 0;      // shops followed
  std::int64_t views = 0;        // recently viewed products recorded
  std::int64_t refused = 0;      // writes the services refused (none on a fresh demo)
};

// A demo step after the orders: some of the demo's buyers save a few listings (찜), follow the
// shops of some of them and have viewed a few products lately; a few shops then lower the price of
// a saved listing by about a tenth, so /wishlist shows "N원 내림". Everything goes through
// wishlist::WishlistService and catalog::ListingService, now. The same seed gives the same lists.
DemoWishlistsSummary GenerateDemoWishlists(app::MarketplaceServices& services, const DemoSummary& marketplace,
                                           const DemoOptions& options);

}  // namespace manmulsang::demo
