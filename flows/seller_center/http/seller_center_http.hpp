#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "manmulsang/html/api_error.hpp"
#include "manmulsang/html/renderer.hpp"
#include "manmulsang/http/api_problem.hpp"
#include "manmulsang/http/request.hpp"
#include "manmulsang/http/response.hpp"
#include "manmulsang/http/router.hpp"
#include "manmulsang/seller_center/http/seller_center_routes.hpp"

namespace manmulsang::seller_center {

http::ApiProblem ProblemOf(SellerCenterError error);

// What ?shop_id= names: nullopt when absent or empty; a value that is not an id names no shop
// of the actor's, so it is shop_not_found like any other's.
std::expected<std::optional<core::SellerId>, SellerCenterError> RequestedShop(const http::Request& request);

// The shared state of the handlers.
struct SellerCenterHttp {
  const html::Renderer& renderer;
  SellerCenterServices services;

  http::Response Error(const http::Request& request, SellerCenterError error) const;
  std::string Text(const http::Request& request, std::string_view key) const {
    return std::string(renderer.Translate(request.context().locale, key));
  }
  // Where a page sends a member the seller center refused; nullopt for shop_not_found (a 404).
  std::optional<http::Response> RedirectFor(SellerCenterError error, std::string_view back) const;
};

// A shop's own numbers and questions: every route of the seller center takes this (or a body
// option that includes it), so neither a shared cache nor the browser's back button keeps them.
inline constexpr http::RouteOptions kShopOnly{.no_store = true};

std::string Won(const http::Request& request, std::int64_t amount);

void AddDashboardApi(http::Router& router, const SellerCenterHttp& http);
void AddDashboardPage(http::Router& router, const SellerCenterHttp& http);
void AddQuestionQueuePage(http::Router& router, const SellerCenterHttp& http);

}  // namespace manmulsang::seller_center
