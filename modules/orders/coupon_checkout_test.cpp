// Coupons at checkout, cancel and payment (docs/BUYING.md §10), on a real store.

#include <atomic>
#include <thread>
#include <vector>

#include "buying_test_store.hpp"

namespace manmulsang::orders {
namespace {

class CouponCheckoutTest : public BuyingTest {
 protected:
  coupons::NewCoupon Amount(std::int64_t amount, std::int64_t minimum = 0) {
    return {.name = "할인 쿠폰",
            .kind = coupons::CouponKind::amount,
            .amount = amount,
            .minimum_order = minimum,
            .valid_from = clock_.Now(),
            .valid_until = clock_.Now() + std::chrono::days(7),
            .total_limit = 100};
  }

  coupons::ClaimId Claim(core::UserId member, const std::expected<coupons::Coupon, coupons::CouponError>& coupon) {
    EXPECT_TRUE(coupon.has_value());
    auto claim = coupons_.ClaimCoupon(member, coupon->id);
    EXPECT_TRUE(claim.has_value());
    return claim->id;
  }

  std::int64_t Promotions() { return payments_.PromotionsBalance(); }
  std::int64_t ClaimsUsed() { return Count("SELECT COUNT(*) FROM coupon_claims WHERE used_order_id IS NOT NULL"); }
  std::int64_t Escrow() {
    return Count(
        "SELECT COALESCE(SUM(e.amount), 0) FROM ledger_entries e JOIN ledger_accounts a ON a.id = e.account_id "
        "WHERE a.kind = 'escrow'");
  }

  void Add(core::UserId buyer, core::ProductId product, std::int64_t quantity) {
    ASSERT_TRUE(cart_.AddItem(cart::CartOwner::Member(buyer), product, quantity).has_value());
  }

  CheckoutCommand WithClaims(core::UserId buyer, std::vector<coupons::ClaimId> claims, std::string key = "",
                             PaymentMethod method = PaymentMethod::wallet) {
    CheckoutCommand command = Command(buyer, method, std::move(key));
    command.claims = std::move(claims);
    return command;
  }

