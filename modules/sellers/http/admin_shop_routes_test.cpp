// The admin's shop pages and their JSON twins, dispatched through the real router: the list and
// its search, the shop's page with its audit history, suspending and unsuspending by form and by
// API, and refusals that change nothing.

#include "sellers_routes_fixture.hpp"

namespace manmulsang::sellers {
namespace {

class AdminShopRoutesTest : public SellerRoutesTest {
 protected:
  AdminShopRoutesTest() {
    shop_ = store_.AddShop(seller_, "함흥 수산상점");
    listing_ = store_.AddListing(shop_, 5'000);
  }
  std::string Admin() { return Who(admin_, "admin"); }
  std::string ShopPath() { return "/admin/shops/" + std::to_string(shop_.value); }
  std::string ApiPath() { return "/api/v1/admin/shops/" + std::to_string(shop_.value); }

  core::SellerId shop_;
  core::ProductId listing_;
};

TEST_F(AdminShopRoutesTest, TheListFindsShopsByNameAndStatus) {
  auto all = Get("/admin/shops", Admin());
  ASSERT_EQ(all.status, http::Status::ok);
  EXPECT_NE(all.body.find("함흥 수산상점"), std::string::npos);
  EXPECT_NE(all.body.find("관리자 홈"), std::string::npos);
  auto found = Get("/admin/shops?q=%ED%95%A8%ED%9D%A5&status=approved", Admin());  // 함흥
  EXPECT_NE(found.body.find("함흥 수산상점"), std::string::npos);
  auto none = Get("/admin/shops?status=suspended", Admin());
  EXPECT_EQ(none.body.find("함흥 수산상점"), std::string::npos);
  auto bad = Get("/admin/shops?status=closed", Admin());
  EXPECT_EQ(bad.status, http::Status::ok);
  EXPECT_NE(bad.body.find("form-error"), std::string::npos);

  auto listed = Get("/api/v1/admin/shops?q=" + std::to_string(shop_.value), Admin());
  ASSERT_EQ(listed.status, http::Status::ok);
  const boost::json::object json = Json(listed);
  EXPECT_EQ(json.at("total").as_int64(), 1);
  EXPECT_EQ(json.at("items").as_array().at(0).at("name").as_string(), "함흥 수산상점");
  EXPECT_EQ(Code(Get("/api/v1/admin/shops?status=closed", Admin())), "invalid_status");
  EXPECT_EQ(Code(Get("/api/v1/admin/shops?per_page=500", Admin())), "invalid_page");
  EXPECT_EQ(Get("/api/v1/admin/shops", Who(seller_, "seller")).status, http::Status::forbidden);
}

TEST_F(AdminShopRoutesTest, AnAdminSuspendsByFormAndTheShopPageShowsItWithItsHistory) {
  auto page = Get(ShopPath(), Admin());
  ASSERT_EQ(page.status, http::Status::ok);
  EXPECT_NE(page.body.find("/admin/shops/" + std::to_string(shop_.value) + "/suspend"), std::string::npos);

  auto blank = PostForm(ShopPath() + "/suspend", {{"reason", "  "}}, Admin());
  EXPECT_EQ(blank.status, http::Status::bad_request);
  EXPECT_NE(blank.body.find("form-error"), std::string::npos);
  EXPECT_EQ(sellers_.GetShop(shop_)->status, ShopStatus::approved);

  auto suspended = PostForm(ShopPath() + "/suspend", {{"reason", "가짜 상품 판매"}}, Admin());
  ASSERT_EQ(suspended.status, http::Status::see_other);
  EXPECT_EQ(Location(suspended), ShopPath() + "?suspended=1");
  EXPECT_EQ(sellers_.GetShop(shop_)->status, ShopStatus::suspended);
  EXPECT_FALSE(store_.services().catalog.GetProduct(listing_).has_value());

  auto shown = Get(ShopPath() + "?suspended=1", Admin());
  EXPECT_NE(shown.body.find("가짜 상품 판매"), std::string::npos);
  EXPECT_NE(shown.body.find("shop.suspend"), std::string::npos);
  EXPECT_NE(shown.body.find("/unsuspend"), std::string::npos);

  // The owner reads the reason on their shop's status page.
  auto owner = Get("/seller/application", Who(seller_, "seller"));
  EXPECT_NE(owner.body.find("가짜 상품 판매"), std::string::npos);
  EXPECT_NE(owner.body.find("정지됨"), std::string::npos);

  auto again = PostForm(ShopPath() + "/suspend", {{"reason", "또"}}, Admin());
  EXPECT_EQ(again.status, http::Status::conflict);

  ASSERT_EQ(PostForm(ShopPath() + "/unsuspend", {{"reason", ""}}, Admin()).status, http::Status::see_other);
  EXPECT_EQ(sellers_.GetShop(shop_)->status, ShopStatus::approved);
  EXPECT_TRUE(store_.services().catalog.GetProduct(listing_).has_value());
  EXPECT_EQ(Get("/admin/shops/999999", Admin()).status, http::Status::not_found);
}

TEST_F(AdminShopRoutesTest, TheApiSuspendsAndUnsuspends) {
  auto refused = Post(ApiPath() + "/suspend", R"({"reason": ""})", Admin());
  EXPECT_EQ(refused.status, http::Status::bad_request);
  EXPECT_EQ(Code(refused), "invalid_reason");
  EXPECT_EQ(Code(Post(ApiPath() + "/suspend", R"({"reason": 5})", Admin())), "invalid_input");

  auto suspended = Post(ApiPath() + "/suspend", R"({"reason": "신고 누적"})", Admin());
  ASSERT_EQ(suspended.status, http::Status::ok);
  const boost::json::object json = Json(suspended);
  EXPECT_EQ(json.at("shop").at("status").as_string(), "suspended");
  EXPECT_EQ(json.at("shop").at("suspension").at("reason").as_string(), "신고 누적");
  EXPECT_EQ(json.at("listings_changed").as_int64(), 1);

  auto shown = Json(Get(ApiPath(), Admin()));
  EXPECT_EQ(shown.at("shop").at("listings").at("active").as_int64(), 0);
  EXPECT_EQ(shown.at("shop").at("listings").at("all").as_int64(), 1);
  EXPECT_EQ(shown.at("shop").at("history").as_array().at(0).at("action").as_string(), "shop.suspend");

  EXPECT_EQ(Post(ApiPath() + "/suspend", R"({"reason": "x"})", Admin()).status, http::Status::conflict);
  auto lifted = Post(ApiPath() + "/unsuspend", "{}", Admin());
  ASSERT_EQ(lifted.status, http::Status::ok);
  EXPECT_EQ(Json(lifted).at("shop").at("status").as_string(), "approved");
  EXPECT_EQ(Code(Post(ApiPath() + "/unsuspend", "{}", Admin())), "not_suspended");
  EXPECT_EQ(Code(Get("/api/v1/admin/shops/999999", Admin())), "shop_not_found");
}

}  // namespace
}  // namespace manmulsang::sellers
