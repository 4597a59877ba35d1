#include "sellers_routes_fixture.hpp"

namespace manmulsang::sellers {
namespace {

const std::string kGood =
    R"({"shop_name": "평양 전자상점", "description": "컴퓨터를 팝니다.", "phone": "02-381-4411", "city": "평양"})";

TEST_F(SellerRoutesTest, ApplyThenTheAdminApprovesAndTheMemberBecomesASeller) {
  EXPECT_EQ(Post("/api/v1/seller/apply", kGood, "").status, http::Status::unauthorized);
  auto applied = Post("/api/v1/seller/apply", kGood, Who(applicant_));
  ASSERT_EQ(applied.status, http::Status::created) << applied.body;
  const boost::json::object seller = Json(applied).at("seller").as_object();
  EXPECT_EQ(seller.at("status").as_string(), "pending");
  const std::int64_t id = seller.at("id").as_int64();
  EXPECT_GT(id, 0);

  auto again = Post("/api/v1/seller/apply", kGood, Who(applicant_));
  EXPECT_EQ(again.status, http::Status::conflict);
  EXPECT_EQ(Code(again), "application_open");
  EXPECT_EQ(ShopCount(), 1);

  auto status = Get("/api/v1/seller/application", Who(applicant_));
  ASSERT_EQ(status.status, http::Status::ok);
  EXPECT_EQ(Json(status).at("seller").at("id").as_int64(), id);
  EXPECT_TRUE(Json(status).at("seller").at("rejection_reason").is_null());
  EXPECT_EQ(Get("/api/v1/seller/application", Who(other_)).status, http::Status::not_found);
  EXPECT_EQ(Get("/api/v1/seller/application").status, http::Status::unauthorized);

  auto listed = Get("/api/v1/admin/sellers?status=pending", Who(admin_, "admin"));
  ASSERT_EQ(listed.status, http::Status::ok) << listed.body;
  EXPECT_EQ(Json(listed).at("total").as_int64(), 1);
  EXPECT_EQ(Json(listed).at("page").as_int64(), 1);
  EXPECT_EQ(Json(listed).at("per_page").as_int64(), 20);
  EXPECT_EQ(Json(listed).at("items").at(0).at("name").as_string(), "평양 전자상점");

  const std::string approve = "/api/v1/admin/sellers/" + std::to_string(id) + "/approve";
  EXPECT_EQ(Post(approve, "", "").status, http::Status::unauthorized);
  EXPECT_EQ(Post(approve, "", Who(applicant_)).status, http::Status::forbidden);
  EXPECT_EQ(Post(approve, "", Who(seller_, "seller")).status, http::Status::forbidden);
  EXPECT_EQ(RoleOf(applicant_), core::Role::buyer);
  auto approved = Post(approve, "", Who(admin_, "admin"));
  ASSERT_EQ(approved.status, http::Status::ok) << approved.body;
  EXPECT_EQ(Json(approved).at("seller").at("status").as_string(), "approved");
  EXPECT_EQ(RoleOf(applicant_), core::Role::seller);
  EXPECT_EQ(sellers_.ApprovedShopOf({applicant_, core::Role::seller, ""})->id, core::SellerId{id});
  auto twice = Post(approve, "", Who(admin_, "admin"));
  EXPECT_EQ(twice.status, http::Status::conflict);
  EXPECT_EQ(Code(twice), "already_decided");
  EXPECT_EQ(Json(Get("/api/v1/admin/sellers?status=pending", Who(admin_, "admin"))).at("total").as_int64(), 0);
  EXPECT_EQ(Json(Get("/api/v1/admin/sellers?status=approved", Who(admin_, "admin"))).at("total").as_int64(), 1);
  EXPECT_EQ(Post("/api/v1/admin/sellers/99999/approve", "", Who(admin_, "admin")).status, http::Status::not_found);
  EXPECT_EQ(Post("/api/v1/admin/sellers/abc/approve", "", Who(admin_, "admin")).status, http::Status::not_found);
}

TEST_F(SellerRoutesTest, RejectionNeedsAReasonWhichTheApplicantReadsAndTheyMayApplyAgain) {
  const std::int64_t id = Json(Post("/api/v1/seller/apply", kGood, Who(applicant_))).at("seller").at("id").as_int64();
  const std::string reject = "/api/v1/admin/sellers/" + std::to_string(id) + "/reject";
  EXPECT_EQ(Post(reject, R"({"reason": "아무나"})", Who(other_)).status, http::Status::forbidden);
  EXPECT_EQ(Post(reject, R"({"reason": "아무나"})", "").status, http::Status::unauthorized);
  auto blank = Post(reject, R"({"reason": "  "})", Who(admin_, "admin"));
  EXPECT_EQ(blank.status, http::Status::bad_request);
  EXPECT_EQ(Code(blank), "invalid_reason");
  EXPECT_EQ(Field(blank), "reason");
  EXPECT_EQ(Post(reject, "{}", Who(admin_, "admin")).status, http::Status::bad_request);
  EXPECT_EQ(Post(reject, R"({"reason": 5})", Who(admin_, "admin")).status, http::Status::bad_request);
  EXPECT_EQ(Post(reject, "not json", Who(admin_, "admin")).status, http::Status::bad_request);
  auto rejected = Post(reject, R"({"reason": "전화가 닿지 않습니다."})", Who(admin_, "admin"));
  ASSERT_EQ(rejected.status, http::Status::ok) << rejected.body;
  auto status = Json(Get("/api/v1/seller/application", Who(applicant_))).at("seller").as_object();
  EXPECT_EQ(status.at("status").as_string(), "rejected");
  EXPECT_EQ(status.at("rejection_reason").as_string(), "전화가 닿지 않습니다.");
  EXPECT_EQ(Post("/api/v1/admin/sellers/" + std::to_string(id) + "/approve", "", Who(admin_, "admin")).status,
            http::Status::conflict);
  EXPECT_EQ(RoleOf(applicant_), core::Role::buyer);
  auto again = Post("/api/v1/seller/apply", kGood, Who(applicant_));
  ASSERT_EQ(again.status, http::Status::created) << again.body;
  EXPECT_NE(Json(again).at("seller").at("id").as_int64(), id);
}

TEST_F(SellerRoutesTest, HostileApplicationsGetAClearRefusalAndWriteNothing) {
  const std::pair<std::string, std::string> refused[] = {
      {R"({"shop_name": "", "description": "", "phone": "010-1234-5678", "city": "평양"})", "shop_name"},
      {R"({"shop_name": "상점\u0000이름", "phone": "010-1234-5678", "city": "평양"})", "shop_name"},
      {R"({"shop_name": "상점\u001b[31m", "phone": "010-1234-5678", "city": "평양"})", "shop_name"},
      {R"({"shop_name": ")" + std::string(200, 'a') + R"(", "phone": "010-1234-5678", "city": "평양"})", "shop_name"},
      {R"({"shop_name": 12, "phone": "010-1234-5678", "city": "평양"})", "shop_name"},
      {R"({"shop_name": "좋은 상점", "description": ["x"], "phone": "010-1234-5678", "city": "평양"})", "description"},
      {R"({"shop_name": "좋은 상점", "phone": "call me", "city": "평양"})", "phone"},
      {R"({"shop_name": "좋은 상점", "phone": 1012345678, "city": "평양"})", "phone"},
      {R"({"shop_name": "좋은 상점", "phone": "010-1234-5678"})", "city"},
  };
  for (const auto& [body, field] : refused) {
    auto response = Post("/api/v1/seller/apply", body, Who(applicant_));
    EXPECT_EQ(response.status, http::Status::bad_request) << body;
    EXPECT_EQ(Field(response), field) << body;
  }
  // Bytes that are not UTF-8, a body that is not an object, no body at all.
  EXPECT_EQ(Post("/api/v1/seller/apply", "{\"shop_name\": \"\xff\xfe\", \"phone\": \"010-1234-5678\", \"city\": \"x\"}",
                 Who(applicant_))
                .status,
            http::Status::bad_request);
  EXPECT_EQ(Post("/api/v1/seller/apply", "[1, 2]", Who(applicant_)).status, http::Status::bad_request);
  EXPECT_EQ(Post("/api/v1/seller/apply", "", Who(applicant_)).status, http::Status::bad_request);
  EXPECT_EQ(ShopCount(), 0);
}

TEST_F(SellerRoutesTest, TheAdminListIsPagedAndChecksItsParameters) {
  for (const core::UserId member : {applicant_, other_}) {
    ASSERT_EQ(Post("/api/v1/seller/apply", kGood, Who(member)).status, http::Status::created);
  }
  auto first = Json(Get("/api/v1/admin/sellers?status=pending&page=1&per_page=1", Who(admin_, "admin")));
  EXPECT_EQ(first.at("total").as_int64(), 2);
  ASSERT_EQ(first.at("items").as_array().size(), 1u);
  EXPECT_EQ(first.at("items").at(0).at("owner_id").as_int64(), applicant_.value);
  auto second = Json(Get("/api/v1/admin/sellers?page=2&per_page=1", Who(admin_, "admin")));
  EXPECT_EQ(second.at("items").at(0).at("owner_id").as_int64(), other_.value);
  EXPECT_EQ(Get("/api/v1/admin/sellers?status=closed", Who(admin_, "admin")).status, http::Status::bad_request);
  EXPECT_EQ(Get("/api/v1/admin/sellers?per_page=101", Who(admin_, "admin")).status, http::Status::bad_request);
  EXPECT_EQ(Get("/api/v1/admin/sellers?page=0", Who(admin_, "admin")).status, http::Status::bad_request);
  EXPECT_EQ(Get("/api/v1/admin/sellers", Who(seller_, "seller")).status, http::Status::forbidden);
  EXPECT_EQ(Get("/api/v1/admin/sellers?page=zero", Who(other_)).status, http::Status::forbidden);
  EXPECT_EQ(Get("/api/v1/admin/sellers").status, http::Status::unauthorized);
}

}  // namespace
}  // namespace manmulsang::sellers