  coupons::CouponService& coupons_ = store_.services().coupons;
};

TEST_F(CouponCheckoutTest, AShopCouponAndASiteCouponSplitToTheWonAcrossThreeShops) {
  const core::SellerId first = store_.AddShop(kShopOwner, "첫째 상점");
  const core::SellerId second = store_.AddShop(core::UserId{3}, "둘째 상점");
  const core::SellerId third = store_.AddShop(core::UserId{4}, "셋째 상점");
  Add(kBuyer, store_.AddListing(first, 40'000), 1);
  Add(kBuyer, store_.AddListing(second, 33'333), 1);
  Add(kBuyer, store_.AddListing(third, 33'334), 1);
  store_.TopUp(kBuyer, 200'000);
  // The first shop's 7,000 won off its goods: its share of the site coupon is 33,000.
  const coupons::ClaimId shop_claim =
      Claim(kBuyer, coupons_.CreateShopCoupon(Seller(kShopOwner), first, Amount(7'000, 30'000)));
  coupons::NewCoupon ten_percent = Amount(0);
  ten_percent.kind = coupons::CouponKind::percent;
  ten_percent.percent = 10;
  const coupons::ClaimId site_claim = Claim(kBuyer, coupons_.CreateSiteCoupon(kAdminUser, ten_percent));

  // The cart page shows what checkout will charge.
  const std::vector<coupons::ClaimId> chosen = {shop_claim, site_claim};
  cart::Quote quote = cart_.View(cart::CartOwner::Member(kBuyer), {}, chosen);
  ASSERT_TRUE(quote.ready) << (quote.problem ? cart::ErrorCode(quote.problem->error) : "");
  // 10 % of 33,000 + 33,333 + 33,334 = 99,667 → 9,966 won (rounded down), split 3,299.77 /
  // 3,333.07 / 3,333.17 → 3,299 / 3,333 / 3,333 and the won left to the largest remainder (.77).
  EXPECT_EQ(quote.shop_discount_kpw, 7'000);
  EXPECT_EQ(quote.site_discount_kpw, 9'966);
  ASSERT_EQ(quote.shops.size(), 3u);
  EXPECT_EQ(quote.shops[0].site_discount_kpw, 3'300);
  EXPECT_EQ(quote.shops[1].site_discount_kpw, 3'333);
  EXPECT_EQ(quote.shops[2].site_discount_kpw, 3'333);
  EXPECT_EQ(quote.shops[0].site_discount_kpw + quote.shops[1].site_discount_kpw + quote.shops[2].site_discount_kpw,
            9'966);
  EXPECT_EQ(quote.total_kpw, 106'667 - 7'000 - 9'966);

  auto receipt = orders_.Checkout(WithClaims(kBuyer, chosen));
  ASSERT_TRUE(receipt.has_value()) << ErrorCode(receipt.error().error);
  EXPECT_EQ(receipt->total_kpw, quote.total_kpw);
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 200'000 - quote.total_kpw);
  // The marketplace paid its coupon into escrow; escrow holds the goods less the shop's coupon.
  EXPECT_EQ(Promotions(), -9'966);
  EXPECT_EQ(Escrow(), 106'667 - 7'000);
  EXPECT_EQ(ClaimsUsed(), 2);
  auto order = orders_.GetOrder(Buyer(kBuyer), receipt->orders[0].id);
  ASSERT_TRUE(order.has_value());
  EXPECT_EQ(order->shop_discount_kpw, 7'000);
  EXPECT_EQ(order->site_discount_kpw, 3'300);
  EXPECT_EQ(order->shop_claim, shop_claim);
  EXPECT_EQ(order->site_claim, site_claim);
  EXPECT_EQ(order->total_kpw, 40'000 - 7'000 - 3'300);

  // Confirmed: the shop receives its price less its own coupon, minus the fee; the site coupon
  // is not the shop's cost.
  ASSERT_TRUE(orders_.Apply(Seller(kShopOwner), order->id, OrderEvent::prepare).has_value());
  ASSERT_TRUE(orders_.Apply(Seller(kShopOwner), order->id, OrderEvent::ship).has_value());
  ASSERT_TRUE(orders_.Apply(Buyer(kBuyer), order->id, OrderEvent::confirm).has_value());
  EXPECT_EQ(payments::SellerBalance(store_.database(), first).amount, 33'000 - PlatformFee(33'000, 300));
}

TEST_F(CouponCheckoutTest, TheSplitRemainderGoesToTheLargestRemainder) {
  const core::SellerId first = store_.AddShop(kShopOwner, "첫째 상점");
  const core::SellerId second = store_.AddShop(core::UserId{3}, "둘째 상점");
  const core::SellerId third = store_.AddShop(core::UserId{4}, "셋째 상점");
  Add(kBuyer, store_.AddListing(first, 33'333), 1);
  Add(kBuyer, store_.AddListing(second, 33'333), 1);
  Add(kBuyer, store_.AddListing(third, 33'334), 1);
  store_.TopUp(kBuyer, 200'000);
  const coupons::ClaimId site = Claim(kBuyer, coupons_.CreateSiteCoupon(kAdminUser, Amount(10'000)));
  auto receipt = orders_.Checkout(WithClaims(kBuyer, {site}));
  ASSERT_TRUE(receipt.has_value()) << ErrorCode(receipt.error().error);
  ASSERT_EQ(receipt->orders.size(), 3u);
  EXPECT_EQ(receipt->orders[0].total_kpw, 33'333 - 3'333);
  EXPECT_EQ(receipt->orders[1].total_kpw, 33'333 - 3'333);
  EXPECT_EQ(receipt->orders[2].total_kpw, 33'334 - 3'334);
  EXPECT_EQ(receipt->total_kpw, 90'000);
  EXPECT_EQ(Promotions(), -10'000);
}

TEST_F(CouponCheckoutTest, CancelGivesBackWhatWasPaidAndTheClaim) {
  const core::SellerId shop = store_.AddShop(kShopOwner, "첫째 상점");
  const core::ProductId product = store_.AddListing(shop, 20'000, 5);
  Add(kBuyer, product, 1);
  store_.TopUp(kBuyer, 50'000);
  const coupons::ClaimId shop_claim = Claim(kBuyer, coupons_.CreateShopCoupon(Seller(kShopOwner), shop, Amount(2'000)));
  const coupons::ClaimId site_claim = Claim(kBuyer, coupons_.CreateSiteCoupon(kAdminUser, Amount(5'000)));
  auto receipt = orders_.Checkout(WithClaims(kBuyer, {site_claim, shop_claim}));
  ASSERT_TRUE(receipt.has_value()) << ErrorCode(receipt.error().error);
  EXPECT_EQ(receipt->total_kpw, 13'000);
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 37'000);
  EXPECT_EQ(Promotions(), -5'000);
  EXPECT_EQ(coupons_.Mine(kBuyer).used.size(), 2u);

  ASSERT_TRUE(orders_.Apply(Buyer(kBuyer), receipt->orders[0].id, OrderEvent::cancel).has_value());
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 50'000);  // what they paid, not the coupons
  EXPECT_EQ(Promotions(), 0);                                 // the marketplace's part went back
  EXPECT_EQ(Escrow(), 0);
  EXPECT_EQ(Stock(product), 5);
  EXPECT_EQ(ClaimsUsed(), 0);
  EXPECT_EQ(coupons_.Mine(kBuyer).usable.size(), 2u);
  EXPECT_EQ(payments_.Audit().sum, 0);

  // The claims work again.
  Add(kBuyer, product, 1);
  auto again = orders_.Checkout(WithClaims(kBuyer, {site_claim, shop_claim}));
  ASSERT_TRUE(again.has_value()) << ErrorCode(again.error().error);
  EXPECT_EQ(again->total_kpw, 13'000);
}

TEST_F(CouponCheckoutTest, ACancelAfterTheCouponEndedKeepsTheClaimSpent) {
  const core::SellerId shop = store_.AddShop(kShopOwner, "첫째 상점");
  Add(kBuyer, store_.AddListing(shop, 20'000, 5), 1);
  store_.TopUp(kBuyer, 50'000);
  const coupons::ClaimId claim = Claim(kBuyer, coupons_.CreateSiteCoupon(kAdminUser, Amount(5'000)));
  auto receipt = orders_.Checkout(WithClaims(kBuyer, {claim}));
  ASSERT_TRUE(receipt.has_value());
  clock_.Advance(std::chrono::days(8));
  ASSERT_TRUE(orders_.Apply(Buyer(kBuyer), receipt->orders[0].id, OrderEvent::cancel).has_value());
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 50'000);
  EXPECT_EQ(Promotions(), 0);
  EXPECT_EQ(ClaimsUsed(), 1);
}

TEST_F(CouponCheckoutTest, ASiteClaimSplitOverTwoOrdersComesBackWithTheLastCancel) {
  const core::SellerId first = store_.AddShop(kShopOwner, "첫째 상점");
  const core::SellerId second = store_.AddShop(core::UserId{3}, "둘째 상점");
  Add(kBuyer, store_.AddListing(first, 10'000), 1);
  Add(kBuyer, store_.AddListing(second, 30'000), 1);
  store_.TopUp(kBuyer, 50'000);
  const coupons::ClaimId claim = Claim(kBuyer, coupons_.CreateSiteCoupon(kAdminUser, Amount(4'000)));
  auto receipt = orders_.Checkout(WithClaims(kBuyer, {claim}));
  ASSERT_TRUE(receipt.has_value());
  EXPECT_EQ(Promotions(), -4'000);
  ASSERT_TRUE(orders_.Apply(Buyer(kBuyer), receipt->orders[0].id, OrderEvent::cancel).has_value());
  EXPECT_EQ(Promotions(), -3'000);  // the second order's 3,000 stays spent
  EXPECT_EQ(ClaimsUsed(), 1);
  ASSERT_TRUE(orders_.Apply(Buyer(kBuyer), receipt->orders[1].id, OrderEvent::cancel).has_value());
  EXPECT_EQ(Promotions(), 0);
  EXPECT_EQ(ClaimsUsed(), 0);
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 50'000);
}

TEST_F(CouponCheckoutTest, CashOnDeliveryTakesTheSiteCouponWithTheCash) {
  const core::SellerId shop = store_.AddShop(kShopOwner, "첫째 상점");
  Add(kBuyer, store_.AddListing(shop, 20'000, 5), 1);
  const coupons::ClaimId claim = Claim(kBuyer, coupons_.CreateSiteCoupon(kAdminUser, Amount(5'000)));
  auto receipt = orders_.Checkout(WithClaims(kBuyer, {claim}, "", PaymentMethod::cash_on_delivery));
  ASSERT_TRUE(receipt.has_value()) << ErrorCode(receipt.error().error);
  EXPECT_EQ(receipt->total_kpw, 15'000);
  EXPECT_EQ(Promotions(), 0);  // nothing moves before the cash
  const core::OrderId order = receipt->orders[0].id;
  ASSERT_TRUE(orders_.Apply(Seller(kShopOwner), order, OrderEvent::prepare).has_value());
  ASSERT_TRUE(orders_.Apply(Seller(kShopOwner), order, OrderEvent::ship).has_value());
  ASSERT_TRUE(orders_.Apply(Seller(kShopOwner), order, OrderEvent::deliver).has_value());
  EXPECT_EQ(Promotions(), -5'000);
  EXPECT_EQ(Escrow(), 20'000);
  ASSERT_TRUE(orders_.Apply(Buyer(kBuyer), order, OrderEvent::confirm).has_value());
  EXPECT_EQ(payments::SellerBalance(store_.database(), shop).amount, 20'000 - PlatformFee(20'000, 300));
}

TEST_F(CouponCheckoutTest, ARefusedCheckoutChangesNothing) {
  const core::SellerId shop = store_.AddShop(kShopOwner, "첫째 상점");
  const core::SellerId other = store_.AddShop(core::UserId{3}, "둘째 상점");
  const core::ProductId product = store_.AddListing(shop, 20'000, 5);
  Add(kBuyer, product, 1);
  store_.TopUp(kBuyer, 50'000);
  const coupons::ClaimId below =
      Claim(kBuyer, coupons_.CreateShopCoupon(Seller(kShopOwner), shop, Amount(1'000, 30'000)));
  const coupons::ClaimId elsewhere =
      Claim(kBuyer, coupons_.CreateShopCoupon(Seller(core::UserId{3}), other, Amount(1'000)));
  const coupons::ClaimId site = Claim(kBuyer, coupons_.CreateSiteCoupon(kAdminUser, Amount(1'000)));
  const coupons::ClaimId second_site = Claim(kBuyer, coupons_.CreateSiteCoupon(kAdminUser, Amount(2'000)));
  // Another member's claim is not this buyer's to spend.
  const coupons::ClaimId strangers = Claim(core::UserId{101}, coupons_.CreateSiteCoupon(kAdminUser, Amount(3'000)));

  const struct {
    std::vector<coupons::ClaimId> claims;
    OrderError error;
  } cases[] = {
      {{below}, OrderError::coupon_below_minimum},
      {{elsewhere}, OrderError::coupon_unavailable},
      {{site, second_site}, OrderError::coupon_conflict},
      {{strangers}, OrderError::coupon_unavailable},
      {{coupons::ClaimId{9'999}}, OrderError::coupon_unavailable},
  };
  for (const auto& refused : cases) {
    auto receipt = orders_.Checkout(WithClaims(kBuyer, refused.claims, "key"));
    ASSERT_FALSE(receipt.has_value());
    EXPECT_EQ(receipt.error().error, refused.error) << ErrorCode(receipt.error().error);
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM orders"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM checkouts"), 0);
  EXPECT_EQ(ClaimsUsed(), 0);
  EXPECT_EQ(Stock(product), 5);
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 50'000);
  EXPECT_EQ(cart_.Items(cart::CartOwner::Member(kBuyer)).size(), 1u);
  EXPECT_EQ(coupons_.Mine(core::UserId{101}).usable.size(), 1u);
}

TEST_F(CouponCheckoutTest, AClaimSpentByTwoCheckoutsAtOnceIsSpentOnce) {
  const core::SellerId shop = store_.AddShop(kShopOwner, "첫째 상점");
  const core::ProductId product = store_.AddListing(shop, 20'000, 100);
  store_.TopUp(kBuyer, 500'000);
  const coupons::ClaimId claim = Claim(kBuyer, coupons_.CreateSiteCoupon(kAdminUser, Amount(5'000)));
  // Several rounds, each refilling the cart: two checkouts with the one claim race; the claim
  // goes to at most one order in all.
  std::atomic<int> with_coupon = 0;
  for (int round = 0; round < 3; ++round) {
    Add(kBuyer, product, 1);
    std::vector<std::thread> threads;
    for (int thread = 0; thread < 2; ++thread) {
      threads.emplace_back([&, round, thread] {
        auto receipt = orders_.Checkout(
            WithClaims(kBuyer, {claim}, "race-" + std::to_string(round) + "-" + std::to_string(thread)));
        if (receipt) {
          ++with_coupon;
        } else {
          EXPECT_TRUE(receipt.error() == OrderError::coupon_unavailable || receipt.error() == OrderError::cart_empty)
              << ErrorCode(receipt.error().error);
        }
      });
    }
    for (std::thread& thread : threads) thread.join();
  }
  EXPECT_EQ(with_coupon.load(), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM orders"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM orders WHERE site_claim_id IS NOT NULL"), 1);
  EXPECT_EQ(ClaimsUsed(), 1);
  EXPECT_EQ(Promotions(), -5'000);
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 500'000 - 15'000);
}

}  // namespace
}  // namespace manmulsang::orders
