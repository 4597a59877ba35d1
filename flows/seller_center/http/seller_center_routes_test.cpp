#include <regex>

#include "seller_center_routes_fixture.hpp"

namespace manmulsang::seller_center {
namespace {

std::size_t Occurrences(const std::string& text, std::string_view needle) {
  std::size_t count = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size())) {
    ++count;
  }
  return count;
}

std::string Location(const http::Response& response) {
  for (const auto& [name, value] : response.headers) {
    if (name == "Location") return value;
  }
  return "";
}

class SellerCenterRoutesTest : public SellerCenterTest {};

TEST_F(SellerCenterRoutesTest, EachKindOfNonSellerIsSentWhereTheyCanAct) {
  store_.AddShop(kPendingMember, "기다리는 상점", sellers::ShopStatus::pending);
  store_.AddShop(kRejectedMember, "반려된 상점", sellers::ShopStatus::rejected);
  for (std::string_view path : {"/seller", "/seller/questions"}) {
    SCOPED_TRACE(path);
    http::Response visitor = Get(path);
    EXPECT_EQ(visitor.status, http::Status::see_other);
    EXPECT_EQ(Location(visitor), "/login?next=" + http::PercentEncode(path));
    EXPECT_EQ(Location(Get(path, Who(kMember, "buyer"))), "/seller/apply");
    EXPECT_EQ(Location(Get(path, Who(kPendingMember, "buyer"))), "/seller/application");
    EXPECT_EQ(Location(Get(path, Who(kRejectedMember, "buyer"))), "/seller/application");
  }
  EXPECT_EQ(Get("/api/v1/seller/dashboard").status, http::Status::unauthorized);
  EXPECT_EQ(Code(Get("/api/v1/seller/dashboard")), "unauthenticated");
  http::Response member = Get("/api/v1/seller/dashboard", Who(kMember, "buyer"));
  EXPECT_EQ(member.status, http::Status::forbidden);
  EXPECT_EQ(Code(member), "not_a_seller");
  EXPECT_EQ(Code(Get("/api/v1/seller/dashboard", Who(kPendingMember, "buyer"))), "application_pending");
  EXPECT_EQ(Code(Get("/api/v1/seller/dashboard", Who(kRejectedMember, "buyer"))), "application_rejected");
}

TEST_F(SellerCenterRoutesTest, TheOwnerOfASuspendedShopIsSentToReadWhy) {
  ASSERT_TRUE(catalog_.SuspendShop(Admin(), other_shop_, "가짜 상품 판매").has_value());
  for (std::string_view path : {"/seller", "/seller/questions"}) {
    SCOPED_TRACE(path);
    EXPECT_EQ(Location(Get(path, Who(kOtherOwner))), "/seller/application");
  }
  http::Response api = Get("/api/v1/seller/dashboard", Who(kOtherOwner));
  EXPECT_EQ(api.status, http::Status::forbidden);
  EXPECT_EQ(Code(api), "shop_suspended");
  // The other shop's owner is not affected.
  EXPECT_EQ(Get("/api/v1/seller/dashboard", Who(kOwner)).status, http::Status::ok);
}

