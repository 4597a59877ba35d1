#include "reviews_routes_fixture.hpp"

namespace manmulsang::reviews {
namespace {

using orders::OrderStatus;

std::string Location(const http::Response& response) { return std::string(response.Header("Location")); }

TEST_F(ReviewsRoutesTest, ReviewsPageWritesRepliesReportsAndHidesWithoutJavaScript) {
  const std::string page = "/p/" + std::to_string(product_.value) + "/reviews";
  auto anonymous = Get(page);
  ASSERT_EQ(anonymous.status, http::Status::ok);
  EXPECT_NE(anonymous.body.find("/login?next=" + page), std::string::npos);
  EXPECT_EQ(anonymous.body.find("name=\"rating\""), std::string::npos);
  EXPECT_EQ(Location(PostForm(page, {{"rating", "5"}}, "")), "/login?next=" + http::PercentEncode(page));

  // Not a buyer: the form answers with the reason, 403, and nothing is written.
  auto refused = PostForm(page, {{"rating", "5"}, {"body", "<script>x</script>"}}, Who(kBuyer));
  EXPECT_EQ(refused.status, http::Status::forbidden);
  EXPECT_NE(refused.body.find("form-error"), std::string::npos);
  EXPECT_EQ(refused.body.find("<script>x"), std::string::npos);  // the typed text comes back escaped
  EXPECT_NE(refused.body.find("&lt;script&gt;x"), std::string::npos);

  Bought(kBuyer, product_, kOwner, OrderStatus::confirmed);
  EXPECT_EQ(PostForm(page, {{"rating", "abc"}, {"body", "x"}}, Who(kBuyer)).status, http::Status::bad_request);
  EXPECT_EQ(PostForm(page, {{"rating", "0"}}, Who(kBuyer)).status, http::Status::bad_request);
  EXPECT_EQ(PostForm(page, {{"rating", "5"}, {"body", std::string("a\0b", 3)}}, Who(kBuyer)).status,
            http::Status::bad_request);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM reviews"), 0);
  auto written = PostForm(page, {{"rating", "4"}, {"body", "<b>튼튼해요</b>\r\n추천"}}, Who(kBuyer));
  ASSERT_EQ(written.status, http::Status::see_other) << written.body;
  EXPECT_EQ(Location(written), page + "?written=1");
  EXPECT_EQ(Listing(product_).rating_count, 1);

  auto shown = Get(page, Who(kOwner, "seller"));
  EXPECT_NE(shown.body.find("&lt;b&gt;튼튼해요"), std::string::npos);
  EXPECT_NE(shown.body.find("/reply\""), std::string::npos);  // the owner gets the reply form
  EXPECT_EQ(Get(page, Who(kOtherOwner, "seller")).body.find("/reply\""), std::string::npos);
  EXPECT_EQ(Get(page, Who(kBuyer)).body.find("/report\""), std::string::npos);  // not one's own
  EXPECT_NE(Get(page, Who(kOtherBuyer)).body.find("/report\""), std::string::npos);
  EXPECT_NE(Get(page, Who(kAdmin, "admin")).body.find("/hide\""), std::string::npos);

  const std::string id = std::to_string(Json(Get("/api/v1/products/" + std::to_string(product_.value) + "/reviews"))
                                            .at("items")
                                            .at(0)
                                            .at("id")
                                            .as_int64());
  EXPECT_EQ(PostForm("/reviews/" + id + "/reply", {{"body", "남의 답"}}, Who(kOtherOwner, "seller")).status,
            http::Status::not_found);
  auto replied = PostForm("/reviews/" + id + "/reply", {{"body", "감사합니다"}}, Who(kOwner, "seller"));
  EXPECT_EQ(replied.status, http::Status::see_other);
  EXPECT_NE(Get(page).body.find("감사합니다"), std::string::npos);
  EXPECT_EQ(PostForm("/reviews/" + id + "/report", {}, Who(kOtherBuyer)).status, http::Status::see_other);
  EXPECT_EQ(PostForm("/reviews/" + id + "/report", {}, Who(kOtherBuyer)).status, http::Status::conflict);
  EXPECT_EQ(PostForm("/admin/reviews/" + id + "/hide", {}, Who(kOwner, "seller")).status, http::Status::forbidden);
  EXPECT_EQ(PostForm("/admin/reviews/" + id + "/hide", {}, Who(kAdmin, "admin")).status, http::Status::bad_request);
  EXPECT_EQ(PostForm("/admin/reviews/" + id + "/hide", {{"reason", "광고"}}, Who(kAdmin, "admin")).status,
            http::Status::see_other);
  EXPECT_EQ(Get(page).body.find("감사합니다"), std::string::npos);
  EXPECT_EQ(Listing(product_).rating_count, 0);
  EXPECT_EQ(Get("/p/999999/reviews").status, http::Status::not_found);
  EXPECT_EQ(Get("/p/abc/reviews").status, http::Status::not_found);
}

TEST_F(ReviewsRoutesTest, QuestionsPageAsksPrivatelyAndTheOwnerAnswers) {
  const std::string page = "/p/" + std::to_string(product_.value) + "/questions";
  EXPECT_EQ(Get(page).status, http::Status::ok);
  EXPECT_EQ(PostForm(page, {{"body", ""}}, Who(kBuyer)).status, http::Status::bad_request);
  auto asked = PostForm(page, {{"body", "비밀 질문"}, {"private", "1"}}, Who(kBuyer));
  ASSERT_EQ(asked.status, http::Status::see_other) << asked.body;
  EXPECT_EQ(Location(asked), page + "?asked=1");
  EXPECT_EQ(Get(page).body.find("비밀 질문"), std::string::npos);
  EXPECT_EQ(Get(page, Who(kOtherBuyer)).body.find("비밀 질문"), std::string::npos);
  EXPECT_NE(Get(page, Who(kBuyer)).body.find("비밀 질문"), std::string::npos);
  auto owner_view = Get(page, Who(kOwner, "seller"));
  EXPECT_NE(owner_view.body.find("비밀 질문"), std::string::npos);
  EXPECT_NE(owner_view.body.find("/answer\""), std::string::npos);

  const std::string id = std::to_string(
      Json(Get("/api/v1/seller/questions?unanswered=1", Who(kOwner, "seller"))).at("items").at(0).at("id").as_int64());
  EXPECT_EQ(PostForm("/questions/" + id + "/answer", {{"body", "남의 답"}}, Who(kOtherOwner, "seller")).status,
            http::Status::not_found);
  EXPECT_EQ(PostForm("/questions/" + id + "/answer", {{"body", "네"}}, Who(kOwner, "seller")).status,
            http::Status::see_other);
  EXPECT_NE(Get(page, Who(kBuyer)).body.find("answer-body"), std::string::npos);
}

}  // namespace
}  // namespace manmulsang::reviews
