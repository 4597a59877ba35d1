#include <atomic>
#include <thread>
#include <vector>

#include "buying_test_store.hpp"

namespace manmulsang::orders {
namespace {

class OrderServiceTest : public BuyingTest {
 protected:
  void SetUp() override {
    shop_ = store_.AddShop(kShopOwner, "상점");
    product_ = store_.AddListing(shop_, 10'000, 10);
  }

  core::OrderId Place(PaymentMethod method, std::int64_t quantity = 2) {
    EXPECT_TRUE(cart_.AddItem(cart::CartOwner::Member(kBuyer), product_, quantity).has_value());
    auto receipt = orders_.Checkout(Command(kBuyer, method));
    EXPECT_TRUE(receipt.has_value()) << ErrorCode(receipt.error().error);
    return receipt ? receipt->orders.front().id : core::OrderId{};
  }

  OrderStatus StatusAfter(const core::Actor& actor, core::OrderId order, OrderEvent event) {
    auto moved = orders_.Apply(actor, order, event);
    EXPECT_TRUE(moved.has_value()) << OrderEventName(event) << ": " << ErrorCode(moved.error());
    return moved ? moved->status : OrderStatus::awaiting_payment;
  }

  core::SellerId shop_;
  core::ProductId product_;
};

TEST_F(OrderServiceTest, CancelBeforeShipmentRestoresStockAndMoney) {
  store_.TopUp(kBuyer, 50'000);
  const core::OrderId order = Place(PaymentMethod::wallet);
  EXPECT_EQ(Stock(product_), 8);
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 30'000);
  EXPECT_EQ(StatusAfter(Seller(kShopOwner), order, OrderEvent::prepare), OrderStatus::preparing);
  EXPECT_EQ(StatusAfter(Buyer(kBuyer), order, OrderEvent::cancel), OrderStatus::cancelled);
  EXPECT_EQ(Stock(product_), 10);
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 50'000);
  auto cancelled = orders_.GetOrder(Buyer(kBuyer), order).value();
  ASSERT_EQ(cancelled.timeline.size(), 4u);
  EXPECT_EQ(cancelled.timeline[3].party, Party::buyer);
  // Once is enough: a second cancel changes nothing.
  EXPECT_EQ(orders_.Apply(Buyer(kBuyer), order, OrderEvent::cancel).error(), OrderError::transition_not_allowed);
  EXPECT_EQ(Stock(product_), 10);
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 50'000);
}

TEST_F(OrderServiceTest, NoCancelAfterShipment) {
  store_.TopUp(kBuyer, 50'000);
  const core::OrderId order = Place(PaymentMethod::wallet);
  StatusAfter(Seller(kShopOwner), order, OrderEvent::prepare);
  StatusAfter(Seller(kShopOwner), order, OrderEvent::ship);
  EXPECT_EQ(orders_.Apply(Buyer(kBuyer), order, OrderEvent::cancel).error(), OrderError::transition_not_allowed);
  EXPECT_EQ(Stock(product_), 8);
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 30'000);
}

TEST_F(OrderServiceTest, ConfirmationReleasesEscrowToTheShopMinusTheFee) {
  store_.TopUp(kBuyer, 50'000);
  const core::OrderId order = Place(PaymentMethod::wallet, 3);  // 30,000 won
  // The buyer cannot prepare their own order, nor confirm it before it has shipped.
  EXPECT_EQ(orders_.Apply(Buyer(kBuyer), order, OrderEvent::prepare).error(), OrderError::transition_not_allowed);
  EXPECT_EQ(orders_.Apply(Buyer(kBuyer), order, OrderEvent::confirm).error(), OrderError::transition_not_allowed);
  StatusAfter(Seller(kShopOwner), order, OrderEvent::prepare);
  EXPECT_EQ(orders_.Apply(Buyer(kBuyer), order, OrderEvent::confirm).error(), OrderError::transition_not_allowed);
  StatusAfter(Seller(kShopOwner), order, OrderEvent::ship);
  StatusAfter(Seller(kShopOwner), order, OrderEvent::deliver);
  EXPECT_EQ(payments::SellerBalance(store_.database(), shop_).amount, 0);
  EXPECT_EQ(StatusAfter(Buyer(kBuyer), order, OrderEvent::confirm), OrderStatus::confirmed);
  EXPECT_EQ(payments::SellerBalance(store_.database(), shop_).amount, 29'100);  // 3 % fee: 900
  EXPECT_EQ(Count("SELECT COALESCE(SUM(e.amount), 0) FROM ledger_entries e JOIN ledger_accounts a ON "
                  "a.id = e.account_id WHERE a.kind = 'platform_fees'"),
            900);
  EXPECT_EQ(Count("SELECT COALESCE(SUM(e.amount), 0) FROM ledger_entries e JOIN ledger_accounts a ON "
                  "a.id = e.account_id WHERE a.kind = 'escrow'"),
            0);
  EXPECT_EQ(orders_.Apply(Buyer(kBuyer), order, OrderEvent::cancel).error(), OrderError::transition_not_allowed);
}

TEST_F(OrderServiceTest, CashOnDeliveryIsPaidAtTheDoor) {
  const core::OrderId order = Place(PaymentMethod::cash_on_delivery);
  EXPECT_EQ(orders_.Apply(Admin(), order, OrderEvent::confirm_payment).error(), OrderError::transition_not_allowed);
  StatusAfter(Seller(kShopOwner), order, OrderEvent::prepare);
  StatusAfter(Seller(kShopOwner), order, OrderEvent::ship);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM ledger_transfers WHERE kind = 'payment'"), 0);
  StatusAfter(Seller(kShopOwner), order, OrderEvent::deliver);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM ledger_transfers WHERE kind = 'payment'"), 1);
  EXPECT_EQ(StatusAfter(Buyer(kBuyer), order, OrderEvent::confirm), OrderStatus::confirmed);
  EXPECT_EQ(payments::SellerBalance(store_.database(), shop_).amount, 19'400);
}

TEST_F(OrderServiceTest, UnpaidCashOnDeliveryCancelRestocksWithoutMoney) {
  const core::OrderId order = Place(PaymentMethod::cash_on_delivery);
  StatusAfter(Seller(kShopOwner), order, OrderEvent::prepare);
  EXPECT_EQ(StatusAfter(Seller(kShopOwner), order, OrderEvent::cancel), OrderStatus::cancelled);
  EXPECT_EQ(Stock(product_), 10);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM ledger_transfers"), 0);
}

TEST_F(OrderServiceTest, BankTransferAwaitsTheAdminOrExpires) {
  const core::OrderId confirmed = Place(PaymentMethod::bank_transfer);
  const core::OrderId expired = Place(PaymentMethod::bank_transfer, 1);
  EXPECT_EQ(Stock(product_), 7);
  EXPECT_EQ(orders_.Apply(Seller(kShopOwner), confirmed, OrderEvent::prepare).error(),
            OrderError::transition_not_allowed);
  EXPECT_EQ(orders_.Apply(Buyer(kBuyer), confirmed, OrderEvent::confirm_payment).error(),
            OrderError::transition_not_allowed);
  EXPECT_EQ(StatusAfter(Admin(), confirmed, OrderEvent::confirm_payment), OrderStatus::paid);
  EXPECT_EQ(orders_.ApplyAsSystem(confirmed, OrderEvent::expire).error(), OrderError::transition_not_allowed);
  EXPECT_EQ(orders_.ApplyAsSystem(expired, OrderEvent::expire)->status, OrderStatus::cancelled);
  EXPECT_EQ(Stock(product_), 8);
  // A confirmed deposit cancelled afterwards goes back to the buyer's wallet.
  EXPECT_EQ(StatusAfter(Buyer(kBuyer), confirmed, OrderEvent::cancel), OrderStatus::cancelled);
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 20'000);
  EXPECT_EQ(Stock(product_), 10);
}

TEST_F(OrderServiceTest, ReturnRefundsAndRestocks) {
  store_.TopUp(kBuyer, 20'000);
  const core::OrderId order = Place(PaymentMethod::wallet);
  StatusAfter(Seller(kShopOwner), order, OrderEvent::prepare);
  StatusAfter(Seller(kShopOwner), order, OrderEvent::ship);
  StatusAfter(Seller(kShopOwner), order, OrderEvent::deliver);
  EXPECT_EQ(StatusAfter(Buyer(kBuyer), order, OrderEvent::request_return), OrderStatus::return_requested);
  EXPECT_EQ(StatusAfter(Seller(kShopOwner), order, OrderEvent::accept_return), OrderStatus::returned);
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 20'000);
  EXPECT_EQ(Stock(product_), 10);
}

TEST_F(OrderServiceTest, AMovesNoteIsCheckedByTheService) {
  const core::OrderId order = Place(PaymentMethod::cash_on_delivery);
  EXPECT_EQ(orders_.Apply(Buyer(kBuyer), order, OrderEvent::cancel, std::string(kMaxOrderNote + 1, 'a')).error(),
            OrderError::invalid_note);
  EXPECT_EQ(orders_.GetOrder(Buyer(kBuyer), order)->status, OrderStatus::awaiting_payment);
  // A stranger learns nothing from the note: not found comes first.
  EXPECT_EQ(orders_.Apply(Buyer(core::UserId{999}), order, OrderEvent::cancel, std::string(500, 'a')).error(),
            OrderError::order_not_found);
  auto cancelled = orders_.Apply(Buyer(kBuyer), order, OrderEvent::cancel, std::string(kMaxOrderNote, 'a'));
  ASSERT_TRUE(cancelled.has_value());
  EXPECT_EQ(cancelled->timeline.back().note, std::string(kMaxOrderNote, 'a'));
}

// The wallet payment at checkout is the table's pay_from_wallet move: a timeline step by the
// buyer, and no way to run it again or on an order paid otherwise.
TEST_F(OrderServiceTest, TheWalletPaymentIsAMoveOfTheTable) {
  store_.TopUp(kBuyer, 50'000);
  const core::OrderId order = Place(PaymentMethod::wallet);
  auto paid = orders_.GetOrder(Buyer(kBuyer), order).value();
  EXPECT_EQ(paid.status, OrderStatus::paid);
  ASSERT_EQ(paid.timeline.size(), 2u);
  EXPECT_EQ(paid.timeline[1].from, OrderStatus::awaiting_payment);
  EXPECT_EQ(paid.timeline[1].to, OrderStatus::paid);
  EXPECT_EQ(paid.timeline[1].party, Party::buyer);
  EXPECT_EQ(paid.timeline[1].note, "wallet");
  EXPECT_EQ(orders_.Apply(Buyer(kBuyer), order, OrderEvent::pay_from_wallet).error(),
            OrderError::transition_not_allowed);
  const core::OrderId cash = Place(PaymentMethod::cash_on_delivery, 1);
  EXPECT_EQ(orders_.Apply(Buyer(kBuyer), cash, OrderEvent::pay_from_wallet).error(),
            OrderError::transition_not_allowed);
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 30'000);
}

TEST_F(OrderServiceTest, OthersSeeNoOrder) {
  store_.TopUp(kBuyer, 20'000);
  const core::OrderId order = Place(PaymentMethod::wallet);
  const core::Actor stranger = Buyer(core::UserId{999});
  EXPECT_EQ(orders_.GetOrder(stranger, order).error(), OrderError::order_not_found);
  EXPECT_EQ(orders_.Apply(stranger, order, OrderEvent::cancel).error(), OrderError::order_not_found);
  EXPECT_EQ(orders_.GetOrder(Seller(core::UserId{3}), order).error(), OrderError::order_not_found);
  EXPECT_EQ(orders_.GetOrder(core::Actor{}, order).error(), OrderError::order_not_found);
  EXPECT_EQ(orders_.GetOrder(Buyer(kBuyer), core::OrderId{4242}).error(), OrderError::order_not_found);
  EXPECT_TRUE(orders_.GetOrder(Seller(kShopOwner), order).has_value());
  EXPECT_TRUE(orders_.GetOrder(Admin(), order).has_value());
  EXPECT_EQ(orders_.BuyerOrders(core::UserId{999}).total, 0);
}

}  // namespace
}  // namespace manmulsang::orders

namespace manmulsang::orders {
namespace {

using namespace std::chrono_literals;

class OrderJobsTest : public BuyingTest {};

TEST_F(OrderJobsTest, UnpaidBankTransfersExpireAfterTheDeadline) {
  const core::ProductId product = store_.AddListing(store_.AddShop(kShopOwner, "상점"), 10'000, 5);
  ASSERT_TRUE(cart_.AddItem(cart::CartOwner::Member(kBuyer), product, 2).has_value());
  const core::OrderId unpaid = orders_.Checkout(Command(kBuyer, PaymentMethod::bank_transfer))->orders[0].id;
  ASSERT_TRUE(cart_.AddItem(cart::CartOwner::Member(kBuyer), product, 1).has_value());
  const core::OrderId paid = orders_.Checkout(Command(kBuyer, PaymentMethod::bank_transfer))->orders[0].id;
  ASSERT_TRUE(cart_.AddItem(cart::CartOwner::Member(kBuyer), product, 1).has_value());
  const core::OrderId cod = orders_.Checkout(Command(kBuyer, PaymentMethod::cash_on_delivery))->orders[0].id;
  ASSERT_TRUE(orders_.Apply(Admin(), paid, OrderEvent::confirm_payment).has_value());
  EXPECT_EQ(Stock(product), 1);

  clock_.Advance(71h);
  EXPECT_EQ(orders_.ExpireOverdueBankTransfers(), 0);
  clock_.Advance(1h);
  EXPECT_EQ(orders_.ExpireOverdueBankTransfers(), 1);
  EXPECT_EQ(orders_.GetOrder(Buyer(kBuyer), unpaid)->status, OrderStatus::cancelled);
  EXPECT_EQ(orders_.GetOrder(Buyer(kBuyer), paid)->status, OrderStatus::paid);
  EXPECT_EQ(orders_.GetOrder(Buyer(kBuyer), cod)->status, OrderStatus::awaiting_payment);
  EXPECT_EQ(Stock(product), 3);
  EXPECT_EQ(orders_.GetOrder(Buyer(kBuyer), unpaid)->timeline.back().party, Party::system);
  EXPECT_EQ(orders_.ExpireOverdueBankTransfers(), 0);
}

TEST_F(OrderJobsTest, DeliveredOrdersAreConfirmedAfterTheConfiguredDays) {
  const core::SellerId shop = store_.AddShop(kShopOwner, "상점");
  const core::ProductId product = store_.AddListing(shop, 10'000, 5);
  store_.TopUp(kBuyer, 100'000);
  std::vector<core::OrderId> placed;
  for (int index = 0; index < 2; ++index) {
    ASSERT_TRUE(cart_.AddItem(cart::CartOwner::Member(kBuyer), product, 1).has_value());
    placed.push_back(orders_.Checkout(Command(kBuyer))->orders[0].id);
    for (OrderEvent event : {OrderEvent::prepare, OrderEvent::ship, OrderEvent::deliver}) {
      ASSERT_TRUE(orders_.Apply(Seller(kShopOwner), placed.back(), event).has_value());
    }
    clock_.Advance(24h);
  }
  // The first was delivered 7 days ago at the second run; the second a day later.
  clock_.Advance(5 * 24h);
  EXPECT_EQ(orders_.AutoConfirmDelivered(), 1);
  EXPECT_EQ(orders_.GetOrder(Buyer(kBuyer), placed[0])->status, OrderStatus::confirmed);
  EXPECT_EQ(orders_.GetOrder(Buyer(kBuyer), placed[1])->status, OrderStatus::delivered);
  EXPECT_EQ(payments::SellerBalance(store_.database(), shop).amount, 9'700);
  clock_.Advance(24h);
  EXPECT_EQ(orders_.AutoConfirmDelivered(), 1);
  EXPECT_EQ(payments::SellerBalance(store_.database(), shop).amount, 19'400);
}

TEST_F(OrderJobsTest, JobsRunByManyNodesAtOnceMoveEachOrderOnce) {
  const core::SellerId shop = store_.AddShop(kShopOwner, "상점");
  const core::ProductId product = store_.AddListing(shop, 10'000, 20);
  store_.TopUp(kBuyer, 100'000);
  for (int index = 0; index < 4; ++index) {
    ASSERT_TRUE(cart_.AddItem(cart::CartOwner::Member(kBuyer), product, 1).has_value());
    const core::OrderId order = orders_.Checkout(Command(kBuyer))->orders[0].id;
    for (OrderEvent event : {OrderEvent::prepare, OrderEvent::ship, OrderEvent::deliver}) {
      ASSERT_TRUE(orders_.Apply(Seller(kShopOwner), order, event).has_value());
    }
  }
  for (int index = 0; index < 3; ++index) {
    ASSERT_TRUE(cart_.AddItem(cart::CartOwner::Member(kBuyer), product, 2).has_value());
    ASSERT_TRUE(orders_.Checkout(Command(kBuyer, PaymentMethod::bank_transfer)).has_value());
  }
  EXPECT_EQ(Stock(product), 20 - 4 - 6);
  clock_.Advance(30 * 24h);
  // Several nodes' timers fire together: whoever takes each job's lock moves the orders; the
  // conditional moves let no order be confirmed (paid out) or expired (restocked) twice.
  std::atomic<int> confirmed = 0;
  std::atomic<int> expired = 0;
  std::vector<std::thread> nodes;
  for (int node = 0; node < 4; ++node) {
    nodes.emplace_back([&] {
      confirmed += orders_.AutoConfirmDelivered();
      expired += orders_.ExpireOverdueBankTransfers();
    });
  }
  for (std::thread& node : nodes) node.join();
  EXPECT_EQ(confirmed, 4);
  EXPECT_EQ(expired, 3);
  EXPECT_EQ(Stock(product), 20 - 4);
  EXPECT_EQ(payments::SellerBalance(store_.database(), shop).amount, 4 * 9'700);
  EXPECT_EQ(orders_.AutoConfirmDelivered(), 0);
  EXPECT_EQ(orders_.ExpireOverdueBankTransfers(), 0);
}

}  // namespace
}  // namespace manmulsang::orders

namespace manmulsang::orders {
namespace {

class ShopOrdersTest : public BuyingTest {};

TEST_F(ShopOrdersTest, OnlyTheOwnerOrAnAdminSeesAShopsOrders) {
  const core::SellerId mine = store_.AddShop(kShopOwner, "내 상점");
  const core::SellerId theirs = store_.AddShop(core::UserId{3}, "남의 상점");
  const core::ProductId a = store_.AddListing(mine, 1'000, 10);
  const core::ProductId b = store_.AddListing(theirs, 2'000, 10);
  for (int round = 0; round < 3; ++round) {
    ASSERT_TRUE(cart_.AddItem(cart::CartOwner::Member(kBuyer), a, 1).has_value());
    ASSERT_TRUE(cart_.AddItem(cart::CartOwner::Member(kBuyer), b, 1).has_value());
    ASSERT_TRUE(orders_.Checkout(Command(kBuyer, PaymentMethod::cash_on_delivery)).has_value());
  }
  auto page = orders_.ShopOrders(Seller(kShopOwner), mine, std::nullopt, 1, 2);
  ASSERT_TRUE(page.has_value());
  EXPECT_EQ(page->total, 3);
  ASSERT_EQ(page->items.size(), 2u);
  EXPECT_EQ(page->items[0].seller, mine);
  EXPECT_EQ(page->items[0].lines.size(), 1u);
  ASSERT_TRUE(orders_.Apply(Seller(kShopOwner), page->items[0].id, OrderEvent::prepare).has_value());
  EXPECT_EQ(orders_.ShopOrders(Seller(kShopOwner), mine, OrderStatus::preparing)->total, 1);
  EXPECT_EQ(orders_.ShopOrders(Seller(kShopOwner), mine, OrderStatus::awaiting_payment)->total, 2);
  EXPECT_EQ(orders_.ShopOrders(Seller(kShopOwner), theirs, std::nullopt).error(), OrderError::order_not_found);
  EXPECT_EQ(orders_.ShopOrders(Buyer(kBuyer), mine, std::nullopt).error(), OrderError::order_not_found);
  EXPECT_EQ(orders_.ShopOrders(Admin(), theirs, std::nullopt)->total, 3);
  // Another shop's owner cannot move this shop's orders either.
  EXPECT_EQ(orders_.Apply(Seller(core::UserId{3}), page->items[1].id, OrderEvent::prepare).error(),
            OrderError::order_not_found);
}

// A row the code cannot read is a broken store: the read throws the store's error (a 500 and a
// log line), never a default status, method or currency. The rows are written past the
// schema's CHECKs, as a hand edit or a bad migration would leave them.
TEST_F(OrderServiceTest, UnreadableRowsAreDatabaseErrors) {
  store_.TopUp(kBuyer, 50'000);
  const core::OrderId order = Place(PaymentMethod::wallet);
  const auto corrupt = [&](std::string_view sql) { testing::WritePastChecks(*store_, sql, {order.value}); };
  corrupt("UPDATE orders SET status = 'lost' WHERE id = $1");
  EXPECT_THROW((void)orders_.GetOrder(Buyer(kBuyer), order), db::DatabaseError);
  EXPECT_THROW((void)orders_.BuyerOrders(kBuyer), db::DatabaseError);
  EXPECT_THROW((void)orders_.ShopOrderCounts(Seller(kShopOwner), shop_), db::DatabaseError);
  corrupt("UPDATE orders SET status = 'paid', payment_method = 'barter' WHERE id = $1");
  EXPECT_THROW((void)orders_.GetOrder(Buyer(kBuyer), order), db::DatabaseError);
  corrupt("UPDATE orders SET payment_method = 'wallet' WHERE id = $1");
  ASSERT_TRUE(orders_.GetOrder(Buyer(kBuyer), order).has_value());
  corrupt("UPDATE order_lines SET unit_currency = 'XXX' WHERE order_id = $1");
  EXPECT_THROW((void)orders_.GetOrder(Buyer(kBuyer), order), db::DatabaseError);
  corrupt("UPDATE order_lines SET unit_currency = 'KPW' WHERE order_id = $1");
  corrupt("UPDATE order_steps SET party = 'ghost' WHERE order_id = $1");
  EXPECT_THROW((void)orders_.GetOrder(Buyer(kBuyer), order), db::DatabaseError);
}

}  // namespace
}  // namespace manmulsang::orders
