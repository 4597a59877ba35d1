// The settings an admin changes (settings::SettingsService) take effect on the next order move
// and job run, without a restart: the orders read them from the store when they use them.

#include "buying_test_store.hpp"

namespace manmulsang::orders {
namespace {

using namespace std::chrono_literals;

class OrderSettingsTest : public BuyingTest {
 protected:
  void SetUp() override {
    shop_ = store_.AddShop(kShopOwner, "상점");
    product_ = store_.AddListing(shop_, 10'000, 10);
  }

  core::OrderId Place(PaymentMethod method, std::int64_t quantity = 1) {
    EXPECT_TRUE(cart_.AddItem(cart::CartOwner::Member(kBuyer), product_, quantity).has_value());
    auto receipt = orders_.Checkout(Command(kBuyer, method));
    EXPECT_TRUE(receipt.has_value());
    return receipt ? receipt->orders.front().id : core::OrderId{};
  }

  void Deliver(core::OrderId order) {
    for (OrderEvent event : {OrderEvent::prepare, OrderEvent::ship, OrderEvent::deliver}) {
      ASSERT_TRUE(orders_.Apply(Seller(kShopOwner), order, event).has_value()) << OrderEventName(event);
    }
  }

  // An admin saves the settings with change applied to what is stored now.
  void Change(void (*change)(settings::Settings&)) {
    const settings::StoredSettings stored = settings_.Current();
    settings::Settings values = stored.values;
    change(values);
    auto updated = settings_.Update(Admin(), stored.version, values, "운영 변경");
    ASSERT_TRUE(updated.has_value()) << settings::ErrorCode(updated.error());
  }

  std::int64_t FeeIncome() {
    return Count(
        "SELECT COALESCE(SUM(e.amount), 0) FROM ledger_entries e JOIN ledger_accounts a ON "
        "a.id = e.account_id WHERE a.kind = 'platform_fees'");
  }

  core::SellerId shop_;
  core::ProductId product_;
};

TEST_F(OrderSettingsTest, TheReleaseAppliesTheFeeInForceWhenTheOrderIsConfirmed) {
  store_.TopUp(kBuyer, 100'000);
  const core::OrderId before_change = Place(PaymentMethod::wallet, 3);  // 30,000 won
  Deliver(before_change);
  ASSERT_TRUE(orders_.Apply(Buyer(kBuyer), before_change, OrderEvent::confirm).has_value());
  EXPECT_EQ(payments::SellerBalance(store_.database(), shop_).amount, 29'100);  // the default 3 %
  EXPECT_EQ(FeeIncome(), 900);

  Change([](settings::Settings& values) { values.platform_fee_basis_points = 500; });
  const core::OrderId after_change = Place(PaymentMethod::wallet, 2);  // 20,000 won
  Deliver(after_change);
  ASSERT_TRUE(orders_.Apply(Buyer(kBuyer), after_change, OrderEvent::confirm).has_value());
  EXPECT_EQ(payments::SellerBalance(store_.database(), shop_).amount, 29'100 + 19'000);  // 5 %: 1,000
  EXPECT_EQ(FeeIncome(), 1'900);

  Change([](settings::Settings& values) { values.platform_fee_basis_points = 0; });
  const core::OrderId free = Place(PaymentMethod::wallet, 1);
  Deliver(free);
  ASSERT_TRUE(orders_.Apply(Buyer(kBuyer), free, OrderEvent::confirm).has_value());
  EXPECT_EQ(FeeIncome(), 1'900);
}

TEST_F(OrderSettingsTest, TheExpiryJobUsesTheDeadlineInForceAtItsRun) {
  const core::OrderId unpaid = Place(PaymentMethod::bank_transfer);
  clock_.Advance(5h);
  EXPECT_EQ(orders_.ExpireOverdueBankTransfers(), 0);  // 72 hours by default
  Change([](settings::Settings& values) { values.bank_transfer_deadline_hours = 4; });
  EXPECT_EQ(orders_.ExpireOverdueBankTransfers(), 1);
  EXPECT_EQ(orders_.GetOrder(Buyer(kBuyer), unpaid)->status, OrderStatus::cancelled);
  EXPECT_EQ(Stock(product_), 10);
}

TEST_F(OrderSettingsTest, TheAutoConfirmJobUsesTheDaysInForceAtItsRun) {
  store_.TopUp(kBuyer, 50'000);
  const core::OrderId order = Place(PaymentMethod::wallet);
  Deliver(order);
  clock_.Advance(50h);
  EXPECT_EQ(orders_.AutoConfirmDelivered(), 0);  // 7 days by default
  Change([](settings::Settings& values) { values.auto_confirm_days = 2; });
  EXPECT_EQ(orders_.AutoConfirmDelivered(), 1);
  EXPECT_EQ(orders_.GetOrder(Buyer(kBuyer), order)->status, OrderStatus::confirmed);
  EXPECT_EQ(payments::SellerBalance(store_.database(), shop_).amount, 9'700);
}

}  // namespace
}  // namespace manmulsang::orders
