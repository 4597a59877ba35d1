// A refused return settled by the marketplace, through the real server (issue 13): a new member
// orders from a demo shop (cash on delivery); the shop prepares, ships and delivers; the buyer asks
// to return it; the shop refuses on its no-JS page with a reason; the buyer reads it on the order
// page and escalates with theirs; an admin finds it in the dispute queue and refunds a part. The
// buyer's wallet gets exactly that part, the shop the rest minus the fee on it; a second decision
// is refused and moves nothing; the admin's routes refuse the buyer and the shop.
#include "blackbox.hpp"

namespace manmulsang::testing {
namespace {

constexpr std::int64_t kPlatformFeeBasisPoints = 300;  // the settings' default platform fee

class DisputesBlackBoxTest : public BlackBoxTest {
 protected:
  void SetUp() override {
    BlackBoxTest::SetUp();
    if (server_ == nullptr) return;
    sellers_ = DemoSellers();
    if (sellers_.empty()) GTEST_FAIL() << "no demo seller with a shop signs in";
  }

  const ShopOwner* SellerOf(std::int64_t shop) const {
    for (const ShopOwner& seller : sellers_) {
      if (seller.shop == shop) return &seller;
    }
    return nullptr;
  }

  // The member's cart gets one product of a demo shop whose owner signs in; returns its shop.
  std::int64_t AddProductOfADemoShop(const std::string& buyer_token) {
    for (int page = 1; page <= 3; ++page) {
      HttpResponse response = Client().Get("/api/v1/products?sort=newest&per_page=100&page=" + std::to_string(page));
      if (response.status != 200) throw std::runtime_error("/api/v1/products: " + response.body);
      const boost::json::value listing = response.Json();
      for (const boost::json::value& item : listing.at("items").as_array()) {
        const std::int64_t shop = Int(item.at("seller").at("id"));
        if (SellerOf(shop) == nullptr || Int(item.at("stock")) < 2) continue;
        HttpResponse added =
            Client(buyer_token).PostJson("/api/v1/cart/items", {{"product_id", Int(item.at("id"))}, {"quantity", 1}});
        if (added.status == 201) return shop;
      }
    }
    throw std::runtime_error("no product of a demo shop whose owner signs in could be added to a cart");
  }

  // A signed-in page's form: posts `fields` with the page's _csrf.
  static HttpResponse PostForm(HttpClient& browser, const std::string& page, const std::string& action,
                               FormFields fields) {
    HttpResponse shown = browser.Get(page);
    const std::optional<std::string> token = FindInputValue(shown.body, "_csrf");
    if (shown.status != 200 || !token) {
      throw std::runtime_error("no form with _csrf on " + page + ": " + shown.body.substr(0, 200));
    }
    fields.insert(fields.begin(), {"_csrf", *token});
    return browser.Post(action, fields);
  }

  std::string Status(const std::string& token, std::int64_t order) {
    HttpResponse response = Client(token).Get("/api/v1/orders/" + std::to_string(order));
    if (response.status != 200) return "(GET order: " + std::to_string(response.status) + ")";
    return std::string(response.Json().at("status").as_string());
  }

  std::int64_t WalletBalance(const std::string& token) {
    return Int(Client(token).Get("/api/v1/wallet").Json().at("balance").at("amount"));
  }
  std::int64_t ShopBalance(const ShopOwner& owner) {
    return Int(Client(owner.token)
                   .Get("/api/v1/seller/ledger?shop_id=" + std::to_string(owner.shop))
                   .Json()
                   .at("balance")
                   .at("amount"));
  }

