// One price (docs/BUYING.md §1): the quote the cart page shows is the one checkout charges, shop
// by shop, for every delivery choice and currency; what checkout refuses the cart shows as the
// same problem.
#include <algorithm>

#include "buying_test_store.hpp"

namespace manmulsang::orders {
namespace {

class QuoteTest : public BuyingTest {
 protected:
  void SetUp() override {
    pickup_shop_ = store_.AddShop(kShopOwner, "창전 상점");
    courier_shop_ = store_.AddShop(core::UserId{3}, "남포 상점");
    const core::Actor first_owner{kShopOwner, core::Role::seller, "주인"};
    const core::Actor second_owner{core::UserId{3}, core::Role::seller, "주인"};
    ASSERT_TRUE(sellers_.SetDeliveryOptions(first_owner, pickup_shop_, {3'000, 50'000, true, "창전거리 5"}));
    ASSERT_TRUE(sellers_.SetDeliveryOptions(second_owner, courier_shop_, {2'500, std::nullopt, false, ""}));
    ASSERT_TRUE(payments_.SetExchangeRate(core::Currency::usd, 82'505'000, kAdminUser));  // 8,250.5 won
    ASSERT_TRUE(payments_.SetExchangeRate(core::Currency::cny, 12'345'678, kAdminUser));  // 1,234.5678 won
    rice_ = store_.AddListing(pickup_shop_, 10'000, 100);                                 // KPW
    tea_ = store_.AddListing(pickup_shop_, 1'234, 100, core::Currency::usd);              // $12.34 → 101,811 won
    pen_ = store_.AddListing(courier_shop_, 1'550, 100, core::Currency::cny);             // ¥15.50 → 19,136 won
    ink_ = store_.AddListing(courier_shop_, 7'000, 100);                                  // KPW
  }

  void Fill(core::UserId buyer, std::initializer_list<std::pair<core::ProductId, std::int64_t>> lines) {
    for (const auto& [product, quantity] : lines) {
      ASSERT_TRUE(cart_.AddItem(cart::CartOwner::Member(buyer), product, quantity).has_value());
    }
  }

  CheckoutCommand WithDelivery(core::UserId buyer, sellers::DeliveryChoices delivery) {
    CheckoutCommand command = Command(buyer);
    command.delivery = std::move(delivery);
    return command;
  }

  // The cart's quote, then the checkout: every shop's order is charged what its quote showed.
  void ExpectChargedAsQuoted(core::UserId buyer, const sellers::DeliveryChoices& delivery) {
    store_.TopUp(buyer, 10'000'000);
    const cart::Quote quote = cart_.View(cart::CartOwner::Member(buyer), delivery);
    ASSERT_TRUE(quote.ready);
    auto receipt = orders_.Checkout(WithDelivery(buyer, delivery));
    ASSERT_TRUE(receipt.has_value()) << ErrorCode(receipt.error().error);
    EXPECT_EQ(receipt->total_kpw, quote.total_kpw);
    EXPECT_EQ(payments_.WalletBalance(buyer).amount, 10'000'000 - quote.total_kpw);
    ASSERT_EQ(receipt->orders.size(), quote.shops.size());
    for (std::size_t index = 0; index < quote.shops.size(); ++index) {
      const cart::QuoteShop& shop = quote.shops[index];
      ASSERT_EQ(receipt->orders[index].seller, shop.seller);
      auto order = orders_.GetOrder(Buyer(buyer), receipt->orders[index].id);
      ASSERT_TRUE(order.has_value());
      EXPECT_EQ(order->status, OrderStatus::paid);
      EXPECT_EQ(order->subtotal_kpw, shop.subtotal_kpw);
      EXPECT_EQ(order->delivery_method, shop.delivery_method);
      EXPECT_EQ(order->delivery_fee_kpw, shop.delivery_fee_kpw);
      EXPECT_EQ(order->total_kpw, shop.total_kpw);
      ASSERT_EQ(order->lines.size(), shop.lines.size());
      for (std::size_t line = 0; line < shop.lines.size(); ++line) {
        EXPECT_EQ(order->lines[line].product, shop.lines[line].product);
        EXPECT_EQ(order->lines[line].unit_price_kpw, shop.lines[line].unit_price_kpw);
        EXPECT_EQ(order->lines[line].line_total_kpw, shop.lines[line].line_total_kpw);
      }
    }
  }

  // The cart shows the very refusal checkout answers, and checkout changes nothing.
  void ExpectRefusedAsQuoted(core::UserId buyer, const sellers::DeliveryChoices& delivery, cart::QuoteError expected) {
    store_.TopUp(buyer, 10'000'000);
    const cart::Quote quote = cart_.View(cart::CartOwner::Member(buyer), delivery);
    EXPECT_FALSE(quote.ready);
    ASSERT_TRUE(quote.problem.has_value());
    EXPECT_EQ(quote.problem->error, expected);
    auto refused = orders_.Checkout(WithDelivery(buyer, delivery));
    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(ErrorCode(refused.error().error), cart::ErrorCode(quote.problem->error));
    EXPECT_EQ(refused.error().product, quote.problem->product);
    EXPECT_EQ(refused.error().shop, quote.problem->shop);
    EXPECT_EQ(orders_.BuyerOrders(buyer).total, 0);
    EXPECT_EQ(payments_.WalletBalance(buyer).amount, 10'000'000);
  }

  core::SellerId pickup_shop_;
  core::SellerId courier_shop_;
  core::ProductId rice_;
  core::ProductId tea_;
  core::ProductId pen_;
  core::ProductId ink_;
};

TEST_F(QuoteTest, CourierWithAFeeIsChargedAsTheCartShowed) {
  const core::UserId buyer{201};
  Fill(buyer, {{rice_, 2}, {pen_, 1}, {ink_, 3}});  // 20,000 won at the first shop: under 50,000
  const cart::Quote quote = cart_.View(cart::CartOwner::Member(buyer));
  ASSERT_EQ(quote.shops.size(), 2u);
  EXPECT_EQ(quote.shops[0].delivery_fee_kpw, 3'000);
  EXPECT_EQ(quote.shops[1].lines[0].unit_price_kpw, 19'136);  // ¥15.50 × 1,234.5678 = 19,135.8
  EXPECT_EQ(quote.shops[1].delivery_fee_kpw, 2'500);
  EXPECT_EQ(quote.total_kpw, 20'000 + 3'000 + 19'136 + 21'000 + 2'500);
  ExpectChargedAsQuoted(buyer, {});
}

TEST_F(QuoteTest, CourierOverTheFreeThresholdIsChargedAsTheCartShowed) {
  const core::UserId buyer{202};
  Fill(buyer, {{rice_, 1}, {tea_, 1}, {pen_, 2}});  // 111,811 won at the first shop: free courier
  const sellers::DeliveryChoices courier = {{pickup_shop_, sellers::DeliveryMethod::courier}};
  const cart::Quote quote = cart_.View(cart::CartOwner::Member(buyer), courier);
  ASSERT_EQ(quote.shops.size(), 2u);
  EXPECT_EQ(quote.shops[0].lines[1].unit_price_kpw, 101'811);  // $12.34 × 8,250.5 = 101,811.17
  EXPECT_EQ(quote.shops[0].delivery_fee_kpw, 0);
  ExpectChargedAsQuoted(buyer, courier);
}

TEST_F(QuoteTest, PickupWhereOfferedIsChargedAsTheCartShowed) {
  const core::UserId buyer{203};
  Fill(buyer, {{tea_, 2}, {ink_, 1}});
  const sellers::DeliveryChoices pickup = {{pickup_shop_, sellers::DeliveryMethod::pickup}};
  const cart::Quote quote = cart_.View(cart::CartOwner::Member(buyer), pickup);
  ASSERT_EQ(quote.shops.size(), 2u);
  EXPECT_EQ(quote.shops[0].delivery_method, sellers::DeliveryMethod::pickup);
  EXPECT_EQ(quote.shops[0].delivery_fee_kpw, 0);
  ExpectChargedAsQuoted(buyer, pickup);
}

TEST_F(QuoteTest, PickupWhereNotOfferedIsRefusedAsTheCartShowed) {
  const core::UserId buyer{204};
  Fill(buyer, {{rice_, 1}, {pen_, 1}});
  ExpectRefusedAsQuoted(buyer, {{courier_shop_, sellers::DeliveryMethod::pickup}},
                        cart::QuoteError::pickup_unavailable);
  EXPECT_EQ(
      cart_.View(cart::CartOwner::Member(buyer), {{courier_shop_, sellers::DeliveryMethod::pickup}}).problem->shop,
      courier_shop_);
}

TEST_F(QuoteTest, ATotalPastTheCapIsRefusedAsTheCartShowed) {
  const core::UserId buyer{205};
  const core::ProductId gold = store_.AddListing(pickup_shop_, 600'000'000'000, 10);
  const core::ProductId platinum = store_.AddListing(courier_shop_, 600'000'000'000, 10);
  Fill(buyer, {{gold, 1}, {platinum, 1}});  // each shop under the cap, the two together over it
  ExpectRefusedAsQuoted(buyer, {}, cart::QuoteError::total_too_large);
  EXPECT_EQ(Stock(gold), 10);
}

}  // namespace
}  // namespace manmulsang::orders
