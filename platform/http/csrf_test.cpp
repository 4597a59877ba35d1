#include "manmulsang/http/csrf.hpp"

#include <gtest/gtest.h>

#include "test_requests.hpp"

namespace manmulsang::http {
namespace {

using testing::MakeRequest;

const std::string kToken(64, 'a');
const std::string kOtherToken(64, 'b');

class CsrfTest : public ::testing::Test {
 protected:
  CsrfTest() {
    router_.Use(CsrfProtection());
    router_.Get("/form", [this](Request& request) {
      seen_token_ = request.csrf_token();
      return Response::Html("<form>");
    });
    router_.Get("/shared", [](Request&) {
      Response response = Response::Html("<p>the same page for everyone</p>");
      response.cacheable = true;
      return response;
    });
    const Handler done = [](Request&) { return Response::Text("done"); };
    router_.Post("/submit", done);
    router_.Add(Method::delete_, "/submit", done);
  }

  Response Send(Method method, std::vector<std::pair<std::string, std::string>> headers, std::string body = {}) {
    Request request =
        MakeRequest(method, method == Method::get ? "/form" : "/submit", std::move(headers), std::move(body));
    return router_.Dispatch(request);
  }

  static std::string SetCookieOf(const Response& response) { return std::string(response.Header("Set-Cookie")); }

  Router router_;
  std::string seen_token_;
};

TEST_F(CsrfTest, NewVisitorGetsATokenCookie) {
  const Response response = Send(Method::get, {});
  EXPECT_EQ(seen_token_.size(), 64u);
  const std::string cookie = SetCookieOf(response);
  EXPECT_EQ(cookie.rfind("mm_csrf=" + seen_token_, 0), 0u) << cookie;
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos);
  EXPECT_NE(cookie.find("Path=/"), std::string::npos);
}

TEST_F(CsrfTest, ASharedCacheablePageSetsNoTokenCookie) {
  Request request = MakeRequest(Method::get, "/shared", {}, {});
  EXPECT_EQ(SetCookieOf(router_.Dispatch(request)), "");
}

TEST_F(CsrfTest, KnownVisitorKeepsTheToken) {
  const Response response = Send(Method::get, {{"Cookie", "mm_csrf=" + kToken}});
  EXPECT_EQ(seen_token_, kToken);
  EXPECT_TRUE(SetCookieOf(response).empty());
}

TEST_F(CsrfTest, InvalidCookieIsReplaced) {
  Send(Method::get, {{"Cookie", "mm_csrf=short"}});
  EXPECT_NE(seen_token_, "short");
  EXPECT_EQ(seen_token_.size(), 64u);
}

TEST_F(CsrfTest, FormPostWithMatchingTokenPasses) {
  const Response response =
      Send(Method::post, {{"Cookie", "mm_csrf=" + kToken}, {"Content-Type", "application/x-www-form-urlencoded"}},
           "name=x&_csrf=" + kToken);
  EXPECT_EQ(response.status, Status::ok);
  EXPECT_EQ(response.body, "done");
}

TEST_F(CsrfTest, MultipartPostWithMatchingTokenPasses) {
  const Response response =
      Send(Method::post, {{"Cookie", "mm_csrf=" + kToken}, {"Content-Type", "multipart/form-data; boundary=B"}},
           "--B\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + kToken + "\r\n--B--\r\n");
  EXPECT_EQ(response.status, Status::ok);
}

TEST_F(CsrfTest, FormPostWithoutOrWithWrongTokenIsForbidden) {
  const std::vector<std::pair<std::string, std::string>> form_headers = {
      {"Cookie", "mm_csrf=" + kToken}, {"Content-Type", "application/x-www-form-urlencoded"}};
  EXPECT_EQ(Send(Method::post, form_headers, "name=x").status, Status::forbidden);
  EXPECT_EQ(Send(Method::post, form_headers, "_csrf=" + kOtherToken).status, Status::forbidden);
  EXPECT_EQ(Send(Method::post, form_headers, "_csrf=" + kToken.substr(1)).status, Status::forbidden);
  // No cookie at all: nothing to compare with.
  EXPECT_EQ(Send(Method::post, {{"Content-Type", "application/x-www-form-urlencoded"}}, "_csrf=" + kToken).status,
            Status::forbidden);
  // text/plain is what a cross-site form can also send.
  EXPECT_EQ(Send(Method::post, {{"Cookie", "mm_csrf=" + kToken}, {"Content-Type", "text/plain"}}, "x").status,
            Status::forbidden);
  EXPECT_EQ(Send(Method::delete_, {{"Cookie", "mm_csrf=" + kToken}}).status, Status::forbidden);
}

TEST_F(CsrfTest, ForbiddenAnswersAreJsonForApiClients) {
  const Response response =
      Send(Method::post, {{"Accept", "application/json"}, {"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(response.status, Status::forbidden);
  EXPECT_EQ(response.content_type, "application/json");
  EXPECT_NE(response.body.find("csrf_failed"), std::string::npos);
}

TEST_F(CsrfTest, HeaderTokenIsAccepted) {
  EXPECT_EQ(Send(Method::delete_, {{"Cookie", "mm_csrf=" + kToken}, {"X-CSRF-Token", kToken}}).status, Status::ok);
}

TEST_F(CsrfTest, BearerAndJsonRequestsAreExempt) {
  EXPECT_EQ(Send(Method::post, {{"Authorization", "Bearer abc"}, {"Content-Type", "application/x-www-form-urlencoded"}},
                 "a=1")
                .status,
            Status::ok);
  EXPECT_EQ(Send(Method::post, {{"Content-Type", "application/json"}}, "{}").status, Status::ok);
  EXPECT_EQ(Send(Method::post, {{"Content-Type", "application/json; charset=utf-8"}}, "{}").status, Status::ok);
}

TEST_F(CsrfTest, SameOriginBrowsersPassWithoutAToken) {
  EXPECT_EQ(
      Send(Method::post, {{"Content-Type", "application/x-www-form-urlencoded"}, {"Sec-Fetch-Site", "same-origin"}})
          .status,
      Status::ok);
  EXPECT_EQ(Send(Method::post, {{"Content-Type", "application/x-www-form-urlencoded"},
                                {"Sec-Fetch-Site", "cross-site"},
                                {"Origin", "http://shop.local"},
                                {"Host", "shop.local"}})
                .status,
            Status::forbidden);
  EXPECT_EQ(Send(Method::post, {{"Content-Type", "application/x-www-form-urlencoded"},
                                {"Origin", "http://shop.local:8080"},
                                {"Host", "shop.local:8080"}})
                .status,
            Status::ok);
  EXPECT_EQ(Send(Method::post, {{"Content-Type", "application/x-www-form-urlencoded"},
                                {"Origin", "http://evil.local"},
                                {"Host", "shop.local"}})
                .status,
            Status::forbidden);
  // A token that is present but wrong is never rescued by the origin.
  EXPECT_EQ(
      Send(Method::post, {{"Content-Type", "application/x-www-form-urlencoded"}, {"Sec-Fetch-Site", "same-origin"}},
           "_csrf=" + kOtherToken)
          .status,
      Status::forbidden);
}

}  // namespace
}  // namespace manmulsang::http
