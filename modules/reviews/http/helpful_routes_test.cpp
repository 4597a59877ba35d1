// 도움돼요 through the routes: the no-JS form (back to the page it was pressed on), the API, and
// the list sorted by it (?sort=helpful on the page, the API's sort).

#include "reviews_routes_fixture.hpp"

namespace manmulsang::reviews {
namespace {

using orders::OrderStatus;

class HelpfulRoutesTest : public ReviewsRoutesTest {
 protected:
  ReviewId Reviewed(core::UserId author, std::string body) {
    Bought(author, product_, kOwner, OrderStatus::confirmed);
    auto written = reviews_.Write(Buyer(author), {product_, std::nullopt, 5, std::move(body)});
    EXPECT_TRUE(written.has_value());
    return written->id;
  }
  static std::string Location(const http::Response& response) { return std::string(response.Header("Location")); }
  std::string Path(ReviewId id, std::string_view rest) {
    return "/reviews/" + std::to_string(id.value) + std::string(rest);
  }
};

TEST_F(HelpfulRoutesTest, TheFormMarksOnceAndGoesBackWhereItWasPressed) {
  const ReviewId older = Reviewed(kBuyer, "오래된 평");
  clock_.Advance(std::chrono::hours(1));
  const ReviewId newer = Reviewed(kOtherBuyer, "새 평");
  const std::string list = "/p/" + std::to_string(product_.value) + "/reviews";

  // A visitor sees the count and is sent to sign in by the button.
  EXPECT_NE(Get(list).body.find("action=\"" + Path(older, "/helpful") + "\""), std::string::npos);
  EXPECT_EQ(PostForm(Path(older, "/helpful"), {}, "").status, http::Status::see_other);
  EXPECT_EQ(reviews_.VisibleReview(older)->helpful_count, 0);

  auto marked = PostForm(Path(older, "/helpful"), {}, Who(core::UserId{300}));
  ASSERT_EQ(marked.status, http::Status::see_other);
  EXPECT_EQ(Location(marked), list + "?sort=helpful&helpful=1#review-" + std::to_string(older.value));
  // Pressed again: nothing changes, the member lands where the first press did.
  EXPECT_EQ(PostForm(Path(older, "/helpful"), {}, Who(core::UserId{300})).status, http::Status::see_other);
  EXPECT_EQ(reviews_.VisibleReview(older)->helpful_count, 1);
  // From the product page: back to it, in the order it showed.
  const std::string product_page = "/p/" + std::to_string(product_.value);
  auto from_product =
      PostForm(Path(older, "/helpful"), {{"back", product_page + "?reviews=helpful"}}, Who(core::UserId{301}));
  EXPECT_EQ(Location(from_product), product_page + "?reviews=helpful#review-" + std::to_string(older.value));
  // Anywhere else is not "back": the list.
  auto elsewhere = PostForm(Path(newer, "/helpful"), {{"back", "https://evil.example/"}}, Who(core::UserId{301}));
  EXPECT_TRUE(Location(elsewhere).starts_with(list)) << Location(elsewhere);
  // One's own review: refused, nothing changes.
  EXPECT_EQ(PostForm(Path(older, "/helpful"), {}, Who(kBuyer)).status, http::Status::forbidden);
  EXPECT_EQ(reviews_.VisibleReview(older)->helpful_count, 2);

  auto sorted = Get(list + "?sort=helpful", Who(core::UserId{300}));
  ASSERT_EQ(sorted.status, http::Status::ok);
  EXPECT_LT(sorted.body.find("id=\"review-" + std::to_string(older.value)),
            sorted.body.find("id=\"review-" + std::to_string(newer.value)));
  EXPECT_NE(sorted.body.find("도움돼요를 눌렀습니다"), std::string::npos);  // member 300's own mark
  auto newest = Get(list);
  EXPECT_LT(newest.body.find("id=\"review-" + std::to_string(newer.value)),
            newest.body.find("id=\"review-" + std::to_string(older.value)));
}

TEST_F(HelpfulRoutesTest, TheApiMarksOnceAndSortsByIt) {
  const ReviewId older = Reviewed(kBuyer, "오래된 평");
  clock_.Advance(std::chrono::hours(1));
  Reviewed(kOtherBuyer, "새 평");
  const std::string path = "/api/v1" + Path(older, "/helpful");
  EXPECT_EQ(Post(path, "", "").status, http::Status::unauthorized);
  auto marked = Post(path, "", Who(core::UserId{300}));
  ASSERT_EQ(marked.status, http::Status::created) << marked.body;
  EXPECT_EQ(Json(marked).at("helpful_count").as_int64(), 1);
  auto again = Post(path, "", Who(core::UserId{300}));
  EXPECT_EQ(again.status, http::Status::conflict);
  EXPECT_EQ(Code(again), "already_marked");
  auto own = Post(path, "", Who(kBuyer));
  EXPECT_EQ(own.status, http::Status::forbidden);
  EXPECT_EQ(Code(own), "own_review");
  EXPECT_EQ(Post("/api/v1/reviews/999999/helpful", "", Who(core::UserId{300})).status, http::Status::not_found);

  auto sorted = Json(Get(ProductPath(product_, "/reviews?sort=helpful")));
  EXPECT_EQ(sorted.at("sort").as_string(), "helpful");
  EXPECT_EQ(sorted.at("items").at(0).at("id").as_int64(), older.value);
  EXPECT_EQ(sorted.at("items").at(0).at("helpful_count").as_int64(), 1);
  EXPECT_NE(Json(Get(ProductPath(product_, "/reviews"))).at("items").at(0).at("id").as_int64(), older.value);
}

}  // namespace
}  // namespace manmulsang::reviews
