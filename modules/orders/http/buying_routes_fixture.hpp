#pragma once

// The buying routes as the server runs them, minus the socket, for the API and page tests.

#include <gtest/gtest.h>

#include <string>

#include "buying_test_store.hpp"
#include "manmulsang/orders/http/buying_routes.hpp"
#include "route_test_fixture.hpp"

namespace manmulsang::orders {

using Headers = std::vector<std::pair<std::string, std::string>>;

class BuyingApiTest : public BuyingTest, public testing::RouteTestFixture {
 protected:
  BuyingApiTest() {
    router_.Use(GuestCartMerge(cart_));
    AddBuyingRoutes(router_, renderer_, {accounts_, cart_, orders_, payments_, addresses_, sellers_, settings_, page_cache_});
  }

  // JSON bodies; `headers` (a cookie, an Idempotency-Key) are set last.
  http::Response Send(http::Method method, std::string_view target, std::string body, std::string_view who,
                      const Headers& headers = {}) {
    return RouteTestFixture::Send(method, target, std::move(body), who, "application/json", headers);
  }
  http::Response Get(std::string_view target, std::string_view who) { return Send(http::Method::get, target, "", who); }
  http::Response Put(std::string_view target, std::string body, std::string_view who) {
    return Send(http::Method::put, target, std::move(body), who);
  }
  http::Response Post(std::string_view target, std::string body, std::string_view who, const Headers& headers = {}) {
    return Send(http::Method::post, target, std::move(body), who, headers);
  }
  static std::string Header(const http::Response& response, std::string_view name) {
    for (const auto& [header, value] : response.headers) {
      if (header == name) return value;
    }
    return {};
  }

  static constexpr std::string_view kBuyerWho = "100:buyer";
  static constexpr std::string_view kAdminWho = "1:admin";
  http::PageCache page_cache_{clock_};
};

}  // namespace manmulsang::orders
