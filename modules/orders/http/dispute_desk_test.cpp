// A refused return through the pages: the shop refuses with a reason, the buyer escalates with
// theirs, an admin decides on /admin/disputes; and the JSON twins. Strangers get 404, non-admins
// 403, bad input a clear error; none of them changes anything.

#include "buying_routes_fixture.hpp"
#include "manmulsang/audit/audit.hpp"

namespace manmulsang::orders {
namespace {

class DisputeDeskTest : public BuyingApiTest {
 protected:
  void SetUp() override {
    shop_ = store_.AddShop(kShopOwner, "대동강 상점");
    product_ = store_.AddListing(shop_, 10'000, 10);
  }

  // An order of one unit, paid from the wallet and delivered, whose buyer asked to return it.
  core::OrderId ReturnRequested() {
    store_.TopUp(kBuyer, 10'000);
    EXPECT_TRUE(cart_.AddItem(cart::CartOwner::Member(kBuyer), product_, 1).has_value());
    const core::OrderId order = orders_.Checkout(Command(kBuyer))->orders.front().id;
    for (OrderEvent event : {OrderEvent::prepare, OrderEvent::ship, OrderEvent::deliver}) {
      EXPECT_TRUE(orders_.Apply(Seller(kShopOwner), order, event).has_value());
    }
    EXPECT_TRUE(orders_.Apply(Buyer(kBuyer), order, OrderEvent::request_return, "색이 다릅니다").has_value());
    return order;
  }

  core::OrderId Disputed() {
    const core::OrderId order = ReturnRequested();
    EXPECT_TRUE(orders_.Apply(Seller(kShopOwner), order, OrderEvent::refuse_return, "사진과 같은 색입니다"));
    EXPECT_TRUE(orders_.Apply(Buyer(kBuyer), order, OrderEvent::escalate, "조명 탓이 아닙니다"));
    return order;
  }

  OrderStatus StatusOf(core::OrderId order) { return orders_.GetOrder(Admin(), order)->status; }
  std::int64_t ShopBalance() { return payments::SellerBalance(store_.database(), shop_).amount; }
  static bool Contains(const http::Response& response, std::string_view text) {
    return response.body.find(text) != std::string::npos;
  }

  static constexpr std::string_view kOwnerWho = "2:seller";
  static constexpr std::string_view kOtherSellerWho = "3:seller";
  static constexpr std::string_view kOtherBuyerWho = "101:buyer";
  core::SellerId shop_;
  core::ProductId product_;
};

TEST_F(DisputeDeskTest, ARefusedReturnIsEscalatedAndSettledInPartThroughThePages) {
  const core::OrderId order = ReturnRequested();
  const std::string id = std::to_string(order.value);

  // The shop's page offers both answers to the return.
  auto shop_page = Get("/seller/orders/" + id, kOwnerWho);
  ASSERT_EQ(shop_page.status, http::Status::ok);
  EXPECT_TRUE(Contains(shop_page, "/seller/orders/" + id + "/accept-return"));
  EXPECT_TRUE(Contains(shop_page, "/seller/orders/" + id + "/refuse-return"));
  EXPECT_TRUE(Contains(shop_page, "반품 거절"));
  // Another shop does not see it; a blank reason is refused; nothing changes either way.
  EXPECT_EQ(PostForm("/seller/orders/" + id + "/refuse-return", {{"note", "x"}}, kOtherSellerWho).status,
            http::Status::not_found);
  auto blank = PostForm("/seller/orders/" + id + "/refuse-return", {{"note", "  "}}, kOwnerWho);
  EXPECT_EQ(blank.status, http::Status::bad_request);
  EXPECT_TRUE(Contains(blank, "사유를"));
  EXPECT_EQ(StatusOf(order), OrderStatus::return_requested);
  auto refused = PostForm("/seller/orders/" + id + "/refuse-return", {{"note", "사진과 같은 색입니다"}}, kOwnerWho);
  ASSERT_EQ(refused.status, http::Status::see_other) << refused.body;
  EXPECT_EQ(Header(refused, "Location"), "/seller/orders/" + id + "?done=refuse_return");

  // The buyer reads the reason and may escalate with their own; another buyer cannot.
  auto buyer_page = Get("/orders/" + id, kBuyerWho);
  ASSERT_EQ(buyer_page.status, http::Status::ok);
  EXPECT_TRUE(Contains(buyer_page, "사진과 같은 색입니다"));
  EXPECT_TRUE(Contains(buyer_page, "/orders/" + id + "/escalate"));
  EXPECT_EQ(Get("/orders/" + id, kOtherBuyerWho).status, http::Status::not_found);
  EXPECT_EQ(PostForm("/orders/" + id + "/escalate", {{"note", "남의 주문"}}, kOtherBuyerWho).status,
            http::Status::not_found);
  EXPECT_EQ(PostForm("/orders/" + id + "/escalate", {{"note", ""}}, kBuyerWho).status, http::Status::bad_request);
  EXPECT_EQ(StatusOf(order), OrderStatus::return_refused);
  auto escalated = PostForm("/orders/" + id + "/escalate", {{"note", "조명 탓이 아닙니다"}}, kBuyerWho);
  ASSERT_EQ(escalated.status, http::Status::see_other) << escalated.body;
  EXPECT_EQ(StatusOf(order), OrderStatus::disputed);

  // Admins only: the queue and the order's page show both sides.
  EXPECT_EQ(Get("/admin/disputes", kBuyerWho).status, http::Status::forbidden);
  EXPECT_EQ(Get("/admin/disputes/" + id, kOwnerWho).status, http::Status::forbidden);
  EXPECT_EQ(PostForm("/admin/disputes/" + id + "/decision",
                     {{"outcome", "refund"}, {"amount", ""}, {"reason", "상점이 스스로"}}, kOwnerWho)
                .status,
            http::Status::forbidden);
  auto queue = Get("/admin/disputes", kAdminWho);
  ASSERT_EQ(queue.status, http::Status::ok);
  EXPECT_TRUE(Contains(queue, "/admin/disputes/" + id + "\""));
  EXPECT_TRUE(Contains(queue, "사진과 같은 색입니다"));
  EXPECT_TRUE(Contains(queue, "조명 탓이 아닙니다"));
  EXPECT_TRUE(Contains(queue, "대동강 상점"));
  auto detail = Get("/admin/disputes/" + id, kAdminWho);
  ASSERT_EQ(detail.status, http::Status::ok);
  EXPECT_TRUE(Contains(detail, "색이 다릅니다"));
  EXPECT_TRUE(Contains(detail, "/admin/disputes/" + id + "/decision"));

  // Bad amounts and a missing reason come back with the message; nothing moves.
  for (const std::string amount : {"0", "10001", "삼천", "-5", "3.5", ""}) {
    auto bad = PostForm("/admin/disputes/" + id + "/decision",
                        {{"outcome", "partial_refund"}, {"amount", amount}, {"reason", "반반"}}, kAdminWho);
    EXPECT_EQ(bad.status, http::Status::bad_request) << amount;
    EXPECT_TRUE(Contains(bad, "환불 금액은")) << amount;
  }
  EXPECT_EQ(PostForm("/admin/disputes/" + id + "/decision",
                     {{"outcome", "partial_refund"}, {"amount", "4000"}, {"reason", ""}}, kAdminWho)
                .status,
            http::Status::bad_request);
  EXPECT_EQ(
      PostForm("/admin/disputes/" + id + "/decision", {{"outcome", "give_all"}, {"reason", "x"}}, kAdminWho).status,
      http::Status::bad_request);
  EXPECT_EQ(StatusOf(order), OrderStatus::disputed);
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 0);
  EXPECT_EQ(ShopBalance(), 0);

  auto decided =
      PostForm("/admin/disputes/" + id + "/decision",
               {{"outcome", "partial_refund"}, {"amount", "4,000"}, {"reason", "색 차이가 일부 있음"}}, kAdminWho);
  ASSERT_EQ(decided.status, http::Status::see_other) << decided.body;
  EXPECT_EQ(Header(decided, "Location"), "/admin/disputes/" + id + "?decided=1");
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 4'000);
  EXPECT_EQ(ShopBalance(), 6'000 - 180);
  // A second decision is refused and changes nothing.
  auto again = PostForm("/admin/disputes/" + id + "/decision",
                        {{"outcome", "refund"}, {"amount", ""}, {"reason", "다시"}}, kAdminWho);
  EXPECT_EQ(again.status, http::Status::conflict);
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 4'000);

  // Both sides see the decision.
  auto decided_page = Get("/orders/" + id, kBuyerWho);
  EXPECT_TRUE(Contains(decided_page, "부분 환불"));
  EXPECT_TRUE(Contains(decided_page, "4,000원"));
  EXPECT_TRUE(Contains(decided_page, "색 차이가 일부 있음"));
  EXPECT_FALSE(Contains(decided_page, "/orders/" + id + "/escalate"));
  EXPECT_TRUE(Contains(Get("/admin/disputes", kAdminWho), "결정을 기다리는 분쟁이 없습니다"));
}

TEST_F(DisputeDeskTest, TheJsonTwinsListShowAndDecide) {
  const core::OrderId order = Disputed();
  const std::string id = std::to_string(order.value);
  const std::string decision = "/api/v1/admin/disputes/" + id + "/decision";
  EXPECT_EQ(Get("/api/v1/admin/disputes", kBuyerWho).status, http::Status::forbidden);
  EXPECT_EQ(Post(decision, R"({"outcome":"refund","reason":"x"})", kOwnerWho).status, http::Status::forbidden);

  auto list = Get("/api/v1/admin/disputes", kAdminWho);
  ASSERT_EQ(list.status, http::Status::ok) << list.body;
  const auto items = Json(list).at("items").as_array();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].at("order_id").as_int64(), order.value);
  EXPECT_EQ(items[0].at("refusal_reason").as_string(), "사진과 같은 색입니다");
  EXPECT_EQ(items[0].at("escalation_reason").as_string(), "조명 탓이 아닙니다");
  EXPECT_EQ(items[0].at("paid").at("amount").as_int64(), 10'000);
  EXPECT_EQ(items[0].at("shop").at("name").as_string(), "대동강 상점");
  EXPECT_TRUE(items[0].at("decision").is_null());
  auto shown = Get("/api/v1/admin/disputes/" + id, kAdminWho);
  ASSERT_EQ(shown.status, http::Status::ok);
  // The whole history with every note: placed, paid, prepared, shipped, delivered, return asked, refused, escalated.
  const auto timeline = Json(shown).at("order").at("timeline").as_array();
  ASSERT_EQ(timeline.size(), 8u);
  EXPECT_EQ(timeline[7].at("note").as_string(), "조명 탓이 아닙니다");
  EXPECT_EQ(Get("/api/v1/admin/disputes/999999", kAdminWho).status, http::Status::not_found);

  EXPECT_EQ(Code(Post(decision, R"({"outcome":"partial_refund","amount":"3000","reason":"x"})", kAdminWho)),
            "invalid_refund_amount");
  EXPECT_EQ(Code(Post(decision, R"({"outcome":"partial_refund","reason":"x"})", kAdminWho)), "invalid_refund_amount");
  EXPECT_EQ(Code(Post(decision, R"({"outcome":"partial_refund","amount":0,"reason":"x"})", kAdminWho)),
            "invalid_refund_amount");
  auto too_much = Post(decision, R"({"outcome":"partial_refund","amount":10001,"reason":"x"})", kAdminWho);
  EXPECT_EQ(too_much.status, http::Status::bad_request);
  EXPECT_EQ(Json(too_much).at("error").at("field").as_string(), "amount");
  EXPECT_EQ(Code(Post(decision, R"({"outcome":"half","reason":"x"})", kAdminWho)), "invalid_outcome");
  auto no_reason = Post(decision, R"({"outcome":"close","reason":" "})", kAdminWho);
  EXPECT_EQ(Code(no_reason), "invalid_note");
  EXPECT_EQ(Json(no_reason).at("error").at("field").as_string(), "reason");
  EXPECT_EQ(StatusOf(order), OrderStatus::disputed);
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 0);

  auto decided = Post(decision, R"({"outcome":"partial_refund","amount":2500,"reason":"일부 인정"})", kAdminWho);
  ASSERT_EQ(decided.status, http::Status::ok) << decided.body;
  EXPECT_EQ(Json(decided).at("status").as_string(), "confirmed");
  EXPECT_EQ(Json(decided).at("decision").at("outcome").as_string(), "partial_refund");
  EXPECT_EQ(Json(decided).at("decision").at("refund").at("amount").as_int64(), 2'500);
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 2'500);
  EXPECT_EQ(ShopBalance(), 7'500 - PlatformFee(7'500, 300));
  EXPECT_EQ(Post(decision, R"({"outcome":"close","reason":"다시"})", kAdminWho).status, http::Status::conflict);
  const auto history = store_.services().audit.ForSubject("order", id);
  ASSERT_EQ(history.size(), 1u);
  EXPECT_NE(history[0].entry.after.find("2500 KPW"), std::string::npos);
  EXPECT_EQ(Json(Get("/api/v1/admin/disputes", kAdminWho)).at("total").as_int64(), 0);
}

}  // namespace
}  // namespace manmulsang::orders
