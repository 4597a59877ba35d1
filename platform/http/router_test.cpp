#include "manmulsang/http/router.hpp"

#include <gtest/gtest.h>

#include "test_requests.hpp"

namespace manmulsang::http {
namespace {

using testing::MakeRequest;

Handler Answer(std::string text) {
  return [text = std::move(text)](Request& request) {
    std::string body = text;
    for (const char* name : {"id", "slug", "file"}) {
      if (!request.PathParam(name).empty())
        body += std::string(" ") + name + "=" + std::string(request.PathParam(name));
    }
    return Response::Text(body);
  };
}

class RouterTest : public ::testing::Test {
 protected:
  RouterTest() {
    router_.Get("/", Answer("home"));
    router_.Get("/p/new", Answer("new product form"));
    router_.Get("/p/:id", Answer("product"));
    router_.Get("/p/:id/reviews", Answer("reviews"));
    router_.Post("/p/:id/reviews", Answer("post review"), RouteOptions{.body_limit = 4096});
    router_.Get("/c/:slug", Answer("category"));
    router_.Get("/c/all/top", Answer("all top"));
    router_.Get("/c/:slug/:id", Answer("category item"));
    router_.Add(Method::delete_, "/api/v1/cart/items/:id", Answer("delete item"));
  }

  Response Dispatch(Method method, std::string_view target) {
    Request request = MakeRequest(method, target);
    Response response = router_.Dispatch(request);
    last_route_ = std::string(request.route());
    return response;
  }

  Router router_;
  std::string last_route_;
};

TEST_F(RouterTest, MatchesLiteralAndParameterSegments) {
  EXPECT_EQ(Dispatch(Method::get, "/").body, "home");
  EXPECT_EQ(last_route_, "/");
  EXPECT_EQ(Dispatch(Method::get, "/p/42").body, "product id=42");
  EXPECT_EQ(last_route_, "/p/:id");
  EXPECT_EQ(Dispatch(Method::get, "/p/42/reviews?page=2").body, "reviews id=42");
  EXPECT_EQ(Dispatch(Method::delete_, "/api/v1/cart/items/7").body, "delete item id=7");
}

TEST_F(RouterTest, LiteralWinsAndFallsBackToParameter) {
  EXPECT_EQ(Dispatch(Method::get, "/p/new").body, "new product form");
  EXPECT_EQ(last_route_, "/p/new");
  EXPECT_EQ(Dispatch(Method::get, "/c/all/top").body, "all top");
  // "all" is literal under /c, but /c/all/7 only exists through the parameters.
  EXPECT_EQ(Dispatch(Method::get, "/c/all/7").body, "category item id=7 slug=all");
}

TEST_F(RouterTest, DecodesParameters) {
  EXPECT_EQ(Dispatch(Method::get, "/c/%EC%A0%84%EC%9E%90").body, "category slug=전자");
  EXPECT_EQ(Dispatch(Method::get, "/c/a%2Fb").body, "category slug=a/b");
}

TEST_F(RouterTest, UnknownPathsGetNotFound) {
  EXPECT_EQ(Dispatch(Method::get, "/nope").status, Status::not_found);
  EXPECT_EQ(last_route_, "");
  EXPECT_EQ(Dispatch(Method::get, "/p/1/reviews/extra").status, Status::not_found);
  EXPECT_EQ(Dispatch(Method::get, "/p/").status, Status::not_found);  // empty parameter
  EXPECT_EQ(Dispatch(Method::get, "/api/v1/none").content_type, "application/json");
  router_.SetNotFound([](Request&) { return Response::Html("custom", Status::not_found); });
  EXPECT_EQ(Dispatch(Method::get, "/nope").body, "custom");
}

TEST_F(RouterTest, OtherMethodGets405WithAllow) {
  const Response response = Dispatch(Method::put, "/p/1/reviews");
  EXPECT_EQ(response.status, Status::method_not_allowed);
  EXPECT_EQ(response.Header("Allow"), "GET, HEAD, POST");
  EXPECT_EQ(Dispatch(Method::post, "/").Header("Allow"), "GET, HEAD");
}

TEST_F(RouterTest, HeadUsesGetRoutes) { EXPECT_EQ(Dispatch(Method::head, "/p/9").body, "product id=9"); }

TEST_F(RouterTest, BodyLimitsFollowTheRoute) {
  EXPECT_EQ(router_.BodyLimit(Method::post, "/p/5/reviews"), 4096u);
  EXPECT_EQ(router_.BodyLimit(Method::post, "/p/5/reviews?x=1"), 4096u);
  EXPECT_EQ(router_.BodyLimit(Method::get, "/p/5/reviews"), RouteOptions{}.body_limit);
  EXPECT_EQ(router_.BodyLimit(Method::post, "/unknown"), RouteOptions{}.body_limit);
}

TEST_F(RouterTest, MiddlewareWrapsInOrderIncludingNotFoundAnd405) {
  std::vector<std::string> calls;
  router_.Use([&](Request& request, const Handler& next) {
    calls.push_back("outer");
    Response response = next(request);
    response.SetHeader("X-Outer", "1");
    return response;
  });
  router_.Use([&](Request& request, const Handler& next) {
    calls.push_back("inner:" + std::string(request.route()));
    if (request.Query("deny")) return Response::Text("denied", Status::forbidden);
    return next(request);
  });
  EXPECT_EQ(Dispatch(Method::get, "/p/3").Header("X-Outer"), "1");
  EXPECT_EQ(calls, (std::vector<std::string>{"outer", "inner:/p/:id"}));
  EXPECT_EQ(Dispatch(Method::get, "/p/3?deny=1").status, Status::forbidden);
  EXPECT_EQ(Dispatch(Method::get, "/missing").Header("X-Outer"), "1");
  EXPECT_EQ(Dispatch(Method::patch, "/").Header("X-Outer"), "1");
}

TEST_F(RouterTest, RejectsBadPatterns) {
  EXPECT_THROW(router_.Get("relative", Answer("x")), std::invalid_argument);
  EXPECT_THROW(router_.Get("/a/:", Answer("x")), std::invalid_argument);
  EXPECT_THROW(router_.Get("/p/:id", Answer("again")), std::invalid_argument);
}

TEST_F(RouterTest, DeepPathsAreNotFound) {
  std::string deep;
  for (int index = 0; index < 100; ++index) deep += "/x";
  EXPECT_EQ(Dispatch(Method::get, deep).status, Status::not_found);
}

}  // namespace
}  // namespace manmulsang::http
