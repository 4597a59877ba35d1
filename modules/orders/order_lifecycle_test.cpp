// The buyer's purchase confirmation from "shipped" and the auto-deliver job (issue 13): a parcel
// the shop never marks delivered is still settled, and the shop is paid exactly once whoever
// moves the order and in whatever order.

#include <atomic>
#include <thread>
#include <vector>

#include "buying_test_store.hpp"

namespace manmulsang::orders {
namespace {

using namespace std::chrono_literals;

class OrderLifecycleTest : public BuyingTest {
 protected:
  void SetUp() override {
    shop_ = store_.AddShop(kShopOwner, "상점");
    product_ = store_.AddListing(shop_, 10'000, 50);
  }

  // A paid (or cash-on-delivery) order of `quantity` units, prepared and shipped by the shop.
  core::OrderId Shipped(PaymentMethod method, std::int64_t quantity = 3) {
    if (method == PaymentMethod::wallet) store_.TopUp(kBuyer, quantity * 10'000);
    EXPECT_TRUE(cart_.AddItem(cart::CartOwner::Member(kBuyer), product_, quantity).has_value());
    auto receipt = orders_.Checkout(Command(kBuyer, method));
    EXPECT_TRUE(receipt.has_value());
    if (!receipt) return {};
    const core::OrderId order = receipt->orders.front().id;
    if (method == PaymentMethod::bank_transfer) {
      EXPECT_TRUE(orders_.Apply(Admin(), order, OrderEvent::confirm_payment, "입금 확인").has_value());
    }
    for (OrderEvent event : {OrderEvent::prepare, OrderEvent::ship}) {
      EXPECT_TRUE(orders_.Apply(Seller(kShopOwner), order, event).has_value()) << OrderEventName(event);
    }
    return order;
  }

  OrderStatus StatusOf(core::OrderId order) { return orders_.GetOrder(Admin(), order)->status; }

  std::int64_t Transfers(core::OrderId order, std::string_view kind) {
    return store_->Read([&](db::Connection& connection) {
      return connection
          .QueryOne("SELECT COUNT(*) FROM ledger_transfers WHERE order_id = $1 AND kind = $2", {order.value, kind})
          ->Int(0);
    });
  }

  std::int64_t HouseBalance(std::string_view kind) {
    return store_->Read([&](db::Connection& connection) {
      return connection
          .QueryOne(
              "SELECT COALESCE(SUM(e.amount), 0) FROM ledger_entries e JOIN ledger_accounts a ON a.id = e.account_id "
              "WHERE a.kind = $1",
              {kind})
          ->Int(0);
    });
  }

  std::int64_t ShopBalance() { return payments::SellerBalance(store_.database(), shop_).amount; }

  // The buyer confirms a shipped order of 30,000 won paid by method: one payment, one release,
  // the shop gets 29,100 (3 % fee: 900), escrow is empty, and the house's cash box has taken the
  // 30,000 once (the wallet's top-up, the bank deposit, or the cash paid at the door); a second
  // confirm moves nothing.
  void ConfirmFromShippedSettlesOnce(PaymentMethod method) {
    const core::OrderId order = Shipped(method);
    ASSERT_EQ(StatusOf(order), OrderStatus::shipped);
    auto confirmed = orders_.Apply(Buyer(kBuyer), order, OrderEvent::confirm);
    ASSERT_TRUE(confirmed.has_value()) << ErrorCode(confirmed.error());
    EXPECT_EQ(confirmed->status, OrderStatus::confirmed);
    EXPECT_EQ(confirmed->timeline.back().from, OrderStatus::shipped);
    EXPECT_EQ(confirmed->timeline.back().party, Party::buyer);
    EXPECT_EQ(Transfers(order, "payment"), 1);
    EXPECT_EQ(Transfers(order, "release"), 1);
    EXPECT_EQ(ShopBalance(), 29'100);
    EXPECT_EQ(HouseBalance("platform_fees"), 900);
    EXPECT_EQ(HouseBalance("escrow"), 0);
    EXPECT_EQ(HouseBalance("cash"), -30'000);

    // Again, and every other move the shop or the jobs could try: nothing more moves.
    EXPECT_EQ(orders_.Apply(Buyer(kBuyer), order, OrderEvent::confirm).error(), OrderError::transition_not_allowed);
    EXPECT_EQ(orders_.Apply(Seller(kShopOwner), order, OrderEvent::deliver).error(),
              OrderError::transition_not_allowed);
    clock_.Advance(90 * 24h);
    EXPECT_EQ(orders_.AutoDeliverShipped(), 0);
    EXPECT_EQ(orders_.AutoConfirmDelivered(), 0);
    EXPECT_EQ(Transfers(order, "payment"), 1);
    EXPECT_EQ(Transfers(order, "release"), 1);
    EXPECT_EQ(ShopBalance(), 29'100);
    EXPECT_EQ(HouseBalance("cash"), -30'000);
  }

  core::SellerId shop_;
  core::ProductId product_;
};

TEST_F(OrderLifecycleTest, TheBuyerConfirmsAShippedWalletOrder) {
  ConfirmFromShippedSettlesOnce(PaymentMethod::wallet);
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 0);
}

TEST_F(OrderLifecycleTest, TheBuyerConfirmsAShippedBankTransferOrder) {
  ConfirmFromShippedSettlesOnce(PaymentMethod::bank_transfer);
}

// Cash on delivery: the shop never recorded the cash (that is its deliver), so the confirm
// records the cash the buyer paid at the door before it releases escrow.
TEST_F(OrderLifecycleTest, TheBuyerConfirmsAShippedCashOnDeliveryOrderAndTheCashIsRecordedFirst) {
  ConfirmFromShippedSettlesOnce(PaymentMethod::cash_on_delivery);
}

TEST_F(OrderLifecycleTest, NothingIsConfirmedBeforeShipment) {
  store_.TopUp(kBuyer, 100'000);
  ASSERT_TRUE(cart_.AddItem(cart::CartOwner::Member(kBuyer), product_, 1).has_value());
  const core::OrderId paid = orders_.Checkout(Command(kBuyer))->orders.front().id;
  ASSERT_TRUE(cart_.AddItem(cart::CartOwner::Member(kBuyer), product_, 1).has_value());
  const core::OrderId cod = orders_.Checkout(Command(kBuyer, PaymentMethod::cash_on_delivery))->orders.front().id;
  ASSERT_TRUE(cart_.AddItem(cart::CartOwner::Member(kBuyer), product_, 1).has_value());
  const core::OrderId unpaid = orders_.Checkout(Command(kBuyer, PaymentMethod::bank_transfer))->orders.front().id;
  const auto refused = [&](core::OrderId order) {
    EXPECT_EQ(orders_.Apply(Buyer(kBuyer), order, OrderEvent::confirm).error(), OrderError::transition_not_allowed);
  };
  refused(paid);
  refused(cod);
  refused(unpaid);
  ASSERT_TRUE(orders_.Apply(Seller(kShopOwner), paid, OrderEvent::prepare).has_value());
  ASSERT_TRUE(orders_.Apply(Seller(kShopOwner), cod, OrderEvent::prepare).has_value());
  refused(paid);
  refused(cod);
  EXPECT_EQ(StatusOf(paid), OrderStatus::preparing);
  EXPECT_EQ(StatusOf(cod), OrderStatus::preparing);
  EXPECT_EQ(StatusOf(unpaid), OrderStatus::awaiting_payment);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM ledger_transfers WHERE kind = 'release'"), 0);
  EXPECT_EQ(Transfers(cod, "payment"), 0);
  EXPECT_EQ(ShopBalance(), 0);
}

// Only the buyer confirms a shipped order: another member does not see it, and neither the shop
// nor an admin confirms a parcel on the buyer's behalf before it is delivered.
TEST_F(OrderLifecycleTest, OnlyTheBuyerConfirmsAShippedOrder) {
  const core::OrderId order = Shipped(PaymentMethod::cash_on_delivery);
  EXPECT_EQ(orders_.Apply(Buyer(core::UserId{101}), order, OrderEvent::confirm).error(), OrderError::order_not_found);
  EXPECT_EQ(orders_.Apply(Seller(core::UserId{3}), order, OrderEvent::confirm).error(), OrderError::order_not_found);
  EXPECT_EQ(orders_.Apply(Seller(kShopOwner), order, OrderEvent::confirm).error(), OrderError::transition_not_allowed);
  EXPECT_EQ(orders_.Apply(Admin(), order, OrderEvent::confirm).error(), OrderError::transition_not_allowed);
  EXPECT_EQ(orders_.ApplyAsSystem(order, OrderEvent::confirm).error(), OrderError::transition_not_allowed);
  EXPECT_EQ(StatusOf(order), OrderStatus::shipped);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM ledger_transfers"), 0);
  EXPECT_EQ(ShopBalance(), 0);
}

TEST_F(OrderLifecycleTest, ShippedOrdersAreDeliveredAfterTheConfiguredDaysThenConfirmed) {
  const core::OrderId first = Shipped(PaymentMethod::wallet, 1);
  clock_.Advance(24h);
  const core::OrderId second = Shipped(PaymentMethod::bank_transfer, 1);
  const core::OrderId cod = Shipped(PaymentMethod::cash_on_delivery, 1);
  // 14 days by default: at 14 days after the first shipment only the first is due.
  clock_.Advance(13 * 24h);
  EXPECT_EQ(orders_.AutoDeliverShipped(), 1);
  EXPECT_EQ(StatusOf(first), OrderStatus::delivered);
  EXPECT_EQ(StatusOf(second), OrderStatus::shipped);
  const Order delivered = orders_.GetOrder(Buyer(kBuyer), first).value();
  EXPECT_EQ(delivered.timeline.back().from, OrderStatus::shipped);
  EXPECT_EQ(delivered.timeline.back().party, Party::system);
  EXPECT_EQ(orders_.AutoDeliverShipped(), 0);  // once
  clock_.Advance(24h);
  EXPECT_EQ(orders_.AutoDeliverShipped(), 1);
  EXPECT_EQ(StatusOf(second), OrderStatus::delivered);
  // Cash on delivery is never delivered by the job: that would record cash nobody saw.
  clock_.Advance(60 * 24h);
  EXPECT_EQ(orders_.AutoDeliverShipped(), 0);
  EXPECT_EQ(StatusOf(cod), OrderStatus::shipped);
  EXPECT_EQ(Transfers(cod, "payment"), 0);
  EXPECT_EQ(ShopBalance(), 0);  // delivered is not paid yet

  // The auto-confirm window starts at the delivery: it then settles both, once.
  EXPECT_EQ(orders_.AutoConfirmDelivered(), 2);
  EXPECT_EQ(StatusOf(first), OrderStatus::confirmed);
  EXPECT_EQ(StatusOf(second), OrderStatus::confirmed);
  EXPECT_EQ(ShopBalance(), 2 * 9'700);
  EXPECT_EQ(orders_.AutoConfirmDelivered(), 0);
  EXPECT_EQ(ShopBalance(), 2 * 9'700);
  // The buyer who has the cash-on-delivery parcel settles it.
  ASSERT_TRUE(orders_.Apply(Buyer(kBuyer), cod, OrderEvent::confirm).has_value());
  EXPECT_EQ(ShopBalance(), 3 * 9'700);
}

TEST_F(OrderLifecycleTest, TheAutoDeliverJobUsesTheDaysInForceAtItsRun) {
  const core::OrderId order = Shipped(PaymentMethod::wallet, 1);
  clock_.Advance(4 * 24h);
  EXPECT_EQ(orders_.AutoDeliverShipped(), 0);
  const settings::StoredSettings stored = settings_.Current();
  settings::Settings values = stored.values;
  values.auto_deliver_days = 3;
  ASSERT_TRUE(settings_.Update(Admin(), stored.version, values, "빠른 정산").has_value());
  EXPECT_EQ(orders_.AutoDeliverShipped(), 1);
  EXPECT_EQ(StatusOf(order), OrderStatus::delivered);
}

// Several nodes run the job while the buyer confirms: each order is settled once, whether the
// buyer confirmed it from shipped or, after the job delivered it, from delivered.
TEST_F(OrderLifecycleTest, TheBuyerConfirmingWhileTheJobRunsPaysTheShopOnce) {
  std::vector<core::OrderId> orders;
  for (PaymentMethod method :
       {PaymentMethod::wallet, PaymentMethod::bank_transfer, PaymentMethod::cash_on_delivery, PaymentMethod::wallet}) {
    orders.push_back(Shipped(method, 1));
  }
  clock_.Advance(30 * 24h);
  std::atomic<int> delivered = 0;
  std::vector<std::thread> threads;
  for (int node = 0; node < 3; ++node) {
    threads.emplace_back([&] { delivered += orders_.AutoDeliverShipped(); });
  }
  std::atomic<int> confirmed = 0;
  threads.emplace_back([&] {
    for (core::OrderId order : orders) {
      if (orders_.Apply(Buyer(kBuyer), order, OrderEvent::confirm)) ++confirmed;
    }
  });
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(confirmed, 4);
  EXPECT_LE(delivered, 3);  // the cash-on-delivery order is never the job's
  for (core::OrderId order : orders) {
    EXPECT_EQ(StatusOf(order), OrderStatus::confirmed);
    EXPECT_EQ(Transfers(order, "payment"), 1);
    EXPECT_EQ(Transfers(order, "release"), 1);
  }
  EXPECT_EQ(ShopBalance(), 4 * 9'700);
  EXPECT_EQ(HouseBalance("escrow"), 0);
  EXPECT_EQ(orders_.AutoDeliverShipped(), 0);
  EXPECT_EQ(orders_.AutoConfirmDelivered(), 0);
  EXPECT_EQ(ShopBalance(), 4 * 9'700);
}

}  // namespace
}  // namespace manmulsang::orders