  std::vector<ShopOwner> sellers_;
};

TEST_F(DisputesBlackBoxTest, ARefusedReturnIsEscalatedByTheBuyerAndRefundedInPartByTheAdmin) {
  const Member buyer = NewMember("dispute-buyer");
  const std::int64_t shop = AddProductOfADemoShop(buyer.token);
  const ShopOwner& owner = *SellerOf(shop);
  HttpResponse placed = Client(buyer.token)
                            .PostJson("/api/v1/orders", {{"payment_method", "cod"}, {"address", "평양시 중구역 1동"}},
                                      {{"Idempotency-Key", "dispute-" + buyer.email}});
  ASSERT_EQ(placed.status, 201) << placed.body;
  const std::int64_t order = Int(placed.Json().at("orders").at(0).at("id"));
  const std::int64_t total = Int(placed.Json().at("orders").at(0).at("total").at("amount"));
  ASSERT_GE(total, 2);
  const std::string id = std::to_string(order);
  for (const char* move : {"prepare", "deliver"}) {
    if (std::string_view(move) == "deliver") {
      HttpResponse shipped = Client(owner.token)
                                 .PostJson("/api/v1/seller/orders/" + id + "/ship",
                                           {{"carrier", "조선우편"}, {"tracking", "KP-2026-1208"}});
      ASSERT_EQ(shipped.status, 200) << shipped.body;
    }
    HttpResponse moved = Client(owner.token).PostJson("/api/v1/seller/orders/" + id + "/" + move, boost::json::object{});
    ASSERT_EQ(moved.status, 200) << move << ": " << moved.body;
  }
  ASSERT_EQ(Client(buyer.token).PostJson("/api/v1/orders/" + id + "/return", {{"note", "흠집이 있습니다"}}).status,
            200);
  const std::int64_t shop_before = ShopBalance(owner);
  const std::int64_t wallet_before = WalletBalance(buyer.token);

  // The shop refuses on its page, with a reason.
  HttpClient owner_browser = SignInThroughLoginForm(owner.email, kDemoPassword);
  HttpResponse refused = PostForm(owner_browser, "/seller/orders/" + id, "/seller/orders/" + id + "/refuse-return",
                                  {{"note", "배송 전 사진에 같은 흠집이 있습니다"}});
  ASSERT_EQ(refused.status, 303) << refused.body.substr(0, 300);
  EXPECT_EQ(Status(buyer.token, order), "return_refused");

  // The buyer reads the reason on the order page and escalates with theirs.
  HttpClient buyer_browser = SignInThroughLoginForm(buyer.email, kPassword);
  HttpResponse page = buyer_browser.Get("/orders/" + id);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("배송 전 사진에 같은 흠집이 있습니다"), std::string::npos);
  HttpResponse escalated =
      PostForm(buyer_browser, "/orders/" + id, "/orders/" + id + "/escalate", {{"note", "사진의 흠집과 다릅니다"}});
  ASSERT_EQ(escalated.status, 303) << escalated.body.substr(0, 300);
  EXPECT_EQ(Status(buyer.token, order), "disputed");

  // Only admins reach the queue and the decision.
  const std::string decision = "/api/v1/admin/disputes/" + id + "/decision";
  EXPECT_TRUE(IsJsonError(Client(buyer.token).Get("/api/v1/admin/disputes"), 403));
  EXPECT_TRUE(IsJsonError(
      Client(owner.token).PostJson(decision, {{"outcome", "close"}, {"reason", "상점이 스스로 결정"}}), 403));
  EXPECT_EQ(buyer_browser.Get("/admin/disputes").status, 403);
  const std::string admin = AdminToken();
  HttpResponse queue = Client(admin).Get("/api/v1/admin/disputes?per_page=100");
  ASSERT_EQ(queue.status, 200) << queue.body;
  bool listed = false;
  const boost::json::value listing = queue.Json();  // alive for the loop (no temporary)
  for (const boost::json::value& item : listing.at("items").as_array()) {
    if (Int(item.at("order_id")) != order) continue;
    listed = true;
    EXPECT_EQ(item.at("refusal_reason").as_string(), "배송 전 사진에 같은 흠집이 있습니다");
    EXPECT_EQ(item.at("escalation_reason").as_string(), "사진의 흠집과 다릅니다");
    EXPECT_EQ(Int(item.at("paid").at("amount")), total);
  }
  EXPECT_TRUE(listed) << queue.body.substr(0, 300);

  // A bad amount changes nothing; the admin's part is what the buyer gets.
  HttpResponse too_much =
      Client(admin).PostJson(decision, {{"outcome", "partial_refund"}, {"amount", total + 1}, {"reason", "과다"}});
  EXPECT_TRUE(IsJsonError(too_much, 400));
  EXPECT_EQ(ErrorCode(too_much), "invalid_refund_amount");
  EXPECT_EQ(Status(buyer.token, order), "disputed");
  const std::int64_t refund = total / 2;
  HttpResponse decided = Client(admin).PostJson(
      decision, {{"outcome", "partial_refund"}, {"amount", refund}, {"reason", "흠집의 책임을 반씩 나눔"}});
  ASSERT_EQ(decided.status, 200) << decided.body;
  EXPECT_EQ(decided.Json().at("status").as_string(), "confirmed");
  EXPECT_EQ(WalletBalance(buyer.token), wallet_before + refund);
  const std::int64_t released = total - refund;
  EXPECT_EQ(ShopBalance(owner), shop_before + released - released * kPlatformFeeBasisPoints / 10'000);
  EXPECT_TRUE(IsJsonError(Client(admin).PostJson(decision, {{"outcome", "refund"}, {"reason", "다시"}}), 409));
  EXPECT_EQ(WalletBalance(buyer.token), wallet_before + refund);

  // The buyer's page shows the decision.
  HttpResponse settled = buyer_browser.Get("/orders/" + id);
  EXPECT_NE(settled.body.find("흠집의 책임을 반씩 나눔"), std::string::npos);
  EXPECT_NE(settled.body.find("부분 환불"), std::string::npos);
}

}  // namespace
}  // namespace manmulsang::testing
