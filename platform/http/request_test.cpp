#include "manmulsang/http/request.hpp"

#include <gtest/gtest.h>

#include "test_requests.hpp"

namespace manmulsang::http {
namespace {

using testing::MakeRequest;

TEST(RequestTest, DecodesPathAndQuery) {
  const Request request = MakeRequest(Method::get, "/search/%EB%85%B8%ED%8A%B8%EB%B6%81?q=%EA%B0%80+%EB%B0%A9&page=2");
  EXPECT_FALSE(request.malformed());
  EXPECT_EQ(request.path(), "/search/노트북");
  EXPECT_EQ(request.raw_path(), "/search/%EB%85%B8%ED%8A%B8%EB%B6%81");
  EXPECT_EQ(request.Query("q"), "가 방");
  EXPECT_EQ(request.Query("page"), "2");
  EXPECT_FALSE(request.Query("none"));
  EXPECT_EQ(request.request_id(), "test-id");
  EXPECT_EQ(request.context().request_id, "test-id");
}

TEST(RequestTest, MarksMalformedTargets) {
  EXPECT_TRUE(MakeRequest(Method::get, "/bad%zz").malformed());
  EXPECT_TRUE(MakeRequest(Method::get, "/nul%00x").malformed());
  EXPECT_TRUE(MakeRequest(Method::get, "*").malformed());
  EXPECT_TRUE(MakeRequest(Method::get, "relative").malformed());
  const Request absolute = MakeRequest(Method::get, "http://shop.local/p/1?x=1");
  EXPECT_FALSE(absolute.malformed());
  EXPECT_EQ(absolute.path(), "/p/1");
  EXPECT_EQ(absolute.Query("x"), "1");
}

TEST(RequestTest, ParsesCookies) {
  const Request request = MakeRequest(
      Method::get, "/",
      {{"Cookie", "mm_session=abc; theme=\"dark\";  broken; =novalue; mm_session=second"}, {"Cookie", "lang=ko"}});
  EXPECT_EQ(request.Cookie("mm_session"), "abc");
  EXPECT_EQ(request.Cookie("theme"), "dark");
  EXPECT_EQ(request.Cookie("lang"), "ko");
  EXPECT_FALSE(request.Cookie("broken"));
  EXPECT_FALSE(request.Cookie("missing"));
}

TEST(RequestTest, CookieHeaderParserIsLenient) {
  EXPECT_TRUE(ParseCookieHeader("").empty());
  EXPECT_TRUE(ParseCookieHeader(";;; ; =").empty());
  const auto cookies = ParseCookieHeader("a=1;b=;c=\"\"");
  ASSERT_EQ(cookies.size(), 3u);
  EXPECT_EQ(cookies[1].second, "");
  EXPECT_EQ(cookies[2].second, "");
}

TEST(RequestTest, ReadsUrlencodedForms) {
  const Request request = MakeRequest(Method::post, "/login", {{"Content-Type", "application/x-www-form-urlencoded"}},
                                      "email=a%40b.kp&password=p+w");
  EXPECT_EQ(request.form().GetOr("email"), "a@b.kp");
  EXPECT_EQ(request.form().GetOr("password"), "p w");
  const Request json = MakeRequest(Method::post, "/api/v1/x", {{"Content-Type", "application/json"}}, "a=1");
  EXPECT_TRUE(json.form().empty());
}

TEST(RequestTest, ReadsMultipartFieldsAndFiles) {
  const Request request = MakeRequest(
      Method::post, "/seller/products/1/images", {{"Content-Type", "multipart/form-data; boundary=B"}},
      "--B\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\ntoken\r\n"
      "--B\r\nContent-Disposition: form-data; name=\"image\"; filename=\"x.png\"\r\nContent-Type: image/png\r\n\r\n"
      "PNGDATA\r\n--B--\r\n");
  EXPECT_FALSE(request.multipart_malformed());
  EXPECT_EQ(request.form().GetOr("_csrf"), "token");
  EXPECT_FALSE(request.form().Get("image"));
  const auto file = request.File("image");
  ASSERT_TRUE(file);
  EXPECT_EQ(file->file_name, "x.png");
  EXPECT_EQ(file->content_type, "image/png");
  EXPECT_EQ(file->data, "PNGDATA");

  const Request broken = MakeRequest(Method::post, "/x", {{"Content-Type", "multipart/form-data; boundary=B"}}, "junk");
  EXPECT_TRUE(broken.multipart_malformed());
  EXPECT_TRUE(broken.form().empty());
}

TEST(RequestTest, WantsJsonForApiPathsAndJsonAccept) {
  EXPECT_TRUE(MakeRequest(Method::get, "/api/v1/products").WantsJson());
  EXPECT_TRUE(MakeRequest(Method::get, "/x", {{"Accept", "application/json"}}).WantsJson());
  EXPECT_FALSE(MakeRequest(Method::get, "/x", {{"Accept", "text/html,application/json;q=0.9"}}).WantsJson());
  EXPECT_FALSE(MakeRequest(Method::get, "/").WantsJson());
}

TEST(RequestTest, SurvivesMoves) {
  Request request = MakeRequest(Method::get, "/", {{"Cookie", "a=1"}});
  Request moved = std::move(request);
  EXPECT_EQ(moved.Cookie("a"), "1");
}

}  // namespace
}  // namespace manmulsang::http
