#pragma once

// The seller onboarding routes as the server runs them, minus the socket, for the API and page tests.

#include <gtest/gtest.h>

#include <array>
#include <boost/json/parse.hpp>
#include <charconv>
#include <filesystem>
#include <string>

#include "embedded/web_i18n.hpp"
#include "embedded/web_static.hpp"
#include "embedded/web_templates.hpp"
#include "manmulsang/http/form.hpp"
#include "manmulsang/http/static_assets.hpp"
#include "manmulsang/sellers/http/seller_routes.hpp"
#include "temp_directory.hpp"
#include "test_database.hpp"

namespace manmulsang::sellers {

using boost::json::object;
using Headers = std::vector<std::pair<std::string, std::string>>;

// Who is signed in comes from a test header that a stand-in for the Authentication middleware
// reads ("<user id>:<role>").
class SellerRoutesTest : public ::testing::Test {
 protected:
  static std::array<db::Database::ModuleMigrations, 2> Modules() {
    return {{{"accounts", accounts::Migrations()}, {"sellers", Migrations()}}};
  }

  SellerRoutesTest()
      : assets_(embedded::web_static()), renderer_(embedded::web_templates(), embedded::web_i18n(), assets_) {
    std::vector<accounts::RegisterCommand> members = {
        {"applicant@shop.kp", "password-long-enough", "신청인", core::Role::buyer},
        {"other@shop.kp", "password-long-enough", "다른 회원", core::Role::buyer},
        {"admin@shop.kp", "password-long-enough", "관리자", core::Role::admin},
        {"seller@shop.kp", "password-long-enough", "판매자", core::Role::seller}};
    const std::vector<core::UserId> ids = accounts_.InsertDemoMembers(members);
    applicant_ = ids[0];
    other_ = ids[1];
    admin_ = ids[2];
    seller_ = ids[3];
    router_.Use([](http::Request& request, const http::Handler& next) {
      const std::string_view who = request.Header("X-Test-User");
      if (!who.empty()) {
        const auto colon = who.find(':');
        std::int64_t id = 0;
        std::from_chars(who.data(), who.data() + colon, id);
        request.context().actor = {core::UserId{id}, *core::ParseRole(who.substr(colon + 1)),
                                   "회원 " + std::string(who.substr(0, colon))};
      }
      return next(request);
    });
    AddSellerRoutes(router_, renderer_, {applications_, page_cache_, sellers_, media_});
  }

  http::Response Send(http::Method method, std::string_view target, std::string body, std::string_view who,
                      std::string_view content_type = "application/json") {
    http::BeastRequest message{method, target, 11};
    message.set(boost::beast::http::field::host, "shop.intranet");
    if (!body.empty()) message.set(boost::beast::http::field::content_type, content_type);
    if (!who.empty()) message.set("X-Test-User", who);
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
  http::Response PostForm(std::string_view target, const Headers& fields, std::string_view who) {
    std::string body;
    for (const auto& [name, value] : fields) {
      if (!body.empty()) body += '&';
      body += http::PercentEncode(name) + "=" + http::PercentEncode(value);
    }
    return Send(http::Method::post, target, std::move(body), who, "application/x-www-form-urlencoded");
  }

  static object Json(const http::Response& response) { return boost::json::parse(response.body).as_object(); }
  static std::string Code(const http::Response& response) {
    return std::string(Json(response).at("error").at("code").as_string());
  }
  static std::string Field(const http::Response& response) {
    const object json = Json(response);
    const boost::json::object& error = json.at("error").as_object();
    return error.contains("field") ? std::string(error.at("field").as_string()) : "";
  }
  static std::string Who(core::UserId user, std::string_view role = "buyer") {
    return std::to_string(user.value) + ":" + std::string(role);
  }
  static std::string Location(const http::Response& response) { return std::string(response.Header("Location")); }

  core::Role RoleOf(core::UserId user) { return accounts_.FindUser(user)->role; }
  std::int64_t ShopCount() {
    return store_->Read(
        [](db::Connection& connection) { return connection.QueryOne("SELECT COUNT(*) FROM shops")->Int(0); });
  }

  testing::TestDatabase store_{Modules()};
  core::ManualClock clock_{core::FromUnixSeconds(1'790'000'000)};
  accounts::AccountService accounts_{store_.database(), clock_};
  SellerService sellers_{store_.database(), clock_};
  ApplicationService applications_{store_.database(), clock_, accounts_};
  // Every file under the media store, however deep (what an upload left behind).
  std::size_t MediaFiles() const {
    std::size_t count = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(media_.store.root())) {
      count += entry.is_regular_file();
    }
    return count;
  }

  testing::TempDirectory media_directory_{"sellers-media"};
  media::MediaLibrary media_{media_directory_ / "media"};
  http::StaticAssets assets_;
  html::Renderer renderer_;
  http::PageCache page_cache_{clock_};
  http::Router router_;
  core::UserId applicant_, other_, admin_, seller_;
};

}  // namespace manmulsang::sellers
