#include <gtest/gtest.h>

#include <numeric>
#include <vector>

#include "manmulsang/coupons/coupons.hpp"

namespace manmulsang::coupons {
namespace {

const core::TimePoint kNow = core::FromUnixSeconds(1'790'000'000);

Coupon AmountCoupon(std::int64_t amount, std::int64_t minimum = 0) {
  Coupon coupon;
  coupon.kind = CouponKind::amount;
  coupon.amount = amount;
  coupon.minimum_order = minimum;
  coupon.valid_from = kNow - std::chrono::hours(1);
  coupon.valid_until = kNow + std::chrono::hours(1);
  coupon.total_limit = 10;
  return coupon;
}

Coupon PercentCoupon(int percent, std::optional<std::int64_t> maximum = std::nullopt) {
  Coupon coupon = AmountCoupon(0);
  coupon.kind = CouponKind::percent;
  coupon.percent = percent;
  coupon.maximum_discount = maximum;
  return coupon;
}

TEST(CouponRuleTest, AnAmountCouponTakesItsAmount) { EXPECT_EQ(DiscountFor(AmountCoupon(3'000), 20'000, kNow), 3'000); }

TEST(CouponRuleTest, NeverTheWholeGoods) {
  // An order always charges a won: the ledger records no zero payment.
  EXPECT_EQ(DiscountFor(AmountCoupon(5'000), 5'000, kNow), 4'999);
  EXPECT_EQ(DiscountFor(AmountCoupon(5'000), 1'000, kNow), 999);
  EXPECT_EQ(DiscountFor(AmountCoupon(5'000), 1, kNow), 0);
}

TEST(CouponRuleTest, PercentRoundsDownToTheWon) {
  EXPECT_EQ(DiscountFor(PercentCoupon(10), 12'345, kNow), 1'234);  // 1,234.5 → 1,234
  EXPECT_EQ(DiscountFor(PercentCoupon(15), 999, kNow), 149);       // 149.85 → 149
  EXPECT_EQ(DiscountFor(PercentCoupon(90), 10, kNow), 9);
  EXPECT_EQ(DiscountFor(PercentCoupon(1), 99, kNow), 0);  // 0.99 → 0
  // No overflow on the largest goods.
  EXPECT_EQ(DiscountFor(PercentCoupon(90), 1'000'000'000'000, kNow), 900'000'000'000);
}

TEST(CouponRuleTest, PercentIsCappedAtItsMaximum) {
  EXPECT_EQ(DiscountFor(PercentCoupon(20, 5'000), 100'000, kNow), 5'000);
  EXPECT_EQ(DiscountFor(PercentCoupon(20, 5'000), 20'000, kNow), 4'000);
}

TEST(CouponRuleTest, TheMinimumOrderIsTheGoodsItAppliesTo) {
  EXPECT_EQ(DiscountFor(AmountCoupon(1'000, 10'000), 9'999, kNow).error(), CouponError::below_minimum);
  EXPECT_EQ(DiscountFor(AmountCoupon(1'000, 10'000), 10'000, kNow), 1'000);
  EXPECT_EQ(DiscountFor(AmountCoupon(1'000), 0, kNow).error(), CouponError::below_minimum);
}

TEST(CouponRuleTest, OnlyWithinItsWindowAndWhileActive) {
  Coupon coupon = AmountCoupon(1'000);
  EXPECT_EQ(DiscountFor(coupon, 10'000, coupon.valid_from - std::chrono::seconds(1)).error(),
            CouponError::coupon_ended);
  EXPECT_EQ(DiscountFor(coupon, 10'000, coupon.valid_from), 1'000);
  EXPECT_EQ(DiscountFor(coupon, 10'000, coupon.valid_until - std::chrono::seconds(1)), 1'000);
  EXPECT_EQ(DiscountFor(coupon, 10'000, coupon.valid_until).error(), CouponError::coupon_ended);
  coupon.active = false;
  EXPECT_EQ(DiscountFor(coupon, 10'000, kNow).error(), CouponError::coupon_ended);
}

TEST(CouponRuleTest, TheSplitAcrossThreeShopsSumsToTheWon) {
  // 10,000 won over 33,333 / 33,333 / 33,334: 3,333.3 / 3,333.3 / 3,333.4 → the last won goes to
  // the largest remainder.
  const std::vector<std::int64_t> shares = {33'333, 33'333, 33'334};
  EXPECT_EQ(SplitByShares(10'000, shares), (std::vector<std::int64_t>{3'333, 3'333, 3'334}));
  // 1,000 over 400 / 400 / 400: 333.33 each, one won left, to the first of the equal remainders.
  EXPECT_EQ(SplitByShares(1'000, std::vector<std::int64_t>{400, 400, 400}), (std::vector<std::int64_t>{334, 333, 333}));
  // 7 won over 50,000 / 30,000 / 20,000: 3.5 / 2.1 / 1.4 → 3+1, 2, 1.
  EXPECT_EQ(SplitByShares(7, std::vector<std::int64_t>{50'000, 30'000, 20'000}), (std::vector<std::int64_t>{4, 2, 1}));
  // A shop with nothing in the coupon's currency gets nothing.
  EXPECT_EQ(SplitByShares(500, std::vector<std::int64_t>{0, 1'000, 3'000}), (std::vector<std::int64_t>{0, 125, 375}));
}

TEST(CouponRuleTest, SplitsAlwaysSumExactlyAndStayWithinTheirShares) {
  const std::vector<std::vector<std::int64_t>> cases = {
      {12'345, 6'789, 1}, {1, 1, 1}, {999'999, 2, 77}, {5, 0, 5}, {1'000'000'000'000, 3, 7}};
  for (const auto& shares : cases) {
    const std::int64_t total = std::accumulate(shares.begin(), shares.end(), std::int64_t{0});
    for (const std::int64_t discount : {std::int64_t{0}, std::int64_t{1}, total / 3, total - 1, total}) {
      const std::vector<std::int64_t> parts = SplitByShares(discount, shares);
      EXPECT_EQ(std::accumulate(parts.begin(), parts.end(), std::int64_t{0}), discount);
      for (std::size_t index = 0; index < parts.size(); ++index) EXPECT_LE(parts[index], shares[index]);
    }
  }
  EXPECT_THROW(SplitByShares(11, std::vector<std::int64_t>{5, 5}), std::logic_error);
}

}  // namespace
}  // namespace manmulsang::coupons
