#pragma once

// What the module tests that drive their routes through the real router share: the router, the
// real renderer with web/'s layout, templates and catalogs, a stand-in for the Authentication
// middleware, and requests built as a browser or an API client would send them. Header-only: it
// needs the http, html and web libraries, which only the route tests link.

#include <boost/json/parse.hpp>
#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "embedded/web_i18n.hpp"
#include "embedded/web_static.hpp"
#include "embedded/web_templates.hpp"
#include "manmulsang/core/context.hpp"
#include "manmulsang/html/renderer.hpp"
#include "manmulsang/html/route_refusal.hpp"
#include "manmulsang/http/form.hpp"
#include "manmulsang/http/router.hpp"
#include "manmulsang/http/static_assets.hpp"

namespace manmulsang::testing {

// The header that says who is signed in: "<user id>:<role>" (see RouteTestFixture::Who).
inline constexpr std::string_view kTestUserHeader = "X-Test-User";

// A fixture's second base, beside ::testing::Test or a module's test store. Its constructor puts
// the stand-in for the Authentication middleware first on the router; the fixture then adds its
// module's routes (and any middleware that runs after sign-in).
class RouteTestFixture {
 public:
  using Headers = std::vector<std::pair<std::string, std::string>>;

 protected:
  RouteTestFixture()
      : assets_(embedded::web_static()), renderer_(embedded::web_templates(), embedded::web_i18n(), assets_) {
    router_.Use([](http::Request& request, const http::Handler& next) {
      const std::string_view who = request.Header(kTestUserHeader);
      if (!who.empty()) {
        const auto colon = who.find(':');
        std::int64_t id = 0;
        std::from_chars(who.data(), who.data() + colon, id);
        request.context().actor = {core::UserId{id}, *core::ParseRole(who.substr(colon + 1)),
                                   "회원 " + std::string(who.substr(0, colon))};
      }
      return next(request);
    });
    router_.SetRefusal(html::RouteRefusal(renderer_));
  }

  // The header value that signs `user` in with `role`.
  static std::string Who(core::UserId user, std::string_view role = "buyer") {
    return std::to_string(user.value) + ":" + std::string(role);
  }

  // A request from 10.0.0.1 to shop.intranet, signed in as `who` (empty: a visitor); a body goes
  // as `content_type`, and `headers` are set last (they may replace it).
  http::Response Send(http::Method method, std::string_view target, std::string body, std::string_view who,
                      std::string_view content_type = "application/json", const Headers& headers = {}) {
    http::BeastRequest message{method, target, 11};
    message.set(boost::beast::http::field::host, "shop.intranet");
    if (!body.empty()) message.set(boost::beast::http::field::content_type, content_type);
    if (!who.empty()) message.set(kTestUserHeader, who);
    for (const auto& [name, value] : headers) message.set(name, value);
    message.body() = std::move(body);
    message.prepare_payload();
    http::Request request(std::move(message), "10.0.0.1", "test");
    return router_.Dispatch(request);
  }
  http::Response Get(std::string_view target, std::string_view who = "") {
    return Send(http::Method::get, target, "", who);
  }
  http::Response Post(std::string_view target, std::string body, std::string_view who) {
    return Send(http::Method::post, target, std::move(body), who);
  }
  // A form as a browser posts it without script.
  http::Response PostForm(std::string_view target, const Headers& fields, std::string_view who,
                          const Headers& headers = {}) {
    std::string body;
    for (const auto& [name, value] : fields) {
      if (!body.empty()) body += '&';
      body += http::PercentEncode(name) + "=" + http::PercentEncode(value);
    }
    return Send(http::Method::post, target, std::move(body), who, "application/x-www-form-urlencoded", headers);
  }

  static boost::json::object Json(const http::Response& response) {
    return boost::json::parse(response.body).as_object();
  }
  // The error code of a refused API call.
  static std::string Code(const http::Response& response) {
    return std::string(Json(response).at("error").at("code").as_string());
  }

  http::StaticAssets assets_;
  html::Renderer renderer_;
  http::Router router_;
};

}  // namespace manmulsang::testing
