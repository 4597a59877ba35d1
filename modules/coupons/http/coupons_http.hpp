#pragma once

#include <boost/json/object.hpp>
#include <expected>
#include <string>

#include "manmulsang/coupons/http/coupon_routes.hpp"
#include "manmulsang/html/api_error.hpp"
#include "manmulsang/http/api_problem.hpp"
#include "manmulsang/http/form.hpp"
#include "manmulsang/http/json_fields.hpp"
#include "manmulsang/http/request.hpp"
#include "manmulsang/http/request_parameters.hpp"
#include "manmulsang/http/response.hpp"

namespace manmulsang::coupons {

http::ApiProblem ProblemOf(CouponError error);

inline constexpr http::RouteOptions kPrivatePage{.no_store = true};
inline constexpr http::RouteOptions kPrivateForm{.body_limit = 8 * 1024, .no_store = true};
inline constexpr http::RouteOptions kPrivateJson{.body_limit = 4 * 1024, .json_body = true, .no_store = true};
inline constexpr http::RouteOptions kAdminPage{.role = core::Role::admin, .no_store = true};
inline constexpr http::RouteOptions kAdminForm{.body_limit = 8 * 1024, .role = core::Role::admin, .no_store = true};
inline constexpr http::RouteOptions kAdminJson{
    .body_limit = 4 * 1024, .role = core::Role::admin, .json_body = true, .no_store = true};

struct CouponHttp {
  const html::Renderer& renderer;
  CouponHttpServices services;

  http::Response Error(const http::Request& request, const http::ApiProblem& problem) const {
    return html::ApiError(renderer, request, problem, "coupons.error." + problem.code);
  }
  http::Response Error(const http::Request& request, CouponError error) const {
    return Error(request, ProblemOf(error));
  }
  std::string Text(const http::Request& request, std::string_view key) const {
    return std::string(renderer.Translate(request.context().locale, key));
  }
};

boost::json::object CouponJson(const Coupon& coupon);
boost::json::object ClaimJson(const Claim& claim);
// A new coupon from a JSON body or a form (valid_days from now).
std::expected<NewCoupon, http::ApiProblem> NewCouponFromJson(const boost::json::object& body);
std::expected<NewCoupon, http::ApiProblem> NewCouponFromForm(const http::Form& form);

void AddCouponApi(http::Router& router, const CouponHttp& http);
void AddCouponPages(http::Router& router, const CouponHttp& http);

}  // namespace manmulsang::coupons
