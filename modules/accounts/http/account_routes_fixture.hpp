#pragma once

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <string>
#include <utility>
#include <vector>

#include "embedded/web_i18n.hpp"
#include "embedded/web_static.hpp"
#include "embedded/web_templates.hpp"
#include "manmulsang/accounts/http/account_routes.hpp"
#include "manmulsang/audit/audit.hpp"
#include "manmulsang/http/form.hpp"
#include "manmulsang/http/static_assets.hpp"
#include "test_database.hpp"

namespace manmulsang::accounts {

using Headers = std::vector<std::pair<std::string, std::string>>;

// The routes as the server runs them, minus the socket: each test builds a Request and calls
// Router::Dispatch, over a real SQLite store.
class AccountRoutesTest : public ::testing::Test {
 protected:
  static std::vector<db::Database::ModuleMigrations> AccountMigrations() {
    return {{"audit", audit::Migrations()}, {"accounts", Migrations()}};
  }

  AccountRoutesTest()
      : store_(AccountMigrations()),
        clock_(core::FromUnixSeconds(1'790'000'000)),
        accounts_(*store_, clock_),
        assets_(embedded::web_static()),
        renderer_(embedded::web_templates(), embedded::web_i18n(), assets_) {
    router_.Use(Authentication(accounts_));
    AddAccountRoutes(router_, renderer_, accounts_);
  }

  http::Response Send(http::Method method, std::string_view target, std::string body = {},
                      std::string_view content_type = {}, const Headers& headers = {},
                      core::Locale locale = core::Locale::ko, std::string_view address = "10.0.0.1") {
    http::BeastRequest message{method, target, 11};
    message.set(boost::beast::http::field::host, "shop.intranet");
    if (!content_type.empty()) message.set(boost::beast::http::field::content_type, content_type);
    for (const auto& [name, value] : headers) message.set(name, value);
    message.body() = std::move(body);
    message.prepare_payload();
    http::Request request(std::move(message), std::string(address), "test");
    request.context().locale = locale;
    return router_.Dispatch(request);
  }

  http::Response PostJson(std::string_view target, std::string_view json, const Headers& headers = {},
                          core::Locale locale = core::Locale::ko, std::string_view address = "10.0.0.1") {
    return Send(http::Method::post, target, std::string(json), "application/json", headers, locale, address);
  }

  http::Response PostForm(std::string_view target, const Headers& fields, const Headers& headers = {}) {
    std::string body;
    for (const auto& [name, value] : fields) {
      if (!body.empty()) body += '&';
      body += http::PercentEncode(name) + "=" + http::PercentEncode(value);
    }
    return Send(http::Method::post, target, std::move(body), "application/x-www-form-urlencoded", headers);
  }

  static boost::json::object Json(const http::Response& response) {
    return boost::json::parse(response.body).as_object();
  }

  static std::string Header(const http::Response& response, std::string_view name) {
    for (const auto& [header, value] : response.headers) {
      if (header == name) return value;
    }
    return {};
  }

  // The value of the mm_session cookie a response sets ("" when it sets none).
  static std::string SessionCookie(const http::Response& response) {
    const std::string cookie = Header(response, "Set-Cookie");
    const std::string prefix = std::string(kSessionCookie) + "=";
    if (!cookie.starts_with(prefix)) return {};
    return cookie.substr(prefix.size(), cookie.find(';') - prefix.size());
  }

  std::string RegisterKim() {
    const auto response = PostJson("/api/v1/auth/register",
                                   R"({"email":"Kim@Example.com","password":"correct horse battery","name":"김철수"})");
    EXPECT_EQ(response.status, http::Status::created) << response.body;
    return std::string(Json(response).at("token").as_string());
  }

  testing::TestDatabase store_;
  core::ManualClock clock_;
  AccountService accounts_;
  http::StaticAssets assets_;
  html::Renderer renderer_;
  http::Router router_;
};

}  // namespace manmulsang::accounts
