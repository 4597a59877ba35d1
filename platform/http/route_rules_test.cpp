// The rules a route carries in its RouteOptions (role, JSON body, no-store), enforced by the
// router before the handler runs.

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "manmulsang/http/router.hpp"
#include "test_requests.hpp"

namespace manmulsang::http {
namespace {

using testing::MakeRequest;

constexpr RouteOptions kAdminJson{.role = core::Role::admin, .json_body = true};

class RouteRulesTest : public ::testing::Test {
 protected:
  RouteRulesTest() {
    // The stand-in for sign-in: "X-Role: admin" signs user 1 in with that role.
    router_.Use([](Request& request, const Handler& next) {
      if (auto role = core::ParseRole(request.Header("X-Role")))
        request.context().actor = {core::UserId{1}, *role, "a"};
      return next(request);
    });
    const Handler reached = [this](Request&) {
      ++handled_;
      return Response::Json(boost::json::object{{"ok", true}});
    };
    router_.Post("/api/v1/admin/things", reached, kAdminJson);
    router_.Get("/admin/things", reached, {.role = core::Role::admin});
    router_.Post("/api/v1/things", reached, {.json_body = true});
    router_.Get("/api/v1/mine", reached, {.no_store = true});
    router_.Get("/public", reached);
  }

  Response Send(Method method, std::string_view target, std::string_view role, std::string body = {},
                std::string_view content_type = "application/json") {
    std::vector<std::pair<std::string, std::string>> headers;
    if (!role.empty()) headers.emplace_back("X-Role", role);
    if (!body.empty()) headers.emplace_back("Content-Type", content_type);
    Request request = MakeRequest(method, target, std::move(headers), std::move(body));
    return router_.Dispatch(request);
  }

  static std::string Code(const Response& response) {
    return std::string(boost::json::parse(response.body).at("error").at("code").as_string());
  }

