// Listing reports and the admin's take-down queue through the real router, renderer and page cache.

#include <gtest/gtest.h>

#include "listing_test_store.hpp"
#include "manmulsang/catalog/http/catalog_routes.hpp"
#include "manmulsang/search/trending_searches.hpp"
#include "route_test_fixture.hpp"
#include "temp_directory.hpp"

namespace manmulsang::catalog {
namespace {

class ListingReportRoutesTest : public ListingTestStore, public testing::RouteTestFixture {
 protected:
  ListingReportRoutesTest() {
    AddCatalogRoutes(router_, renderer_, catalog_, sellers_, page_cache_, trending_);
    AddListingRoutes(router_, renderer_, catalog_, listings_, page_cache_, media_);
    InsertShops();
    ListingInput input;
    input.category_slug = "clothing-winter";
    input.name = "솜동복";
    input.price = {40'000, core::Currency::kpw};
    input.stock = 7;
    listing_ = std::to_string(listings_.Create(Member(1), input).value().value);
  }

  static inline const std::string kBuyer = Who(core::UserId{10});
  static inline const std::string kOtherBuyer = Who(core::UserId{11});
  static inline const std::string kSeller = Who(core::UserId{1}, "seller");
  static inline const std::string kAdmin = Who(core::UserId{50}, "admin");

  manmulsang::testing::TempDirectory directory_;
  search::TrendingSearches trending_{store_.database(), clock_};
  media::MediaLibrary media_{directory_ / "media"};
  http::PageCache page_cache_{clock_};
  std::string listing_;
};

TEST_F(ListingReportRoutesTest, AMemberReportsThroughTheApiOnce) {
  const std::string reports = "/api/v1/products/" + listing_ + "/reports";
  auto reported = Post(reports, R"({"reason":"suspected_fraud","details":"선금만 받음"})", kBuyer);
  ASSERT_EQ(reported.status, http::Status::created) << reported.body;
  EXPECT_TRUE(Json(reported).at("reported").as_bool());
  auto again = Post(reports, R"({"reason":"other"})", kBuyer);
  EXPECT_EQ(again.status, http::Status::conflict);
  EXPECT_EQ(Code(again), "already_reported");
  EXPECT_EQ(Post(reports, R"({"reason":"other"})", "").status, http::Status::unauthorized);
  auto bad = Post(reports, R"({"reason":"spam"})", kOtherBuyer);
  EXPECT_EQ(bad.status, http::Status::bad_request);
  EXPECT_EQ(Json(bad).at("error").at("field").as_string(), "reason");
  EXPECT_EQ(Post(reports, R"({"details":"x"})", kOtherBuyer).status, http::Status::bad_request);
  EXPECT_EQ(Post(reports, "not json", kOtherBuyer).status, http::Status::bad_request);
  EXPECT_EQ(Post("/api/v1/products/99999/reports", R"({"reason":"other"})", kOtherBuyer).status,
            http::Status::not_found);
  EXPECT_EQ(Post(reports, R"({"reason":"other"})", kSeller).status, http::Status::bad_request);  // own listing
  EXPECT_EQ(catalog_.CountOpenReports(), 1);
}

TEST_F(ListingReportRoutesTest, TheReportFormSignsVisitorsInAndTakesOneReport) {
  EXPECT_NE(std::string(Get("/p/" + listing_).BodyView()).find("/p/" + listing_ + "/report"), std::string::npos);
  auto visitor = Get("/p/" + listing_ + "/report");
  EXPECT_EQ(visitor.status, http::Status::see_other);
  EXPECT_NE(visitor.Header("Location").find("/login"), std::string::npos);
  auto form = Get("/p/" + listing_ + "/report", kBuyer);
  ASSERT_EQ(form.status, http::Status::ok);
  EXPECT_NE(form.body.find("사기 의심"), std::string::npos);
  auto sent = PostForm("/p/" + listing_ + "/report", {{"reason", "copyright"}, {"details", "남의 사진"}}, kBuyer);
  EXPECT_EQ(sent.status, http::Status::see_other);
  EXPECT_NE(Get("/p/" + listing_ + "/report?done=1", kBuyer).body.find("신고가 접수되었습니다"), std::string::npos);
  auto twice = PostForm("/p/" + listing_ + "/report", {{"reason", "copyright"}}, kBuyer);
  EXPECT_EQ(twice.status, http::Status::conflict);
  EXPECT_NE(twice.body.find("이미 신고한 상품입니다"), std::string::npos);
  EXPECT_EQ(PostForm("/p/" + listing_ + "/report", {{"reason", "nope"}}, kOtherBuyer).status,
            http::Status::bad_request);
  EXPECT_EQ(catalog_.CountOpenReports(), 1);
}

TEST_F(ListingReportRoutesTest, TakeDownEmptiesTheCachedPageAndTheSellerSeesWhy) {
  ASSERT_EQ(Post("/api/v1/products/" + listing_ + "/reports", R"({"reason":"prohibited_item"})", kBuyer).status,
            http::Status::created);
  ASSERT_EQ(Get("/p/" + listing_).status, http::Status::ok);  // now in the page cache

  auto queue = Get("/admin/reports/listings", kAdmin);
  ASSERT_EQ(queue.status, http::Status::ok);
  EXPECT_NE(queue.body.find("솜동복"), std::string::npos);
  EXPECT_NE(queue.body.find("평양 옷가게"), std::string::npos);
  EXPECT_NE(queue.body.find("금지 품목"), std::string::npos);
  EXPECT_NE(queue.body.find("href=\"/admin\""), std::string::npos);

  const std::string take_down = "/admin/reports/listings/" + listing_ + "/take-down";
  EXPECT_EQ(PostForm(take_down, {}, kAdmin).status, http::Status::bad_request);  // a reason is required
  auto taken = PostForm(take_down, {{"reason", "판매 금지 품목"}}, kAdmin);
  EXPECT_EQ(taken.status, http::Status::see_other);
  EXPECT_EQ(Get("/p/" + listing_).status, http::Status::not_found);
  EXPECT_EQ(Get("/search?q=솜동복").body.find("/p/" + listing_ + "\""), std::string::npos);

  auto own = Get("/seller/products", kSeller);
  EXPECT_NE(own.body.find("판매 금지 품목"), std::string::npos);
  EXPECT_EQ(own.body.find("/seller/products/" + listing_ + "/show"), std::string::npos);
  auto show = PostForm("/seller/products/" + listing_ + "/show", {}, kSeller);
  EXPECT_NE(show.status, http::Status::see_other);
  auto api_show = Post("/api/v1/seller/products/" + listing_ + "/show", "", kSeller);
  EXPECT_EQ(api_show.status, http::Status::conflict);
  EXPECT_EQ(Code(api_show), "taken_down");
  auto api_own = Json(Get("/api/v1/seller/products/" + listing_, kSeller));
  EXPECT_EQ(api_own.at("take_down_reason").as_string(), "판매 금지 품목");
  EXPECT_EQ(Get("/p/" + listing_).status, http::Status::not_found);

  auto restored = Post("/api/v1/admin/reports/listings/" + listing_ + "/restore", "", kAdmin);
  ASSERT_EQ(restored.status, http::Status::ok) << restored.body;
  EXPECT_EQ(Json(restored).at("status").as_string(), "active");
  EXPECT_EQ(Get("/p/" + listing_).status, http::Status::ok);
  EXPECT_EQ(Post("/api/v1/admin/reports/listings/" + listing_ + "/restore", "", kAdmin).status, http::Status::conflict);
}

TEST_F(ListingReportRoutesTest, TheAdminApiListsActsAndRefusesBadInput) {
  ASSERT_EQ(Post("/api/v1/products/" + listing_ + "/reports", R"({"reason":"false_claim"})", kBuyer).status,
            http::Status::created);
  ASSERT_EQ(Post("/api/v1/products/" + listing_ + "/reports", R"({"reason":"false_claim"})", kOtherBuyer).status,
            http::Status::created);
  auto listed = Get("/api/v1/admin/reports/listings?status=open", kAdmin);
  ASSERT_EQ(listed.status, http::Status::ok) << listed.body;
  auto body = Json(listed);
  EXPECT_EQ(body.at("total").as_int64(), 1);
  const auto& item = body.at("items").at(0).as_object();
  EXPECT_EQ(item.at("open_reports").as_int64(), 2);
  EXPECT_EQ(item.at("product").at("name").as_string(), "솜동복");
  EXPECT_EQ(item.at("reasons").at(0).at("reason").as_string(), "false_claim");
  EXPECT_EQ(item.at("reasons").at(0).at("count").as_int64(), 2);
  EXPECT_EQ(Get("/api/v1/admin/reports/listings?status=closed", kAdmin).status, http::Status::bad_request);
  EXPECT_EQ(Get("/api/v1/admin/reports/listings?per_page=1000", kAdmin).status, http::Status::bad_request);

  const std::string base = "/api/v1/admin/reports/listings/" + listing_;
  EXPECT_EQ(Post(base + "/take-down", "", kAdmin).status, http::Status::bad_request);
  EXPECT_EQ(Post(base + "/take-down", R"({"reason":7})", kAdmin).status, http::Status::bad_request);
  EXPECT_EQ(Post("/api/v1/admin/reports/listings/99999/take-down", R"({"reason":"x"})", kAdmin).status,
            http::Status::not_found);
  auto dismissed = Post(base + "/dismiss", R"({"reason":"문제없음"})", kAdmin);
  ASSERT_EQ(dismissed.status, http::Status::ok) << dismissed.body;
  EXPECT_EQ(Post(base + "/dismiss", "", kAdmin).status, http::Status::conflict);
  EXPECT_EQ(Json(Get("/api/v1/admin/reports/listings?status=open", kAdmin)).at("total").as_int64(), 0);
  // Members are refused before anything else.
  EXPECT_EQ(Post(base + "/take-down", R"({"reason":"x"})", kSeller).status, http::Status::forbidden);
  EXPECT_EQ(Get("/api/v1/admin/reports/listings", kBuyer).status, http::Status::forbidden);
  EXPECT_EQ(Get("/admin/reports/listings", kBuyer).status, http::Status::forbidden);
}

}  // namespace
}  // namespace manmulsang::catalog
