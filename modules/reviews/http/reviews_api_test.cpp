#include "reviews_routes_fixture.hpp"

namespace manmulsang::reviews {
namespace {

using orders::OrderStatus;

TEST_F(ReviewsRoutesTest, AVerifiedBuyerReviewsOnceAndTheRatingFollows) {
  const std::string reviews = ProductPath(product_, "/reviews");
  EXPECT_EQ(Post(reviews, R"({"rating":5,"body":"좋아요"})", "").status, http::Status::unauthorized);
  auto stranger = Post(reviews, R"({"rating":5,"body":"좋아요"})", Who(kBuyer));
  EXPECT_EQ(stranger.status, http::Status::forbidden);
  EXPECT_EQ(Code(stranger), "not_a_buyer");
  EXPECT_FALSE(Json(stranger).at("error").at("message").as_string().empty());

  Bought(kBuyer, product_, kOwner, OrderStatus::shipped);
  auto early = Post(reviews, R"({"rating":5})", Who(kBuyer));
  EXPECT_EQ(early.status, http::Status::forbidden);
  EXPECT_EQ(Code(early), "not_yet_delivered");

  Bought(kOtherBuyer, product_, kOwner, OrderStatus::delivered);
  auto written = Post(reviews, R"({"rating":4,"body":"맛있어요"})", Who(kOtherBuyer));
  ASSERT_EQ(written.status, http::Status::created) << written.body;
  EXPECT_EQ(Json(written).at("rating").as_int64(), 4);
  EXPECT_EQ(Json(written).at("author").at("name").as_string(), "회원 101");
  auto twice = Post(reviews, R"({"rating":1,"body":"또"})", Who(kOtherBuyer));
  EXPECT_EQ(twice.status, http::Status::conflict);
  EXPECT_EQ(Code(twice), "already_reviewed");

  auto listed = Json(Get(reviews));
  EXPECT_EQ(listed.at("total").as_int64(), 1);
  EXPECT_EQ(listed.at("page").as_int64(), 1);
  EXPECT_EQ(listed.at("per_page").as_int64(), 20);
  EXPECT_DOUBLE_EQ(listed.at("rating").at("average").as_double(), 4.0);
  // One review of four stars: the distribution counts 1..5 stars in order.
  EXPECT_EQ(listed.at("rating").at("distribution"), (boost::json::array{0, 0, 0, 1, 0}));
  EXPECT_EQ(listed.at("items").at(0).at("body").as_string(), "맛있어요");
  EXPECT_EQ(Listing(product_).rating_count, 1);
  EXPECT_EQ(Get(ProductPath(core::ProductId{999'999}, "/reviews")).status, http::Status::not_found);
  EXPECT_EQ(Get("/api/v1/products/abc/reviews").status, http::Status::not_found);
  EXPECT_EQ(Get(reviews + "?sort=best").status, http::Status::bad_request);
  EXPECT_EQ(Get(reviews + "?per_page=101").status, http::Status::bad_request);
  EXPECT_EQ(Json(Get(reviews + "?sort=lowest&page=2")).at("items").as_array().size(), 0u);
}

TEST_F(ReviewsRoutesTest, HostileReviewsGetFourHundredsAndWriteNothing) {
  Bought(kBuyer, product_, kOwner);
  const std::string reviews = ProductPath(product_, "/reviews");
  for (const std::string rating :
       {"0", "6", "-1", "4.5", "\"abc\"", "\"5\"", "null", "1e300", "99999999999999999999"}) {
    auto response = Post(reviews, "{\"rating\":" + rating + ",\"body\":\"x\"}", Who(kBuyer));
    EXPECT_EQ(response.status, http::Status::bad_request) << rating;
    EXPECT_EQ(Code(response), "invalid_rating") << rating;
    EXPECT_EQ(Json(response).at("error").at("field").as_string(), "rating");
  }
  EXPECT_EQ(Code(Post(reviews, R"({"body":"x"})", Who(kBuyer))), "invalid_rating");
  for (const std::string body : {std::string(R"("a\u0000b")"), "\"" + std::string(2001, 'a') + "\"", std::string("123"),
                                 std::string("[\"x\"]")}) {
    auto response = Post(reviews, "{\"rating\":5,\"body\":" + body + "}", Who(kBuyer));
    EXPECT_EQ(response.status, http::Status::bad_request) << body.substr(0, 20);
    EXPECT_EQ(Code(response), "invalid_text");
    EXPECT_EQ(Json(response).at("error").at("field").as_string(), "body");
  }
  EXPECT_EQ(Code(Post(reviews, "{\"rating\":5,", Who(kBuyer))), "malformed_json");
  EXPECT_EQ(Code(Post(reviews, "[5]", Who(kBuyer))), "invalid_input");
  EXPECT_EQ(Post(reviews, R"({"rating":5,"order_id":"1"})", Who(kBuyer)).status, http::Status::bad_request);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM reviews"), 0);
  EXPECT_EQ(Listing(product_).rating_count, 0);
}

TEST_F(ReviewsRoutesTest, SellerRepliesOnlyToItsOwnShopsReviews) {
  Bought(kBuyer, product_, kOwner);
  const std::int64_t id =
      Json(Post(ProductPath(product_, "/reviews"), R"({"rating":3})", Who(kBuyer))).at("id").as_int64();
  const std::string reply = "/api/v1/reviews/" + std::to_string(id) + "/reply";
  auto others = Post(reply, R"({"body":"남의 상점"})", Who(kOtherOwner, "seller"));
  EXPECT_EQ(others.status, http::Status::not_found);
  EXPECT_EQ(Code(others), "review_not_found");
  EXPECT_EQ(Post(reply, R"({"body":"구매자"})", Who(kBuyer)).status, http::Status::not_found);
  EXPECT_EQ(Post(reply, R"({"body":"손님"})", "").status, http::Status::unauthorized);
  EXPECT_EQ(Post("/api/v1/reviews/424242/reply", R"({"body":"없음"})", Who(kOwner, "seller")).status,
            http::Status::not_found);
  EXPECT_EQ(Post(reply, R"({"body":""})", Who(kOwner, "seller")).status, http::Status::bad_request);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM reviews WHERE reply IS NOT NULL"), 0);
  auto replied = Post(reply, R"({"body":"감사합니다"})", Who(kOwner, "seller"));
  ASSERT_EQ(replied.status, http::Status::ok) << replied.body;
  EXPECT_EQ(Json(replied).at("reply").at("body").as_string(), "감사합니다");
  auto edited = Post(reply, R"({"body":"고맙습니다"})", Who(kOwner, "seller"));
  EXPECT_EQ(Json(edited).at("reply").at("body").as_string(), "고맙습니다");
}

TEST_F(ReviewsRoutesTest, ReportsOncePerMemberAndAdminsHide) {
  Bought(kBuyer, product_, kOwner);
  Bought(kOtherBuyer, product_, kOwner);
  const std::int64_t id =
      Json(Post(ProductPath(product_, "/reviews"), R"({"rating":1,"body":"광고"})", Who(kBuyer))).at("id").as_int64();
  ASSERT_EQ(Post(ProductPath(product_, "/reviews"), R"({"rating":5})", Who(kOtherBuyer)).status, http::Status::created);
  const std::string report = "/api/v1/reviews/" + std::to_string(id) + "/report";
  EXPECT_EQ(Post(report, "", "").status, http::Status::unauthorized);
  EXPECT_EQ(Post(report, R"({"reason":"광고입니다"})", Who(kOtherBuyer)).status, http::Status::created);
  auto again = Post(report, "", Who(kOtherBuyer));
  EXPECT_EQ(again.status, http::Status::conflict);
  EXPECT_EQ(Code(again), "already_reported");
  EXPECT_EQ(Post(report, R"({"reason":7})", Who(kOwner, "seller")).status, http::Status::bad_request);

  const std::string hide = "/api/v1/admin/reviews/" + std::to_string(id) + "/hide";
  EXPECT_EQ(Post(hide, "", Who(kOwner, "seller")).status, http::Status::forbidden);
  EXPECT_EQ(Post(hide, "", Who(kBuyer)).status, http::Status::forbidden);
  EXPECT_EQ(Post(hide, "", "").status, http::Status::unauthorized);
  EXPECT_DOUBLE_EQ(Listing(product_).rating_average, 3.0);
  // Hiding needs the admin's reason, which the review then carries for its author.
  auto without_reason = Post(hide, "", Who(kAdmin, "admin"));
  EXPECT_EQ(without_reason.status, http::Status::bad_request);
  EXPECT_EQ(Code(without_reason), "invalid_reason");
  EXPECT_DOUBLE_EQ(Listing(product_).rating_average, 3.0);
  auto hidden = Post(hide, R"({"reason":"욕설"})", Who(kAdmin, "admin"));
  ASSERT_EQ(hidden.status, http::Status::ok) << hidden.body;
  EXPECT_TRUE(Json(hidden).at("hidden").as_bool());
  EXPECT_EQ(Json(hidden).at("hidden_reason").as_string(), "욕설");
  EXPECT_DOUBLE_EQ(Listing(product_).rating_average, 5.0);
  auto listed = Json(Get(ProductPath(product_, "/reviews")));
  EXPECT_EQ(listed.at("total").as_int64(), 1);
  EXPECT_EQ(listed.at("rating").at("count").as_int64(), 1);
  EXPECT_EQ(Post(report, "", Who(core::UserId{300})).status, http::Status::not_found);
  EXPECT_EQ(Post("/api/v1/admin/reviews/424242/hide", R"({"reason":"x"})", Who(kAdmin, "admin")).status,
            http::Status::not_found);
  auto shown = Post("/api/v1/admin/reviews/" + std::to_string(id) + "/unhide", "", Who(kAdmin, "admin"));
  EXPECT_FALSE(Json(shown).at("hidden").as_bool());
  EXPECT_EQ(Listing(product_).rating_count, 2);
}

TEST_F(ReviewsRoutesTest, QuestionsPrivateAnswersAndTheShopsQueue) {
  const std::string questions = ProductPath(product_, "/questions");
  EXPECT_EQ(Post(questions, R"({"body":"손님"})", "").status, http::Status::unauthorized);
  ASSERT_EQ(Post(questions, R"({"body":"언제 와요?"})", Who(kBuyer)).status, http::Status::created);
  auto secret = Post(questions, R"({"body":"비밀 문의","private":true})", Who(kBuyer));
  ASSERT_EQ(secret.status, http::Status::created);
  EXPECT_TRUE(Json(secret).at("private").as_bool());
  const std::int64_t secret_id = Json(secret).at("id").as_int64();
  for (const std::string body : {std::string(R"({"body":""})"), std::string(R"({"body":"a\u0000"})"),
                                 "{\"body\":\"" + std::string(1001, 'q') + "\"}", std::string(R"({"body":1})"),
                                 std::string(R"({"body":"x","private":"yes"})")}) {
    EXPECT_EQ(Post(questions, body, Who(kBuyer)).status, http::Status::bad_request) << body.substr(0, 30);
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM questions"), 2);

  EXPECT_EQ(Json(Get(questions)).at("total").as_int64(), 1);
  EXPECT_EQ(Json(Get(questions, Who(kOtherBuyer))).at("total").as_int64(), 1);
  EXPECT_EQ(Json(Get(questions, Who(kOtherOwner, "seller"))).at("total").as_int64(), 1);
  EXPECT_EQ(Json(Get(questions, Who(kBuyer))).at("total").as_int64(), 2);
  EXPECT_EQ(Json(Get(questions, Who(kOwner, "seller"))).at("total").as_int64(), 2);

  const std::string answer = "/api/v1/questions/" + std::to_string(secret_id) + "/answer";
  auto others = Post(answer, R"({"body":"남의 답"})", Who(kOtherOwner, "seller"));
  EXPECT_EQ(others.status, http::Status::not_found);
  EXPECT_EQ(Code(others), "question_not_found");
  EXPECT_EQ(Post(answer, R"({"body":"답"})", Who(kBuyer)).status, http::Status::not_found);
  EXPECT_EQ(Json(Get("/api/v1/seller/questions?unanswered=1", Who(kOwner, "seller"))).at("total").as_int64(), 2);
  auto answered = Post(answer, R"({"body":"내일 갑니다"})", Who(kOwner, "seller"));
  ASSERT_EQ(answered.status, http::Status::ok) << answered.body;
  EXPECT_EQ(Json(answered).at("answer").at("body").as_string(), "내일 갑니다");
  auto queue = Json(Get("/api/v1/seller/questions?unanswered=1", Who(kOwner, "seller")));
  EXPECT_EQ(queue.at("total").as_int64(), 1);
  EXPECT_EQ(queue.at("items").at(0).at("body").as_string(), "언제 와요?");
  EXPECT_EQ(Json(Get("/api/v1/seller/questions", Who(kOwner, "seller"))).at("total").as_int64(), 2);

  // Another shop's queue, by id, is refused; a shop owner sees only its own.
  auto foreign =
      Get("/api/v1/seller/questions?unanswered=1&shop_id=" + std::to_string(shop_.value), Who(kOtherOwner, "seller"));
  EXPECT_EQ(foreign.status, http::Status::not_found);
  EXPECT_EQ(Code(foreign), "shop_not_found");
  EXPECT_EQ(Json(Get("/api/v1/seller/questions?unanswered=1", Who(kOtherOwner, "seller"))).at("total").as_int64(), 0);
  EXPECT_EQ(Get("/api/v1/seller/questions?unanswered=1", Who(kBuyer)).status, http::Status::not_found);
  EXPECT_EQ(Get("/api/v1/seller/questions?unanswered=yes", Who(kOwner, "seller")).status, http::Status::bad_request);
  EXPECT_EQ(Get("/api/v1/seller/questions", "").status, http::Status::unauthorized);
}

}  // namespace
}  // namespace manmulsang::reviews
