#pragma once

// The buying routes as the server runs them, minus the socket, for the API and page tests.

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <charconv>
#include <string>

#include "buying_test_store.hpp"
#include "embedded/web_i18n.hpp"
#include "embedded/web_static.hpp"
#include "embedded/web_templates.hpp"
#include "manmulsang/http/form.hpp"
#include "manmulsang/http/static_assets.hpp"
#include "manmulsang/orders/http/buying_routes.hpp"

namespace manmulsang::orders {

using boost::json::object;
using Headers = std::vector<std::pair<std::string, std::string>>;

// The buying routes as the server runs them, minus the socket. Who is signed in comes from a
// test header that a stand-in for the Authentication middleware reads ("<user id>:<role>").
class BuyingApiTest : public BuyingTest {
 protected:
  static std::array<db::Database::ModuleMigrations, 6> AllModules() {
    auto modules = Modules();
    return {{{"accounts", accounts::Migrations()}, modules[0], modules[1], modules[2], modules[3], modules[4]}};
  }

  BuyingApiTest() : assets_(embedded::web_static()), renderer_(embedded::web_templates(), embedded::web_i18n(), assets_) {
    store_->Migrate(std::array<db::Database::ModuleMigrations, 1>{{{"accounts", accounts::Migrations()}}});
    router_.Use([](http::Request& request, const http::Handler& next) {
      const std::string_view who = request.Header("X-Test-User");
      if (!who.empty()) {
        const auto colon = who.find(':');
        std::int64_t id = 0;
        std::from_chars(who.data(), who.data() + colon, id);
        request.context().actor = {core::UserId{id}, *core::ParseRole(who.substr(colon + 1)), "test"};
      }
      return next(request);
    });
    router_.Use(GuestCartMerge(cart_));
    AddBuyingRoutes(router_, renderer_, {accounts_, cart_, orders_, payments_, addresses_, sellers_, page_cache_});
  }

  http::Response Send(http::Method method, std::string_view target, std::string body, std::string_view who,
                      const Headers& headers = {}) {
    http::BeastRequest message{method, target, 11};
    message.set(boost::beast::http::field::host, "shop.intranet");
    if (!body.empty()) message.set(boost::beast::http::field::content_type, "application/json");
    if (!who.empty()) message.set("X-Test-User", who);
    for (const auto& [name, value] : headers) message.set(name, value);
    message.body() = std::move(body);
    message.prepare_payload();
    http::Request request(std::move(message), "10.0.0.1", "test");
    return router_.Dispatch(request);
  }
  http::Response Get(std::string_view target, std::string_view who) { return Send(http::Method::get, target, "", who); }
  http::Response Put(std::string_view target, std::string body, std::string_view who) {
    return Send(http::Method::put, target, std::move(body), who);
  }
  http::Response Post(std::string_view target, std::string body, std::string_view who, const Headers& headers = {}) {
    return Send(http::Method::post, target, std::move(body), who, headers);
  }

  http::Response PostForm(std::string_view target, const Headers& fields, std::string_view who,
                          const Headers& headers = {}) {
    std::string body;
    for (const auto& [name, value] : fields) {
      if (!body.empty()) body += '&';
      body += http::PercentEncode(name) + "=" + http::PercentEncode(value);
    }
    Headers all = headers;
    all.emplace_back("Content-Type", "application/x-www-form-urlencoded");
    return Send(http::Method::post, target, std::move(body), who, all);
  }
  static std::string Header(const http::Response& response, std::string_view name) {
    for (const auto& [header, value] : response.headers) {
      if (header == name) return value;
    }
    return {};
  }

  static object Json(const http::Response& response) { return boost::json::parse(response.body).as_object(); }
  static std::string Code(const http::Response& response) {
    return std::string(Json(response).at("error").at("code").as_string());
  }

  static constexpr std::string_view kBuyerWho = "100:buyer";
  static constexpr std::string_view kAdminWho = "1:admin";
  http::StaticAssets assets_;
  html::Renderer renderer_;
  accounts::AccountService accounts_{store_.database(), clock_};
  AddressBook addresses_{store_.database(), clock_};
  http::PageCache page_cache_{clock_};
  http::Router router_;
};

}  // namespace manmulsang::orders
