// A shop refuses a return with a reason; the buyer accepts it (the auto-confirm days settle the
// order) or escalates it, and an admin decides: the whole payment back to the buyer, or the
// dispute closed and the shop paid. Money moves only through the ledger, once.

#include "buying_test_store.hpp"
#include "manmulsang/audit/audit.hpp"

namespace manmulsang::orders {
namespace {

using namespace std::chrono_literals;

class OrderDisputeTest : public BuyingTest {
 protected:
  void SetUp() override {
    shop_ = store_.AddShop(kShopOwner, "상점");
    product_ = store_.AddListing(shop_, 10'000, 10);
  }

  // An order of one unit, delivered, whose buyer asked to return it.
  core::OrderId ReturnRequested(PaymentMethod method) {
    if (method == PaymentMethod::wallet) store_.TopUp(kBuyer, 10'000);
    EXPECT_TRUE(cart_.AddItem(cart::CartOwner::Member(kBuyer), product_, 1).has_value());
    const core::OrderId order = orders_.Checkout(Command(kBuyer, method))->orders.front().id;
    for (OrderEvent event : {OrderEvent::prepare, OrderEvent::ship, OrderEvent::deliver}) {
      EXPECT_TRUE(orders_.Apply(Seller(kShopOwner), order, event).has_value()) << OrderEventName(event);
    }
    EXPECT_TRUE(orders_.Apply(Buyer(kBuyer), order, OrderEvent::request_return, "크기가 맞지 않습니다").has_value());
    return order;
  }

  OrderStatus StatusOf(core::OrderId order) { return orders_.GetOrder(Admin(), order)->status; }
  std::int64_t ShopBalance() { return payments::SellerBalance(store_.database(), shop_).amount; }

  core::SellerId shop_;
  core::ProductId product_;
};

TEST_F(OrderDisputeTest, TheShopRefusesWithAReasonTheBuyerEscalatesAndTheAdminRefunds) {
  const core::OrderId order = ReturnRequested(PaymentMethod::wallet);
  EXPECT_EQ(orders_.Apply(Seller(kShopOwner), order, OrderEvent::refuse_return, "  ").error(),
            OrderError::invalid_note);
  EXPECT_EQ(StatusOf(order), OrderStatus::return_requested);
  auto refused = orders_.Apply(Seller(kShopOwner), order, OrderEvent::refuse_return, "사용한 흔적이 있습니다");
  ASSERT_TRUE(refused.has_value()) << ErrorCode(refused.error());
  EXPECT_EQ(refused->status, OrderStatus::return_refused);
  EXPECT_EQ(refused->timeline.back().note, "사용한 흔적이 있습니다");

  // Only the buyer escalates; a stranger does not even see the order.
  EXPECT_EQ(orders_.Apply(Buyer(core::UserId{101}), order, OrderEvent::escalate).error(), OrderError::order_not_found);
  EXPECT_EQ(orders_.Apply(Seller(kShopOwner), order, OrderEvent::escalate).error(), OrderError::transition_not_allowed);
  ASSERT_TRUE(orders_.Apply(Buyer(kBuyer), order, OrderEvent::escalate, "사용하지 않았습니다").has_value());
  EXPECT_EQ(StatusOf(order), OrderStatus::disputed);
  // The dispute waits for a person: the jobs leave it alone.
  clock_.Advance(90 * 24h);
  EXPECT_EQ(orders_.AutoConfirmDelivered(), 0);

  // Only an admin decides, with a reason that goes to the audit log.
  EXPECT_EQ(orders_.Apply(Seller(kShopOwner), order, OrderEvent::close_dispute, "x").error(),
            OrderError::transition_not_allowed);
  EXPECT_EQ(orders_.Apply(Buyer(kBuyer), order, OrderEvent::resolve_refund, "x").error(),
            OrderError::transition_not_allowed);
  EXPECT_EQ(orders_.Apply(Admin(), order, OrderEvent::resolve_refund, "").error(), OrderError::invalid_note);
  auto decided = orders_.Apply(Admin(), order, OrderEvent::resolve_refund, "사진으로 확인: 구매자 환불");
  ASSERT_TRUE(decided.has_value()) << ErrorCode(decided.error());
  EXPECT_EQ(decided->status, OrderStatus::returned);
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 10'000);
  EXPECT_EQ(ShopBalance(), 0);
  EXPECT_EQ(Stock(product_), 9) << "the goods may never have come back: no restock";
  const auto history = store_.services().audit.ForSubject("order", std::to_string(order.value));
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history[0].entry.action, "order.resolve_refund");

  // Decided once: neither decision moves anything more.
  EXPECT_EQ(orders_.Apply(Admin(), order, OrderEvent::resolve_refund, "다시").error(),
            OrderError::transition_not_allowed);
  EXPECT_EQ(orders_.Apply(Admin(), order, OrderEvent::close_dispute, "다시").error(),
            OrderError::transition_not_allowed);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM ledger_transfers WHERE kind IN ('refund', 'release')"), 1);
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 10'000);
}

TEST_F(OrderDisputeTest, TheAdminClosesADisputeAndTheShopIsPaidOnce) {
  const core::OrderId order = ReturnRequested(PaymentMethod::cash_on_delivery);
  ASSERT_TRUE(orders_.Apply(Seller(kShopOwner), order, OrderEvent::refuse_return, "반품 기한이 지났습니다"));
  ASSERT_TRUE(orders_.Apply(Buyer(kBuyer), order, OrderEvent::escalate));
  auto closed = orders_.Apply(Admin(), order, OrderEvent::close_dispute, "상점의 거절이 정당합니다");
  ASSERT_TRUE(closed.has_value()) << ErrorCode(closed.error());
  EXPECT_EQ(closed->status, OrderStatus::confirmed);
  EXPECT_EQ(ShopBalance(), 9'700);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM ledger_transfers WHERE kind = 'payment'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM ledger_transfers WHERE kind = 'release'"), 1);
  EXPECT_EQ(orders_.Apply(Admin(), order, OrderEvent::close_dispute, "다시").error(),
            OrderError::transition_not_allowed);
  EXPECT_EQ(ShopBalance(), 9'700);
}

TEST_F(OrderDisputeTest, ARefusalNotEscalatedIsSettledAfterTheAutoConfirmDays) {
  const core::OrderId order = ReturnRequested(PaymentMethod::wallet);
  ASSERT_TRUE(orders_.Apply(Seller(kShopOwner), order, OrderEvent::refuse_return, "사용한 흔적이 있습니다"));
  clock_.Advance(6 * 24h);
  EXPECT_EQ(orders_.AutoConfirmDelivered(), 0);
  clock_.Advance(24h);
  EXPECT_EQ(orders_.AutoConfirmDelivered(), 1);
  EXPECT_EQ(StatusOf(order), OrderStatus::confirmed);
  EXPECT_EQ(ShopBalance(), 9'700);
  EXPECT_EQ(orders_.AutoConfirmDelivered(), 0);
  EXPECT_EQ(orders_.Apply(Buyer(kBuyer), order, OrderEvent::escalate).error(), OrderError::transition_not_allowed);
  EXPECT_EQ(ShopBalance(), 9'700);
}

}  // namespace
}  // namespace manmulsang::orders
