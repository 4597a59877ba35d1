// The seller's desk through the real server (issue 13): an approved seller edits the shop on the
// no-JS settings page (multipart, _csrf) and the public shop page shows the new name at once;
// another member posting at that shop gets 404 and nothing changes; after a buyer orders, the
// seller downloads the orders as CSV from the list's link (BOM, Korean intact, a formula defused).
#include "blackbox.hpp"

namespace manmulsang::testing {
namespace {

class SellerDeskTest : public BlackBoxTest {
 protected:
  // The settings form as a browser sends it, with the page's _csrf and no logo chosen.
  static HttpResponse SaveSettings(HttpClient& browser, std::string_view name, std::string_view shop_id = {}) {
    HttpResponse page = browser.Get("/seller/shop");
    const std::optional<std::string> token = FindInputValue(page.body, "_csrf");
    if (page.status != 200 || !token) throw std::runtime_error("/seller/shop: " + page.body.substr(0, 200));
    std::vector<MultipartPart> parts = {{"_csrf", *token},
                                        {"name", std::string(name)},
                                        {"description", "원산 앞바다에서 잡은 물고기"},
                                        {"phone", "+850 2 381 4411"},
                                        {"city", "원산"},
                                        {"courier_fee", "2,500"},
                                        {"free_courier_from", "50000"},
                                        {"pickup_offered", "1"},
                                        {"pickup_place", "원산역 앞"},
                                        {"logo", "", "", "application/octet-stream"}};
    if (!shop_id.empty()) parts.push_back({"shop_id", std::string(shop_id)});
    return browser.Send("POST", "/seller/shop", MultipartBody(parts), MultipartType());
  }
};

TEST_F(SellerDeskTest, TheShopIsEditedOnItsPageAndTheOrdersDownloadAsCsv) {
  const ShopOwner owner = ApprovedSeller("desk-owner", "데스크 상회");
  const std::string shop = std::to_string(owner.shop);
  HttpClient browser = SignInThroughLoginForm(owner.email, kPassword);
  EXPECT_NE(browser.Get("/seller").body.find("href=\"/seller/shop\""), std::string::npos);
  // The public page is read (and cached) before the change.
  ASSERT_EQ(Client().Get("/s/" + shop).status, 200);

  HttpResponse saved = SaveSettings(browser, "원산 수산 데스크");
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 300);
  EXPECT_EQ(saved.Header("Location").value_or(""), "/seller/shop?saved=1");
  EXPECT_NE(Client().Get("/s/" + shop).body.find("원산 수산 데스크"), std::string::npos);
  const boost::json::object settings = AsObject(Client(owner.token).Get("/api/v1/seller/shop").Json());
  EXPECT_EQ(settings.at("shop").at("city").as_string(), "원산");
  EXPECT_EQ(Int(settings.at("shop").at("delivery").at("courier_fee")), 2500);

  // Another seller, through their own signed-in form, aims at this shop: 404, nothing changes.
  const ShopOwner rival = ApprovedSeller("desk-rival", "옆집 상회");
  HttpClient rival_browser = SignInThroughLoginForm(rival.email, kPassword);
  EXPECT_EQ(SaveSettings(rival_browser, "가로챈 상회", shop).status, 404);
  EXPECT_EQ(Client().Get("/s/" + shop).body.find("가로챈 상회"), std::string::npos);

  // A buyer orders the shop's listing (cash on delivery) to an address that looks like a formula.
  HttpResponse listed = Client(owner.token)
                            .PostJson("/api/v1/seller/products", {{"category", "food"},
                                                                  {"name", "명태 말린 것"},
                                                                  {"description", "바삭합니다"},
                                                                  {"price", {{"amount", 7000}, {"currency", "KPW"}}},
                                                                  {"stock", 20}});
  ASSERT_EQ(listed.status, 201) << listed.body;
  const boost::json::value listing = listed.Json();
  const boost::json::value* product = listing.as_object().if_contains("product");
  const std::int64_t product_id = Int((product ? *product : listing).at("id"));
  const std::string buyer = RegisterViaApi(UniqueEmail("desk-buyer"), kPassword);
  ASSERT_EQ(Client(buyer).PostJson("/api/v1/cart/items", {{"product_id", product_id}, {"quantity", 2}}).status, 201);
  HttpResponse placed =
      Client(buyer).PostJson("/api/v1/orders", {{"payment_method", "cod"}, {"address", "=HYPERLINK(\"http://x\")"}});
  ASSERT_EQ(placed.status, 201) << placed.body;
  const std::string order = std::to_string(Int(placed.Json().at("orders").at(0).at("id")));

  HttpResponse list = browser.Get("/seller/orders?tab=to_prepare");
  ASSERT_EQ(list.status, 200);
  EXPECT_NE(list.body.find("href=\"/seller/orders.csv?tab=to_prepare\""), std::string::npos);
  HttpResponse csv = browser.Get("/seller/orders.csv?tab=to_prepare");
  ASSERT_EQ(csv.status, 200) << csv.body.substr(0, 300);
  EXPECT_EQ(csv.Header("Content-Type").value_or(""), "text/csv; charset=utf-8");
  EXPECT_TRUE(csv.body.starts_with("\xEF\xBB\xBF주문번호,"));
  EXPECT_NE(csv.body.find("\r\n" + order + ","), std::string::npos);
  EXPECT_NE(csv.body.find("명태 말린 것"), std::string::npos);
  EXPECT_NE(csv.body.find("'=HYPERLINK"), std::string::npos);
  EXPECT_EQ(csv.body.find(",=HYPERLINK"), std::string::npos);
  // The rival's file has none of it; the API's is the same file.
  EXPECT_EQ(rival_browser.Get("/seller/orders.csv").body.find("명태 말린 것"), std::string::npos);
  EXPECT_EQ(Client(owner.token).Get("/api/v1/seller/orders/export?tab=to_prepare").body, csv.body);
}

}  // namespace
}  // namespace manmulsang::testing
