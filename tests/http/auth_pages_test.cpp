// Accounts through the HTML forms, the way a browser without JavaScript uses them.
#include "blackbox.hpp"

namespace manmulsang::testing {
namespace {

class AuthPagesTest : public BlackBoxTest {
 protected:
  // GETs a page with a form, checks the CSRF pair, fills the form and posts it.
  HttpResponse SubmitForm(HttpClient& client, const std::string& page, const std::string& email,
                          const std::string& password, const std::string& name = "이영희") {
    HttpResponse form_page = client.Get(page);
    EXPECT_EQ(form_page.status, 200) << page;
    std::optional<std::string> token = FindInputValue(form_page.body, "_csrf");
    EXPECT_TRUE(token.has_value()) << page << " has no hidden _csrf field";
    EXPECT_TRUE(client.Cookie("mm_csrf").has_value()) << page << " did not set the mm_csrf cookie";
    return client.Post(page, FillForm(form_page.body, page, email, password, name));
  }

  // Whether the client's cookies are a signed-in session, according to /api/v1/me.
  static bool SignedIn(HttpClient& client) { return client.Get("/api/v1/me").status == 200; }
};

TEST_F(AuthPagesTest, RegisterFormSignsIn) {
  HttpClient client = NewClient();
  std::string email = UniqueEmail("form-register");
  HttpResponse response = SubmitForm(client, "/register", email, kPassword);
  EXPECT_EQ(response.status, 303) << response.body.substr(0, 500);
  EXPECT_TRUE(response.Header("Location").has_value());
  ASSERT_TRUE(SignedIn(client)) << "registration through the form should leave the browser signed in";
  HttpResponse me = client.Get("/api/v1/me");
  EXPECT_NE(me.body.find(email), std::string::npos) << me.body;
}

TEST_F(AuthPagesTest, SessionCookieIsHttpOnlyAndSameSite) {
  HttpClient client = NewClient();
  std::string email = UniqueEmail("cookie");
  RegisterViaApi(email, kPassword);
  HttpResponse response = SubmitForm(client, "/login", email, kPassword);
  ASSERT_EQ(response.status, 303) << response.body.substr(0, 500);
  bool found_session = false;
  for (const std::string& cookie : response.AllHeaders("Set-Cookie")) {
    if (cookie.starts_with("mm_csrf=")) continue;
    found_session = true;
    EXPECT_NE(cookie.find("HttpOnly"), std::string::npos) << cookie;
    EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos) << cookie;
  }
  EXPECT_TRUE(found_session) << "login set no session cookie";
}

TEST_F(AuthPagesTest, LoginThenLogout) {
  std::string email = UniqueEmail("form-login");
  RegisterViaApi(email, kPassword);
  HttpClient client = NewClient();
  HttpResponse login = SubmitForm(client, "/login", email, kPassword);
  EXPECT_EQ(login.status, 303) << login.body.substr(0, 500);
  ASSERT_TRUE(SignedIn(client));

  // The home page of a signed-in member offers the logout form with the CSRF token.
  HttpResponse home = client.Get("/");
  ASSERT_EQ(home.status, 200);
  std::optional<std::string> token = FindInputValue(home.body, "_csrf");
  ASSERT_TRUE(token.has_value()) << "the signed-in home page has no logout form";
  HttpResponse logout = client.Post("/logout", {{"_csrf", *token}});
  EXPECT_EQ(logout.status, 303) << logout.body.substr(0, 300);
  EXPECT_FALSE(SignedIn(client)) << "still signed in after logout";
}

TEST_F(AuthPagesTest, WrongPasswordReRendersTheFormWithAMessage) {
  std::string email = UniqueEmail("form-wrong");
  RegisterViaApi(email, kPassword);
  HttpClient client = NewClient();
  HttpResponse response = SubmitForm(client, "/login", email, "wrong-password-123");
  EXPECT_EQ(response.status, 401);
  EXPECT_NE(response.Header("Content-Type").value_or("").find("text/html"), std::string::npos);
  EXPECT_NE(response.body.find("<form"), std::string::npos) << "the form should be shown again";
  EXPECT_TRUE(FindInputValue(response.body, "_csrf").has_value());
  EXPECT_NE(response.body.find(email), std::string::npos) << "the e-mail typed should be kept";
  EXPECT_EQ(response.body.find(">wrong-password-123<"), std::string::npos);
  EXPECT_EQ(response.body.find("value=\"wrong-password-123\""), std::string::npos)
      << "the password must not be echoed back";
  EXPECT_FALSE(SignedIn(client));
}

TEST_F(AuthPagesTest, DuplicateRegistrationReRendersTheForm) {
  std::string email = UniqueEmail("form-duplicate");
  RegisterViaApi(email, kPassword);
  HttpClient client = NewClient();
  HttpResponse response = SubmitForm(client, "/register", email, kPassword);
  EXPECT_EQ(response.status, 409);
  EXPECT_NE(response.body.find("<form"), std::string::npos);
  EXPECT_FALSE(SignedIn(client));
}

TEST_F(AuthPagesTest, FormPostWithoutCsrfIs403) {
  std::string email = UniqueEmail("csrf");
  RegisterViaApi(email, kPassword);
  HttpClient client = NewClient();
  ASSERT_EQ(client.Get("/login").status, 200);
  HttpResponse without = client.Post("/login", {{"email", email}, {"password", kPassword}});
  EXPECT_EQ(without.status, 403) << without.body.substr(0, 300);
  HttpResponse wrong = client.Post("/login", {{"_csrf", "forged-token"}, {"email", email}, {"password", kPassword}});
  EXPECT_EQ(wrong.status, 403) << wrong.body.substr(0, 300);

  // A cross-site form carries a token but the browser has no matching mm_csrf cookie.
  HttpClient stranger = NewClient();
  HttpResponse no_cookie = stranger.Post(
      "/register", {{"_csrf", "x"}, {"email", UniqueEmail("csrf2")}, {"password", kPassword}, {"name", "공격자"}});
  EXPECT_EQ(no_cookie.status, 403) << no_cookie.body.substr(0, 300);
  EXPECT_FALSE(SignedIn(client));
}

TEST_F(AuthPagesTest, LogoutWithoutCsrfIs403) {
  std::string email = UniqueEmail("logout-csrf");
  RegisterViaApi(email, kPassword);
  HttpClient client = NewClient();
  ASSERT_EQ(SubmitForm(client, "/login", email, kPassword).status, 303);
  EXPECT_EQ(client.Post("/logout", {}).status, 403);
  EXPECT_TRUE(SignedIn(client)) << "a forged logout must not end the session";
}

}  // namespace
}  // namespace manmulsang::testing
