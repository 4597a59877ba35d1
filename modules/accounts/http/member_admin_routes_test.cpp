#include <gtest/gtest.h>

#include "account_routes_fixture.hpp"

namespace manmulsang::accounts {
namespace {

using boost::json::object;

class MemberAdminRoutesTest : public AccountRoutesTest {
 protected:
  MemberAdminRoutesTest() {
    admin_ = *accounts_.Register({.email = "admin@example.com",
                                  .password = std::string(kPassword),
                                  .name = "관리자",
                                  .role = core::Role::admin});
    kim_ = *accounts_.Register(
        {.email = "kim@example.com", .password = std::string(kPassword), .name = "김철수", .phone = "010-1234-5678"});
    admin_token_ = accounts_.Login("admin@example.com", kPassword, "10.0.0.9", SessionKind::api)->token;
    admin_cookie_ = accounts_.Login("admin@example.com", kPassword, "10.0.0.9", SessionKind::browser)->token;
  }

  Headers Bearer(const std::string& token) const { return {{"Authorization", "Bearer " + token}}; }
  Headers AdminApi() const { return Bearer(admin_token_); }
  Headers AdminBrowser() const { return {{"Cookie", std::string(kSessionCookie) + "=" + admin_cookie_}}; }
  std::string KimPath(std::string_view action) const {
    return "/admin/members/" + std::to_string(kim_.id.value) + std::string(action);
  }

  http::Response Get(std::string_view target, const Headers& headers) {
    return Send(http::Method::get, target, {}, {}, headers);
  }

  static constexpr std::string_view kPassword = "correct horse battery";

