// Delivery options at checkout (docs/BUYING.md §1a): each shop's order carries the fee of the
// method the buyer chose, computed on the server from the shop's settings, paid with the goods
// and refunded with them; pickup where a shop offers none is refused; the choice is part of the
// request an Idempotency-Key stands for.
#include <algorithm>

#include "buying_test_store.hpp"

namespace manmulsang::orders {
namespace {

class DeliveryTest : public BuyingTest {
 protected:
  void SetUp() override {
    courier_and_pickup_ = store_.AddShop(kShopOwner, "창전 상점");
    courier_only_ = store_.AddShop(core::UserId{3}, "남포 상점");
    const core::Actor first_owner{kShopOwner, core::Role::seller, "주인"};
    const core::Actor second_owner{core::UserId{3}, core::Role::seller, "주인"};
    ASSERT_TRUE(sellers_.SetDeliveryOptions(first_owner, courier_and_pickup_, {3'000, 50'000, true, "창전거리 5"}));
    ASSERT_TRUE(sellers_.SetDeliveryOptions(second_owner, courier_only_, {2'500, std::nullopt, false, ""}));
    rice_ = store_.AddListing(courier_and_pickup_, 10'000, 20);
    pen_ = store_.AddListing(courier_only_, 5'000, 20);
  }

  void Fill(std::int64_t rice, std::int64_t pens) {
    if (rice > 0) {
      ASSERT_TRUE(cart_.AddItem(cart::CartOwner::Member(kBuyer), rice_, rice).has_value());
    }
    if (pens > 0) {
      ASSERT_TRUE(cart_.AddItem(cart::CartOwner::Member(kBuyer), pen_, pens).has_value());
    }
  }

  CheckoutCommand WithDelivery(sellers::DeliveryChoices delivery, std::string key = "",
                               PaymentMethod method = PaymentMethod::wallet) {
    CheckoutCommand command = Command(kBuyer, method, std::move(key));
    command.delivery = std::move(delivery);
    return command;
  }

  std::optional<std::int64_t> Paid(core::OrderId order) {
    return store_->Read([&](db::Connection& connection) { return payments_.PaidAmount(connection, order); });
  }

  Order OrderOf(const CheckoutReceipt& receipt, core::SellerId shop) {
    auto summary = std::find_if(receipt.orders.begin(), receipt.orders.end(),
                                [&](const OrderSummary& order) { return order.seller == shop; });
    EXPECT_NE(summary, receipt.orders.end());
    return *orders_.GetOrder(Buyer(kBuyer), summary->id);
  }

  core::SellerId courier_and_pickup_;
  core::SellerId courier_only_;
  core::ProductId rice_;
  core::ProductId pen_;
};

TEST_F(DeliveryTest, EachShopsOrderCarriesTheFeeOfTheChosenMethod) {
  store_.TopUp(kBuyer, 100'000);
  Fill(2, 2);  // 20,000 won of rice (pickup chosen), 10,000 won of pens (courier by default)
  auto receipt = orders_.Checkout(WithDelivery({{courier_and_pickup_, sellers::DeliveryMethod::pickup}}));
  ASSERT_TRUE(receipt.has_value()) << ErrorCode(receipt.error().error);
  EXPECT_EQ(receipt->total_kpw, 20'000 + 10'000 + 2'500);
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 100'000 - 32'500);

  const Order picked_up = OrderOf(*receipt, courier_and_pickup_);
  EXPECT_EQ(picked_up.delivery_method, sellers::DeliveryMethod::pickup);
  EXPECT_EQ(picked_up.delivery_fee_kpw, 0);
  EXPECT_EQ(picked_up.pickup_place, "창전거리 5");
  EXPECT_EQ(picked_up.total_kpw, 20'000);
  const Order couriered = OrderOf(*receipt, courier_only_);
  EXPECT_EQ(couriered.delivery_method, sellers::DeliveryMethod::courier);
  EXPECT_EQ(couriered.subtotal_kpw, 10'000);
  EXPECT_EQ(couriered.delivery_fee_kpw, 2'500);
  EXPECT_EQ(couriered.total_kpw, 12'500);
  EXPECT_TRUE(couriered.pickup_place.empty());
  EXPECT_EQ(Paid(couriered.id), 12'500);

  // A later change of the shop's settings does not rewrite the order.
  ASSERT_TRUE(sellers_.SetDeliveryOptions({core::UserId{3}, core::Role::seller, "주인"}, courier_only_,
                                          {9'000, std::nullopt, false, ""}));
  EXPECT_EQ(orders_.GetOrder(Buyer(kBuyer), couriered.id)->delivery_fee_kpw, 2'500);

  // Cancelling refunds the fee with the goods.
  ASSERT_TRUE(orders_.Apply(Buyer(kBuyer), couriered.id, OrderEvent::cancel).has_value());
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 100'000 - 20'000);
}

TEST_F(DeliveryTest, CourierIsFreeFromTheShopsThresholdOnItsOwnSubtotal) {
  store_.TopUp(kBuyer, 100'000);
  Fill(5, 0);  // exactly 50,000 won: free
  auto receipt = orders_.Checkout(Command(kBuyer));
  ASSERT_TRUE(receipt.has_value()) << ErrorCode(receipt.error().error);
  EXPECT_EQ(receipt->total_kpw, 50'000);
  EXPECT_EQ(OrderOf(*receipt, courier_and_pickup_).delivery_fee_kpw, 0);

  Fill(4, 0);  // 40,000 won: the fee
  receipt = orders_.Checkout(Command(kBuyer));
  ASSERT_TRUE(receipt.has_value()) << ErrorCode(receipt.error().error);
  EXPECT_EQ(receipt->total_kpw, 43'000);
  EXPECT_EQ(OrderOf(*receipt, courier_and_pickup_).delivery_fee_kpw, 3'000);
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 100'000 - 93'000);
}

TEST_F(DeliveryTest, PickupWhereTheShopOffersNoneIsRefusedAndChangesNothing) {
  store_.TopUp(kBuyer, 100'000);
  Fill(1, 1);
  auto refused = orders_.Checkout(WithDelivery({{courier_only_, sellers::DeliveryMethod::pickup}}, "pickup-1"));
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().error, OrderError::pickup_unavailable);
  EXPECT_EQ(refused.error().shop, courier_only_);
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 100'000);
  EXPECT_EQ(Stock(rice_), 20);
  EXPECT_EQ(Stock(pen_), 20);
  EXPECT_EQ(cart_.Items(cart::CartOwner::Member(kBuyer)).size(), 2u);
  EXPECT_EQ(orders_.BuyerOrders(kBuyer).total, 0);
  // Nothing was stored under the key: a corrected request may use it.
  auto placed = orders_.Checkout(WithDelivery({{courier_and_pickup_, sellers::DeliveryMethod::pickup}}, "pickup-1"));
  ASSERT_TRUE(placed.has_value()) << ErrorCode(placed.error().error);
  EXPECT_EQ(placed->total_kpw, 10'000 + 5'000 + 2'500);
}

TEST_F(DeliveryTest, TheDeliveryChoiceIsPartOfTheIdempotentRequest) {
  store_.TopUp(kBuyer, 100'000);
  Fill(1, 1);
  const sellers::DeliveryChoices pickup = {{courier_and_pickup_, sellers::DeliveryMethod::pickup}};
  auto first = orders_.Checkout(WithDelivery(pickup, "key-1"));
  ASSERT_TRUE(first.has_value()) << ErrorCode(first.error().error);
  EXPECT_FALSE(first->products.empty());

  // The same choice: the same receipt; naming courier for the other shop is the same choice.
  sellers::DeliveryChoices same = pickup;
  same[courier_only_] = sellers::DeliveryMethod::courier;
  auto replay = orders_.Checkout(WithDelivery(same, "key-1"));
  ASSERT_TRUE(replay.has_value()) << ErrorCode(replay.error().error);
  EXPECT_TRUE(replay->replayed);
  EXPECT_EQ(replay->orders, first->orders);
  EXPECT_EQ(replay->total_kpw, first->total_kpw);
  EXPECT_TRUE(replay->products.empty()) << "a replay changes no stock";

  // Another choice under the same key: refused, whatever the cart holds now.
  Fill(1, 0);
  auto courier = orders_.Checkout(WithDelivery({}, "key-1"));
  ASSERT_FALSE(courier.has_value());
  EXPECT_EQ(courier.error().error, OrderError::idempotency_key_reused);
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 100'000 - first->total_kpw);
  EXPECT_EQ(orders_.BuyerOrders(kBuyer).total, 2);
}

TEST_F(DeliveryTest, CashOnDeliveryCollectsTheFeeWithTheGoods) {
  Fill(1, 0);
  auto receipt = orders_.Checkout(Command(kBuyer, PaymentMethod::cash_on_delivery));
  ASSERT_TRUE(receipt.has_value()) << ErrorCode(receipt.error().error);
  const Order order = OrderOf(*receipt, courier_and_pickup_);
  EXPECT_EQ(order.total_kpw, 13'000);
  const core::Actor owner = Seller(kShopOwner);
  ASSERT_TRUE(orders_.Apply(owner, order.id, OrderEvent::prepare).has_value());
  ASSERT_TRUE(orders_.Apply(owner, order.id, OrderEvent::ship).has_value());
  ASSERT_TRUE(orders_.Apply(owner, order.id, OrderEvent::deliver).has_value());
  EXPECT_EQ(Paid(order.id), 13'000);
}

TEST_F(DeliveryTest, StockChangesAreReportedAfterCheckoutAndCancel) {
  std::vector<core::ProductId> reported;
  orders_.OnStockChanged([&](std::span<const core::ProductId> products) {
    reported.insert(reported.end(), products.begin(), products.end());
  });
  store_.TopUp(kBuyer, 100'000);
  Fill(1, 1);
  auto receipt = orders_.Checkout(Command(kBuyer, PaymentMethod::wallet, "stock-1"));
  ASSERT_TRUE(receipt.has_value());
  std::ranges::sort(reported);
  EXPECT_EQ(reported, (std::vector<core::ProductId>{std::min(rice_, pen_), std::max(rice_, pen_)}));

  reported.clear();
  ASSERT_TRUE(orders_.Checkout(Command(kBuyer, PaymentMethod::wallet, "stock-1")).has_value());  // replay
  EXPECT_TRUE(reported.empty());
  Fill(0, 1);
  ASSERT_FALSE(orders_.Checkout(WithDelivery({{courier_only_, sellers::DeliveryMethod::pickup}})).has_value());
  EXPECT_TRUE(reported.empty()) << "a refused checkout changed no stock";

  ASSERT_TRUE(orders_.Apply(Buyer(kBuyer), OrderOf(*receipt, courier_only_).id, OrderEvent::cancel).has_value());
  EXPECT_EQ(reported, std::vector<core::ProductId>{pen_});
  reported.clear();
  ASSERT_TRUE(orders_.Apply(Seller(kShopOwner), OrderOf(*receipt, courier_and_pickup_).id, OrderEvent::prepare));
  EXPECT_TRUE(reported.empty()) << "preparing changes no stock";
}

}  // namespace
}  // namespace manmulsang::orders
