// Who hears of an order: the shop's owner of a new order, a confirmed deposit and a return asked
// for; the buyer of what the shop or the marketplace did to it — in the move's own transaction.

#include "buying_test_store.hpp"
#include "manmulsang/notifications/notifications.hpp"

namespace manmulsang::orders {
namespace {

using notifications::Kind;

class OrderNotificationsTest : public BuyingTest {
 protected:
  void SetUp() override {
    shop_ = store_.AddShop(kShopOwner, "상점");
    product_ = store_.AddListing(shop_, 10'000, 100);
    store_.TopUp(kBuyer, 1'000'000);
  }

  core::OrderId Place(PaymentMethod method = PaymentMethod::wallet) {
    EXPECT_TRUE(cart_.AddItem(cart::CartOwner::Member(kBuyer), product_, 1).has_value());
    auto receipt = orders_.Checkout(Command(kBuyer, method));
    EXPECT_TRUE(receipt.has_value()) << ErrorCode(receipt.error().error);
    return receipt ? receipt->orders.front().id : core::OrderId{};
  }

  // The member's notifications, newest first, as kinds.
  std::vector<Kind> KindsOf(core::UserId member) {
    std::vector<Kind> kinds;
    for (const notifications::Notification& notification : notifications_.List(member).items) {
      kinds.push_back(notification.kind);
    }
    return kinds;
  }

  notifications::NotificationService& notifications_ = store_.services().notifications;
  core::SellerId shop_;
  core::ProductId product_;
};

TEST_F(OrderNotificationsTest, TheShopHearsOfTheOrderAndTheBuyerOfItsShipping) {
  const core::OrderId order = Place();
  ASSERT_EQ(KindsOf(kShopOwner), std::vector<Kind>{Kind::order_placed});
  const notifications::Notification placed = notifications_.List(kShopOwner).items.at(0);
  EXPECT_EQ(placed.subject, std::to_string(order.value));
  EXPECT_EQ(placed.link, "/seller/orders/" + std::to_string(order.value));
  EXPECT_TRUE(KindsOf(kBuyer).empty());  // the buyer placed it

  ASSERT_TRUE(orders_.Apply(Seller(kShopOwner), order, OrderEvent::prepare).has_value());
  ASSERT_TRUE(orders_.Ship(Seller(kShopOwner), order, {"조선우편", "123"}).has_value());
  ASSERT_TRUE(orders_.Apply(Seller(kShopOwner), order, OrderEvent::deliver).has_value());
  EXPECT_EQ(KindsOf(kBuyer), (std::vector<Kind>{Kind::order_delivered, Kind::order_shipped}));
  EXPECT_EQ(notifications_.List(kBuyer).items.at(0).link, "/orders/" + std::to_string(order.value));

  ASSERT_TRUE(orders_.Apply(Buyer(kBuyer), order, OrderEvent::request_return).has_value());
  EXPECT_EQ(KindsOf(kShopOwner).front(), Kind::return_requested);
  ASSERT_TRUE(orders_.Apply(Seller(kShopOwner), order, OrderEvent::accept_return).has_value());
  EXPECT_EQ(KindsOf(kBuyer).front(), Kind::order_returned);
}

TEST_F(OrderNotificationsTest, NoPartyIsToldOfItsOwnMove) {
  const core::OrderId by_buyer = Place(PaymentMethod::bank_transfer);
  ASSERT_TRUE(orders_.Apply(Buyer(kBuyer), by_buyer, OrderEvent::cancel).has_value());
  EXPECT_TRUE(KindsOf(kBuyer).empty());

  const core::OrderId by_shop = Place();
  ASSERT_TRUE(orders_.Apply(Seller(kShopOwner), by_shop, OrderEvent::cancel).has_value());
  EXPECT_EQ(KindsOf(kBuyer), std::vector<Kind>{Kind::order_cancelled});
}

TEST_F(OrderNotificationsTest, ACheckoutThatRollsBackLeavesNoNotification) {
  // Two shops: the first order is placed (and its shop told) before the second finds the wallet
  // short, and the whole checkout, the first shop's notification with it, rolls back.
  constexpr core::UserId kSecondOwner{3};
  constexpr core::UserId kShortBuyer{101};
  const core::SellerId dear_shop = store_.AddShop(kSecondOwner, "비싼 상점");
  const core::ProductId dear = store_.AddListing(dear_shop, 900'000, 5);
  store_.TopUp(kShortBuyer, 50'000);
  ASSERT_TRUE(cart_.AddItem(cart::CartOwner::Member(kShortBuyer), product_, 1).has_value());
  ASSERT_TRUE(cart_.AddItem(cart::CartOwner::Member(kShortBuyer), dear, 1).has_value());
  auto refused = orders_.Checkout(Command(kShortBuyer));
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().error, OrderError::insufficient_funds);
  EXPECT_TRUE(KindsOf(kShopOwner).empty());
  EXPECT_TRUE(KindsOf(kSecondOwner).empty());
}

TEST_F(OrderNotificationsTest, AShopOwnerWhoTurnedNewOrdersOffGetsNone) {
  const notifications::Preference off[] = {{Kind::order_placed, false}};
  notifications_.SetPreferences(kShopOwner, off);
  Place();
  EXPECT_TRUE(KindsOf(kShopOwner).empty());
}

}  // namespace
}  // namespace manmulsang::orders
