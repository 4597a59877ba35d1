#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <string>

#include "manmulsang/catalog/http/catalog_routes.hpp"
#include "manmulsang/reviews/http/reviews_routes.hpp"
#include "marketplace_test_fixture.hpp"
#include "route_test_fixture.hpp"
#include "temp_directory.hpp"

namespace manmulsang::catalog {
namespace {

// The product page and the listings as the server wires them: the catalog's routes asking the
// reviews module for the rating's summary, and the reviews routes that forget the cached page.
class ProductPageReviewsTest : public testing::MarketplaceTestFixture, public testing::RouteTestFixture {
 protected:
  ProductPageReviewsTest() {
    AddCatalogRoutes(router_, renderer_, catalog_, sellers_, page_cache_, store_.services().trending, nullptr,
                     {&reviews_, &questions_});
    reviews::AddReviewRoutes(router_, renderer_, {reviews_, questions_, page_cache_, media_});
  }

  // buyer's order of the product, delivered: the buyer may review it.
  void Delivered(core::UserId buyer) {
    const core::OrderId order = store_.PlaceOrder(buyer, product_);
    for (orders::OrderEvent event :
         {orders::OrderEvent::prepare, orders::OrderEvent::ship, orders::OrderEvent::deliver}) {
      ASSERT_TRUE(orders_.Apply(Seller(kOwner), order, event).has_value()) << orders::OrderEventName(event);
    }
  }

  // Writes a review through the API, as a phone's app does; returns its id.
  std::string Review(core::UserId buyer, int rating, const std::string& body) {
    Delivered(buyer);
    auto written = Post(ProductPath("/reviews"),
                        boost::json::serialize(boost::json::object{{"rating", rating}, {"body", body}}), Who(buyer));
    EXPECT_EQ(written.status, http::Status::created) << written.body;
    return std::to_string(Json(written).at("id").as_int64());
  }

  std::string ProductPath(std::string_view rest) {
    return "/api/v1/products/" + std::to_string(product_.value) + std::string(rest);
  }
  // What a visitor gets: cached pages carry a shared, precompressed body.
  std::string Visit(std::string_view target) { return std::string(Get(target).BodyView()); }
  std::string Page() { return Visit("/p/" + std::to_string(product_.value)); }

  // The part of the page between two markers (the whole rest when the second is missing).
  static std::string Between(const std::string& page, std::string_view from, std::string_view to) {
    const std::size_t start = page.find(from);
    if (start == std::string::npos) return {};
    return page.substr(start, page.find(to, start) - start);
  }

  static constexpr core::UserId kAdmin = testing::TestMarketplace::kAdmin;
  static constexpr core::UserId kOwner{2};
  static constexpr core::UserId kBuyer{100};
  static constexpr core::UserId kOtherBuyer{101};

