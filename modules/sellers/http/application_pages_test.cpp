#include "sellers_routes_fixture.hpp"

namespace manmulsang::sellers {
namespace {

const Headers kGoodForm = {{"shop_name", "남포 식료품상점"},
                           {"description", "말린 물고기와\r\n과일을 팝니다."},
                           {"phone", "+850 2 381 4411"},
                           {"city", "남포"}};

TEST_F(SellerRoutesTest, ApplyFormWorksWithoutJavaScriptAndShowsTheStatus) {
  EXPECT_EQ(Location(Get("/seller/apply")), "/login?next=" + http::PercentEncode("/seller/apply"));
  EXPECT_EQ(Location(PostForm("/seller/apply", kGoodForm, "")), "/login?next=" + http::PercentEncode("/seller/apply"));
  EXPECT_EQ(ShopCount(), 0);

  auto form = Get("/seller/apply", Who(applicant_));
  ASSERT_EQ(form.status, http::Status::ok);
  EXPECT_NE(form.body.find("action=\"/seller/apply\""), std::string::npos);
  EXPECT_NE(form.body.find("name=\"_csrf\""), std::string::npos);
  EXPECT_NE(form.body.find("name=\"phone\""), std::string::npos);
  EXPECT_EQ(Location(Get("/seller/application", Who(applicant_))), "/seller/apply");  // nothing to show yet

  // A bad phone: the form comes back with the reason and the typed values, escaped; nothing written.
  Headers bad = kGoodForm;
  bad[0].second = "<script>alert(1)</script>";
  bad[2].second = "abc";
  auto refused = PostForm("/seller/apply", bad, Who(applicant_));
  EXPECT_EQ(refused.status, http::Status::bad_request);
  EXPECT_NE(refused.body.find("form-error"), std::string::npos);
  EXPECT_NE(refused.body.find("aria-invalid=\"true\""), std::string::npos);
  EXPECT_EQ(refused.body.find("<script>alert"), std::string::npos);
  EXPECT_NE(refused.body.find("&lt;script&gt;alert"), std::string::npos);
  EXPECT_EQ(PostForm("/seller/apply",
                     {{"shop_name", std::string("상점\0이름", 10)}, {"phone", "010-1234-5678"}, {"city", "평양"}},
                     Who(applicant_))
                .status,
            http::Status::bad_request);
  EXPECT_EQ(ShopCount(), 0);

  auto applied = PostForm("/seller/apply", kGoodForm, Who(applicant_));
  ASSERT_EQ(applied.status, http::Status::see_other) << applied.body;
  EXPECT_EQ(Location(applied), "/seller/application?applied=1");
  EXPECT_EQ(sellers_.ShopsOwnedBy(applicant_).front().description, "말린 물고기와\n과일을 팝니다.");
  auto status = Get("/seller/application?applied=1", Who(applicant_));
  ASSERT_EQ(status.status, http::Status::ok);
  EXPECT_NE(status.body.find("data-status=\"pending\""), std::string::npos);
  EXPECT_NE(status.body.find("남포 식료품상점"), std::string::npos);
  EXPECT_EQ(Location(Get("/seller/apply", Who(applicant_))), "/seller/application");  // already waiting
  auto twice = PostForm("/seller/apply", kGoodForm, Who(applicant_));
  EXPECT_EQ(twice.status, http::Status::conflict);
  EXPECT_EQ(ShopCount(), 1);
}

TEST_F(SellerRoutesTest, AdminPageApprovesAndRejectsWithAReason) {
  ASSERT_EQ(PostForm("/seller/apply", kGoodForm, Who(applicant_)).status, http::Status::see_other);
  Headers other_form = kGoodForm;
  other_form[0].second = "<b>원산</b> 상점";
  ASSERT_EQ(PostForm("/seller/apply", other_form, Who(other_)).status, http::Status::see_other);
  const std::string first = std::to_string(sellers_.ShopsOwnedBy(applicant_).front().id.value);
  const std::string second = std::to_string(sellers_.ShopsOwnedBy(other_).front().id.value);

  EXPECT_EQ(Location(Get("/admin/sellers")), "/login?next=" + http::PercentEncode("/admin/sellers"));
  EXPECT_EQ(Get("/admin/sellers", Who(seller_, "seller")).status, http::Status::forbidden);
  EXPECT_EQ(PostForm("/admin/sellers/" + first + "/approve", {}, Who(applicant_)).status, http::Status::forbidden);
  EXPECT_EQ(RoleOf(applicant_), core::Role::buyer);

  auto page = Get("/admin/sellers", Who(admin_, "admin"));
  ASSERT_EQ(page.status, http::Status::ok);
  EXPECT_NE(page.body.find("action=\"/admin/sellers/" + first + "/approve\""), std::string::npos);
  EXPECT_NE(page.body.find("action=\"/admin/sellers/" + second + "/reject\""), std::string::npos);
  EXPECT_NE(page.body.find("&lt;b&gt;원산"), std::string::npos);
  EXPECT_EQ(page.body.find("<b>원산"), std::string::npos);

  auto approved = PostForm("/admin/sellers/" + first + "/approve", {}, Who(admin_, "admin"));
  ASSERT_EQ(approved.status, http::Status::see_other) << approved.body;
  EXPECT_EQ(Location(approved), "/admin/sellers?approved=" + first);
  EXPECT_EQ(RoleOf(applicant_), core::Role::seller);
  EXPECT_EQ(PostForm("/admin/sellers/" + first + "/approve", {}, Who(admin_, "admin")).status, http::Status::conflict);
  EXPECT_NE(Get("/seller/application", Who(applicant_)).body.find("data-status=\"approved\""), std::string::npos);

  auto blank = PostForm("/admin/sellers/" + second + "/reject", {{"reason", " "}}, Who(admin_, "admin"));
  EXPECT_EQ(blank.status, http::Status::bad_request);
  EXPECT_NE(blank.body.find("form-error"), std::string::npos);
  EXPECT_EQ(sellers_.ShopsOwnedBy(other_).front().status, ShopStatus::pending);
  auto rejected = PostForm("/admin/sellers/" + second + "/reject", {{"reason", "상점 이름에 <태그>를 쓰지 마십시오."}},
                           Who(admin_, "admin"));
  ASSERT_EQ(rejected.status, http::Status::see_other) << rejected.body;
  EXPECT_EQ(Get("/admin/sellers?rejected=" + second, Who(admin_, "admin")).body.find("application-" + second),
            std::string::npos);

  // The applicant reads the reason (escaped) and gets the form again.
  auto status = Get("/seller/application", Who(other_));
  EXPECT_NE(status.body.find("data-status=\"rejected\""), std::string::npos);
  EXPECT_NE(status.body.find("&lt;태그&gt;"), std::string::npos);
  auto form = Get("/seller/apply", Who(other_));
  ASSERT_EQ(form.status, http::Status::ok);
  EXPECT_NE(form.body.find("rejection-reason"), std::string::npos);
  EXPECT_EQ(PostForm("/seller/apply", kGoodForm, Who(other_)).status, http::Status::see_other);
  EXPECT_EQ(PostForm("/admin/sellers/999999/approve", {}, Who(admin_, "admin")).status, http::Status::not_found);
}

}  // namespace
}  // namespace manmulsang::sellers
