#pragma once

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "html_scan.hpp"
#include "http_client.hpp"
#include "raw_connection.hpp"
#include "test_server.hpp"

namespace manmulsang::testing {

// The server every scenario in this binary shares: a demo store of kDemoProducts products and a
// 2-second request timeout. Started on first use, stopped (SIGTERM, exit code checked) at the end.
inline constexpr int kDemoProducts = 200;
inline constexpr int kRequestTimeoutSeconds = 2;
TestServer& SharedServer();

// A shop's owner: a member who applied and whom the admin approved, or a demo seller.
struct ShopOwner {
  std::int64_t shop = 0;
  std::string email;
  std::string token;
};

inline constexpr const char* kTopCategories[] = {"clothing",  "cosmetics", "computers", "solar",
                                                 "food",      "shoes",     "bags",      "appliances",
                                                 "household", "building",  "books",     "medicine"};

class BlackBoxTest : public ::testing::Test {
 protected:
  void SetUp() override;

  // A client with a fresh cookie jar, like a new browser.
  HttpClient NewClient() const { return HttpClient(server_->host(), server_->port()); }

  // A new, unique e-mail address for this run.
  static std::string UniqueEmail(std::string_view tag);

  // Registers through the JSON API and returns the token (the test fails if it does not work).
  std::string RegisterViaApi(const std::string& email, const std::string& password);

  // Some product id from /api/v1/products.
  std::int64_t AnyProductId();

  // A browser signed in through the /login form (a session cookie, no bearer token), so its own
  // forms need the CSRF token; throws if the form does not sign in.
  HttpClient SignInThroughLoginForm(const std::string& email, const std::string& password) const;

  // A client with a fresh cookie jar that sends `token` as its bearer token (none when empty).
  HttpClient Client(const std::string& token = {}) const;

  // An admin made once with the CLI on the shared store, signed in through the API: its token.
  std::string AdminToken();

  // A new member registered through the API, with its id (throws if registering does not work).
  struct Member {
    std::int64_t id = 0;
    std::string email;
    std::string token;
  };
  Member NewMember(std::string_view tag);

  // A new member whose application (shop named shop_name) is open, not yet decided.
  ShopOwner Applicant(std::string_view tag, std::string_view shop_name);
  // A new member whose application (shop named shop_name) the admin approved.
  ShopOwner ApprovedSeller(std::string_view tag, std::string_view shop_name);
  // The demo's sellers who own its shops (user0001@example.kp, ... with kDemoPassword), in order.
  std::vector<ShopOwner> DemoSellers();

  TestServer* server_ = nullptr;
};

inline constexpr const char* kDemoPassword = "manmulsang-demo";

// The demo's sellers who own its shops on `server` (user0001@example.kp, ... with kDemoPassword),
// in order: signs each in through the API. For a server of its own; BlackBoxTest::DemoSellers
// keeps the shared server's.
std::vector<ShopOwner> FindDemoSellers(const TestServer& server);

inline constexpr const char* kPassword = "Kimchi-Jjigae-2024!";

// Fills every named field of the first form whose action is `action` the way a person would:
// hidden fields keep their value, e-mail/password/name fields get the given values.
FormFields FillForm(std::string_view html, std::string_view action, const std::string& email,
                    const std::string& password, const std::string& name);

// "{"error":{"code":...}}" check: the body is JSON with a non-empty error.code and error.message.
::testing::AssertionResult IsJsonError(const HttpResponse& response, int status);

// A JSON number as an integer (throws if it is not one).
std::int64_t Int(const boost::json::value& value);

// error.code of a JSON error, or a text saying there is none (so a comparison fails readably).
std::string ErrorCode(const HttpResponse& response);
// error.field of a JSON error: empty when the error names no field.
std::string ErrorField(const HttpResponse& response);

// A multipart/form-data body as a browser sends a form: a text field without a file_name, else a
// file (its name may be empty, as when none is chosen) of content_type. Every body uses one
// boundary: send it with MultipartType().
struct MultipartPart {
  std::string name;
  std::string content;
  std::optional<std::string> file_name = std::nullopt;
  std::string content_type = {};
};
std::string MultipartBody(const std::vector<MultipartPart>& parts);
std::string MultipartType();
// The body of a form with one PNG file ("photo.png") in `field`.
std::string ImageBody(std::string_view field, std::string_view file);

// The smallest PNG: one pixel, valid.
extern const std::string kOnePixelPng;

// A copy of the value as an object (throws if it is not one); safe to call on temporaries.
boost::json::object AsObject(const boost::json::value& value);

}  // namespace manmulsang::testing
