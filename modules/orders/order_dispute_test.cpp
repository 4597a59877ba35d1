// A shop refuses a return with a reason; the buyer accepts it (the auto-confirm days settle the
// order) or escalates it, and an admin decides: the whole payment back to the buyer, or the
// dispute closed and the shop paid. Money moves only through the ledger, once.

#include <atomic>
#include <thread>
#include <vector>

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
  EXPECT_EQ(orders_.Apply(Buyer(core::UserId{101}), order, OrderEvent::escalate, "남").error(),
            OrderError::order_not_found);
  EXPECT_EQ(orders_.Apply(Seller(kShopOwner), order, OrderEvent::escalate, "상점").error(),
            OrderError::transition_not_allowed);
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
  ASSERT_TRUE(orders_.Apply(Buyer(kBuyer), order, OrderEvent::escalate, "다시 봐 주세요"));
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
  EXPECT_EQ(orders_.Apply(Buyer(kBuyer), order, OrderEvent::escalate, "늦게").error(),
            OrderError::transition_not_allowed);
  EXPECT_EQ(ShopBalance(), 9'700);
}

TEST_F(OrderDisputeTest, ThePartialRefundIsExactlyWhatTheAdminDecidedAndTheShopGetsTheRestMinusItsFee) {
  const core::OrderId order = ReturnRequested(PaymentMethod::wallet);
  ASSERT_TRUE(orders_.Apply(Seller(kShopOwner), order, OrderEvent::refuse_return, "포장을 뜯었습니다"));
  ASSERT_TRUE(orders_.Apply(Buyer(kBuyer), order, OrderEvent::escalate, "불량이었습니다"));
  EXPECT_EQ(orders_.CountDisputed(), 1);
  // A partial refund needs its amount: the plain move cannot make one.
  EXPECT_EQ(orders_.Apply(Admin(), order, OrderEvent::resolve_partial_refund, "x").error(),
            OrderError::invalid_refund_amount);

  auto decided = orders_.DecideDispute(Admin(), order, {DisputeOutcome::partial_refund, 4'000, "절반가량 사용 흔적"});
  ASSERT_TRUE(decided.has_value()) << ErrorCode(decided.error());
  EXPECT_EQ(decided->status, OrderStatus::confirmed);
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 4'000);
  // 6,000 released, the 3 % fee on that part only: 180.
  EXPECT_EQ(ShopBalance(), 5'820);
  EXPECT_EQ(Count("SELECT COALESCE(SUM(e.amount), 0) FROM ledger_entries e JOIN ledger_accounts a ON a.id = "
                  "e.account_id WHERE a.kind = 'platform_fees'"),
            180);
  EXPECT_EQ(Stock(product_), 9) << "the goods stayed with the buyer: no restock";
  EXPECT_EQ(payments_.Audit().sum, 0);
  EXPECT_EQ(orders_.CountDisputed(), 0);

  const auto history = store_.services().audit.ForSubject("order", std::to_string(order.value));
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history[0].entry.action, "order.resolve_partial_refund");
  EXPECT_NE(history[0].entry.after.find("4000 KPW"), std::string::npos) << history[0].entry.after;
  EXPECT_EQ(history[0].entry.reason, "절반가량 사용 흔적");

  auto dispute = orders_.DisputeOf(Buyer(kBuyer), order);
  ASSERT_TRUE(dispute.has_value());
  EXPECT_EQ(dispute->refusal_reason, "포장을 뜯었습니다");
  EXPECT_EQ(dispute->escalation_reason, "불량이었습니다");
  ASSERT_TRUE(dispute->settlement.has_value());
  EXPECT_EQ(dispute->settlement->outcome, DisputeOutcome::partial_refund);
  EXPECT_EQ(dispute->settlement->refund_kpw, 4'000);
  EXPECT_EQ(dispute->settlement->reason, "절반가량 사용 흔적");
  EXPECT_EQ(orders_.DisputeOf(Buyer(core::UserId{101}), order).error(), OrderError::order_not_found);

  // A second decision, of any kind, is refused and moves nothing.
  for (DisputeDecision again :
       {DisputeDecision{DisputeOutcome::partial_refund, 1'000, "다시"},
        DisputeDecision{DisputeOutcome::refund, 0, "다시"}, DisputeDecision{DisputeOutcome::close, 0, "다시"}}) {
    EXPECT_EQ(orders_.DecideDispute(Admin(), order, again).error(), OrderError::transition_not_allowed);
  }
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 4'000);
  EXPECT_EQ(ShopBalance(), 5'820);
  EXPECT_EQ(store_.services().audit.ForSubject("order", std::to_string(order.value)).size(), 1u);
}

TEST_F(OrderDisputeTest, ABadAmountOrReasonIsRefusedAndNothingChanges) {
  const core::OrderId order = ReturnRequested(PaymentMethod::cash_on_delivery);
  ASSERT_TRUE(orders_.Apply(Seller(kShopOwner), order, OrderEvent::refuse_return, "기한 지남"));
  ASSERT_TRUE(orders_.Apply(Buyer(kBuyer), order, OrderEvent::escalate, "기한 안이었습니다"));
  for (std::int64_t amount : {0LL, -5LL, 10'001LL}) {
    EXPECT_EQ(orders_.DecideDispute(Admin(), order, {DisputeOutcome::partial_refund, amount, "사유"}).error(),
              OrderError::invalid_refund_amount)
        << amount;
  }
  EXPECT_EQ(orders_.DecideDispute(Admin(), order, {DisputeOutcome::partial_refund, 100, " "}).error(),
            OrderError::invalid_note);
  EXPECT_EQ(orders_.DecideDispute(Seller(kShopOwner), order, {DisputeOutcome::close, 0, "상점"}).error(),
            OrderError::transition_not_allowed);
  EXPECT_EQ(orders_.DecideDispute(Buyer(core::UserId{101}), order, {DisputeOutcome::refund, 0, "남"}).error(),
            OrderError::order_not_found);
  EXPECT_EQ(StatusOf(order), OrderStatus::disputed);
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 0);
  EXPECT_EQ(ShopBalance(), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM ledger_transfers WHERE kind IN ('refund', 'release')"), 0);
  EXPECT_TRUE(store_.services().audit.ForSubject("order", std::to_string(order.value)).empty());

  // The whole payment as a "part": the cash paid at the door goes to the buyer's wallet (as a full
  // refund of a cash payment does), nothing is left to release.
  auto decided = orders_.DecideDispute(Admin(), order, {DisputeOutcome::partial_refund, 10'000, "전액 상당"});
  ASSERT_TRUE(decided.has_value()) << ErrorCode(decided.error());
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 10'000);
  EXPECT_EQ(ShopBalance(), 0);
}

TEST_F(OrderDisputeTest, TwoAdminsDecidingAtOnceMakeOneDecision) {
  const core::OrderId order = ReturnRequested(PaymentMethod::wallet);
  ASSERT_TRUE(orders_.Apply(Seller(kShopOwner), order, OrderEvent::refuse_return, "사용함"));
  ASSERT_TRUE(orders_.Apply(Buyer(kBuyer), order, OrderEvent::escalate, "안 씀"));
  std::atomic<int> decided = 0;
  std::vector<std::thread> admins;
  for (std::int64_t amount : {3'000, 7'000}) {
    admins.emplace_back([&, amount] {
      if (orders_.DecideDispute(Admin(), order, {DisputeOutcome::partial_refund, amount, "동시에"})) ++decided;
    });
  }
  for (std::thread& admin : admins) admin.join();
  EXPECT_EQ(decided.load(), 1);
  const std::int64_t refunded = payments_.WalletBalance(kBuyer).amount;
  EXPECT_TRUE(refunded == 3'000 || refunded == 7'000) << refunded;
  EXPECT_EQ(ShopBalance(), (10'000 - refunded) - PlatformFee(10'000 - refunded, 300));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM ledger_transfers WHERE kind = 'refund'"), 1);
  EXPECT_EQ(store_.services().audit.ForSubject("order", std::to_string(order.value)).size(), 1u);
}

TEST_F(OrderDisputeTest, TheQueueListsDisputedOrdersLongestWaitingFirst) {
  std::vector<core::OrderId> orders;
  for (int index = 0; index < 3; ++index) {
    const core::OrderId order = ReturnRequested(PaymentMethod::cash_on_delivery);
    ASSERT_TRUE(orders_.Apply(Seller(kShopOwner), order, OrderEvent::refuse_return, "거절 " + std::to_string(index)));
    orders.push_back(order);
  }
  // Escalated in reverse: the queue follows the escalation, not the order's age.
  for (auto order = orders.rbegin(); order != orders.rend(); ++order) {
    clock_.Advance(1h);
    ASSERT_TRUE(orders_.Apply(Buyer(kBuyer), *order, OrderEvent::escalate, "조정 요청"));
  }
  const DisputePage page = orders_.DisputedOrders(1, 2);
  EXPECT_EQ(page.total, 3);
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_EQ(page.items[0].order.id, orders[2]);
  EXPECT_EQ(page.items[1].order.id, orders[1]);
  EXPECT_EQ(page.items[0].refusal_reason, "거절 2");
  EXPECT_EQ(page.items[0].escalation_reason, "조정 요청");
  EXPECT_EQ(orders_.DisputedOrders(2, 2).items.front().order.id, orders[0]);
}

}  // namespace
}  // namespace manmulsang::orders
