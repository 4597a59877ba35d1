// A seller reads and changes only its own shop's objects (issue 5), through the real server: shop A
// has a listing with a photo, two orders (one fresh, one delivered and reviewed), a question and
// delivery options; the owner of shop B tries every seller endpoint of the API and the pages on
// them and gets 404 each time (no 403: another shop's objects do not exist for B), and afterwards
// every object of A is as it was.
#include "blackbox.hpp"

namespace manmulsang::testing {
namespace {

class OwnershipTest : public BlackBoxTest {
 protected:
  // What shop A has, read as A sees it: any change by B shows up as a difference.
  // The listing, the fresh order, the delivery options, the questions (with their answers) and
  // the reviews (with their replies).
  std::string Snapshot(const ShopOwner& owner, std::int64_t listing, std::int64_t fresh_order) {
    std::string snapshot;
    for (const std::string& path :
         {"/api/v1/seller/products/" + std::to_string(listing), "/api/v1/orders/" + std::to_string(fresh_order),
          std::string("/api/v1/seller/shop/delivery"), std::string("/api/v1/seller/questions"),
          "/api/v1/products/" + std::to_string(listing) + "/reviews"}) {
      HttpResponse response = Client(owner.token).Get(path);
      EXPECT_EQ(response.status, 200) << path << ": " << response.body;
      snapshot += path + " " + response.body + "\n";
    }
    return snapshot;
  }
};

TEST_F(OwnershipTest, AnotherShopGetsNotFoundOnEverySellerEndpointAndChangesNothing) {
  const ShopOwner owner = ApprovedSeller("owner-a", "소유 검사 상점 가");
  const ShopOwner rival = ApprovedSeller("owner-b", "소유 검사 상점 나");
  const std::string buyer = RegisterViaApi(UniqueEmail("ownership-buyer"), kPassword);

  // Shop A's objects.
  HttpResponse created = Client(owner.token)
                             .PostJson("/api/v1/seller/products", {{"category", "food"},
                                                                   {"name", "소유검사 메밀국수 두 봉지"},
                                                                   {"description", "옥류관식 메밀국수"},
                                                                   {"price", {{"amount", 9000}, {"currency", "KPW"}}},
                                                                   {"stock", 20}});
  ASSERT_EQ(created.status, 201) << created.body;
  const std::int64_t listing = Int(created.Json().at("id"));
  const std::string listing_path = "/api/v1/seller/products/" + std::to_string(listing);
  HttpResponse photo =
      Client(owner.token).Send("POST", listing_path + "/images", ImageBody("image", kOnePixelPng), MultipartType());
  ASSERT_EQ(photo.status, 201) << photo.body;

  const auto place_order = [&] {
    HttpResponse added = Client(buyer).PostJson("/api/v1/cart/items", {{"product_id", listing}, {"quantity", 1}});
    EXPECT_EQ(added.status, 201) << added.body;
    HttpResponse placed =
        Client(buyer).PostJson("/api/v1/orders", {{"payment_method", "cod"}, {"address", "평양시 중구역 1"}});
    EXPECT_EQ(placed.status, 201) << placed.body;
    return Int(placed.Json().at("orders").at(0).at("id"));
  };
  const std::int64_t fresh_order = place_order();
  const std::int64_t delivered_order = place_order();
  const std::string delivered = "/api/v1/seller/orders/" + std::to_string(delivered_order);
  ASSERT_EQ(Client(owner.token).PostJson(delivered + "/prepare", boost::json::object{}).status, 200);
  HttpResponse shipped =
      Client(owner.token).PostJson(delivered + "/ship", {{"carrier", "조선우편"}, {"tracking", "KP-0001"}});
  ASSERT_EQ(shipped.status, 200) << shipped.body;
  ASSERT_EQ(Client(owner.token).PostJson(delivered + "/deliver", boost::json::object{}).status, 200);
  HttpResponse reviewed = Client(buyer).PostJson("/api/v1/products/" + std::to_string(listing) + "/reviews",
                                                 {{"rating", 4}, {"body", "면이 쫄깃합니다"}});
  ASSERT_EQ(reviewed.status, 201) << reviewed.body;
  const std::int64_t review = Int(reviewed.Json().at("id"));
  HttpResponse asked = Client(buyer).PostJson("/api/v1/products/" + std::to_string(listing) + "/questions",
                                              {{"body", "유통기한이 언제까지입니까?"}});
  ASSERT_EQ(asked.status, 201) << asked.body;
  const std::int64_t question = Int(asked.Json().at("id"));

  const std::string before = Snapshot(owner, listing, fresh_order);
  const std::string shop = std::to_string(owner.shop);
  const std::string order = "/api/v1/seller/orders/" + std::to_string(fresh_order);

  // Every seller endpoint of the API, on A's objects, with B's token.
  struct Attempt {
    std::string method;
    std::string path;
    std::string body;
    std::string content_type = "application/json";
  };
  const std::vector<Attempt> attempts = {
      {"GET", listing_path, ""},
      {"PATCH", listing_path, R"({"name":"가로챈 국수"})"},
      {"POST", listing_path + "/hide", "{}"},
      {"POST", listing_path + "/show", "{}"},
      {"POST", listing_path + "/images", ImageBody("image", kOnePixelPng), MultipartType()},
      {"DELETE", listing_path + "/images/1", ""},
      {"DELETE", listing_path, ""},
      {"GET", "/api/v1/seller/orders?shop_id=" + shop, ""},
      {"GET", "/api/v1/orders/" + std::to_string(fresh_order), ""},
      {"POST", order + "/prepare", "{}"},
      {"POST", order + "/ship", R"({"carrier":"조선우편","tracking":"KP-9999"})"},
      {"POST", order + "/deliver", "{}"},
      {"POST", delivered + "/accept-return", "{}"},
      {"GET", "/api/v1/seller/ledger?shop_id=" + shop, ""},
      {"GET", "/api/v1/seller/questions?shop_id=" + shop, ""},
      {"POST", "/api/v1/questions/" + std::to_string(question) + "/answer", R"({"body":"남의 답"})"},
      {"POST", "/api/v1/reviews/" + std::to_string(review) + "/reply", R"({"body":"남의 답글"})"},
      {"GET", "/api/v1/seller/dashboard?shop_id=" + shop, ""},
      {"GET", "/api/v1/seller/shop/delivery?shop_id=" + shop, ""},
      {"PUT", "/api/v1/seller/shop/delivery",
       R"({"shop_id":)" + shop + R"(,"courier_fee":99000,"pickup_offered":false})"},
      {"POST", "/api/v1/seller/shop/logo?shop_id=" + shop, ImageBody("logo", kOnePixelPng), MultipartType()},
  };
  for (const Attempt& attempt : attempts) {
    HttpResponse response =
        Client(rival.token)
            .Send(attempt.method, attempt.path, attempt.body, attempt.body.empty() ? "" : attempt.content_type);
    EXPECT_TRUE(IsJsonError(response, 404))
        << attempt.method << " " << attempt.path << " → " << response.status << " " << response.body.substr(0, 300);
  }

  // The same through the pages, signed in as B in a browser (session cookie, CSRF token).
  HttpClient browser = SignInThroughLoginForm(rival.email, kPassword);
  ASSERT_EQ(browser.Get("/seller/products").status, 200);
  const std::string csrf = browser.Cookie("mm_csrf").value_or("");
  ASSERT_FALSE(csrf.empty());
  const std::string listing_page = "/seller/products/" + std::to_string(listing);
  const std::string order_page = "/seller/orders/" + std::to_string(fresh_order);
  for (const std::string& path : {listing_page + "/edit", listing_page + "/delete", order_page}) {
    EXPECT_EQ(browser.Get(path).status, 404) << "GET " << path;
  }
  const std::vector<std::pair<std::string, FormFields>> posts = {
      {listing_page, {{"_csrf", csrf}, {"name", "가로챈 국수"}, {"category", "food"}, {"price", "1"}, {"stock", "1"}}},
      {listing_page + "/hide", {{"_csrf", csrf}}},
      {listing_page + "/delete", {{"_csrf", csrf}}},
      {listing_page + "/images/1/delete", {{"_csrf", csrf}}},
      {order_page + "/prepare", {{"_csrf", csrf}}},
      {order_page + "/ship", {{"_csrf", csrf}, {"carrier", "조선우편"}, {"tracking", "KP-9999"}}},
      {"/seller/questions/" + std::to_string(question) + "/answer", {{"_csrf", csrf}, {"body", "남의 답"}}},
  };
  for (const auto& [path, form] : posts) {
    EXPECT_EQ(browser.Post(path, form).status, 404) << "POST " << path;
  }

  // B's own views do not show A's objects either.
  HttpResponse rival_products = Client(rival.token).Get("/api/v1/seller/products");
  ASSERT_EQ(rival_products.status, 200);
  EXPECT_EQ(Int(rival_products.Json().at("total")), 0);
  HttpResponse rival_orders = Client(rival.token).Get("/api/v1/seller/orders");
  ASSERT_EQ(rival_orders.status, 200);
  EXPECT_EQ(Int(rival_orders.Json().at("total")), 0);
  HttpResponse rival_export = Client(rival.token).Get("/api/v1/seller/products/export");
  ASSERT_EQ(rival_export.status, 200);
  EXPECT_EQ(rival_export.body.find("소유검사"), std::string::npos) << "B's export holds A's listing";

  EXPECT_EQ(Snapshot(owner, listing, fresh_order), before) << "B changed one of A's objects";
}

}  // namespace
}  // namespace manmulsang::testing
