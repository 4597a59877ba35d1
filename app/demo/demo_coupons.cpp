#include "demo/demo_coupons.hpp"

#include <algorithm>
#include <vector>

#include "demo/demo_random.hpp"

namespace manmulsang::demo {
namespace {

constexpr std::int64_t kShops = 5;         // shops that issue a coupon, at most
constexpr std::int64_t kClaimants = 30;    // buyers who claim, at most
constexpr double kClaimsShopCoupon = 0.5;  // of the claimants, per shop coupon

}  // namespace

DemoCouponsSummary GenerateDemoCoupons(app::MarketplaceServices& services, core::UserId admin,
                                       const DemoSummary& marketplace, const DemoOptions& options) {
  DemoCouponsSummary summary;
  Random random(options.seed * 0x9e3779b97f4a7c15ULL + 0x636f7570ULL);
  std::vector<coupons::CouponId> issued;
  auto site = services.coupons.CreateSiteCoupon(admin, {.name = "만물상 첫 구매 10% 할인",
                                                        .kind = coupons::CouponKind::percent,
                                                        .percent = 10,
                                                        .maximum_discount = 5'000,
                                                        .minimum_order = 20'000,
                                                        .total_limit = 1'000,
                                                        .valid_days = 30});
  if (site) {
    ++summary.site_coupons;
    issued.push_back(site->id);
  } else {
    ++summary.refused;
  }
  std::vector<core::SellerId> shops;
  for (const core::ProductId id : marketplace.product_sample) {
    if (std::ssize(shops) >= kShops) break;
    auto product = services.catalog.GetProduct(id);
    if (!product || std::ranges::find(shops, product->seller) != shops.end()) continue;
    auto shop = services.sellers.GetShop(product->seller);
    if (!shop) continue;
    shops.push_back(product->seller);
    const core::Actor owner{shop->owner, core::Role::seller, shop->name};
    auto coupon = services.coupons.CreateShopCoupon(owner, shop->id,
                                                    {.name = shop->name + " 단골 2,000원 할인",
                                                     .kind = coupons::CouponKind::amount,
                                                     .amount = 2'000,
                                                     .minimum_order = 10'000,
                                                     .total_limit = 100,
                                                     .valid_days = 14});
    if (coupon) {
      ++summary.shop_coupons;
      issued.push_back(coupon->id);
    } else {
      ++summary.refused;
    }
  }
  const std::int64_t claimants = std::min<std::int64_t>(kClaimants, std::ssize(marketplace.buyers));
  for (std::int64_t index = 0; index < claimants; ++index) {
    const core::UserId buyer = marketplace.buyers[index * std::ssize(marketplace.buyers) / claimants];
    for (std::size_t coupon = 0; coupon < issued.size(); ++coupon) {
      // Everyone takes the marketplace's; about half take each shop's.
      if (coupon > 0 && !random.Chance(kClaimsShopCoupon)) continue;
      if (services.coupons.ClaimCoupon(buyer, issued[coupon])) {
        ++summary.claims;
      } else {
        ++summary.refused;
      }
    }
  }
  return summary;
}

}  // namespace manmulsang::demo
