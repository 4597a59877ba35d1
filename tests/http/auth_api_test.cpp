// Accounts through the JSON API: register, login, bearer tokens, logout, and the errors.
#include "blackbox.hpp"

namespace manmulsang::testing {
namespace {

using boost::json::value;

class AuthApiTest : public BlackBoxTest {};

TEST_F(AuthApiTest, RegisterReturnsTheUserAndAToken) {
  HttpClient client = NewClient();
  std::string email = UniqueEmail("register");
  HttpResponse response =
      client.PostJson("/api/v1/auth/register", {{"email", email}, {"password", kPassword}, {"name", "김철수"}});
  ASSERT_EQ(response.status, 201) << response.body;
  EXPECT_NE(response.Header("Content-Type").value_or("").find("application/json"), std::string::npos);
  const boost::json::object body = AsObject(response.Json());
  ASSERT_TRUE(body.contains("user") && body.contains("token")) << response.body;
  EXPECT_TRUE(body.at("token").is_string());
  EXPECT_GE(body.at("token").as_string().size(), 32u) << "a session token should carry >= 256 bits";
  const boost::json::object user = AsObject(body.at("user"));
  EXPECT_EQ(user.at("email").as_string(), email);
  EXPECT_EQ(user.at("name").as_string(), "김철수");
  EXPECT_TRUE(user.contains("id"));
  for (const char* secret : {"password", "password_hash", "hash"}) {
    EXPECT_FALSE(user.contains(secret)) << "the user object leaks " << secret << ": " << response.body;
  }
}

TEST_F(AuthApiTest, LoginGivesATokenThatAuthenticatesMe) {
  std::string email = UniqueEmail("login");
  RegisterViaApi(email, kPassword);

  HttpClient client = NewClient();
  HttpResponse login = client.PostJson("/api/v1/auth/login", {{"email", email}, {"password", kPassword}});
  ASSERT_EQ(login.status, 200) << login.body;
  std::string token(login.Json().at("token").as_string());
  EXPECT_EQ(login.Json().at("user").at("email").as_string(), email);

  HttpClient bearer = Client(token);
  HttpResponse me = bearer.Get("/api/v1/me");
  ASSERT_EQ(me.status, 200) << me.body;
  const value json = me.Json();
  // /me may answer the user itself or {user: ...}.
  const value& user = json.as_object().contains("user") ? json.at("user") : json;
  EXPECT_EQ(user.at("email").as_string(), email);
}

TEST_F(AuthApiTest, EmailIsNormalisedForLogin) {
  std::string email = UniqueEmail("case");
  RegisterViaApi(email, kPassword);
  std::string shouted = email;
  for (char& character : shouted) character = static_cast<char>(std::toupper(static_cast<unsigned char>(character)));
  HttpClient client = NewClient();
  HttpResponse login =
      client.PostJson("/api/v1/auth/login", {{"email", "  " + shouted + " "}, {"password", kPassword}});
  EXPECT_EQ(login.status, 200) << login.body;
}

TEST_F(AuthApiTest, MeWithoutCredentialsIs401) {
  HttpClient client = NewClient();
  EXPECT_TRUE(IsJsonError(client.Get("/api/v1/me"), 401));
  client.set_bearer_token("not-a-real-token");
  EXPECT_TRUE(IsJsonError(client.Get("/api/v1/me"), 401));
}

TEST_F(AuthApiTest, WrongPasswordIs401WithAnErrorCode) {
  std::string email = UniqueEmail("wrong");
  RegisterViaApi(email, kPassword);
  HttpClient client = NewClient();
  HttpResponse response = client.PostJson("/api/v1/auth/login", {{"email", email}, {"password", "not-the-password-1"}});
  EXPECT_TRUE(IsJsonError(response, 401));
}

TEST_F(AuthApiTest, UnknownEmailIs401LikeAWrongPassword) {
  HttpClient client = NewClient();
  HttpResponse response =
      client.PostJson("/api/v1/auth/login", {{"email", UniqueEmail("nobody")}, {"password", kPassword}});
  EXPECT_TRUE(IsJsonError(response, 401)) << "unknown accounts must look like wrong passwords";
}

TEST_F(AuthApiTest, DuplicateEmailIs409) {
  std::string email = UniqueEmail("duplicate");
  RegisterViaApi(email, kPassword);
  HttpClient client = NewClient();
  HttpResponse again =
      client.PostJson("/api/v1/auth/register", {{"email", email}, {"password", kPassword}, {"name", "둘째"}});
  ASSERT_TRUE(IsJsonError(again, 409));
  EXPECT_EQ(again.Json().at("error").at("code").as_string(), "email_taken");

  std::string upper = email;
  upper[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(upper[0])));
  EXPECT_TRUE(IsJsonError(
      client.PostJson("/api/v1/auth/register", {{"email", upper}, {"password", kPassword}, {"name", "셋째"}}), 409))
      << "the same address in other case is the same account";
}

TEST_F(AuthApiTest, InvalidRegistrationsAre400WithTheField) {
  HttpClient client = NewClient();
  struct Case {
    value body;
    const char* field;
  };
  const Case cases[] = {
      {{{"email", "not-an-email"}, {"password", kPassword}, {"name", "이름"}}, "email"},
      {{{"email", UniqueEmail("short")}, {"password", "short"}, {"name", "이름"}}, "password"},
      {{{"email", UniqueEmail("noname")}, {"password", kPassword}, {"name", ""}}, "name"},
      {{{"password", kPassword}, {"name", "이름"}}, "email"},
  };
  for (const Case& test_case : cases) {
    HttpResponse response = client.PostJson("/api/v1/auth/register", test_case.body);
    ASSERT_TRUE(IsJsonError(response, 400)) << boost::json::serialize(test_case.body);
    const boost::json::object error = AsObject(response.Json().at("error"));
    ASSERT_TRUE(error.contains("field")) << response.body;
    EXPECT_EQ(error.at("field").as_string(), test_case.field) << response.body;
  }
  // Wrong types are bad input too, not a crash.
  EXPECT_TRUE(IsJsonError(
      client.PostJson("/api/v1/auth/register", {{"email", 42}, {"password", true}, {"name", nullptr}}), 400));
}

TEST_F(AuthApiTest, LogoutEndsTheToken) {
  std::string token = RegisterViaApi(UniqueEmail("logout"), kPassword);
  ASSERT_FALSE(token.empty());
  HttpClient client = Client(token);
  ASSERT_EQ(client.Get("/api/v1/me").status, 200);
  HttpResponse logout = client.Send("POST", "/api/v1/auth/logout", "", "");
  EXPECT_EQ(logout.status, 204) << logout.body;
  EXPECT_TRUE(IsJsonError(client.Get("/api/v1/me"), 401)) << "the token must be dead after logout";
}

TEST_F(AuthApiTest, RegisterTokenWorksWithoutASeparateLogin) {
  std::string token = RegisterViaApi(UniqueEmail("direct"), kPassword);
  HttpClient client = Client(token);
  EXPECT_EQ(client.Get("/api/v1/me").status, 200);
}

}  // namespace
}  // namespace manmulsang::testing
