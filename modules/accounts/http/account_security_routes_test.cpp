#include <gtest/gtest.h>

#include "account_routes_fixture.hpp"

namespace manmulsang::accounts {
namespace {

class AccountSecurityRoutesTest : public AccountRoutesTest {
 protected:
  // Signs in through the form and returns the session cookie's value.
  std::string BrowserLogin(std::string_view email, std::string_view password = "correct horse battery") {
    const auto response = PostForm("/login", {{"email", std::string(email)}, {"password", std::string(password)}},
                                   {{"User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Firefox/120.0"}});
    EXPECT_EQ(response.status, http::Status::see_other) << response.body;
    return SessionCookie(response);
  }

  static Headers Cookie(const std::string& token) { return {{"Cookie", std::string(kSessionCookie) + "=" + token}}; }
  static Headers Bearer(const std::string& token) { return {{"Authorization", "Bearer " + token}}; }

  bool SignedIn(const std::string& bearer) {
    return Send(http::Method::get, "/api/v1/me", {}, {}, Bearer(bearer)).status == http::Status::ok;
  }
};

TEST_F(AccountSecurityRoutesTest, ThePageListsTheDevicesAndMarksThisOne) {
  const auto visitor = Send(http::Method::get, "/account/security");
  EXPECT_EQ(visitor.status, http::Status::see_other);
  EXPECT_TRUE(Header(visitor, "Location").starts_with("/login")) << Header(visitor, "Location");

  RegisterKim();
  const std::string cookie = BrowserLogin("kim@example.com");
  const auto page = Send(http::Method::get, "/account/security", {}, {}, Cookie(cookie));
  ASSERT_EQ(page.status, http::Status::ok) << page.body;
  EXPECT_NE(page.body.find("Firefox · Linux"), std::string::npos);
  EXPECT_NE(page.body.find("10.0.0.1"), std::string::npos);
  EXPECT_NE(page.body.find("현재 기기"), std::string::npos);
  EXPECT_NE(page.body.find("kim@example.com"), std::string::npos);
  EXPECT_NE(page.body.find("action=\"/account/close\""), std::string::npos);
  EXPECT_EQ(Header(page, "Cache-Control"), "no-store");
}

TEST_F(AccountSecurityRoutesTest, ThePasswordFormSignsOutTheOtherSessions) {
  const std::string api_token = RegisterKim();
  const std::string cookie = BrowserLogin("kim@example.com");

  const auto differ = PostForm("/account/password",
                               {{"current_password", "correct horse battery"},
                                {"password", "a brand new password"},
                                {"password_again", "another new password"}},
                               Cookie(cookie));
  EXPECT_EQ(differ.status, http::Status::bad_request);
  EXPECT_NE(differ.body.find("aria-invalid"), std::string::npos);
  const auto wrong = PostForm("/account/password",
                              {{"current_password", "wrong password!"},
                               {"password", "a brand new password"},
                               {"password_again", "a brand new password"}},
                              Cookie(cookie));
  EXPECT_EQ(wrong.status, http::Status::bad_request);
  EXPECT_NE(wrong.body.find("현재 비밀번호가 맞지 않습니다"), std::string::npos);
  EXPECT_TRUE(SignedIn(api_token));

  const auto changed = PostForm("/account/password",
                                {{"current_password", "correct horse battery"},
                                 {"password", "a brand new password"},
                                 {"password_again", "a brand new password"}},
                                Cookie(cookie));
  ASSERT_EQ(changed.status, http::Status::see_other) << changed.body;
  EXPECT_EQ(Header(changed, "Location"), "/account/security?done=password");
  EXPECT_FALSE(SignedIn(api_token));
  const auto page = Send(http::Method::get, "/account/security?done=password", {}, {}, Cookie(cookie));
  EXPECT_EQ(page.status, http::Status::ok);
  EXPECT_NE(page.body.find("비밀번호를 바꿨습니다"), std::string::npos);
}

TEST_F(AccountSecurityRoutesTest, AnotherMembersSessionIsNotFoundOnBothSides) {
  const std::string kim = RegisterKim();
  const auto lee = PostJson("/api/v1/auth/register",
                            R"({"email":"lee@example.com","password":"correct horse battery","name":"이영희"})");
  const std::string lee_token(Json(lee).at("token").as_string());
  const auto lee_sessions = Send(http::Method::get, "/api/v1/account/sessions", {}, {}, Bearer(lee_token));
  ASSERT_EQ(lee_sessions.status, http::Status::ok) << lee_sessions.body;
  const boost::json::object item = Json(lee_sessions).at("items").as_array().at(0).as_object();
  EXPECT_TRUE(item.at("current").as_bool());
  const std::string lee_session = std::to_string(item.at("id").as_int64());

  const auto api = PostJson("/api/v1/account/sessions/" + lee_session + "/revoke", "", Bearer(kim));
  EXPECT_EQ(api.status, http::Status::not_found);
  EXPECT_EQ(Json(api).at("error").at("code").as_string(), "session_not_found");
  const auto form = PostForm("/account/sessions/" + lee_session + "/revoke", {}, Bearer(kim));
  EXPECT_EQ(form.status, http::Status::not_found);
  EXPECT_TRUE(SignedIn(lee_token));

  const auto own = PostJson("/api/v1/account/sessions/" + lee_session + "/revoke", "", Bearer(lee_token));
  EXPECT_EQ(own.status, http::Status::no_content);
  EXPECT_FALSE(SignedIn(lee_token));
}

TEST_F(AccountSecurityRoutesTest, JsonTwinsChangeContactAndPassword) {
  const std::string token = RegisterKim();
  EXPECT_EQ(Send(http::Method::get, "/api/v1/account/sessions").status, http::Status::unauthorized);
  const auto contact =
      PostJson("/api/v1/account/contact", R"({"email":"KIM2@example.com","phone":"010-1111-2222"})", Bearer(token));
  ASSERT_EQ(contact.status, http::Status::ok) << contact.body;
  EXPECT_EQ(Json(contact).at("user").at("email").as_string(), "kim2@example.com");
  EXPECT_EQ(Json(contact).at("user").at("phone").as_string(), "01011112222");
  const auto bad = PostJson("/api/v1/account/contact", R"({"email":"nope"})", Bearer(token));
  EXPECT_EQ(bad.status, http::Status::bad_request);
  EXPECT_EQ(Json(bad).at("error").at("field").as_string(), "email");

  const auto wrong =
      PostJson("/api/v1/account/password",
               R"({"current_password":"wrong password!","password":"a brand new password"})", Bearer(token));
  EXPECT_EQ(wrong.status, http::Status::bad_request);
  EXPECT_EQ(Json(wrong).at("error").at("field").as_string(), "current_password");
  const auto changed =
      PostJson("/api/v1/account/password",
               R"({"current_password":"correct horse battery","password":"a brand new password"})", Bearer(token));
  EXPECT_EQ(changed.status, http::Status::no_content) << changed.body;
  EXPECT_TRUE(SignedIn(token));  // the current token stays
}

TEST_F(AccountSecurityRoutesTest, ClosingThroughTheFormClearsTheCookie) {
  RegisterKim();
  const std::string cookie = BrowserLogin("kim@example.com");
  const auto wrong = PostForm("/account/close", {{"current_password", "wrong password!"}}, Cookie(cookie));
  EXPECT_EQ(wrong.status, http::Status::bad_request);
  EXPECT_NE(wrong.body.find("aria-invalid"), std::string::npos);

  const auto closed = PostForm("/account/close", {{"current_password", "correct horse battery"}}, Cookie(cookie));
  ASSERT_EQ(closed.status, http::Status::see_other) << closed.body;
  EXPECT_EQ(Header(closed, "Location"), "/account/closed");
  EXPECT_TRUE(Header(closed, "Set-Cookie").starts_with("mm_session=;"));
  EXPECT_EQ(Send(http::Method::get, "/account/closed").status, http::Status::ok);
  EXPECT_FALSE(accounts_.FindUserByEmail("kim@example.com"));
}

}  // namespace
}  // namespace manmulsang::accounts
