// Seller onboarding through the real server (issue 5): a member applies (JSON and the no-JS
// form), an admin made with the CLI approves or rejects with a reason, the approved member is a
// seller from their next request, the rejected one reads the reason and applies again; one open
// application per member; non-admins get 403 and visitors 401; hostile input is a 400 that
// writes nothing; a form posted from another site is refused.
#include "blackbox.hpp"

namespace manmulsang::testing {
namespace {

boost::json::object Application(std::string_view shop_name) {
  return {{"shop_name", shop_name}, {"description", "좋은 물건을 팝니다."}, {"phone", "02-381-4411"}, {"city", "평양"}};
}

class SellingTest : public BlackBoxTest {
 protected:
  std::string Role(const Member& member) {
    HttpResponse me = Client(member.token).Get("/api/v1/me");
    if (me.status != 200) return "(GET /me: " + std::to_string(me.status) + ")";
    const boost::json::value json = me.Json();
    const boost::json::value* user = json.as_object().if_contains("user");
    return std::string((user ? *user : json).at("role").as_string());
  }

  HttpClient Browser(const Member& member) const { return SignInThroughLoginForm(member.email, kPassword); }
};

TEST_F(SellingTest, AMemberAppliesAndTheAdminApprovesMakingThemASeller) {
  const Member member = NewMember("applicant");
  EXPECT_EQ(Client().PostJson("/api/v1/seller/apply", Application("몰래 상점")).status, 401);
  HttpResponse applied = Client(member.token).PostJson("/api/v1/seller/apply", Application("평양 전자상점"));
  ASSERT_EQ(applied.status, 201) << applied.body;
  const boost::json::object seller = AsObject(applied.Json().at("seller"));
  EXPECT_EQ(seller.at("status").as_string(), "pending");
  const std::string id = std::to_string(seller.at("id").to_number<std::int64_t>());
  HttpResponse again = Client(member.token).PostJson("/api/v1/seller/apply", Application("두번째 상점"));
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(ErrorCode(again), "application_open");

  const std::string admin = AdminToken();
  HttpResponse pending = Client(admin).Get("/api/v1/admin/sellers?status=pending&per_page=100");
  ASSERT_EQ(pending.status, 200) << pending.body;
  bool listed = false;
  const boost::json::value pending_json = pending.Json();
  for (const auto& item : pending_json.at("items").as_array()) {
    listed = listed || std::to_string(item.at("id").to_number<std::int64_t>()) == id;
  }
  EXPECT_TRUE(listed) << "the application is not in the admin's pending list";
  EXPECT_EQ(Client(member.token).Get("/api/v1/admin/sellers").status, 403);
  EXPECT_EQ(Client().Get("/api/v1/admin/sellers").status, 401);

  const std::string approve = "/api/v1/admin/sellers/" + id + "/approve";
  EXPECT_EQ(Client(member.token).PostJson(approve, boost::json::object{}).status, 403);
  EXPECT_EQ(Client().PostJson(approve, boost::json::object{}).status, 401);
  EXPECT_EQ(Role(member), "buyer");
  HttpResponse approved = Client(admin).PostJson(approve, boost::json::object{});
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(approved.Json().at("seller").at("status").as_string(), "approved");
  EXPECT_EQ(Role(member), "seller") << "the approved member is not a seller at their next request";
  EXPECT_EQ(Client(admin).PostJson(approve, boost::json::object{}).status, 409);
  EXPECT_EQ(Client(member.token).Get("/api/v1/seller/application").Json().at("seller").at("status").as_string(),
            "approved");
  EXPECT_EQ(Client().Get("/s/" + id).status, 200) << "the approved shop's page";
}

TEST_F(SellingTest, ARejectedMemberReadsTheReasonAndAppliesAgain) {
  const Member member = NewMember("rejected");
  HttpResponse applied = Client(member.token).PostJson("/api/v1/seller/apply", Application("남포 상점"));
  ASSERT_EQ(applied.status, 201) << applied.body;
  const std::string id = std::to_string(applied.Json().at("seller").at("id").to_number<std::int64_t>());
  const std::string reject = "/api/v1/admin/sellers/" + id + "/reject";
  const std::string admin = AdminToken();
  HttpResponse blank = Client(admin).PostJson(reject, {{"reason", "   "}});
  EXPECT_EQ(blank.status, 400);
  EXPECT_EQ(ErrorCode(blank), "invalid_reason");
  ASSERT_EQ(Client(admin).PostJson(reject, {{"reason", "사업자 등록을 확인할 수 없습니다."}}).status, 200);
  const boost::json::object status =
      AsObject(Client(member.token).Get("/api/v1/seller/application").Json().at("seller"));
  EXPECT_EQ(status.at("status").as_string(), "rejected");
  EXPECT_EQ(status.at("rejection_reason").as_string(), "사업자 등록을 확인할 수 없습니다.");
  EXPECT_EQ(Role(member), "buyer");
  EXPECT_EQ(Client(member.token).PostJson("/api/v1/seller/apply", Application("남포 상점 2")).status, 201);
}

TEST_F(SellingTest, HostileApplicationsAreRefusedAndWriteNothing) {
  const Member member = NewMember("hostile-applicant");
  const boost::json::object refused[] = {
      {{"shop_name", std::string("상점\0이름", 10)}, {"phone", "010-1234-5678"}, {"city", "평양"}},
      {{"shop_name", std::string(300, 'a')}, {"phone", "010-1234-5678"}, {"city", "평양"}},
      {{"shop_name", "좋은 상점"}, {"phone", "<script>"}, {"city", "평양"}},
      {{"shop_name", "좋은 상점"}, {"phone", "010-1234-5678"}, {"city", 5}},
  };
  for (const auto& body : refused) {
    HttpResponse response = Client(member.token).PostJson("/api/v1/seller/apply", body);
    EXPECT_EQ(response.status, 400) << boost::json::serialize(body);
    EXPECT_TRUE(IsJsonError(response, 400));
  }
  HttpResponse bad_utf8 =
      Client(member.token)
          .Send("POST", "/api/v1/seller/apply",
                "{\"shop_name\": \"\xc3\x28\", \"phone\": \"010-1234-5678\", \"city\": \"x\"}", "application/json");
  EXPECT_EQ(bad_utf8.status, 400);
  EXPECT_EQ(Client(member.token).Get("/api/v1/seller/application").status, 404) << "a refused application was written";
}

TEST_F(SellingTest, TheNoJavaScriptFormsApplyAndDecideAndRefuseAnotherSite) {
  const Member member = NewMember("form-applicant");
  HttpClient browser = Browser(member);
  HttpResponse form = browser.Get("/seller/apply");
  ASSERT_EQ(form.status, 200);
  const std::optional<std::string> token = FindInputValue(form.body, "_csrf");
  ASSERT_TRUE(token.has_value() && !token->empty()) << "the application form has no _csrf";
  const FormFields fields = {{"shop_name", "원산 수산물상점"},
                             {"description", "<b>싱싱한</b> 물고기"},
                             {"phone", "+850 2 381 4411"},
                             {"city", "원산"}};
  HttpResponse forged = browser.Post("/seller/apply", fields, {{"Origin", "http://evil.example"}});
  EXPECT_EQ(forged.status, 403);
  EXPECT_EQ(Client(member.token).Get("/api/v1/seller/application").status, 404) << "a forged form applied";

  FormFields with_token = fields;
  with_token.insert(with_token.begin(), {"_csrf", *token});
  HttpResponse posted = browser.Post("/seller/apply", with_token);
  ASSERT_EQ(posted.status, 303) << posted.body.substr(0, 300);
  EXPECT_EQ(posted.Header("Location").value_or(""), "/seller/application?applied=1");
  HttpResponse status = browser.Get("/seller/application");
  EXPECT_NE(status.body.find("data-status=\"pending\""), std::string::npos);
  EXPECT_NE(status.body.find("&lt;b&gt;싱싱한"), std::string::npos);

  const std::string id = std::to_string(
      Client(member.token).Get("/api/v1/seller/application").Json().at("seller").at("id").to_number<std::int64_t>());
  EXPECT_EQ(browser.Get("/admin/sellers").status, 403);
  EXPECT_EQ(browser.Post("/admin/sellers/" + id + "/approve", {{"_csrf", *token}}).status, 403);
  // The admin's approve form (a bearer token needs no CSRF token).
  HttpClient admin = Client(AdminToken());
  HttpResponse admin_page = admin.Get("/admin/sellers?per_page=100");
  ASSERT_EQ(admin_page.status, 200);
  HttpResponse approved = admin.Post("/admin/sellers/" + id + "/approve", {});
  EXPECT_EQ(approved.status, 303) << approved.body.substr(0, 300);
  EXPECT_EQ(Role(member), "seller");
  EXPECT_NE(browser.Get("/seller/application").body.find("data-status=\"approved\""), std::string::npos);
}

}  // namespace
}  // namespace manmulsang::testing
