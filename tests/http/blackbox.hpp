#pragma once

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdint>
#include <vector>
#include <string>
#include <string_view>

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

inline constexpr const char* kTopCategories[] = {"clothing", "cosmetics", "computers", "solar",
                                                 "food",     "shoes",     "bags",      "appliances",
                                                 "household", "building", "books",     "medicine"};

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

  // A shop's owner: a member who applied and whom the admin approved, or a demo seller.
  struct ShopOwner {
    std::int64_t shop = 0;
    std::string email;
    std::string token;
  };
  // A new member whose application (shop named shop_name) the admin approved.
  ShopOwner ApprovedSeller(std::string_view tag, std::string_view shop_name);
  // The demo's sellers who own its shops (user0001@example.kp, ... with kDemoPassword), in order.
  std::vector<ShopOwner> DemoSellers();

  TestServer* server_ = nullptr;
};

inline constexpr const char* kDemoPassword = "manmulsang-demo";

inline constexpr const char* kPassword = "Kimchi-Jjigae-2024!";

// Fills every named field of the first form whose action is `action` the way a person would:
// hidden fields keep their value, e-mail/password/name fields get the given values.
FormFields FillForm(std::string_view html, std::string_view action, const std::string& email,
                    const std::string& password, const std::string& name);

// "{"error":{"code":...}}" check: the body is JSON with a non-empty error.code and error.message.
::testing::AssertionResult IsJsonError(const HttpResponse& response, int status);

// A copy of the value as an object (throws if it is not one); safe to call on temporaries.
boost::json::object AsObject(const boost::json::value& value);

}  // namespace manmulsang::testing
