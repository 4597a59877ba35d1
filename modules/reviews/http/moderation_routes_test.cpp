// The admin's report queues of reviews and questions, and the member's question report, through
// the real router and renderer.

#include "reviews_routes_fixture.hpp"

namespace manmulsang::reviews {
namespace {

class ModerationRoutesTest : public ReviewsRoutesTest {
 protected:
  void SetUp() override {
    Bought(kBuyer, product_, kOwner);
    review_ = std::to_string(reviews_.Write(Buyer(kBuyer), {product_, std::nullopt, 1, "형편없음"}).value().id.value);
    question_ = std::to_string(questions_.Ask(Buyer(kBuyer), {product_, "광고 문의입니다", false}).value().id.value);
    ASSERT_TRUE(questions_.Answer(Seller(kOwner), QuestionId{std::stoll(question_)}, "아닙니다").has_value());
  }

  const std::string admin_ = Who(kAdmin, "admin");
  std::string review_;
  std::string question_;
};

TEST_F(ModerationRoutesTest, AMemberReportsAQuestionOnceThroughTheApiAndTheForm) {
  const std::string report = "/api/v1/questions/" + question_ + "/report";
  auto reported = Post(report, R"({"reason":"광고"})", Who(kOtherBuyer));
  ASSERT_EQ(reported.status, http::Status::created) << reported.body;
  auto again = Post(report, "", Who(kOtherBuyer));
  EXPECT_EQ(again.status, http::Status::conflict);
  EXPECT_EQ(Code(again), "already_reported");
  EXPECT_EQ(Post(report, "", "").status, http::Status::unauthorized);
  EXPECT_EQ(Post(report, R"({"reason":5})", Who(kOwner, "seller")).status, http::Status::bad_request);
  EXPECT_EQ(Post("/api/v1/questions/424242/report", "", Who(kOwner, "seller")).status, http::Status::not_found);

  const std::string page = "/p/" + std::to_string(product_.value) + "/questions";
  EXPECT_NE(Get(page, Who(kOwner, "seller")).body.find("/questions/" + question_ + "/report"), std::string::npos);
  EXPECT_EQ(Get(page, Who(kBuyer)).body.find("/questions/" + question_ + "/report"), std::string::npos);
  EXPECT_EQ(PostForm("/questions/" + question_ + "/report", {}, Who(kOwner, "seller")).status, http::Status::see_other);
  EXPECT_EQ(questions_.CountOpenReports(), 1);
}

TEST_F(ModerationRoutesTest, TheQuestionQueueHidesWithAReasonTheAskerReads) {
  ASSERT_EQ(Post("/api/v1/questions/" + question_ + "/report", "", Who(kOtherBuyer)).status, http::Status::created);
  auto queue = Get("/admin/reports/questions", admin_);
  ASSERT_EQ(queue.status, http::Status::ok);
  EXPECT_NE(queue.body.find("광고 문의입니다"), std::string::npos);
  EXPECT_NE(queue.body.find("아닙니다"), std::string::npos);  // its answer, in context
  EXPECT_NE(queue.body.find("href=\"/admin\""), std::string::npos);

  const std::string hide = "/admin/reports/questions/" + question_ + "/hide";
  EXPECT_EQ(PostForm(hide, {}, admin_).status, http::Status::bad_request);
  EXPECT_EQ(PostForm(hide, {{"reason", "광고성 글"}}, admin_).status, http::Status::see_other);
  const std::string page = "/p/" + std::to_string(product_.value) + "/questions";
  EXPECT_EQ(Get(page).body.find("광고 문의입니다"), std::string::npos);
  auto asker = Get(page, Who(kBuyer));
  EXPECT_NE(asker.body.find("광고 문의입니다"), std::string::npos);
  EXPECT_NE(asker.body.find("광고성 글"), std::string::npos);

  auto api = Json(Get("/api/v1/admin/reports/questions", admin_));
  EXPECT_EQ(api.at("total").as_int64(), 1);
  EXPECT_TRUE(api.at("items").at(0).at("question").at("hidden").as_bool());
  EXPECT_EQ(Get("/api/v1/admin/reports/questions?status=open", admin_).status, http::Status::ok);
  EXPECT_EQ(Json(Get("/api/v1/admin/reports/questions?status=open", admin_)).at("total").as_int64(), 0);
  auto restored = Post("/api/v1/admin/reports/questions/" + question_ + "/restore", "", admin_);
  ASSERT_EQ(restored.status, http::Status::ok) << restored.body;
  EXPECT_NE(Get(page).body.find("광고 문의입니다"), std::string::npos);
}

TEST_F(ModerationRoutesTest, TheReviewQueueHidesDismissesAndTellsTheAuthorWhy) {
  ASSERT_EQ(Post("/api/v1/reviews/" + review_ + "/report", R"({"reason":"욕설"})", Who(kOtherBuyer)).status,
            http::Status::created);
  auto listed = Get("/api/v1/admin/reports/reviews?status=open", admin_);
  ASSERT_EQ(listed.status, http::Status::ok) << listed.body;
  auto item = Json(listed).at("items").at(0).as_object();
  EXPECT_EQ(item.at("review").at("body").as_string(), "형편없음");
  EXPECT_EQ(item.at("review").at("rating").as_int64(), 1);
  EXPECT_EQ(item.at("open_reports").as_int64(), 1);
  EXPECT_EQ(item.at("reports").at(0).at("reason").as_string(), "욕설");
  EXPECT_EQ(Get("/api/v1/admin/reports/reviews?status=nope", admin_).status, http::Status::bad_request);

  const std::string base = "/api/v1/admin/reports/reviews/" + review_;
  EXPECT_EQ(Post(base + "/hide", "", admin_).status, http::Status::bad_request);
  EXPECT_EQ(Post(base + "/hide", R"({"reason":"욕설"})", Who(kOwner, "seller")).status, http::Status::forbidden);
  EXPECT_EQ(Post("/api/v1/admin/reports/reviews/424242/hide", R"({"reason":"x"})", admin_).status,
            http::Status::not_found);
  auto hidden = Post(base + "/hide", R"({"reason":"욕설이 있습니다"})", admin_);
  ASSERT_EQ(hidden.status, http::Status::ok) << hidden.body;
  EXPECT_EQ(Listing(product_).rating_count, 0);
  auto author_page = Get("/p/" + std::to_string(product_.value) + "/reviews", Who(kBuyer));
  EXPECT_NE(author_page.body.find("욕설이 있습니다"), std::string::npos);
  EXPECT_EQ(Get("/p/" + std::to_string(product_.value) + "/reviews").body.find("욕설이 있습니다"), std::string::npos);
  EXPECT_EQ(Post(base + "/dismiss", "", admin_).status, http::Status::conflict);  // closed by the hide

  auto page = Get("/admin/reports/reviews", admin_);
  ASSERT_EQ(page.status, http::Status::ok);
  EXPECT_NE(page.body.find("형편없음"), std::string::npos);
  EXPECT_NE(page.body.find("/admin/reports/reviews/" + review_ + "/restore"), std::string::npos);
  EXPECT_EQ(PostForm("/admin/reports/reviews/" + review_ + "/restore", {}, admin_).status, http::Status::see_other);
  EXPECT_EQ(Listing(product_).rating_count, 1);
  EXPECT_EQ(Get("/admin/reports/reviews", Who(kBuyer)).status, http::Status::forbidden);
}

}  // namespace
}  // namespace manmulsang::reviews
