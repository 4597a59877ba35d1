// The notification centre through the real server, on the shared demo store: a new member orders
// from a demo shop and the shop's owner finds the new order among their notifications (API and
// page); the owner ships it and the buyer's header bell counts one; the buyer opens it from
// /notifications, which marks it read and goes to the order, and the bell shows no count. A
// visitor's pages have no bell, and another member cannot mark the buyer's notification read.
#include "blackbox.hpp"

namespace manmulsang::testing {
namespace {

class NotificationsBlackBoxTest : public BlackBoxTest {
 protected:
  void SetUp() override {
    BlackBoxTest::SetUp();
    if (server_ == nullptr) return;
    if (sellers_.empty()) sellers_ = DemoSellers();
    if (sellers_.empty()) GTEST_FAIL() << "no demo seller with a shop signs in";
  }

  const ShopOwner* SellerOf(std::int64_t shop) const {
    for (const ShopOwner& seller : sellers_) {
      if (seller.shop == shop) return &seller;
    }
    return nullptr;
  }

  // One product of a demo shop whose owner signs in, into the buyer's cart; returns its shop.
  std::int64_t AddProductOfADemoShop(const std::string& buyer_token) {
    for (int page = 1; page <= 3; ++page) {
      HttpResponse response = Client().Get("/api/v1/products?sort=newest&per_page=100&page=" + std::to_string(page));
      if (response.status != 200) throw std::runtime_error("/api/v1/products: " + response.body);
      const boost::json::value listing = response.Json();
      for (const boost::json::value& item : listing.at("items").as_array()) {
        const std::int64_t shop = Int(item.at("seller").at("id"));
        if (SellerOf(shop) == nullptr || Int(item.at("stock")) < 10) continue;
        HttpResponse added =
            Client(buyer_token).PostJson("/api/v1/cart/items", {{"product_id", Int(item.at("id"))}, {"quantity", 1}});
        if (added.status == 201) return shop;
      }
    }
    throw std::runtime_error("no product of a demo shop whose owner signs in could be added to a cart");
  }

  // The id of token's newest notification of kind about subject, or 0.
  std::int64_t FindNotification(const std::string& token, std::string_view kind, std::string_view subject) {
    HttpResponse listed = Client(token).Get("/api/v1/notifications?per_page=100");
    if (listed.status != 200) return 0;
    const boost::json::value body = listed.Json();
    for (const boost::json::value& item : body.at("items").as_array()) {
      if (item.at("kind").as_string() == kind && item.at("subject").as_string() == subject) return Int(item.at("id"));
    }
    return 0;
  }

  static inline std::vector<ShopOwner> sellers_;
};

TEST_F(NotificationsBlackBoxTest, TheShopHearsOfTheOrderAndTheBuyersBellCountsTheShipping) {
  const std::string buyer_email = UniqueEmail("notified-buyer");
  const std::string buyer = RegisterViaApi(buyer_email, kPassword);
  const ShopOwner& owner = *SellerOf(AddProductOfADemoShop(buyer));
  HttpResponse placed = Client(buyer).PostJson(
      "/api/v1/orders", {{"payment_method", "cod"}, {"address", "평양시 대동강구역 문수거리 12"}},
      {{"Idempotency-Key", "notifications-" + buyer_email}});
  ASSERT_EQ(placed.status, 201) << placed.body;
  const std::string id = std::to_string(Int(placed.Json().at("orders").at(0).at("id")));

  // The shop's owner: on the API and on the page, in Korean.
  EXPECT_NE(FindNotification(owner.token, "order_placed", id), 0) << "the shop's owner was not told";
  HttpClient owner_browser = SignInThroughLoginForm(owner.email, kDemoPassword);
  HttpResponse owner_page = owner_browser.Get("/notifications?page=1");
  ASSERT_EQ(owner_page.status, 200);
  EXPECT_EQ(owner_page.Header("Cache-Control").value_or(""), "no-store");
  EXPECT_NE(owner_page.body.find("새 주문 " + id + "번이 들어왔습니다."), std::string::npos);

  // The buyer placed it: nothing to hear yet, and the bell has no count.
  HttpClient buyer_browser = SignInThroughLoginForm(buyer_email, kPassword);
  EXPECT_NE(buyer_browser.Get("/").body.find("class=\"bell-link\" href=\"/notifications\">알림</a>"),
            std::string::npos);

  for (const char* move : {"prepare", "ship"}) {
    HttpResponse moved =
        Client(owner.token)
            .PostJson("/api/v1/seller/orders/" + id + "/" + move, {{"carrier", "조선우편"}, {"tracking", "NOTIFY-1"}});
    ASSERT_EQ(moved.status, 200) << move << ": " << moved.body;
  }
  const std::int64_t shipped = FindNotification(buyer, "order_shipped", id);
  ASSERT_NE(shipped, 0);
  HttpResponse home = buyer_browser.Get("/orders");
  EXPECT_NE(home.body.find("href=\"/notifications\">알림 <span class=\"badge\">1<"), std::string::npos)
      << home.body.substr(0, 3000);

  // Another member cannot read it for them.
  EXPECT_TRUE(IsJsonError(
      Client(owner.token).PostJson("/api/v1/notifications/" + std::to_string(shipped) + "/read", boost::json::object{}),
      404));

  // Opening it from the list marks it read and goes to the order; the bell counts nothing.
  HttpResponse list = buyer_browser.Get("/notifications");
  ASSERT_EQ(list.status, 200);
  EXPECT_NE(list.body.find("주문 " + id + "번이 발송되었습니다."), std::string::npos);
  const std::optional<std::string> csrf = FindInputValue(list.body, "_csrf");
  ASSERT_TRUE(csrf.has_value());
  HttpResponse opened = buyer_browser.Post("/notifications/" + std::to_string(shipped) + "/read", {{"_csrf", *csrf}});
  EXPECT_EQ(opened.status, 303);
  EXPECT_EQ(opened.Header("Location").value_or(""), "/orders/" + id);
  EXPECT_EQ(buyer_browser.Get("/orders").body.find("<span class=\"badge\">1<"), std::string::npos);
  HttpResponse api = Client(buyer).Get("/api/v1/notifications");
  ASSERT_EQ(api.status, 200);
  EXPECT_EQ(Int(api.Json().at("unread")), 0);
  EXPECT_EQ(Int(api.Json().at("total")), 1);

  // A visitor's pages (cached or not) have no bell.
  EXPECT_EQ(Client().Get("/").body.find("bell-link"), std::string::npos);
  EXPECT_EQ(Client().Get("/notifications").status, 303);
}

}  // namespace
}  // namespace manmulsang::testing
