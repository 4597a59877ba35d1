#include "manmulsang/audit/http/audit_routes.hpp"

#include <gtest/gtest.h>

#include <string>

#include "marketplace_test_fixture.hpp"
#include "route_test_fixture.hpp"

namespace manmulsang::audit {
namespace {

class AuditRoutesTest : public testing::MarketplaceTestFixture, public testing::RouteTestFixture {
 protected:
  AuditRoutesTest() {
    AddAuditRoutes(router_, renderer_, store_.services().audit, accounts_);
    admin_ = accounts_.Register({"desk@manmulsang.test", "a-long-password-1", "창구 관리자", core::Role::admin})->id;
  }

  void Record(std::string action, std::string kind, std::string id, std::string reason) {
    store_->Write([&](db::Connection& connection) {
      RecordIn(connection, clock_.Now(), AuditEntry{admin_, action, kind, id, "active", "suspended", reason});
    });
  }

  core::UserId admin_;
};

TEST_F(AuditRoutesTest, ThePageShowsWhoDidWhatToWhich) {
  Record("member.suspend", "member", "42", "리뷰 도배 <script>");
  Record("shop.suspend", "shop", "7", "가짜 상품");
  http::Response page = Get("/admin/audit", Who(admin_, "admin"));
  ASSERT_EQ(page.status, http::Status::ok);
  EXPECT_NE(page.body.find("창구 관리자"), std::string::npos);
  EXPECT_NE(page.body.find("href=\"/admin/members/42\""), std::string::npos);
  EXPECT_NE(page.body.find("href=\"/admin/shops/7\""), std::string::npos);
  EXPECT_NE(page.body.find("리뷰 도배 &lt;script&gt;"), std::string::npos);  // escaped
  EXPECT_EQ(page.body.find("<script>"), std::string::npos);

  http::Response shops = Get("/admin/audit?subject_kind=shop", Who(admin_, "admin"));
  EXPECT_NE(shops.body.find("가짜 상품"), std::string::npos);
  EXPECT_EQ(shops.body.find("리뷰 도배"), std::string::npos);
}

TEST_F(AuditRoutesTest, TheApiFiltersAndPages) {
  for (int index = 1; index <= 3; ++index) Record("wallet.credit", "member", std::to_string(index), "slip");
  Record("member.suspend", "member", "1", "spam");
  http::Response credits = Get("/api/v1/admin/audit?action=wallet.&per_page=2", Who(admin_, "admin"));
  ASSERT_EQ(credits.status, http::Status::ok);
  auto body = Json(credits);
  EXPECT_EQ(body.at("total").as_int64(), 3);
  ASSERT_EQ(body.at("items").as_array().size(), 2u);
  const auto& newest = body.at("items").as_array()[0].as_object();
  EXPECT_EQ(newest.at("subject").at("id").as_string(), "3");
  EXPECT_EQ(newest.at("admin").at("name").as_string(), "창구 관리자");
  EXPECT_EQ(newest.at("action").as_string(), "wallet.credit");

  auto member_one = Json(Get("/api/v1/admin/audit?subject_kind=member&subject_id=1", Who(admin_, "admin")));
  EXPECT_EQ(member_one.at("total").as_int64(), 2);
}

TEST_F(AuditRoutesTest, ABadFilterIsAClearError) {
  http::Response bad_admin = Get("/api/v1/admin/audit?admin=abc", Who(admin_, "admin"));
  EXPECT_EQ(bad_admin.status, http::Status::bad_request);
  EXPECT_EQ(Code(bad_admin), "invalid_filter");
  EXPECT_EQ(Json(bad_admin).at("error").at("field").as_string(), "admin");
  EXPECT_EQ(Code(Get("/api/v1/admin/audit?subject_id=4", Who(admin_, "admin"))), "invalid_filter");
  // The page shows the whole log with the message instead.
  http::Response page = Get("/admin/audit?admin=abc", Who(admin_, "admin"));
  EXPECT_EQ(page.status, http::Status::ok);
  EXPECT_NE(page.body.find("form-error"), std::string::npos);
}

TEST_F(AuditRoutesTest, OnlyAdminsReadTheLog) {
  EXPECT_EQ(Get("/api/v1/admin/audit", Who(core::UserId{5}, "seller")).status, http::Status::forbidden);
  EXPECT_EQ(Get("/api/v1/admin/audit", Who(core::UserId{5}, "buyer")).status, http::Status::forbidden);
  EXPECT_EQ(Get("/api/v1/admin/audit").status, http::Status::unauthorized);
  EXPECT_EQ(Get("/admin/audit", Who(core::UserId{5}, "buyer")).status, http::Status::forbidden);
}

}  // namespace
}  // namespace manmulsang::audit
