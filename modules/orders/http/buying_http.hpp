#pragma once

#include "manmulsang/http/request_parameters.hpp"

#include <boost/json/object.hpp>
#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>

#include "manmulsang/html/api_error.hpp"
#include "manmulsang/html/renderer.hpp"
#include "manmulsang/http/api_problem.hpp"
#include "manmulsang/http/json_fields.hpp"
#include "manmulsang/http/request.hpp"
#include "manmulsang/http/response.hpp"
#include "manmulsang/orders/http/buying_routes.hpp"

namespace manmulsang::orders {

// What goes wrong before a service is called, and every service error on its way out.

http::ApiProblem ProblemOf(cart::CartError error);
http::ApiProblem ProblemOf(OrderError error);
http::ApiProblem ProblemOf(payments::PaymentError error);
http::ApiProblem ProblemOf(AddressError error);
http::ApiProblem ProblemOf(sellers::SellerError error);

// Carts, orders, wallets and ledgers are one person's: the API's routes take this (or their
// body options, which include it), so no cache keeps their answers.
inline constexpr http::RouteOptions kNoStore{.no_store = true};

// The shared state of the handlers.
struct BuyingHttp {
  const html::Renderer& renderer;
  BuyingServices services;

  // {"error": {code, message (t.orders.error.<code>), field}}.
  http::Response Error(const http::Request& request, const http::ApiProblem& problem) const;
  template <typename Enum>
  http::Response Error(const http::Request& request, Enum error) const {
    return Error(request, ProblemOf(error));
  }
  // 401 when nobody is signed in. (Admin routes say role = admin in their RouteOptions: the
  // router refuses everyone else before the handler runs.)
  std::optional<http::Response> Refuse(const http::Request& request) const;
};

boost::json::object MoneyJson(std::int64_t amount, core::Currency currency = core::Currency::kpw);
// An order as the API shows it: lines, totals, delivery, shipment and the timeline with notes.
boost::json::object OrderJson(const Order& order);

void AddCartApi(http::Router& router, const BuyingHttp& http);
void AddOrderApi(http::Router& router, const BuyingHttp& http);
void AddWalletApi(http::Router& router, const BuyingHttp& http);
void AddAddressApi(http::Router& router, const BuyingHttp& http);
void AddDeliveryApi(http::Router& router, const BuyingHttp& http);
void AddSellerLedgerApi(http::Router& router, const BuyingHttp& http);

// {method, fee, pickup_place?} of a chosen delivery.
boost::json::object DeliveryJson(sellers::DeliveryMethod method, std::int64_t fee_kpw, std::string_view pickup_place);
// A shop's settings as the API shows and takes them.
boost::json::object DeliveryOptionsJson(const sellers::DeliveryOptions& options);

}  // namespace manmulsang::orders