  User admin_;
  User kim_;
  std::string admin_token_;
  std::string admin_cookie_;
};

TEST_F(MemberAdminRoutesTest, OnlyAdminsReachTheMembersConsole) {
  const std::string buyer = accounts_.Login("kim@example.com", kPassword, "10.0.0.1", SessionKind::api)->token;
  for (const std::string target : {"/api/v1/admin/members", "/api/v1/admin/members/1", "/admin/members"}) {
    EXPECT_EQ(Get(target, Bearer(buyer)).status, http::Status::forbidden) << target;
  }
  EXPECT_EQ(Get("/api/v1/admin/members", {}).status, http::Status::unauthorized);
  EXPECT_EQ(PostJson("/api/v1/admin/members/1/suspend", R"({"reason":"x"})", Bearer(buyer)).status,
            http::Status::forbidden);
  EXPECT_EQ(PostForm(KimPath("/suspend"), {{"reason", "x"}}, Bearer(buyer)).status, http::Status::forbidden);
  EXPECT_FALSE(accounts_.FindUser(kim_.id)->suspended());
}

TEST_F(MemberAdminRoutesTest, TheSearchApiAndPageFindMembers) {
  const auto found = Get("/api/v1/admin/members?q=1234-5678", AdminApi());
  ASSERT_EQ(found.status, http::Status::ok) << found.body;
  const auto body = Json(found);
  EXPECT_EQ(body.at("total").as_int64(), 1);
  EXPECT_EQ(body.at("items").at(0).at("email").as_string(), "kim@example.com");
  EXPECT_EQ(body.at("items").at(0).at("phone").as_string(), "01012345678");
  EXPECT_EQ(Json(Get("/api/v1/admin/members?role=admin", AdminApi())).at("total").as_int64(), 1);
  EXPECT_EQ(Get("/api/v1/admin/members?role=king", AdminApi()).status, http::Status::bad_request);
  EXPECT_EQ(Get("/api/v1/admin/members?per_page=500", AdminApi()).status, http::Status::bad_request);

  const auto page = Get("/admin/members?q=%EC%B2%A0%EC%88%98", AdminBrowser());  // 철수
  ASSERT_EQ(page.status, http::Status::ok);
  EXPECT_NE(page.body.find("kim@example.com"), std::string::npos);
  EXPECT_NE(page.body.find("href=\"/admin/members/" + std::to_string(kim_.id.value) + "\""), std::string::npos);
  EXPECT_EQ(page.body.find("admin@example.com"), std::string::npos);
  EXPECT_NE(page.body.find("href=\"/admin\""), std::string::npos);  // the breadcrumb home
}

TEST_F(MemberAdminRoutesTest, ASuspensionEndsTheMembersCookieAndTokenAtOnce) {
  const std::string token = accounts_.Login("kim@example.com", kPassword, "10.0.0.1", SessionKind::api)->token;
  const std::string cookie = accounts_.Login("kim@example.com", kPassword, "10.0.0.1", SessionKind::browser)->token;
  auto shown = Json(Get("/api/v1/admin/members/" + std::to_string(kim_.id.value), AdminApi()));
  EXPECT_EQ(shown.at("sessions").as_array().size(), 2u);
  EXPECT_EQ(shown.at("sessions").at(0).as_object().if_contains("token_hash"), nullptr);

  const auto blank = PostJson(KimPath("/suspend").insert(0, "/api/v1"), R"({"reason":"  "})", AdminApi());
  EXPECT_EQ(blank.status, http::Status::bad_request);
  EXPECT_EQ(Json(blank).at("error").at("field").as_string(), "reason");
  const auto suspended = PostJson(KimPath("/suspend").insert(0, "/api/v1"), R"({"reason":"사기 신고"})", AdminApi());
  ASSERT_EQ(suspended.status, http::Status::ok) << suspended.body;
  EXPECT_TRUE(Json(suspended).at("member").at("suspended").as_bool());

  EXPECT_EQ(Get("/api/v1/me", Bearer(token)).status, http::Status::unauthorized);
  const auto with_cookie = Get("/api/v1/me", {{"Cookie", std::string(kSessionCookie) + "=" + cookie}});
  EXPECT_EQ(with_cookie.status, http::Status::unauthorized);
  const auto login =
      PostJson("/api/v1/auth/login", R"({"email":"kim@example.com","password":"correct horse battery"})");
  EXPECT_EQ(login.status, http::Status::forbidden);
  EXPECT_EQ(Json(login).at("error").at("code").as_string(), "account_suspended");
  const auto page = PostForm("/login", {{"email", "kim@example.com"}, {"password", std::string(kPassword)}});
  EXPECT_EQ(page.status, http::Status::forbidden);
  EXPECT_NE(page.body.find("정지된 계정입니다"), std::string::npos);

  const auto again = PostJson(KimPath("/suspend").insert(0, "/api/v1"), R"({"reason":"x"})", AdminApi());
  EXPECT_EQ(Json(again).at("error").at("code").as_string(), "already_suspended");
  ASSERT_EQ(PostJson(KimPath("/unsuspend").insert(0, "/api/v1"), "", AdminApi()).status, http::Status::ok);
  EXPECT_EQ(PostJson("/api/v1/auth/login", R"({"email":"kim@example.com","password":"correct horse battery"})").status,
            http::Status::ok);
}

TEST_F(MemberAdminRoutesTest, TheFormsRedirectToTheMemberPageWithTheOutcome) {
  const auto blank = PostForm(KimPath("/suspend"), {{"reason", ""}}, AdminBrowser());
  EXPECT_EQ(blank.status, http::Status::see_other);
  EXPECT_EQ(Header(blank, "Location"), KimPath("?error=reason_required"));
  EXPECT_FALSE(accounts_.FindUser(kim_.id)->suspended());

  const auto done = PostForm(KimPath("/suspend"), {{"reason", "욕설"}}, AdminBrowser());
  EXPECT_EQ(Header(done, "Location"), KimPath("?done=suspended"));
  EXPECT_TRUE(accounts_.FindUser(kim_.id)->suspended());

  const auto role = PostForm(KimPath("/role"), {{"role", "seller"}, {"reason", ""}}, AdminBrowser());
  EXPECT_EQ(Header(role, "Location"), KimPath("?done=role"));
  EXPECT_EQ(accounts_.FindUser(kim_.id)->role, core::Role::seller);
  EXPECT_EQ(Header(PostForm(KimPath("/role"), {{"role", "king"}}, AdminBrowser()), "Location"),
            KimPath("?error=invalid_role"));
  const std::string self = "/admin/members/" + std::to_string(admin_.id.value);
  EXPECT_EQ(Header(PostForm(self + "/role", {{"role", "buyer"}}, AdminBrowser()), "Location"),
            self + "?error=cannot_change_self");
  EXPECT_EQ(PostForm("/admin/members/99999/suspend", {{"reason", "x"}}, AdminBrowser()).status,
            http::Status::not_found);

  // The member page words the outcome from the query string, and only known codes.
  http::BeastRequest message{http::Method::get, KimPath("?done=suspended&error=last_admin"), 11};
  http::Request request(std::move(message), "10.0.0.1", "test");
  const MemberActionFlash flash = ReadMemberActionFlash(renderer_, request);
  EXPECT_NE(flash.notice.find("정지"), std::string::npos);
  EXPECT_NE(flash.error.find("마지막 관리자"), std::string::npos);
  http::Request forged(http::BeastRequest{http::Method::get, KimPath("?done=pwned&error=%3Cscript%3E"), 11}, "10.0.0.1",
                       "test");
  EXPECT_TRUE(ReadMemberActionFlash(renderer_, forged).notice.empty());
  EXPECT_TRUE(ReadMemberActionFlash(renderer_, forged).error.empty());
}

TEST_F(MemberAdminRoutesTest, TheMemberActionsPartialPostsToTheActionRoutes) {
  http::Request request(http::BeastRequest{http::Method::get, KimPath(""), 11}, "10.0.0.1", "test");
  const std::string active = renderer_.Fragment(request, "accounts/member_actions", MemberActionsData(kim_));
  EXPECT_NE(active.find("action=\"" + KimPath("/suspend") + "\""), std::string::npos) << active;
  EXPECT_NE(active.find("action=\"" + KimPath("/role") + "\""), std::string::npos);
  EXPECT_NE(active.find("action=\"" + KimPath("/reset-code") + "\""), std::string::npos);
  EXPECT_NE(active.find("value=\"buyer\" selected"), std::string::npos);
  ASSERT_TRUE(accounts_.Suspend(admin_.id, kim_.id, "test"));
  const std::string suspended =
      renderer_.Fragment(request, "accounts/member_actions", MemberActionsData(*accounts_.FindUser(kim_.id)));
  EXPECT_NE(suspended.find("action=\"" + KimPath("/unsuspend") + "\""), std::string::npos);
}

TEST_F(MemberAdminRoutesTest, AResetCodeIsShownOnceAndSetsANewPasswordOnTheResetPage) {
  const auto issued = PostForm(KimPath("/reset-code"), {}, AdminBrowser());
  ASSERT_EQ(issued.status, http::Status::ok) << issued.body;
  const std::size_t at = issued.body.find("id=\"reset-code\">");
  ASSERT_NE(at, std::string::npos);
  const std::string code = issued.body.substr(at + 16, 11);
  EXPECT_NE(issued.body.find("/reset-password"), std::string::npos);

  EXPECT_EQ(Get("/reset-password", {}).status, http::Status::ok);
  const auto differ = PostForm("/reset-password", {{"email", "kim@example.com"},
                                                   {"code", code},
                                                   {"password", "new password one"},
                                                   {"password_again", "new password two"}});
  EXPECT_EQ(differ.status, http::Status::bad_request);
  const auto wrong = PostForm("/reset-password", {{"email", "kim@example.com"},
                                                  {"code", "AAAAA-AAAAA"},
                                                  {"password", "new password one"},
                                                  {"password_again", "new password one"}});
  EXPECT_EQ(wrong.status, http::Status::bad_request);
  EXPECT_NE(wrong.body.find("재설정 코드가 맞지 않거나"), std::string::npos);
  const auto reset = PostForm("/reset-password", {{"email", "kim@example.com"},
                                                  {"code", code},
                                                  {"password", "new password one"},
                                                  {"password_again", "new password one"}});
  EXPECT_EQ(reset.status, http::Status::see_other);
  EXPECT_EQ(Header(reset, "Location"), "/login?reset=1");
  EXPECT_NE(Get("/login?reset=1", {}).body.find("새 비밀번호로 로그인하세요"), std::string::npos);
  EXPECT_TRUE(accounts_.Login("kim@example.com", "new password one", "10.0.0.1", SessionKind::api));
}

TEST_F(MemberAdminRoutesTest, TheResetApiUsesACodeOnce) {
  const auto issued = PostJson(KimPath("/reset-code").insert(0, "/api/v1"), "", AdminApi());
  ASSERT_EQ(issued.status, http::Status::created) << issued.body;
  const std::string code(Json(issued).at("code").as_string());
  const std::string body = R"({"email":"kim@example.com","code":")" + code + R"(","password":"a fresh password"})";
  EXPECT_EQ(PostJson("/api/v1/auth/reset-password", body).status, http::Status::no_content);
  const auto twice = PostJson("/api/v1/auth/reset-password", body);
  EXPECT_EQ(twice.status, http::Status::bad_request);
  EXPECT_EQ(Json(twice).at("error").at("code").as_string(), "invalid_reset_code");
  EXPECT_EQ(PostJson("/api/v1/auth/reset-password", R"({"email":"kim@example.com"})").status,
            http::Status::bad_request);

  const auto role = PostJson(KimPath("/role").insert(0, "/api/v1"), R"({"role":"admin","reason":"승진"})", AdminApi());
  ASSERT_EQ(role.status, http::Status::ok) << role.body;
  EXPECT_EQ(Json(role).at("member").at("role").as_string(), "admin");
  EXPECT_EQ(PostJson(KimPath("/role").insert(0, "/api/v1"), R"({"role":5})", AdminApi()).status,
            http::Status::bad_request);
  EXPECT_EQ(PostJson("/api/v1/admin/members/99999/role", R"({"role":"buyer"})", AdminApi()).status,
            http::Status::not_found);
}

}  // namespace
}  // namespace manmulsang::accounts