  Router router_;
  int handled_ = 0;
};

TEST_F(RouteRulesTest, AdminApiRefusesVisitorsWith401AndOthersWith403BeforeReadingTheBody) {
  const Response visitor = Send(Method::post, "/api/v1/admin/things", "", "not json", "text/plain");
  EXPECT_EQ(visitor.status, Status::unauthorized);
  EXPECT_EQ(Code(visitor), "unauthenticated");
  EXPECT_EQ(visitor.Header("WWW-Authenticate"), "Bearer");
  EXPECT_EQ(visitor.Header("Cache-Control"), "no-store");
  for (const std::string_view role : {"buyer", "seller"}) {
    // A body of the wrong type would be 415 for an admin: the role is looked at first.
    const Response refused =
        Send(Method::post, "/api/v1/admin/things", role, "a=1", "application/x-www-form-urlencoded");
    EXPECT_EQ(refused.status, Status::forbidden) << role;
    EXPECT_EQ(Code(refused), "forbidden") << role;
  }
  EXPECT_EQ(handled_, 0);
  EXPECT_EQ(Send(Method::post, "/api/v1/admin/things", "admin", "{}").status, Status::ok);
  EXPECT_EQ(handled_, 1);
}

TEST_F(RouteRulesTest, AdminPageSendsVisitorsToSignInAndComesBack) {
  const Response visitor = Send(Method::get, "/admin/things?page=2", "");
  EXPECT_EQ(visitor.status, Status::see_other);
  EXPECT_EQ(visitor.Header("Location"), "/login?next=%2Fadmin%2Fthings%3Fpage%3D2");
  EXPECT_EQ(Send(Method::get, "/admin/things", "buyer").status, Status::forbidden);
  EXPECT_EQ(handled_, 0);
  EXPECT_EQ(Send(Method::get, "/admin/things", "admin").status, Status::ok);
}

TEST_F(RouteRulesTest, JsonRoutesRefuseOtherBodiesWith415) {
  for (const std::string_view type : {"text/plain", "application/x-www-form-urlencoded",
                                      "multipart/form-data; boundary=x", "application/jsonx", "text/json"}) {
    const Response refused = Send(Method::post, "/api/v1/things", "", "{}", type);
    EXPECT_EQ(refused.status, Status::unsupported_media_type) << type;
    EXPECT_EQ(Code(refused), "unsupported_media_type") << type;
  }
  EXPECT_EQ(handled_, 0);
  for (const std::string_view type :
       {"application/json", "application/json; charset=utf-8", "Application/JSON ;charset=UTF-8"}) {
    EXPECT_EQ(Send(Method::post, "/api/v1/things", "", "{}", type).status, Status::ok) << type;
  }
  // No body at all: nothing to refuse, the handler decides.
  EXPECT_EQ(Send(Method::post, "/api/v1/things", "").status, Status::ok);
}

TEST_F(RouteRulesTest, NoStoreRoutesAreNeverCached) {
  Router router;
  router.Get("/mine",
             [](Request&) {
               Response response = Response::Text("mine");
               response.cacheable = true;
               response.SetHeader("Cache-Control", "public, max-age=60");
               return response;
             },
             {.no_store = true});
  Request request = MakeRequest(Method::get, "/mine");
  const Response response = router.Dispatch(request);
  EXPECT_EQ(response.Header("Cache-Control"), "no-store");
  EXPECT_FALSE(response.cacheable);
  EXPECT_TRUE(Send(Method::get, "/public", "").Header("Cache-Control").empty());
}

TEST_F(RouteRulesTest, RefusalsAreWordedByTheApp) {
  router_.SetRefusal(
      [](const Request&, const ApiProblem& problem) { return ApiErrorResponse(problem, "worded " + problem.code); });
  const Response refused = Send(Method::post, "/api/v1/admin/things", "buyer", "{}");
  EXPECT_EQ(std::string(boost::json::parse(refused.body).at("error").at("message").as_string()), "worded forbidden");
}

TEST_F(RouteRulesTest, RoutesListsEveryRouteWithItsOptions) {
  const std::vector<RouteInfo> routes = router_.Routes();
  ASSERT_EQ(routes.size(), 5u);
  EXPECT_EQ(routes[0].method, Method::post);
  EXPECT_EQ(routes[0].pattern, "/api/v1/admin/things");
  EXPECT_EQ(routes[0].options.role, core::Role::admin);
  EXPECT_TRUE(routes[0].options.json_body);
  EXPECT_TRUE(routes[3].options.no_store);
}

TEST(SignInRedirectTest, ComesBackOnlyToThisSite) {
  EXPECT_EQ(SignInRedirect("/orders/3").Header("Location"), "/login?next=%2Forders%2F3");
  EXPECT_EQ(SignInRedirect("https://evil.example/").Header("Location"), "/login?next=%2F");
  EXPECT_EQ(SignInRedirect("//evil.example/").Header("Location"), "/login?next=%2F");
  EXPECT_EQ(SignInRedirect("").Header("Location"), "/login?next=%2F");
  EXPECT_EQ(SignInRedirect("/orders").status, Status::see_other);
}

TEST(ApiErrorResponseTest, IsTheJsonErrorNeverStoredAndChallengesOn401) {
  const Response response =
      ApiErrorResponse({Status::bad_request, "invalid_quantity", "quantity"}, "수량을 확인하세요.");
  EXPECT_EQ(response.status, Status::bad_request);
  EXPECT_EQ(response.content_type.substr(0, 16), "application/json");
  const boost::json::value error = boost::json::parse(response.body).at("error");
  EXPECT_EQ(error.at("code").as_string(), "invalid_quantity");
  EXPECT_EQ(error.at("message").as_string(), "수량을 확인하세요.");
  EXPECT_EQ(error.at("field").as_string(), "quantity");
  EXPECT_EQ(response.Header("Cache-Control"), "no-store");
  EXPECT_TRUE(response.Header("WWW-Authenticate").empty());
  EXPECT_EQ(ApiErrorResponse({Status::unauthorized, "unauthenticated", ""}, "m").Header("WWW-Authenticate"), "Bearer");
}

}  // namespace
}  // namespace manmulsang::http
