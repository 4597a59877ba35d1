#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "manmulsang/html/api_error.hpp"
#include "manmulsang/html/renderer.hpp"
#include "manmulsang/http/api_problem.hpp"
#include "manmulsang/http/request.hpp"
#include "manmulsang/http/request_parameters.hpp"
#include "manmulsang/http/response.hpp"
#include "manmulsang/media/image_upload.hpp"
#include "manmulsang/sellers/http/seller_routes.hpp"

namespace manmulsang::sellers {

// A refusal on its way out: status, snake_case code (t.sellers.error.<code>) and the field.

http::ApiProblem ProblemOf(ApplicationError error);
// The owner's refusal about the shop's settings: 404 shop_not_found, 400 invalid_<field> naming it.
http::ApiProblem ProblemOf(SellerError error);
// An admin's refusal about a shop (admin_shop_api.cpp); its words are t.sellers.shop_error.<code>.
http::ApiProblem ProblemOf(ShopAdminError error);

// The shared state of the handlers.
struct SellersHttp {
  const html::Renderer& renderer;
  SellerHttpServices services;

  http::Response Error(const http::Request& request, const http::ApiProblem& problem) const;
  http::Response Error(const http::Request& request, ApplicationError error) const {
    return Error(request, ProblemOf(error));
  }
  std::string Text(const http::Request& request, std::string_view key) const {
    return std::string(renderer.Translate(request.context().locale, key));
  }
  std::string ErrorText(const http::Request& request, std::string_view code) const {
    return Text(request, "sellers.error." + std::string(code));
  }
  void ForgetShopPage(core::SellerId shop) const { services.page_cache.Invalidate("/s/" + std::to_string(shop.value)); }
  // A suspension hides a shop's listings from every page that may show them — the home page,
  // category, shop and product pages — so this node's cached pages all go (suspensions are rare);
  // other nodes' cached pages end with their lifetimes.
  void ForgetListingPages() const { services.page_cache.Clear(); }
  http::Response ShopError(const http::Request& request, const http::ApiProblem& problem) const {
    return html::ApiError(renderer, request, problem, "sellers.shop_error." + problem.code);
  }
};

// The admin's shop list from ?q=&status=&page=&per_page= (invalid_query, invalid_status).
inline constexpr std::size_t kMaxShopSearchText = 100;  // bytes
std::expected<ShopSearch, http::ApiProblem> ParseShopSearch(const http::Request& request);
// A shop as the admin's API shows it: the application's fields, and the suspension (or null).
boost::json::object AdminShopJson(const Shop& shop);

// The application as the API shows it (to its applicant and to admins).
boost::json::object ApplicationJson(const Shop& shop);

// A page of one member's own (their application, their shop): no cache keeps it.
inline constexpr http::RouteOptions kPrivatePage{.no_store = true};
// The route of a form or API call that carries a logo: one picture of 10 MiB, decoded off the
// I/O threads; the answer is about the member's own shop, so no cache keeps it.
inline constexpr http::RouteOptions kLogoRoute{
    .body_limit = media::kUploadBodyLimit, .offload = true, .no_store = true};

void AddApplicationApi(http::Router& router, const SellersHttp& http);
void AddShopLogoRoutes(http::Router& router, const SellersHttp& http);
void AddShopSettingsApi(http::Router& router, const SellersHttp& http);
void AddShopSettingsPages(http::Router& router, const SellersHttp& http);
void AddApplicationPages(http::Router& router, const SellersHttp& http);
void AddAdminSellerPages(http::Router& router, const SellersHttp& http);
void AddShopAdminApi(http::Router& router, const SellersHttp& http);
void AddShopAdminPages(http::Router& router, const SellersHttp& http);

}  // namespace manmulsang::sellers