TEST_F(SellerCenterRoutesTest, TheDashboardCountsTheOrdersPlacedTodayAndDrawsOneBarPerDay) {
  store_.PlaceOrder(kBuyer, product_, 2);  // 24,000
  store_.PlaceOrder(kBuyer, product_, 1);  // 12,000
  const core::OrderId cancelled = store_.PlaceOrder(kBuyer, product_, 5);
  ASSERT_TRUE(orders_.Apply(Buyer(kBuyer), cancelled, orders::OrderEvent::cancel).has_value());
  store_.PlaceOrder(kBuyer, other_product_, 3);  // another shop's: not ours

  http::Response api = Get("/api/v1/seller/dashboard", Who(kOwner));
  ASSERT_EQ(api.status, http::Status::ok) << api.body;
  const boost::json::object json = Json(api);
  EXPECT_EQ(json.at("shop").at("id").as_int64(), shop_.value);
  EXPECT_EQ(json.at("today").at("orders").as_int64(), 2);
  EXPECT_EQ(json.at("today").at("revenue").at("amount").as_int64(), 36'000);
  EXPECT_EQ(json.at("today").at("revenue").at("currency").as_string(), "KPW");
  EXPECT_EQ(json.at("period").at("orders").as_int64(), 2);
  EXPECT_EQ(json.at("orders_to_prepare").as_int64(), 2);
  EXPECT_EQ(json.at("order_counts").at("paid").as_int64(), 2);
  EXPECT_EQ(json.at("order_counts").at("cancelled").as_int64(), 1);
  const auto& days = json.at("days").as_array();
  ASSERT_EQ(days.size(), static_cast<std::size_t>(kDashboardDays));
  EXPECT_EQ(days.back().at("day").as_string(), "2026-11-26");
  EXPECT_EQ(days.back().at("orders").as_int64(), 2);
  EXPECT_EQ(days.front().at("day").as_string(), "2026-10-28");
  EXPECT_EQ(days.front().at("orders").as_int64(), 0);

  http::Response page = Get("/seller", Who(kOwner));
  ASSERT_EQ(page.status, http::Status::ok);
  EXPECT_EQ(page.content_type.substr(0, 9), "text/html");
  const std::string& html = page.body;
  EXPECT_EQ(Occurrences(html, "<rect class=\"chart-bar\""), static_cast<std::size_t>(kDashboardDays));
  EXPECT_NE(html.find("data-day=\"2026-11-26\" data-revenue=\"36000\" data-orders=\"2\""), std::string::npos);
  EXPECT_NE(html.find("data-day=\"2026-11-25\" data-revenue=\"0\" data-orders=\"0\""), std::string::npos);
  EXPECT_NE(html.find("role=\"img\""), std::string::npos);
  EXPECT_NE(html.find("<title id=\"sales-chart-title\">"), std::string::npos);
  EXPECT_NE(html.find("<desc id=\"sales-chart-desc\">"), std::string::npos);
  // The same numbers as a table, one row per day.
  EXPECT_EQ(Occurrences(html, "<tr data-day=\""), static_cast<std::size_t>(kDashboardDays));
  EXPECT_NE(html.find("<tr data-day=\"2026-11-26\"><th scope=\"row\">2026-11-26</th><td class=\"number\">2</td>"
                      "<td class=\"number\">36,000원</td>"),
            std::string::npos);
  EXPECT_NE(html.find("id=\"stat-to-prepare\""), std::string::npos);
  for (std::string_view link : {"/seller/products\"", "/seller/orders\"", "/seller/ledger\"", "/seller/questions\"",
                                "/seller/products/import\""}) {
    EXPECT_NE(html.find("href=\"" + std::string(link)), std::string::npos) << link;
  }
  EXPECT_EQ(html.find("다른 상점"), std::string::npos);
  EXPECT_NE(Location(Get("/seller", Who(kOwner))), "/seller/apply");
}

TEST_F(SellerCenterRoutesTest, ViewsAndTheSearchWordsThatLedToTheShopShowOnItsDashboardOnly) {
  analytics_.RecordShopVisit(shop_, "노트북");
  analytics_.RecordShopVisit(shop_, "노트북");
  analytics_.RecordShopVisit(shop_, "<b>가방</b>");
  analytics_.RecordShopVisit(shop_, "");
  analytics_.RecordShopVisit(other_shop_, "비밀단어");
  analytics_.Flush();
  analytics_.RecordShopVisit(shop_, "노트북");  // in memory still: counted too

  const boost::json::object json = Json(Get("/api/v1/seller/dashboard", Who(kOwner)));
  EXPECT_EQ(json.at("today").at("views").as_int64(), 5);
  EXPECT_EQ(json.at("period").at("views").as_int64(), 5);
  const auto& terms = json.at("search_terms").as_array();
  ASSERT_EQ(terms.size(), 2u);
  EXPECT_EQ(terms[0].at("query").as_string(), "노트북");
  EXPECT_EQ(terms[0].at("count").as_int64(), 3);

  const std::string html = Get("/seller", Who(kOwner)).body;
  EXPECT_NE(html.find("class=\"search-term\">노트북</a>"), std::string::npos);
  EXPECT_NE(html.find("&lt;b&gt;가방&lt;/b&gt;"), std::string::npos);
  EXPECT_EQ(html.find("<b>가방"), std::string::npos);
  EXPECT_EQ(html.find("비밀단어"), std::string::npos);
  EXPECT_NE(html.find("href=\"/search?q=%EB%85%B8%ED%8A%B8%EB%B6%81\""), std::string::npos);

  const std::string other = Get("/seller", Who(kOtherOwner)).body;
  EXPECT_NE(other.find("비밀단어"), std::string::npos);
  EXPECT_EQ(other.find("class=\"search-term\">노트북"), std::string::npos);
  EXPECT_NE(other.find("class=\"search-term\">비밀단어"), std::string::npos);
}

TEST_F(SellerCenterRoutesTest, AnotherShopsDashboardIsNotFound) {
  const std::string other = "?shop_id=" + std::to_string(other_shop_.value);
  http::Response api = Get("/api/v1/seller/dashboard" + other, Who(kOwner));
  EXPECT_EQ(api.status, http::Status::not_found);
  EXPECT_EQ(Code(api), "shop_not_found");
  EXPECT_EQ(Get("/seller" + other, Who(kOwner)).status, http::Status::not_found);
  EXPECT_EQ(Get("/seller/questions" + other, Who(kOwner)).status, http::Status::not_found);
  for (std::string_view bad :
       {"?shop_id=abc", "?shop_id=-1", "?shop_id=0", "?shop_id=99999999999999999999", "?shop_id=999"}) {
    EXPECT_EQ(Get("/api/v1/seller/dashboard" + std::string(bad), Who(kOwner)).status, http::Status::not_found) << bad;
    EXPECT_EQ(Get("/seller" + std::string(bad), Who(kOwner)).status, http::Status::not_found) << bad;
  }
  // The own shop named explicitly is fine.
  EXPECT_EQ(Get("/api/v1/seller/dashboard?shop_id=" + std::to_string(shop_.value), Who(kOwner)).status,
            http::Status::ok);
}

TEST_F(SellerCenterRoutesTest, TheQuestionQueueListsTheShopsQuestionsAndAnswersThem) {
  auto first = questions_.Ask(Buyer(kBuyer), {product_, "언제 배송되나요?", false});
  auto second = questions_.Ask(Buyer(kBuyer), {product_, "<script>alert(1)</script> 비공개 질문", true});
  auto others = questions_.Ask(Buyer(kBuyer), {other_product_, "다른 상점 질문", false});
  ASSERT_TRUE(first && second && others);

  EXPECT_EQ(Json(Get("/api/v1/seller/dashboard", Who(kOwner))).at("unanswered_questions").as_int64(), 2);
  http::Response queue = Get("/seller/questions", Who(kOwner));
  ASSERT_EQ(queue.status, http::Status::ok);
  EXPECT_NE(queue.body.find("언제 배송되나요?"), std::string::npos);
  EXPECT_NE(queue.body.find("&lt;script&gt;"), std::string::npos);
  EXPECT_EQ(queue.body.find("<script>alert"), std::string::npos);
  EXPECT_EQ(queue.body.find("다른 상점 질문"), std::string::npos);
  EXPECT_NE(queue.body.find("action=\"/seller/questions/" + std::to_string(first->id.value) + "/answer\""),
            std::string::npos);
  EXPECT_NE(queue.body.find("name=\"_csrf\""), std::string::npos);
  EXPECT_NE(queue.body.find("<span id=\"unanswered-count\">2</span>"), std::string::npos);

  const std::string answer_path = "/seller/questions/" + std::to_string(first->id.value) + "/answer";
  http::Response answered = PostForm(answer_path, {{"body", "내일 보냅니다."}}, Who(kOwner));
  EXPECT_EQ(answered.status, http::Status::see_other);
  EXPECT_EQ(Location(answered), "/seller/questions?answered=1#question-" + std::to_string(first->id.value));
  EXPECT_EQ(Json(Get("/api/v1/seller/dashboard", Who(kOwner))).at("unanswered_questions").as_int64(), 1);
  const std::string after = Get("/seller/questions?answered=1", Who(kOwner)).body;
  EXPECT_NE(after.find("<span id=\"unanswered-count\">1</span>"), std::string::npos);
  EXPECT_NE(after.find("class=\"answer-body\">내일 보냅니다.</span>"), std::string::npos);
  EXPECT_NE(after.find("role=\"status\""), std::string::npos);
}

TEST_F(SellerCenterRoutesTest, AnotherShopsQuestionCannotBeAnsweredAndBadAnswersChangeNothing) {
  auto mine = questions_.Ask(Buyer(kBuyer), {product_, "질문", false});
  ASSERT_TRUE(mine);
  const std::string path = "/seller/questions/" + std::to_string(mine->id.value) + "/answer";
  const auto unanswered = [&] {
    return Json(Get("/api/v1/seller/dashboard", Who(kOwner))).at("unanswered_questions").as_int64();
  };

  EXPECT_EQ(PostForm(path, {{"body", "남의 답"}}, Who(kOtherOwner)).status, http::Status::not_found);
  EXPECT_EQ(PostForm(path, {{"body", "구매자의 답"}}, Who(kBuyer, "buyer")).status, http::Status::not_found);
  EXPECT_EQ(unanswered(), 1);

  http::Response visitor = PostForm(path, {{"body", "답"}}, "");
  EXPECT_EQ(visitor.status, http::Status::see_other);
  EXPECT_EQ(Location(visitor).substr(0, 7), "/login?");

  for (std::string body :
       {std::string(""), std::string("   "), std::string(reviews::kMaxReply + 1, 'a'), std::string("\xff\xfe"),
        std::string("a\x01"
                    "b")}) {
    http::Response refused = PostForm(path, {{"body", body}}, Who(kOwner));
    EXPECT_EQ(refused.status, http::Status::bad_request);
    EXPECT_NE(refused.body.find("id=\"form-error\""), std::string::npos);
  }
  EXPECT_EQ(unanswered(), 1);
  for (std::string_view bad : {"/seller/questions/abc/answer", "/seller/questions/0/answer",
                               "/seller/questions/99999/answer", "/seller/questions/-1/answer"}) {
    EXPECT_EQ(PostForm(bad, {{"body", "답"}}, Who(kOwner)).status, http::Status::not_found) << bad;
  }
  EXPECT_EQ(unanswered(), 1);
}

TEST_F(SellerCenterRoutesTest, PagesWorkInEnglish) {
  const std::string html = Get("/seller?lang=en", Who(kOwner)).body;
  // No locale middleware here: the language comes from the request's context, Korean by default.
  EXPECT_NE(html.find("판매자 센터"), std::string::npos);
  html::Data data;
  EXPECT_EQ(renderer_.Translate(core::Locale::en, "seller_center.dashboard_title"), "Seller center");
  EXPECT_EQ(renderer_.Translate(core::Locale::en, "seller_center.orders_unit"), "");
}

}  // namespace
}  // namespace manmulsang::seller_center

