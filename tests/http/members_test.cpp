// The members console against the real binary: who may reach it, a suspension that ends a
// member's cookie and token at once, and a reset code from `manmulsang admin reset-password`
// used on the /reset-password page the way a member without JavaScript uses it.
#include <fstream>
#include <regex>

#include "blackbox.hpp"
#include "temp_directory.hpp"

namespace manmulsang::testing {
namespace {

class MembersTest : public BlackBoxTest {
 protected:
  static std::string MemberPath(std::int64_t id, std::string_view action = {}) {
    return "/api/v1/admin/members/" + std::to_string(id) + std::string(action);
  }

  // Posts the /reset-password form with its CSRF token, as a browser would.
  static HttpResponse SubmitReset(HttpClient& browser, const std::string& email, const std::string& code,
                                  const std::string& password) {
    const HttpResponse page = browser.Get("/reset-password");
    EXPECT_EQ(page.status, 200);
    const auto csrf = FindInputValue(page.body, "_csrf");
    EXPECT_TRUE(csrf.has_value()) << "the reset form has no _csrf field";
    return browser.Post("/reset-password", {{"_csrf", csrf.value_or("")},
                                            {"email", email},
                                            {"code", code},
                                            {"password", password},
                                            {"password_again", password}});
  }
};

TEST_F(MembersTest, OnlyAdminsReachTheMembersConsole) {
  const Member buyer = NewMember("members-buyer");
  EXPECT_EQ(NewClient().Get("/admin/members").status, 303);
  EXPECT_EQ(Client(buyer.token).Get("/admin/members").status, 403);
  EXPECT_TRUE(IsJsonError(Client().Get("/api/v1/admin/members"), 401));
  EXPECT_TRUE(IsJsonError(Client(buyer.token).Get("/api/v1/admin/members"), 403));
  EXPECT_TRUE(IsJsonError(
      Client(buyer.token).PostJson(MemberPath(buyer.id, "/role"), boost::json::object{{"role", "admin"}}), 403));
  EXPECT_EQ(Client(buyer.token).Get("/api/v1/me").Json().at("user").at("role").as_string(), "buyer");

  const HttpResponse page = Client(AdminToken()).Get("/admin/members?q=" + buyer.email);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("href=\"/admin/members/" + std::to_string(buyer.id) + "\""), std::string::npos);
}

TEST_F(MembersTest, ASuspensionEndsTheCookieAndTheTokenAtOnce) {
  const Member member = NewMember("members-suspend");
  HttpClient browser = SignInThroughLoginForm(member.email, kPassword);
  ASSERT_EQ(browser.Get("/api/v1/me").status, 200);
  ASSERT_EQ(Client(member.token).Get("/api/v1/me").status, 200);

  const HttpResponse suspended =
      Client(AdminToken()).PostJson(MemberPath(member.id, "/suspend"), boost::json::object{{"reason", "사기 신고"}});
  ASSERT_EQ(suspended.status, 200) << suspended.body;
  EXPECT_EQ(browser.Get("/api/v1/me").status, 401);
  EXPECT_EQ(Client(member.token).Get("/api/v1/me").status, 401);
  const HttpResponse login =
      Client().PostJson("/api/v1/auth/login", {{"email", member.email}, {"password", kPassword}});
  EXPECT_TRUE(IsJsonError(login, 403));
  EXPECT_EQ(ErrorCode(login), "account_suspended");

  ASSERT_EQ(Client(AdminToken()).PostJson(MemberPath(member.id, "/unsuspend"), boost::json::object{}).status, 200);
  EXPECT_EQ(Client().PostJson("/api/v1/auth/login", {{"email", member.email}, {"password", kPassword}}).status, 200);
}

TEST_F(MembersTest, TheCommandLinesResetCodeWorksOnceOnTheResetPage) {
  const Member member = NewMember("members-reset");
  const CommandResult issued = RunServerCommand(
      {"admin", "reset-password", "--email", member.email, "--data", server_->data_directory().string()});
  ASSERT_EQ(issued.exit_code, 0) << issued.output;
  std::smatch match;
  ASSERT_TRUE(std::regex_search(issued.output, match, std::regex("([2-9A-Z]{5}-[2-9A-Z]{5})"))) << issued.output;
  const std::string code = match[1];
  EXPECT_NE(issued.output.find("/reset-password"), std::string::npos);

  HttpClient browser = NewClient();
  const HttpResponse wrong = SubmitReset(browser, member.email, "AAAAA-AAAAA", "a new password 2026");
  EXPECT_EQ(wrong.status, 400);
  const HttpResponse reset = SubmitReset(browser, member.email, code, "a new password 2026");
  ASSERT_EQ(reset.status, 303) << reset.body.substr(0, 500);
  EXPECT_EQ(reset.Header("Location").value_or(""), "/login?reset=1");
  EXPECT_EQ(Client(member.token).Get("/api/v1/me").status, 401);  // the old sessions ended
  EXPECT_EQ(SubmitReset(browser, member.email, code, "yet another password").status, 400);
  EXPECT_EQ(
      Client().PostJson("/api/v1/auth/login", {{"email", member.email}, {"password", "a new password 2026"}}).status,
      200);

  const CommandResult unknown = RunServerCommand(
      {"admin", "reset-password", "--email", "nobody-here@example.com", "--data", server_->data_directory().string()});
  EXPECT_EQ(unknown.exit_code, 1);
}

}  // namespace
}  // namespace manmulsang::testing
