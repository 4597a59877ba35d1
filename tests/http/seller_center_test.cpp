// The seller center through the real server (issue 5): a member is sent to apply, then to their
// application; once approved, they list a product, a buyer finds it by a search (the product
// page's Referer is /search?q=…) and orders it, and the owner's dashboard shows the order, the
// revenue, the view and the search words at once (counts still in memory are read with the
// stored ones, so nothing waits for the flush); another shop's dashboard is 404 and shows none
// of it; the question queue answers through a no-JS form with _csrf.
#include "blackbox.hpp"

namespace manmulsang::testing {
namespace {

std::size_t Occurrences(const std::string& text, std::string_view needle) {
  std::size_t count = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size())) {
    ++count;
  }
  return count;
}

class SellerCenterTest : public BlackBoxTest {
 protected:
  // A listing of the member's shop through the listings API.
  std::int64_t List(const ShopOwner& seller, std::string_view name, std::int64_t price) {
    HttpResponse created =
        Client(seller.token)
            .PostJson("/api/v1/seller/products", {{"category", "food"},
                                                  {"name", name},
                                                  {"description", "좋은 물건"},
                                                  {"price", {{"amount", price}, {"currency", "KPW"}}},
                                                  {"stock", 50}});
    if (created.status != 201) throw std::runtime_error("list a product: " + created.body);
    const boost::json::value json = created.Json();
    const boost::json::value* product = json.as_object().if_contains("product");
    return Int((product ? *product : json).at("id"));
  }

  boost::json::object Dashboard(const ShopOwner& seller) {
    HttpResponse response = Client(seller.token).Get("/api/v1/seller/dashboard");
    if (response.status != 200) throw std::runtime_error("dashboard: " + response.body);
    return AsObject(response.Json());
  }

  static bool ListsTerm(const boost::json::object& dashboard, std::string_view query, std::int64_t at_least) {
    for (const auto& term : dashboard.at("search_terms").as_array()) {
      if (term.at("query").as_string() == query && Int(term.at("count")) >= at_least) return true;
    }
    return false;
  }
};

TEST_F(SellerCenterTest, NonSellersAreSentWhereTheyCanAct) {
  HttpResponse visitor = Client().Get("/seller");
  EXPECT_EQ(visitor.status, 303);
  EXPECT_EQ(visitor.Header("Location").value_or("").substr(0, 7), "/login?");
  EXPECT_TRUE(IsJsonError(Client().Get("/api/v1/seller/dashboard"), 401));

  const Member member = NewMember("center-member");
  EXPECT_EQ(Client(member.token).Get("/seller").Header("Location").value_or(""), "/seller/apply");
  HttpResponse not_seller = Client(member.token).Get("/api/v1/seller/dashboard");
  EXPECT_TRUE(IsJsonError(not_seller, 403));
  EXPECT_EQ(ErrorCode(not_seller), "not_a_seller");
  // The layout offers the application to a signed-in member.
  HttpResponse home = Client(member.token).Get("/");
  EXPECT_NE(home.body.find("href=\"/seller/apply\""), std::string::npos);

  ASSERT_EQ(
      Client(member.token)
          .PostJson("/api/v1/seller/apply",
                    {{"shop_name", "심사 중 상점"}, {"description", ""}, {"phone", "02-381-4411"}, {"city", "평양"}})
          .status,
      201);
  EXPECT_EQ(Client(member.token).Get("/seller").Header("Location").value_or(""), "/seller/application");
  EXPECT_EQ(ErrorCode(Client(member.token).Get("/api/v1/seller/dashboard")), "application_pending");
}

