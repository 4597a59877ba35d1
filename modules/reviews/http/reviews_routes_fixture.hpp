#pragma once

// The reviews routes as the server runs them, minus the socket, for the API and page tests.

#include <boost/json/parse.hpp>
#include <charconv>
#include <filesystem>
#include <string>

#include "embedded/web_i18n.hpp"
#include "embedded/web_static.hpp"
#include "embedded/web_templates.hpp"
#include "manmulsang/http/form.hpp"
#include "manmulsang/http/static_assets.hpp"
#include "manmulsang/reviews/http/reviews_routes.hpp"
#include "reviews_test_store.hpp"
#include "temp_directory.hpp"

namespace manmulsang::reviews {

using boost::json::object;
using Headers = std::vector<std::pair<std::string, std::string>>;

// Who is signed in comes from a test header that a stand-in for the Authentication middleware
// reads ("<user id>:<role>").
class ReviewsRoutesTest : public ReviewsTest {
 protected:
  ReviewsRoutesTest()
      : assets_(embedded::web_static()), renderer_(embedded::web_templates(), embedded::web_i18n(), assets_) {
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
    AddReviewRoutes(router_, renderer_, {reviews_, questions_, page_cache_, media_});
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
  static std::string Who(core::UserId user, std::string_view role = "buyer") {
    return std::to_string(user.value) + ":" + std::string(role);
  }
  std::string ProductPath(core::ProductId product, std::string_view rest) {
    return "/api/v1/products/" + std::to_string(product.value) + std::string(rest);
  }

  // Every file under the media store, however deep (what an upload left behind).
  std::size_t MediaFiles() const {
    std::size_t count = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(media_.store.root())) {
      count += entry.is_regular_file();
    }
    return count;
  }

  manmulsang::testing::TempDirectory media_directory_{"reviews-media"};
  media::MediaLibrary media_{media_directory_ / "media"};
  http::StaticAssets assets_;
  html::Renderer renderer_;
  http::PageCache page_cache_{clock_};
  http::Router router_;
};

}  // namespace manmulsang::reviews
