#pragma once

#include <cstdint>

#include "demo/demo_generator.hpp"
#include "wiring/marketplace_services.hpp"

namespace manmulsang::demo {

struct DemoCouponsSummary {
  std::int64_t site_coupons = 0;  // the marketplace's
  std::int64_t shop_coupons = 0;
  std::int64_t claims = 0;   // claimed by demo buyers, not used yet
  std::int64_t refused = 0;  // writes the services refused (none on a fresh demo)
};

// A demo step after the orders: the admin issues a marketplace coupon (10 % up to 5,000 won on
// orders of 20,000 won), a few shops of the sampled listings issue 2,000 won coupons, and some of
// the demo's buyers claim them ("쿠폰 받기"), so /coupons, /checkout and the seller's and admin's
// lists show them. Claims are left unused: the past orders were placed before the coupons. Through
// coupons::CouponService, now; the same seed gives the same coupons.
DemoCouponsSummary GenerateDemoCoupons(app::MarketplaceServices& services, core::UserId admin,
                                       const DemoSummary& marketplace, const DemoOptions& options);

}  // namespace manmulsang::demo
