// The seller's side of an order: shipping with carrier and tracking number, the shop's order
// counts and sales per day, and its payout statement — with a real store.

#include "buying_test_store.hpp"
#include "manmulsang/payments/payments.hpp"

namespace manmulsang::orders {
namespace {

class FulfilmentTest : public BuyingTest {
 protected:
  void SetUp() override {
    shop_ = store_.AddShop(kShopOwner, "상점");
    other_shop_ = store_.AddShop(kOtherOwner, "다른 상점");
    product_ = store_.AddListing(shop_, 10'000, 100);
    store_.TopUp(kBuyer, 1'000'000);
  }

  core::OrderId Place(std::int64_t quantity = 1, PaymentMethod method = PaymentMethod::wallet) {
    EXPECT_TRUE(cart_.AddItem(cart::CartOwner::Member(kBuyer), product_, quantity).has_value());
    auto receipt = orders_.Checkout(Command(kBuyer, method));
    EXPECT_TRUE(receipt.has_value()) << ErrorCode(receipt.error().error);
    return receipt ? receipt->orders.front().id : core::OrderId{};
  }

  void Move(core::OrderId order, OrderEvent event, const core::Actor& actor = Seller(kShopOwner)) {
    auto moved = orders_.Apply(actor, order, event);
    ASSERT_TRUE(moved.has_value()) << OrderEventName(event) << ": " << ErrorCode(moved.error());
  }

  Order Get(core::OrderId order) { return orders_.GetOrder(Admin(), order).value(); }

  static constexpr core::UserId kOtherOwner{3};
  core::SellerId shop_;
  core::SellerId other_shop_;
  core::ProductId product_;
};

TEST_F(FulfilmentTest, ShippingNeedsCarrierAndTrackingNumberAndKeepsThem) {
  const core::OrderId order = Place();
  Move(order, OrderEvent::prepare);
  const std::string too_long_carrier(41, 'x');
  const std::string too_long_tracking(41, '1');
  const std::vector<std::pair<Shipment, OrderError>> refused = {
      {{"", "123"}, OrderError::invalid_carrier},
      {{"   ", "123"}, OrderError::invalid_carrier},
      {{too_long_carrier, "123"}, OrderError::invalid_carrier},
      {{"평양\n특급", "123"}, OrderError::invalid_carrier},
      {{"\xff\xfe", "123"}, OrderError::invalid_carrier},
      {{"조선우편", ""}, OrderError::invalid_tracking_number},
      {{"조선우편", "12 34"}, OrderError::invalid_tracking_number},
      {{"조선우편", "<script>"}, OrderError::invalid_tracking_number},
      {{"조선우편", "１２３"}, OrderError::invalid_tracking_number},  // full-width digits
      {{"조선우편", too_long_tracking}, OrderError::invalid_tracking_number},
  };
  for (const auto& [shipment, error] : refused) {
    auto shipped = orders_.Ship(Seller(kShopOwner), order, shipment);
    ASSERT_FALSE(shipped.has_value()) << shipment.carrier << " / " << shipment.tracking_number;
    EXPECT_EQ(shipped.error(), error) << shipment.carrier << " / " << shipment.tracking_number;
  }
  // Nothing changed: still preparing, no shipment, no step.
  Order before = Get(order);
  EXPECT_EQ(before.status, OrderStatus::preparing);
  EXPECT_EQ(before.carrier, "");
  EXPECT_EQ(before.timeline.size(), 3u);

  // Forty Hangul syllables are forty characters (120 bytes): allowed.
  std::string forty_syllables;
  for (int index = 0; index < 40; ++index) forty_syllables += "가";
  EXPECT_TRUE(CleanShipment(forty_syllables, "1").has_value());

  auto shipped = orders_.Ship(Seller(kShopOwner), order, {"  평양   특급 ", " AB-1234-cd "});
  ASSERT_TRUE(shipped.has_value()) << ErrorCode(shipped.error());
  EXPECT_EQ(shipped->status, OrderStatus::shipped);
  EXPECT_EQ(shipped->carrier, "평양 특급");
  EXPECT_EQ(shipped->tracking_number, "AB-1234-cd");
  ASSERT_EQ(shipped->timeline.size(), 4u);
  EXPECT_EQ(shipped->timeline.back().to, OrderStatus::shipped);
  EXPECT_EQ(shipped->timeline.back().note, "평양 특급 AB-1234-cd");
  // The buyer reads them on their order.
  Order seen = orders_.GetOrder(Buyer(kBuyer), order).value();
  EXPECT_EQ(seen.carrier, "평양 특급");
  EXPECT_EQ(seen.tracking_number, "AB-1234-cd");
  // Shipping twice is not a move the table has.
  EXPECT_EQ(orders_.Ship(Seller(kShopOwner), order, {"조선우편", "999"}).error(), OrderError::transition_not_allowed);
  EXPECT_EQ(Get(order).tracking_number, "AB-1234-cd");
}

TEST_F(FulfilmentTest, AnotherShopOrTheBuyerCannotShipCountOrSeeSales) {
  const core::OrderId order = Place();
  Move(order, OrderEvent::prepare);
  // Another shop's owner: not found, whether its fields are good or bad; nothing changes.
  EXPECT_EQ(orders_.Ship(Seller(kOtherOwner), order, {"조선우편", "123"}).error(), OrderError::order_not_found);
  EXPECT_EQ(orders_.Ship(Seller(kOtherOwner), order, {"", ""}).error(), OrderError::order_not_found);
  EXPECT_EQ(orders_.Ship(Buyer(kBuyer), order, {"조선우편", "123"}).error(), OrderError::transition_not_allowed);
  EXPECT_EQ(Get(order).status, OrderStatus::preparing);
  EXPECT_EQ(Get(order).carrier, "");
  for (const core::Actor& stranger : {Seller(kOtherOwner), Buyer(kBuyer), Buyer(kShopOwner)}) {
    EXPECT_EQ(orders_.ShopOrderCounts(stranger, shop_).error(), OrderError::order_not_found);
    EXPECT_EQ(orders_.ShopSales(stranger, shop_, 30).error(), OrderError::order_not_found);
    const std::array statuses = {OrderStatus::paid, OrderStatus::preparing};
    EXPECT_EQ(orders_.ShopOrdersIn(stranger, shop_, statuses).error(), OrderError::order_not_found);
  }
  EXPECT_TRUE(orders_.ShopOrderCounts(Admin(), shop_).has_value());
  EXPECT_TRUE(orders_.ShopSales(Admin(), shop_, 7).has_value());
}

TEST_F(FulfilmentTest, CountsEveryStatusAndListsTabsOfSeveralStatuses) {
  const core::OrderId paid = Place();
  const core::OrderId preparing = Place();
  Move(preparing, OrderEvent::prepare);
  const core::OrderId cancelled = Place();
  Move(cancelled, OrderEvent::cancel, Buyer(kBuyer));
  const core::OrderId cod = Place(1, PaymentMethod::cash_on_delivery);

  auto counts = orders_.ShopOrderCounts(Seller(kShopOwner), shop_).value();
  EXPECT_EQ(counts.size(), 11u);  // every status, zeros too
  EXPECT_EQ(counts[OrderStatus::paid], 1);
  EXPECT_EQ(counts[OrderStatus::preparing], 1);
  EXPECT_EQ(counts[OrderStatus::cancelled], 1);
  EXPECT_EQ(counts[OrderStatus::awaiting_payment], 1);
  EXPECT_EQ(counts[OrderStatus::shipped], 0);
  EXPECT_EQ(orders_.ShopOrderCounts(Seller(kOtherOwner), other_shop_).value()[OrderStatus::paid], 0);

  const std::array to_prepare = {OrderStatus::paid, OrderStatus::awaiting_payment};
  OrderPage tab = orders_.ShopOrdersIn(Seller(kShopOwner), shop_, to_prepare).value();
  EXPECT_EQ(tab.total, 2);
  ASSERT_EQ(tab.items.size(), 2u);
  EXPECT_EQ(tab.items[0].id, cod);  // newest first
  EXPECT_EQ(tab.items[1].id, paid);
  EXPECT_EQ(tab.items[0].lines.size(), 1u);
  const std::array gone = {OrderStatus::cancelled, OrderStatus::return_requested, OrderStatus::returned};
  OrderPage returns = orders_.ShopOrdersIn(Seller(kShopOwner), shop_, gone, 1, 1).value();
  EXPECT_EQ(returns.total, 1);
  ASSERT_EQ(returns.items.size(), 1u);
  EXPECT_EQ(returns.items[0].id, cancelled);
  EXPECT_EQ(orders_.ShopOrdersIn(Seller(kShopOwner), shop_, {}).value().total, 4);
  const std::array four = {OrderStatus::paid, OrderStatus::preparing, OrderStatus::shipped, OrderStatus::delivered};
  EXPECT_THROW((void)orders_.ShopOrdersIn(Seller(kShopOwner), shop_, four), std::invalid_argument);
}

TEST_F(FulfilmentTest, SalesPerDayTurnOverAtTheMarketplacesMidnight) {
  // The next midnight in the marketplace's zone after the fixture's start, found with the same
  // LocalDate that analytics' visits_today uses (no zone arithmetic of the test's own).
  std::int64_t midnight = core::ToUnixSeconds(clock_.Now());
  const std::string first_day = core::LocalDate(clock_.Now());
  while (core::LocalDate(core::FromUnixSeconds(midnight)) == first_day) midnight += 3600;
  while (core::LocalDate(core::FromUnixSeconds(midnight - 1)) != first_day) --midnight;
  clock_.Advance(std::chrono::seconds(midnight - 1 - core::ToUnixSeconds(clock_.Now())));
  Place(1);  // 10,000 won, the last second of the first day
  clock_.Advance(std::chrono::seconds(1));
  Place(2);                                  // 20,000 won, the first second of the next day
  Place(3);                                  // 30,000 won
  const core::OrderId cancelled = Place(4);  // not counted
  Move(cancelled, OrderEvent::cancel, Buyer(kBuyer));
  const std::string second_day = core::LocalDate(clock_.Now());
  clock_.Advance(std::chrono::days(2));  // two quiet days follow

  std::vector<DailySales> sales = orders_.ShopSales(Seller(kShopOwner), shop_, 5).value();
  ASSERT_EQ(sales.size(), 5u);
  EXPECT_EQ(sales[4].day, core::LocalDate(clock_.Now()));  // ends today
  EXPECT_EQ(sales[1].day, first_day);
  EXPECT_EQ(sales[1].orders, 1);
  EXPECT_EQ(sales[1].revenue_kpw, 10'000);
  EXPECT_EQ(sales[2].day, second_day);
  EXPECT_EQ(sales[2].orders, 2);
  EXPECT_EQ(sales[2].revenue_kpw, 50'000);
  for (std::size_t index : {0u, 3u, 4u}) {
    EXPECT_EQ(sales[index].orders, 0) << sales[index].day;
    EXPECT_EQ(sales[index].revenue_kpw, 0) << sales[index].day;
  }
  for (std::size_t index = 1; index < sales.size(); ++index) EXPECT_LT(sales[index - 1].day, sales[index].day);
  // A window of one day is today only; out-of-range windows are clamped.
  EXPECT_EQ(orders_.ShopSales(Seller(kShopOwner), shop_, 1).value().size(), 1u);
  EXPECT_EQ(orders_.ShopSales(Seller(kShopOwner), shop_, 0).value().size(), 1u);
  EXPECT_EQ(orders_.ShopSales(Seller(kShopOwner), shop_, 100'000).value().size(), 366u);
  // Another shop sold nothing.
  const auto other_sales = orders_.ShopSales(Seller(kOtherOwner), other_shop_, 5);
  for (const DailySales& day : other_sales.value()) {
    EXPECT_EQ(day.orders, 0);
  }
}

TEST_F(FulfilmentTest, SellerStatementShowsEachReleaseWithGrossFeeAndNet) {
  std::vector<core::OrderId> orders;
  for (std::int64_t quantity : {3, 1}) {
    const core::OrderId order = Place(quantity);
    Move(order, OrderEvent::prepare);
    ASSERT_TRUE(orders_.Ship(Seller(kShopOwner), order, {"조선우편", "1"}).has_value());
    Move(order, OrderEvent::deliver);
    Move(order, OrderEvent::confirm, Buyer(kBuyer));
    orders.push_back(order);
  }
  payments::WalletStatement statement = payments_.SellerStatement(shop_);
  EXPECT_EQ(statement.balance.amount, 29'100 + 9'700);
  EXPECT_EQ(statement.total, 2);
  ASSERT_EQ(statement.entries.size(), 2u);
  const payments::WalletEntry& newest = statement.entries[0];
  EXPECT_EQ(newest.kind, payments::TransferKind::release);
  EXPECT_EQ(newest.order, orders[1]);
  EXPECT_EQ(newest.gross, 10'000);
  EXPECT_EQ(newest.fee, 300);
  EXPECT_EQ(newest.amount, 9'700);
  EXPECT_EQ(statement.entries[1].order, orders[0]);
  EXPECT_EQ(statement.entries[1].gross, 30'000);
  EXPECT_EQ(statement.entries[1].fee, 900);
  EXPECT_EQ(statement.entries[1].amount, 29'100);
  // Pages.
  payments::WalletStatement second = payments_.SellerStatement(shop_, 2, 1);
  EXPECT_EQ(second.total, 2);
  ASSERT_EQ(second.entries.size(), 1u);
  EXPECT_EQ(second.entries[0].order, orders[0]);
  // Another shop's statement is its own: empty.
  EXPECT_EQ(payments_.SellerStatement(other_shop_).total, 0);
  EXPECT_EQ(payments_.SellerStatement(other_shop_).balance.amount, 0);
}

}  // namespace
}  // namespace manmulsang::orders