namespace manmulsang::seller_center {
namespace {

// The layout's account links (web/templates/layout.html): the seller center for sellers, the
// application for other members, the admin's seller queue for admins, none of them for visitors.
class LayoutLinksTest : public SellerCenterTest {
 protected:
  std::string PageFor(std::optional<core::Actor> actor) {
    http::BeastRequest message{http::Method::get, "/", 11};
    http::Request request(std::move(message), "10.0.0.1", "test");
    if (actor) request.context().actor = *actor;
    return renderer_.Page(request, "seller_center/questions", html::Data{}).body;
  }
};

TEST_F(LayoutLinksTest, EachRoleSeesItsOwnLinks) {
  const std::string visitor = PageFor(std::nullopt);
  const std::string buyer = PageFor(core::Actor{core::UserId{10}, core::Role::buyer, "구매자"});
  const std::string seller = PageFor(core::Actor{core::UserId{11}, core::Role::seller, "판매자"});
  const std::string admin = PageFor(core::Actor{core::UserId{12}, core::Role::admin, "관리자"});
  const std::string_view center = "class=\"seller-center-link\" href=\"/seller\">판매자 센터</a>";
  const std::string_view apply = "class=\"seller-apply-link\" href=\"/seller/apply\">판매자 신청</a>";
  const std::string_view queue = "class=\"admin-link\" href=\"/admin/sellers\">관리자</a>";
  EXPECT_EQ(visitor.find("seller-center-link"), std::string::npos);
  EXPECT_EQ(visitor.find("seller-apply-link"), std::string::npos);
  EXPECT_EQ(visitor.find("admin-link"), std::string::npos);
  EXPECT_NE(buyer.find(apply), std::string::npos);
  EXPECT_EQ(buyer.find("seller-center-link"), std::string::npos);
  EXPECT_EQ(buyer.find("admin-link"), std::string::npos);
  EXPECT_NE(seller.find(center), std::string::npos);
  EXPECT_EQ(seller.find("seller-apply-link"), std::string::npos);
  EXPECT_EQ(seller.find("admin-link"), std::string::npos);
  EXPECT_NE(admin.find(queue), std::string::npos);
  EXPECT_EQ(admin.find("seller-apply-link"), std::string::npos);
}

}  // namespace
}  // namespace manmulsang::seller_center