  manmulsang::testing::TempDirectory media_directory_{"product-page-media"};
  media::MediaLibrary media_{media_directory_ / "media"};
  http::PageCache page_cache_{clock_};
  core::SellerId shop_ = store_.AddShop(kOwner, "상점");
  core::ProductId product_ = store_.AddListing(shop_, 5'000);
};

TEST_F(ProductPageReviewsTest, WithoutReviewsThePageSaysSoAndShowsNoEmptyCount) {
  const std::string page = Page();
  EXPECT_NE(page.find("아직 상품평이 없습니다"), std::string::npos);
  EXPECT_EQ(page.find("상품평 ()"), std::string::npos);
  EXPECT_EQ(page.find("()"), std::string::npos);
  EXPECT_EQ(page.find("class=\"rating-bars\""), std::string::npos);
  // The link to the reviews stays, worded for a product nobody has reviewed.
  EXPECT_NE(Between(page, "class=\"panel product-links\"", "</nav>").find("상품평 보기·쓰기"), std::string::npos);
}

TEST_F(ProductPageReviewsTest, TheCachedPageShowsTheSummaryAndTheNewestReviewsAsTheyChange) {
  ASSERT_NE(Page().find("아직 상품평이 없습니다"), std::string::npos);  // now in the page cache
  Review(kBuyer, 5, "아주 튼튼합니다 " + std::string(1500, 'x'));
  clock_.Advance(std::chrono::minutes(1));
  const std::string newest = Review(kOtherBuyer, 2, "포장이 찢어져 왔어요");

  std::string page = Page();
  // Beside the price, in words for a screen reader.
  const std::string summary = Between(page, "class=\"product-summary", "class=\"product-stock\"");
  EXPECT_NE(summary.find("평점 3.5점 (리뷰 2개)"), std::string::npos) << summary;
  EXPECT_EQ(page.find("아직 상품평이 없습니다"), std::string::npos);
  // The distribution, five stars first, and the newest review first.
  const std::string reviews = Between(page, "id=\"reviews\"", "</section>");
  EXPECT_NE(reviews.find("<th scope=\"row\">5점</th><td><meter min=\"0\" max=\"2\" value=\"1\" aria-hidden=\"true\">"),
            std::string::npos)
      << reviews;
  EXPECT_NE(reviews.find("<th scope=\"row\">4점</th><td><meter min=\"0\" max=\"2\" value=\"0\" aria-hidden=\"true\">"),
            std::string::npos);
  EXPECT_NE(reviews.find("<th scope=\"row\">2점</th><td><meter min=\"0\" max=\"2\" value=\"1\" aria-hidden=\"true\">"),
            std::string::npos);
  const std::size_t newer = reviews.find("포장이 찢어져 왔어요");
  ASSERT_NE(newer, std::string::npos);
  EXPECT_LT(newer, reviews.find("아주 튼튼합니다"));
  EXPECT_NE(Between(page, "class=\"panel product-links\"", "</nav>").find("상품평 전체 보기 (2)"), std::string::npos);
  // Reviews are cut short on the page: it keeps its weight budget (docs/ARCHITECTURE.md, ≤ 25 KB compressed).
  const auto cached = Get("/p/" + std::to_string(product_.value));
  ASSERT_TRUE(cached.shared);
  EXPECT_LT(cached.shared->gzip.size(), 25u * 1024);

  // An admin hides the newest: it leaves the cached page, and the summary follows.
  auto hidden =
      Post("/api/v1/admin/reviews/" + newest + "/hide", R"({"reason":"상품과 관계없는 내용"})", Who(kAdmin, "admin"));
  ASSERT_EQ(hidden.status, http::Status::ok) << hidden.body;
  page = Page();
  EXPECT_EQ(page.find("포장이 찢어져 왔어요"), std::string::npos);
  EXPECT_NE(page.find("아주 튼튼합니다"), std::string::npos);
  EXPECT_NE(page.find("평점 5.0점 (리뷰 1개)"), std::string::npos);
  EXPECT_NE(page.find("<th scope=\"row\">2점</th><td><meter min=\"0\" max=\"1\" value=\"0\" aria-hidden=\"true\">"),
            std::string::npos);
}

TEST_F(ProductPageReviewsTest, TheQuestionCountFollowsAQuestion) {
  EXPECT_EQ(Between(Page(), "class=\"panel product-links\"", "</nav>").find("상품 문의 ("), std::string::npos);
  auto asked = Post(ProductPath("/questions"), R"({"body":"언제 보내 주나요?"})", Who(kBuyer));
  ASSERT_EQ(asked.status, http::Status::created) << asked.body;
  EXPECT_NE(Between(Page(), "class=\"panel product-links\"", "</nav>").find("상품 문의 (1)"), std::string::npos);
}

TEST_F(ProductPageReviewsTest, CardsInSearchAndCategoryShowTheRatingAndTheCount) {
  Review(kBuyer, 4, "좋아요");
  for (const std::string target : {"/search?q=%EC%83%81%ED%92%88", "/c/food"}) {
    const auto response = Get(target);
    ASSERT_EQ(response.status, http::Status::ok) << target;
    const std::string card =
        Between(std::string(response.BodyView()), "href=\"/p/" + std::to_string(product_.value) + "\"", "</article>");
    EXPECT_NE(card.find("평점 4.0점 (리뷰 1개)"), std::string::npos) << target << card;
    EXPECT_NE(card.find("<span class=\"review-count\">(1)</span>"), std::string::npos) << target;
  }
}

TEST_F(ProductPageReviewsTest, TheFacetsFoldBehindOneSummary) {
  const std::string search = Visit("/search?q=%EC%83%81%ED%92%88");
  EXPECT_NE(search.find("<details class=\"facets-fold\" open><summary>검색 조건</summary>"), std::string::npos);
  const std::string category = Visit("/c/food");
  EXPECT_NE(category.find("<details class=\"facets-fold\" open><summary>검색 조건</summary>"), std::string::npos);
}

// ?reviews=helpful: the most helpful first, behind a plain link; a visitor's two orders are cached
// apart (a stray value is the newest, never a third copy), and a mark forgets both.
TEST_F(ProductPageReviewsTest, TheMostHelpfulReviewsComeFirstBehindALinkAndAreCachedApart) {
  const std::string older = Review(kBuyer, 5, "오래되었지만 도움이 되는 평");
  clock_.Advance(std::chrono::hours(1));
  const std::string newer = Review(kOtherBuyer, 4, "새 평");
  const std::string path = "/p/" + std::to_string(product_.value);
  // The id of the page's first review, as "id=\"review-<id>".
  const auto first_review = [](const std::string& page) {
    const std::string list = Between(page, "class=\"review-list\"", "</ol>");
    const std::size_t start = list.find("id=\"review-");
    if (start == std::string::npos) return std::string();
    return list.substr(start, list.find('"', start + 4) - start);
  };
  EXPECT_EQ(first_review(Page()), "id=\"review-" + newer);
  EXPECT_NE(Page().find("href=\"" + path + "?reviews=helpful#reviews\""), std::string::npos);
  EXPECT_EQ(first_review(Visit(path + "?reviews=helpful")), "id=\"review-" + newer);  // no marks: the newest

  ASSERT_EQ(Post("/api/v1/reviews/" + older + "/helpful", "", Who(core::UserId{300})).status, http::Status::created);
  EXPECT_EQ(first_review(Visit(path + "?reviews=helpful")), "id=\"review-" + older);
  EXPECT_EQ(first_review(Page()), "id=\"review-" + newer);
  EXPECT_EQ(first_review(Visit(path + "?reviews=bogus")), "id=\"review-" + newer);
  EXPECT_NE(Visit(path + "?reviews=helpful").find("도움돼요 1명"), std::string::npos);
  // The button is on pages rendered for one member only, with the way back.
  EXPECT_EQ(Page().find("/helpful\""), std::string::npos);
  const std::string signed_in(Get(path + "?reviews=helpful", Who(core::UserId{301})).BodyView());
  EXPECT_NE(signed_in.find("action=\"/reviews/" + older + "/helpful\""), std::string::npos);
  EXPECT_NE(signed_in.find("value=\"" + path + "?reviews=helpful\""), std::string::npos);
}

}  // namespace
}  // namespace manmulsang::catalog
