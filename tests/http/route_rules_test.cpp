// The rules every route carries in its RouteOptions, tried on every route the server has (as
// `serve --list-routes` prints them): admin routes refuse everyone but an admin before anything
// else, and JSON routes refuse a body that is not JSON with 415.
#include <set>
#include <sstream>

#include "blackbox.hpp"
#include "temp_directory.hpp"

namespace manmulsang::testing {
namespace {

struct Route {
  std::string method;
  std::string pattern;
  std::string target;  // the pattern with every ":name" segment made 1
};

// The routes that take another body than JSON, and the type they take.
const std::map<std::string, std::string> kNotJsonRoutes = {
    {"POST /api/v1/seller/products/:id/images", "multipart"},
    {"POST /api/v1/reviews/:id/photos", "multipart"},
    {"POST /api/v1/seller/shop/logo", "multipart"},
    {"POST /api/v1/seller/products/import", "text/csv"},
};

class RouteRulesTest : public BlackBoxTest {
 protected:
  std::vector<Route> Routes() {
    TempDirectory data;
    const CommandResult listed =
        RunServerCommand({"serve", "--list-routes", "--data", data.path().string(), "--listen", "127.0.0.1:0"});
    EXPECT_EQ(listed.exit_code, 0) << listed.output;
    std::vector<Route> routes;
    std::istringstream lines(listed.output);
    std::string line;
    while (std::getline(lines, line)) {
      const std::size_t space = line.find(' ');
      if (space == std::string::npos || line.size() <= space + 1 || line[space + 1] != '/') continue;
      Route route{line.substr(0, space), line.substr(space + 1), ""};
      std::istringstream segments(route.pattern);
      std::string segment;
      std::getline(segments, segment, '/');
      while (std::getline(segments, segment, '/')) route.target += segment.starts_with(':') ? "/1" : "/" + segment;
      if (route.target.empty()) route.target = "/";
      routes.push_back(std::move(route));
    }
    EXPECT_GT(routes.size(), 50u) << listed.output;
    return routes;
  }
};

bool IsAdmin(const Route& route) {
  return route.pattern.starts_with("/admin") || route.pattern.starts_with("/api/v1/admin");
}

TEST_F(RouteRulesTest, EveryAdminRouteRefusesVisitorsBuyersAndSellersBeforeLookingAtTheBody) {
  const std::string buyer = NewMember("route-rules-buyer").token;
  const std::string seller = ApprovedSeller("route-rules-seller", "규칙 검사 상점").token;
  const std::string admin = AdminToken();
  int admin_routes = 0;
  for (const Route& route : Routes()) {
    if (!IsAdmin(route)) continue;
    ++admin_routes;
    const bool api = route.pattern.starts_with("/api/");
    const std::string name = route.method + " " + route.pattern;
    // Not JSON, and not what any handler takes: only the role may answer.
    const std::string body = route.method == "GET" ? "" : "this is not { json";
    const std::string type = route.method == "GET" ? "" : "text/plain";

    // A visitor's browser form from this site passes CSRF (same-origin), so only the role refuses it.
    const HttpResponse visitor =
        Client().Send(route.method, route.target, body, type, {{"Sec-Fetch-Site", "same-origin"}});
    if (api) {
      EXPECT_TRUE(IsJsonError(visitor, 401)) << name;
      EXPECT_EQ(ErrorCode(visitor), "unauthenticated") << name;
    } else {
      EXPECT_EQ(visitor.status, 303) << name;
      EXPECT_TRUE(visitor.Header("Location").value_or("").starts_with("/login?next=")) << name;
    }
    for (const std::string& token : {buyer, seller}) {
      const HttpResponse refused = Client(token).Send(route.method, route.target, body, type);
      EXPECT_EQ(refused.status, 403) << name << (token == buyer ? " (buyer)" : " (seller)");
      if (api) EXPECT_EQ(ErrorCode(refused), "forbidden") << name;
    }
    // An admin gets past the role to the next rule: the API's body type (415) or, for a page to
    // look at, the page. (A page's form is not posted: it would approve or hide something.)
    if (api || route.method == "GET") {
      const HttpResponse allowed = Client(admin).Send(route.method, route.target, body, type);
      EXPECT_EQ(allowed.status, api && route.method != "GET" ? 415 : 200) << name;
    }
  }
  // /admin/sellers (3), /admin/reviews (2), their API (5), the admin's wallet, rate, voucher and
  // bank-transfer moves (4): a route that vanished from the list would leave it unchecked.
  EXPECT_GE(admin_routes, 14);
}

TEST_F(RouteRulesTest, EveryJsonRouteRefusesOtherBodiesWith415) {
  const std::string admin = AdminToken();
  std::set<std::string> seen_not_json;
  int json_routes = 0;
  for (const Route& route : Routes()) {
    if (!route.pattern.starts_with("/api/") || route.method == "GET" || route.method == "HEAD") continue;
    const std::string name = route.method + " " + route.pattern;
    if (const auto other = kNotJsonRoutes.find(name); other != kNotJsonRoutes.end()) {
      seen_not_json.insert(name);
      // Its own type still reaches the handler (which may find the content wanting, but not its type).
      const bool multipart = other->second == "multipart";
      const HttpResponse own =
          Client(admin).Send(route.method, route.target, multipart ? ImageBody("photos", "a.png") : "name\n",
                             multipart ? MultipartType() : "text/csv");
      EXPECT_NE(own.status, 415) << name;
      continue;
    }
    ++json_routes;
    // The admin passes every role; the body's type is refused before the handler looks at it.
    const HttpResponse text = Client(admin).Send(route.method, route.target, "{}", "text/plain");
    EXPECT_TRUE(IsJsonError(text, 415)) << name;
    EXPECT_EQ(ErrorCode(text), "unsupported_media_type") << name;
    const HttpResponse form =
        Client(admin).Send(route.method, route.target, "a=1", "application/x-www-form-urlencoded");
    EXPECT_TRUE(IsJsonError(form, 415)) << name;
  }
  EXPECT_GE(json_routes, 30);
  // Every exception names a route that exists.
  EXPECT_EQ(seen_not_json.size(), kNotJsonRoutes.size());
}

}  // namespace
}  // namespace manmulsang::testing
