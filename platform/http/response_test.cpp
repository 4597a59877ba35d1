#include "manmulsang/http/response.hpp"

#include <gtest/gtest.h>

namespace manmulsang::http {
namespace {

TEST(ResponseTest, Factories) {
  EXPECT_EQ(Response::Html("x").content_type, "text/html; charset=utf-8");
  EXPECT_EQ(Response::Json(boost::json::object{{"a", 1}}).body, "{\"a\":1}");
  const Response redirect = Response::Redirect("/orders/1");
  EXPECT_EQ(redirect.status, Status::see_other);
  EXPECT_EQ(redirect.Header("Location"), "/orders/1");
  EXPECT_THROW(Response::Redirect("/x\r\nSet-Cookie: a=b"), std::invalid_argument);
  const Response error =
      Response::JsonError(Status::unprocessable_entity, "invalid_price", "Price must be positive.", "price");
  EXPECT_EQ(error.status, Status::unprocessable_entity);
  EXPECT_EQ(error.body,
            "{\"error\":{\"code\":\"invalid_price\",\"message\":\"Price must be positive.\",\"field\":\"price\"}}");
  EXPECT_EQ(Response::JsonError(Status::not_found, "not_found", "No.").body,
            "{\"error\":{\"code\":\"not_found\",\"message\":\"No.\"}}");
}

TEST(ResponseTest, SetCookieWritesAttributes) {
  Response response;
  response.SetCookie("mm_session", "abc123",
                     CookieOptions{.max_age_seconds = 3600, .secure = true, .same_site = "Strict"});
  const std::string cookie(response.Header("Set-Cookie"));
  EXPECT_EQ(cookie.rfind("mm_session=abc123; Path=/; Max-Age=3600; Expires=", 0), 0u) << cookie;
  EXPECT_NE(cookie.find(" GMT; HttpOnly; Secure; SameSite=Strict"), std::string::npos) << cookie;

  Response session;
  session.SetCookie("a", "b", CookieOptions{.http_only = false, .same_site = ""});
  EXPECT_EQ(session.Header("Set-Cookie"), "a=b; Path=/");

  Response deleted;
  deleted.SetCookie("a", "", CookieOptions{.max_age_seconds = 0});
  EXPECT_EQ(deleted.Header("Set-Cookie"),
            "a=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax");
}

TEST(ResponseTest, SetCookieRefusesInjection) {
  Response response;
  EXPECT_THROW(response.SetCookie("a", "x; Domain=evil"), std::invalid_argument);
  EXPECT_THROW(response.SetCookie("a b", "x"), std::invalid_argument);
  EXPECT_THROW(response.SetCookie("a", "x\r\ny"), std::invalid_argument);
  EXPECT_THROW(response.SetCookie("a", "x", CookieOptions{.path = "/; Domain=evil"}), std::invalid_argument);
  EXPECT_TRUE(response.headers.empty());
}

TEST(ResponseTest, SeveralCookiesAreSeveralHeaders) {
  Response response;
  response.SetCookie("a", "1");
  response.SetCookie("b", "2");
  EXPECT_EQ(response.headers.size(), 2u);
}

}  // namespace
}  // namespace manmulsang::http
