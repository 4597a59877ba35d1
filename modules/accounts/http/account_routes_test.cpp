#include <gtest/gtest.h>

#include "account_routes_fixture.hpp"

namespace manmulsang::accounts {
namespace {

using namespace std::chrono_literals;

TEST_F(AccountRoutesTest, RegisterThenLoginThenMe) {
  const auto registered = PostJson(
      "/api/v1/auth/register", R"({"email":" Kim@Example.com","password":"correct horse battery","name":"김철수"})");
  ASSERT_EQ(registered.status, http::Status::created) << registered.body;
  const auto body = Json(registered);
  EXPECT_EQ(body.at("user").at("email").as_string(), "kim@example.com");
  EXPECT_EQ(body.at("user").at("name").as_string(), "김철수");
  EXPECT_EQ(body.at("user").at("role").as_string(), "buyer");
  EXPECT_GT(body.at("user").at("id").as_int64(), 0);
  EXPECT_EQ(body.at("token").as_string().size(), 43u);

  const auto login =
      PostJson("/api/v1/auth/login", R"({"email":"kim@example.com","password":"correct horse battery"})");
  ASSERT_EQ(login.status, http::Status::ok) << login.body;
  const std::string token(Json(login).at("token").as_string());
  EXPECT_NE(token, body.at("token").as_string());  // a new token at every login

  const auto me = Send(http::Method::get, "/api/v1/me", {}, {}, {{"Authorization", "Bearer " + token}});
  ASSERT_EQ(me.status, http::Status::ok) << me.body;
  EXPECT_EQ(Json(me).at("user").at("email").as_string(), "kim@example.com");
  EXPECT_EQ(Json(me).at("user").at("id"), body.at("user").at("id"));

  const auto logout = PostJson("/api/v1/auth/logout", "", {{"Authorization", "Bearer " + token}});
  EXPECT_EQ(logout.status, http::Status::no_content);
  const auto after = Send(http::Method::get, "/api/v1/me", {}, {}, {{"Authorization", "Bearer " + token}});
  EXPECT_EQ(after.status, http::Status::unauthorized);
  EXPECT_EQ(Json(after).at("error").at("code").as_string(), "unauthenticated");
}

TEST_F(AccountRoutesTest, MeWithoutATokenIsUnauthenticated) {
  const auto me = Send(http::Method::get, "/api/v1/me");
  EXPECT_EQ(me.status, http::Status::unauthorized);
  EXPECT_EQ(Json(me).at("error").at("code").as_string(), "unauthenticated");
  const auto garbage = Send(http::Method::get, "/api/v1/me", {}, {}, {{"Authorization", "Bearer nonsense"}});
  EXPECT_EQ(garbage.status, http::Status::unauthorized);
  EXPECT_EQ(PostJson("/api/v1/auth/logout", "").status, http::Status::unauthorized);
}

TEST_F(AccountRoutesTest, WrongPasswordAndUnknownEmailAreTheSame401) {
  RegisterKim();
  const auto wrong = PostJson("/api/v1/auth/login", R"({"email":"kim@example.com","password":"wrong password"})");
  const auto unknown = PostJson("/api/v1/auth/login", R"({"email":"ghost@example.com","password":"wrong password"})");
  EXPECT_EQ(wrong.status, http::Status::unauthorized);
  EXPECT_EQ(unknown.status, http::Status::unauthorized);
  EXPECT_EQ(Json(wrong).at("error").at("code").as_string(), "wrong_credentials");
  EXPECT_EQ(Json(wrong), Json(unknown));
}

TEST_F(AccountRoutesTest, BadBodiesGetA400WithCodeAndField) {
  const auto malformed = PostJson("/api/v1/auth/register", R"({"email": "kim@example.com", )");
  EXPECT_EQ(malformed.status, http::Status::bad_request);
  EXPECT_EQ(Json(malformed).at("error").at("code").as_string(), "malformed_json");

  const auto missing = PostJson("/api/v1/auth/register", R"({"email":"kim@example.com","name":"Kim"})");
  EXPECT_EQ(missing.status, http::Status::bad_request);
  EXPECT_EQ(Json(missing).at("error").at("code").as_string(), "invalid_input");
  EXPECT_EQ(Json(missing).at("error").at("field").as_string(), "password");

  const auto ill_typed = PostJson("/api/v1/auth/login", R"({"email":["kim@example.com"],"password":"x"})");
  EXPECT_EQ(Json(ill_typed).at("error").at("code").as_string(), "invalid_input");
  EXPECT_EQ(Json(ill_typed).at("error").at("field").as_string(), "email");

  EXPECT_EQ(PostJson("/api/v1/auth/login", "[1,2]").status, http::Status::bad_request);
  EXPECT_EQ(PostJson("/api/v1/auth/login", "").status, http::Status::bad_request);
  EXPECT_EQ(PostJson("/api/v1/auth/login", std::string(100, '[')).status, http::Status::bad_request);

  const auto short_password =
      PostJson("/api/v1/auth/register", R"({"email":"kim@example.com","password":"short","name":"Kim"})");
  EXPECT_EQ(short_password.status, http::Status::bad_request);
  EXPECT_EQ(Json(short_password).at("error").at("code").as_string(), "password_too_short");
  EXPECT_EQ(Json(short_password).at("error").at("field").as_string(), "password");
  EXPECT_EQ(accounts_.CountMembers(), 0);
}

TEST_F(AccountRoutesTest, DuplicateEmailIs409OnTheEmailField) {
  RegisterKim();
  const auto again =
      PostJson("/api/v1/auth/register", R"({"email":"KIM@example.com","password":"another password","name":"Kim"})");
  EXPECT_EQ(again.status, http::Status::conflict);
  EXPECT_EQ(Json(again).at("error").at("code").as_string(), "email_taken");
  EXPECT_EQ(Json(again).at("error").at("field").as_string(), "email");
}

TEST_F(AccountRoutesTest, ErrorMessagesFollowTheRequestsLanguage) {
  const std::string_view bad = R"({"email":"nobody","password":"whatever","name":"x"})";
  const auto korean = PostJson("/api/v1/auth/register", bad);
  const auto english = PostJson("/api/v1/auth/register", bad, {}, core::Locale::en);
  EXPECT_EQ(Json(korean).at("error").at("message").as_string(),
            "올바른 이메일 주소를 입력해 주세요. 예: hong@example.com");
  EXPECT_EQ(Json(english).at("error").at("message").as_string(),
            "Please enter a valid e-mail address, e.g. hong@example.com.");
}

TEST_F(AccountRoutesTest, ThrottledLoginIs429WithRetryAfter) {
  RegisterKim();
  for (int attempt = 0; attempt < 5; ++attempt) {
    PostJson("/api/v1/auth/login", R"({"email":"kim@example.com","password":"wrong password"})");
  }
  clock_.Advance(5min);
  const auto throttled =
      PostJson("/api/v1/auth/login", R"({"email":"kim@example.com","password":"correct horse battery"})");
  EXPECT_EQ(throttled.status, http::Status::too_many_requests);
  EXPECT_EQ(Json(throttled).at("error").at("code").as_string(), "too_many_attempts");
  EXPECT_EQ(Header(throttled, "Retry-After"), "600");
}

TEST_F(AccountRoutesTest, LoginPageHasALabelledFormWithCsrfField) {
  const auto page = Send(http::Method::get, "/login?next=/cart");
  ASSERT_EQ(page.status, http::Status::ok);
  EXPECT_NE(page.body.find(R"(name="_csrf")"), std::string::npos);
  EXPECT_NE(page.body.find(R"(<label for="login-email">)"), std::string::npos);
  EXPECT_NE(page.body.find(R"(name="next" value="/cart")"), std::string::npos);
  EXPECT_NE(page.body.find("/register?next=%2Fcart"), std::string::npos);
  EXPECT_EQ(Send(http::Method::get, "/register").status, http::Status::ok);
}

TEST_F(AccountRoutesTest, FormRegisterSetsTheCookieAndRedirects) {
  const auto response = PostForm("/register",
                                 {{"email", "lee@example.com"},
                                  {"password", "correct horse battery"},
                                  {"name", "이영희"},
                                  {"next", "/cart"},
                                  {"_csrf", "ignored here"}},
                                 {{"X-Forwarded-Proto", "https"}});
  ASSERT_EQ(response.status, http::Status::see_other) << response.body;
  EXPECT_EQ(Header(response, "Location"), "/cart");
  const std::string cookie = Header(response, "Set-Cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos);
  EXPECT_NE(cookie.find("Path=/"), std::string::npos);
  EXPECT_NE(cookie.find("Secure"), std::string::npos);

  const std::string token = SessionCookie(response);
  const auto me = Send(http::Method::get, "/api/v1/me", {}, {}, {{"Cookie", "mm_session=" + token}});
  EXPECT_EQ(me.status, http::Status::ok);
  // Without TLS in front, no Secure flag (the browser would never send it back).
  const auto plain = PostForm("/login", {{"email", "lee@example.com"}, {"password", "correct horse battery"}});
  EXPECT_EQ(Header(plain, "Set-Cookie").find("Secure"), std::string::npos);
}

TEST_F(AccountRoutesTest, FormLoginFailureReRendersWithTheEmailAndStatus) {
  RegisterKim();
  const auto response = PostForm("/login", {{"email", "kim@example.com<script>"}, {"password", "wrong password"}});
  EXPECT_EQ(response.status, http::Status::unauthorized);
  EXPECT_NE(response.body.find("이메일 또는 비밀번호가 올바르지 않습니다."), std::string::npos);
  EXPECT_NE(response.body.find("kim@example.com&lt;script&gt;"), std::string::npos);
  EXPECT_EQ(response.body.find("<script>"), std::string::npos);
  EXPECT_EQ(response.body.find("wrong password"), std::string::npos);
  EXPECT_TRUE(SessionCookie(response).empty());

  const auto taken =
      PostForm("/register", {{"email", "kim@example.com"}, {"password", "correct horse battery"}, {"name", "Kim"}});
  EXPECT_EQ(taken.status, http::Status::conflict);
  EXPECT_NE(taken.body.find(R"(value="Kim")"), std::string::npos);
  EXPECT_NE(taken.body.find(R"(aria-invalid="true")"), std::string::npos);

  const auto invalid = PostForm("/register", {{"email", "kim"}, {"password", "x"}, {"name", "Kim"}});
  EXPECT_EQ(invalid.status, http::Status::bad_request);
}

TEST_F(AccountRoutesTest, LoginRedirectsOnlyToLocalPaths) {
  RegisterKim();
  const auto login = [&](std::string next) {
    return Header(
        PostForm("/login", {{"email", "kim@example.com"}, {"password", "correct horse battery"}, {"next", next}}),
        "Location");
  };
  EXPECT_EQ(login("/orders?page=2"), "/orders?page=2");
  EXPECT_EQ(login("//evil.example/"), "/");
  EXPECT_EQ(login("/\\evil.example/"), "/");
  EXPECT_EQ(login("https://evil.example/"), "/");
  EXPECT_EQ(login("/ok\r\nSet-Cookie: x=y"), "/");
  EXPECT_EQ(login(""), "/");
}

TEST_F(AccountRoutesTest, LoginReplacesTheOldSessionAndLogoutEndsIt) {
  RegisterKim();
  const auto first = PostForm("/login", {{"email", "kim@example.com"}, {"password", "correct horse battery"}});
  const std::string old_token = SessionCookie(first);
  ASSERT_FALSE(old_token.empty());
  const auto second = PostForm("/login", {{"email", "kim@example.com"}, {"password", "correct horse battery"}},
                               {{"Cookie", "mm_session=" + old_token}});
  const std::string new_token = SessionCookie(second);
  EXPECT_NE(new_token, old_token);
  EXPECT_FALSE(accounts_.Authenticate(old_token, SessionKind::browser));

  // Signed in, the login page sends the member on.
  const auto page = Send(http::Method::get, "/login", {}, {}, {{"Cookie", "mm_session=" + new_token}});
  EXPECT_EQ(page.status, http::Status::see_other);

  const auto logout = PostForm("/logout", {{"_csrf", "x"}}, {{"Cookie", "mm_session=" + new_token}});
  EXPECT_EQ(logout.status, http::Status::see_other);
  EXPECT_EQ(Header(logout, "Location"), "/");
  EXPECT_NE(Header(logout, "Set-Cookie").find("Max-Age=0"), std::string::npos);
  EXPECT_FALSE(accounts_.Authenticate(new_token, SessionKind::browser));
}

TEST_F(AccountRoutesTest, AnEndedSessionsCookieIsDeleted) {
  RegisterKim();
  const auto login = PostForm("/login", {{"email", "kim@example.com"}, {"password", "correct horse battery"}});
  const std::string token = SessionCookie(login);
  clock_.Advance(3h);
  const auto page = Send(http::Method::get, "/login", {}, {}, {{"Cookie", "mm_session=" + token}});
  EXPECT_EQ(page.status, http::Status::ok);
  EXPECT_NE(Header(page, "Set-Cookie").find("Max-Age=0"), std::string::npos);
}

TEST_F(AccountRoutesTest, ActorIsFilledFromTheBearerToken) {
  const std::string token = RegisterKim();
  core::Actor seen;
  router_.Get("/probe", [&](http::Request& request) {
    seen = request.context().actor;
    return http::Response::Text("ok");
  });
  Send(http::Method::get, "/probe", {}, {}, {{"Authorization", "bearer " + token}});
  ASSERT_TRUE(seen.signed_in());
  EXPECT_EQ(seen.display_name, "김철수");
  EXPECT_EQ(seen.role, core::Role::buyer);
}

}  // namespace
}  // namespace manmulsang::accounts
