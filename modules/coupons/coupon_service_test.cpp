#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "manmulsang/coupons/coupons.hpp"
#include "marketplace_test_fixture.hpp"

namespace manmulsang::coupons {
namespace {

class CouponServiceTest : public testing::MarketplaceTestFixture {
 protected:
  NewCoupon Fixed(std::int64_t amount, std::int64_t limit = 100) {
    return {.name = "첫 구매 할인",
            .kind = CouponKind::amount,
            .amount = amount,
            .valid_from = clock_.Now(),
            .valid_until = clock_.Now() + std::chrono::days(30),
            .total_limit = limit};
  }

  CouponService& coupons_ = store_.services().coupons;
  static constexpr core::UserId kOwner{2};
  static constexpr core::UserId kBuyer{100};
};

TEST_F(CouponServiceTest, AShopOwnerIssuesAndStopsTheShopsCoupons) {
  const core::SellerId shop = store_.AddShop(kOwner, "첫째 상점");
  auto coupon = coupons_.CreateShopCoupon(Seller(kOwner), shop, Fixed(2'000));
  ASSERT_TRUE(coupon.has_value()) << ErrorCode(coupon.error());
  EXPECT_EQ(coupon->issuer, shop);
  EXPECT_TRUE(coupon->active);
  // Another shop's owner cannot see, issue for or stop it.
  store_.AddShop(core::UserId{3}, "둘째 상점");
  EXPECT_EQ(coupons_.CreateShopCoupon(Seller(core::UserId{3}), shop, Fixed(2'000)).error(),
            CouponError::coupon_not_found);
  EXPECT_EQ(coupons_.StopShopCoupon(Seller(core::UserId{3}), coupon->id).error(), CouponError::coupon_not_found);
  EXPECT_TRUE(coupons_.ShopCoupons(Seller(core::UserId{3}), std::nullopt)->empty());
  auto stopped = coupons_.StopShopCoupon(Seller(kOwner), coupon->id);
  ASSERT_TRUE(stopped.has_value());
  EXPECT_FALSE(stopped->active);
  EXPECT_EQ(coupons_.ClaimCoupon(kBuyer, coupon->id).error(), CouponError::coupon_ended);
}

TEST_F(CouponServiceTest, BadFieldsAreRefusedAndNothingIsStored) {
  const core::SellerId shop = store_.AddShop(kOwner, "첫째 상점");
  NewCoupon coupon = Fixed(0);
  EXPECT_EQ(coupons_.CreateShopCoupon(Seller(kOwner), shop, coupon).error(), CouponError::invalid_amount);
  coupon = Fixed(1'000);
  coupon.name = "  ";
  EXPECT_EQ(coupons_.CreateShopCoupon(Seller(kOwner), shop, coupon).error(), CouponError::invalid_name);
  coupon = Fixed(1'000);
  coupon.kind = CouponKind::percent;
  coupon.percent = 91;
  EXPECT_EQ(coupons_.CreateShopCoupon(Seller(kOwner), shop, coupon).error(), CouponError::invalid_percent);
  coupon.percent = 10;
  coupon.maximum_discount = 0;
  EXPECT_EQ(coupons_.CreateShopCoupon(Seller(kOwner), shop, coupon).error(), CouponError::invalid_maximum);
  coupon = Fixed(1'000);
  coupon.valid_until = coupon.valid_from;
  EXPECT_EQ(coupons_.CreateShopCoupon(Seller(kOwner), shop, coupon).error(), CouponError::invalid_window);
  coupon = Fixed(1'000, 0);
  EXPECT_EQ(coupons_.CreateShopCoupon(Seller(kOwner), shop, coupon).error(), CouponError::invalid_limit);
  coupon = Fixed(1'000);
  coupon.currency = core::Currency::usd;
  EXPECT_EQ(coupons_.CreateShopCoupon(Seller(kOwner), shop, coupon).error(), CouponError::invalid_currency);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM coupons"), 0);
}

TEST_F(CouponServiceTest, AMemberClaimsOnce) {
  const core::SellerId shop = store_.AddShop(kOwner, "첫째 상점");
  const Coupon coupon = *coupons_.CreateShopCoupon(Seller(kOwner), shop, Fixed(1'000));
  auto claim = coupons_.ClaimCoupon(kBuyer, coupon.id);
  ASSERT_TRUE(claim.has_value());
  EXPECT_EQ(coupons_.ClaimCoupon(kBuyer, coupon.id).error(), CouponError::already_claimed);
  EXPECT_EQ(Count("SELECT claimed FROM coupons"), 1);
  EXPECT_EQ(coupons_.ClaimCoupon(kBuyer, CouponId{coupon.id.value + 1}).error(), CouponError::coupon_not_found);
  auto claimable = coupons_.ClaimableFor(kBuyer, shop);
  ASSERT_EQ(claimable.size(), 1u);
  EXPECT_TRUE(claimable[0].claimed);
  EXPECT_FALSE(coupons_.ClaimableFor(core::UserId{101}, shop)[0].claimed);
  MyCoupons mine = coupons_.Mine(kBuyer);
  ASSERT_EQ(mine.usable.size(), 1u);
  EXPECT_EQ(mine.usable[0].id, claim->id);
  // Past its window the claim is expired, and no longer claimable.
  clock_.Advance(std::chrono::days(31));
  mine = coupons_.Mine(kBuyer);
  EXPECT_TRUE(mine.usable.empty());
  EXPECT_EQ(mine.expired.size(), 1u);
  EXPECT_TRUE(coupons_.ClaimableFor(kBuyer, shop).empty());
  EXPECT_EQ(coupons_.ClaimCoupon(core::UserId{101}, coupon.id).error(), CouponError::coupon_ended);
}

TEST_F(CouponServiceTest, ConcurrentClaimsNeverPassTheLimit) {
  const core::SellerId shop = store_.AddShop(kOwner, "첫째 상점");
  const Coupon coupon = *coupons_.CreateShopCoupon(Seller(kOwner), shop, Fixed(1'000, 5));
  constexpr int kMembers = 16;
  std::atomic<int> claimed = 0;
  std::atomic<int> sold_out = 0;
  std::vector<std::thread> threads;
  for (int member = 0; member < kMembers; ++member) {
    threads.emplace_back([&, member] {
      // Each member tries twice at once with itself too: once per member.
      for (int attempt = 0; attempt < 2; ++attempt) {
        auto claim = coupons_.ClaimCoupon(core::UserId{1000 + member}, coupon.id);
        if (claim) {
          ++claimed;
        } else if (claim.error() == CouponError::sold_out) {
          ++sold_out;
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(claimed.load(), 5);
  EXPECT_EQ(Count("SELECT claimed FROM coupons"), 5);
  // A sold-out claim is not kept.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM coupon_claims"), 5);
  EXPECT_GE(sold_out.load(), kMembers - 5);
}

TEST_F(CouponServiceTest, SiteCouponsAreAudited) {
  auto coupon = coupons_.CreateSiteCoupon(testing::TestMarketplace::kAdmin, Fixed(3'000));
  ASSERT_TRUE(coupon.has_value());
  EXPECT_FALSE(coupon->issuer);
  EXPECT_EQ(coupons_.SiteCoupons().size(), 1u);
  ASSERT_TRUE(coupons_.StopSiteCoupon(testing::TestMarketplace::kAdmin, coupon->id, "끝").has_value());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_entries WHERE action IN ('coupon.create', 'coupon.stop')"), 2);
  // A shop coupon is not the admin's to stop here.
  const core::SellerId shop = store_.AddShop(kOwner, "첫째 상점");
  const Coupon shop_coupon = *coupons_.CreateShopCoupon(Seller(kOwner), shop, Fixed(1'000));
  EXPECT_EQ(coupons_.StopSiteCoupon(testing::TestMarketplace::kAdmin, shop_coupon.id, "").error(),
            CouponError::coupon_not_found);
}

}  // namespace
}  // namespace manmulsang::coupons
