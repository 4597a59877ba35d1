// The member's own security page against the real binary: two sessions of one member, a password
// change from one that signs the other out; another member's session id answered 404 with
// nothing changed; closing refused while the wallet holds money; a fresh account closed,
// anonymised, and its e-mail registered again.
#include "blackbox.hpp"

namespace manmulsang::testing {
namespace {

class AccountSecurityTest : public BlackBoxTest {
 protected:
  // Posts one of /account/security's forms with the page's CSRF token, as a browser would.
  static HttpResponse SubmitSecurityForm(HttpClient& browser, std::string_view action, FormFields fields) {
    const HttpResponse page = browser.Get("/account/security");
    EXPECT_EQ(page.status, 200) << page.body;
    const auto csrf = FindInputValue(page.body, "_csrf");
    EXPECT_TRUE(csrf.has_value()) << "the security page has no _csrf field";
    fields.emplace_back("_csrf", csrf.value_or(""));
    return browser.Post(action, fields);
  }
};

TEST_F(AccountSecurityTest, ChangingThePasswordSignsTheOtherSessionOut) {
  const Member member = NewMember("security-password");
  HttpClient phone = SignInThroughLoginForm(member.email, kPassword);
  HttpClient laptop = SignInThroughLoginForm(member.email, kPassword);

  const HttpResponse page = laptop.Get("/account/security");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("127.0.0.1"), std::string::npos);

  const std::string new_password = "a new password for 2026";
  const HttpResponse changed = SubmitSecurityForm(
      laptop, "/account/password",
      {{"current_password", kPassword}, {"password", new_password}, {"password_again", new_password}});
  ASSERT_EQ(changed.status, 303) << changed.body;
  EXPECT_EQ(laptop.Get("/api/v1/me").status, 200);
  // The other browser's next request is a visitor's, and so is the API token's.
  EXPECT_EQ(phone.Get("/api/v1/me").status, 401);
  EXPECT_EQ(phone.Get("/account/security").status, 303);
  EXPECT_EQ(Client(member.token).Get("/api/v1/me").status, 401);
  EXPECT_TRUE(
      IsJsonError(Client().PostJson("/api/v1/auth/login", {{"email", member.email}, {"password", kPassword}}), 401));
  EXPECT_EQ(Client().PostJson("/api/v1/auth/login", {{"email", member.email}, {"password", new_password}}).status, 200);
}

TEST_F(AccountSecurityTest, AnotherMembersSessionIsNotFoundAndLeftAlone) {
  const Member owner = NewMember("security-owner");
  const Member other = NewMember("security-other");
  const HttpResponse sessions = Client(other.token).Get("/api/v1/account/sessions");
  ASSERT_EQ(sessions.status, 200) << sessions.body;
  const std::int64_t session = Int(sessions.Json().at("items").as_array().at(0).at("id"));

  const std::string path = "/api/v1/account/sessions/" + std::to_string(session) + "/revoke";
  const HttpResponse refused = Client(owner.token).PostJson(path, boost::json::object{});
  EXPECT_TRUE(IsJsonError(refused, 404));
  EXPECT_EQ(ErrorCode(refused), "session_not_found");
  EXPECT_EQ(Client(other.token).Get("/api/v1/me").status, 200);
  EXPECT_EQ(Client(other.token).Get("/api/v1/account/sessions").Json().at("total"), sessions.Json().at("total"));
}

TEST_F(AccountSecurityTest, ClosingIsRefusedWhileTheWalletHoldsMoney) {
  const Member member = NewMember("security-wallet");
  const HttpResponse credited =
      Client(AdminToken())
          .PostJson("/api/v1/admin/credits", {{"member", member.email}, {"amount", 3'000}, {"reference", "탈퇴 시험"}});
  ASSERT_EQ(credited.status, 201) << credited.body;

  const HttpResponse refused =
      Client(member.token).PostJson("/api/v1/account/close", {{"current_password", kPassword}});
  EXPECT_TRUE(IsJsonError(refused, 409));
  EXPECT_EQ(ErrorCode(refused), "wallet_not_empty");
  EXPECT_EQ(Client(member.token).Get("/api/v1/me").Json().at("user").at("email").as_string(), member.email);
}

TEST_F(AccountSecurityTest, AFreshAccountClosesAnonymisedAndItsEmailRegistersAgain) {
  const Member member = NewMember("security-close");
  HttpClient browser = SignInThroughLoginForm(member.email, kPassword);
  const HttpResponse wrong = SubmitSecurityForm(browser, "/account/close", {{"current_password", "not the password"}});
  EXPECT_EQ(wrong.status, 400);
  EXPECT_EQ(browser.Get("/api/v1/me").status, 200);

  const HttpResponse closed = SubmitSecurityForm(browser, "/account/close", {{"current_password", kPassword}});
  ASSERT_EQ(closed.status, 303) << closed.body;
  EXPECT_EQ(browser.Get("/api/v1/me").status, 401);
  EXPECT_EQ(Client(member.token).Get("/api/v1/me").status, 401);

  // The row stays for the records, without the person.
  const HttpResponse kept = Client(AdminToken()).Get("/api/v1/admin/members/" + std::to_string(member.id));
  ASSERT_EQ(kept.status, 200) << kept.body;
  EXPECT_NE(kept.body.find("closed-member-"), std::string::npos);
  EXPECT_EQ(kept.body.find(member.email), std::string::npos);

  const HttpResponse again = Client().PostJson(
      "/api/v1/auth/register", {{"email", member.email}, {"password", kPassword}, {"name", "다시 가입"}});
  ASSERT_EQ(again.status, 201) << again.body;
  EXPECT_NE(Int(again.Json().at("user").at("id")), member.id);
}

}  // namespace
}  // namespace manmulsang::testing