TEST_F(SellerCenterTest, AViewFromASearchAndAnOrderShowOnTheOwnersDashboardOnly) {
  const ShopOwner owner = ApprovedSeller("center-owner", "검색 상회");
  const std::int64_t shop = owner.shop;
  const ShopOwner rival = ApprovedSeller("center-rival", "옆집 상회");
  const std::int64_t rival_shop = rival.shop;
  const std::int64_t product = List(owner, "대동강 맥주잔 세트", 15'000);
  const boost::json::object before = Dashboard(owner);
  EXPECT_EQ(Int(before.at("shop").at("id")), shop);
  const std::int64_t views_before = Int(before.at("today").at("views"));

  // A buyer searches, then opens the product from the results: the browser sends the results
  // page as the Referer. A word unique to this run, so earlier runs cannot make it pass.
  const std::string word = "맥주잔" + std::to_string(owner.shop);
  const std::string referer = "http://" + server_->host() + ":" + std::to_string(server_->port()) +
                              "/search?q=" + PercentEncode(word) + "&page=1";
  HttpClient buyer_browser = NewClient();
  ASSERT_EQ(buyer_browser.Get("/p/" + std::to_string(product), {{"Referer", referer}}).status, 200);
  // Another site's search page and a broken one are not our searches.
  ASSERT_EQ(buyer_browser
                .Get("/p/" + std::to_string(product),
                     {{"Referer", "http://evil.example/search?q=" + PercentEncode("남의검색어")}})
                .status,
            200);
  ASSERT_EQ(
      buyer_browser
          .Get("/p/" + std::to_string(product),
               {{"Referer", "http://" + server_->host() + ":" + std::to_string(server_->port()) + "/search?q=%zz%E0"}})
          .status,
      200);

  // The buyer orders two.
  const Member buyer = NewMember("center-buyer");
  ASSERT_EQ(Client(AdminToken())
                .PostJson("/api/v1/admin/wallets/" + std::to_string(buyer.id) + "/credit",
                          {{"amount", 100'000}, {"currency", "KPW"}, {"reference", "counter receipt"}})
                .status,
            201);
  HttpResponse added = Client(buyer.token).PostJson("/api/v1/cart/items", {{"product_id", product}, {"quantity", 2}});
  ASSERT_EQ(added.status, 201) << added.body;
  HttpResponse placed =
      Client(buyer.token)
          .PostJson("/api/v1/orders", {{"payment_method", "wallet"}, {"address", "평양시 중구역 승리거리 1"}});
  ASSERT_EQ(placed.status, 201) << placed.body;

  const boost::json::object after = Dashboard(owner);
  EXPECT_EQ(Int(after.at("today").at("views")), views_before + 3);
  EXPECT_TRUE(ListsTerm(after, word, 1)) << boost::json::serialize(after.at("search_terms"));
  EXPECT_FALSE(ListsTerm(after, "남의검색어", 1));
  EXPECT_EQ(Int(after.at("today").at("orders")), 1);
  EXPECT_EQ(Int(after.at("today").at("revenue").at("amount")), 30'000);
  EXPECT_EQ(Int(after.at("orders_to_prepare")), 1);
  EXPECT_EQ(after.at("days").as_array().size(), 30u);

  // The page: the word, the numbers, one bar per day of the chart.
  HttpClient owner_browser = SignInThroughLoginForm(owner.email, kPassword);
  HttpResponse page = owner_browser.Get("/seller");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find(">" + word + "</a>"), std::string::npos);
  EXPECT_EQ(Occurrences(page.body, "<rect class=\"chart-bar\""), 30u);
  EXPECT_NE(page.body.find("data-revenue=\"30000\" data-orders=\"1\""), std::string::npos);
  EXPECT_EQ(page.Header("Cache-Control").value_or(""), "no-store");
  EXPECT_NE(page.body.find("href=\"/seller\""), std::string::npos) << "the layout's seller center link";

  // The rival sees their own shop only, and the owner's shop is not found for them.
  const boost::json::object rivals = Dashboard(rival);
  EXPECT_EQ(Int(rivals.at("shop").at("id")), rival_shop);
  EXPECT_FALSE(ListsTerm(rivals, word, 1));
  EXPECT_EQ(Int(rivals.at("today").at("orders")), 0);
  HttpResponse peek = Client(rival.token).Get("/api/v1/seller/dashboard?shop_id=" + std::to_string(shop));
  EXPECT_TRUE(IsJsonError(peek, 404));
  EXPECT_EQ(ErrorCode(peek), "shop_not_found");
  HttpResponse peek_page = Client(rival.token).Get("/seller?shop_id=" + std::to_string(shop));
  EXPECT_EQ(peek_page.status, 404);
  EXPECT_EQ(peek_page.body.find(word), std::string::npos);
}

TEST_F(SellerCenterTest, TheQuestionQueueAnswersThroughTheFormAndOnlyForItsShop) {
  const ShopOwner owner = ApprovedSeller("queue-owner", "문의 상회");
  const ShopOwner rival = ApprovedSeller("queue-rival", "남의 상회");
  const std::int64_t product = List(owner, "문의받는 물건", 9'000);
  const Member buyer = NewMember("queue-buyer");
  HttpResponse asked =
      Client(buyer.token)
          .PostJson("/api/v1/products/" + std::to_string(product) + "/questions", {{"body", "크기가 어떻게 되나요?"}});
  ASSERT_EQ(asked.status, 201) << asked.body;
  const boost::json::value asked_json = asked.Json();
  const boost::json::value* question = asked_json.as_object().if_contains("question");
  const std::string id = std::to_string(Int((question ? *question : asked_json).at("id")));
  EXPECT_EQ(Int(Dashboard(owner).at("unanswered_questions")), 1);

  HttpClient rival_browser = SignInThroughLoginForm(rival.email, kPassword);
  HttpResponse rival_queue = rival_browser.Get("/seller/questions");
  ASSERT_EQ(rival_queue.status, 200);
  EXPECT_EQ(rival_queue.body.find("크기가 어떻게 되나요?"), std::string::npos);
  const std::optional<std::string> rival_token = FindInputValue(rival_queue.body, "_csrf");
  ASSERT_TRUE(rival_token.has_value());
  EXPECT_EQ(
      rival_browser.Post("/seller/questions/" + id + "/answer", {{"_csrf", *rival_token}, {"body", "남의 답"}}).status,
      404);

  HttpClient browser = SignInThroughLoginForm(owner.email, kPassword);
  HttpResponse queue = browser.Get("/seller/questions");
  ASSERT_EQ(queue.status, 200);
  EXPECT_NE(queue.body.find("크기가 어떻게 되나요?"), std::string::npos);
  const std::optional<std::string> token = FindInputValue(queue.body, "_csrf");
  ASSERT_TRUE(token.has_value());
  // A form without the token, and a blank answer, change nothing.
  EXPECT_EQ(browser.Post("/seller/questions/" + id + "/answer", {{"body", "토큰 없는 답"}}).status, 403);
  EXPECT_EQ(browser.Post("/seller/questions/" + id + "/answer", {{"_csrf", *token}, {"body", "  "}}).status, 400);
  EXPECT_EQ(Int(Dashboard(owner).at("unanswered_questions")), 1);

  HttpResponse answered =
      browser.Post("/seller/questions/" + id + "/answer", {{"_csrf", *token}, {"body", "가로 30cm입니다."}});
  EXPECT_EQ(answered.status, 303);
  EXPECT_EQ(Int(Dashboard(owner).at("unanswered_questions")), 0);
  HttpResponse public_questions = Client().Get("/api/v1/products/" + std::to_string(product) + "/questions");
  EXPECT_NE(public_questions.body.find("가로 30cm입니다."), std::string::npos);
}

}  // namespace
}  // namespace manmulsang::testing
