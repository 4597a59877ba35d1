#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <expected>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "manmulsang/html/api_error.hpp"
#include "manmulsang/html/renderer.hpp"
#include "manmulsang/http/api_problem.hpp"
#include "manmulsang/http/form.hpp"
#include "manmulsang/http/json_fields.hpp"
#include "manmulsang/http/request.hpp"
#include "manmulsang/http/request_parameters.hpp"
#include "manmulsang/http/response.hpp"
#include "manmulsang/payments/http/money_routes.hpp"

namespace manmulsang::payments {

// A refusal on its way out: status, snake_case code (t.payments.error.<code>) and the field.
http::ApiProblem ProblemOf(PaymentError error);

// Wallets and payouts are one person's, the money desk an admin's: no cache keeps any of it.
inline constexpr http::RouteOptions kPrivatePage{.no_store = true};
inline constexpr http::RouteOptions kPrivateForm{.body_limit = 8 * 1024, .no_store = true};
inline constexpr http::RouteOptions kPrivateJson{.body_limit = 4 * 1024, .json_body = true, .no_store = true};
inline constexpr http::RouteOptions kAdminPage{.role = core::Role::admin, .no_store = true};
inline constexpr http::RouteOptions kAdminForm{.body_limit = 8 * 1024, .role = core::Role::admin, .no_store = true};
inline constexpr http::RouteOptions kAdminJson{
    .body_limit = 4 * 1024, .role = core::Role::admin, .json_body = true, .no_store = true};

// The shared state of the handlers.
struct MoneyHttp {
  const html::Renderer& renderer;
  MoneyServices services;

  http::Response Error(const http::Request& request, const http::ApiProblem& problem) const {
    return html::ApiError(renderer, request, problem, "payments.error." + problem.code);
  }
  http::Response Error(const http::Request& request, PaymentError error) const {
    return Error(request, ProblemOf(error));
  }
  std::string Text(const http::Request& request, std::string_view key) const {
    return std::string(renderer.Translate(request.context().locale, key));
  }
  std::string ErrorText(const http::Request& request, std::string_view code) const {
    return Text(request, "payments.error." + std::string(code));
  }
  std::string Money(const http::Request& request, std::int64_t won) const {
    return core::FormatMoney({won, core::Currency::kpw}, core::LocaleCode(request.context().locale));
  }
  // A member's name for an admin's list ("회원 42" when the member is gone).
  std::string MemberName(core::UserId member) const;
};

// Members' names for an admin's list, read in one batch ("#42" for one who is gone).
class MemberNames {
 public:
  MemberNames(accounts::AccountService& accounts, const std::vector<core::UserId>& members);
  std::string operator()(core::UserId member) const;

 private:
  std::map<std::int64_t, std::string> names_;
};

boost::json::object MoneyJson(std::int64_t won);
boost::json::object PayoutJson(const Payout& payout);
// The request's fields from a form or a JSON body (amount as digits or a JSON integer).
std::expected<PayoutRequest, http::ApiProblem> PayoutRequestFromForm(const http::Form& form);
std::expected<PayoutRequest, http::ApiProblem> PayoutRequestFromJson(const boost::json::object& body);
// A whole number of won typed into a form: digits, with commas or blanks between groups forgiven.
std::optional<std::int64_t> ParseWon(std::string_view typed);

void AddPayoutPages(http::Router& router, const MoneyHttp& http);
void AddAdminPayoutPages(http::Router& router, const MoneyHttp& http);
void AddPayoutApi(http::Router& router, const MoneyHttp& http);
void AddCreditRoutes(http::Router& router, const MoneyHttp& http);
void AddExchangeRateRoutes(http::Router& router, const MoneyHttp& http);
void AddVoucherRoutes(http::Router& router, const MoneyHttp& http);

}  // namespace manmulsang::payments
