#include "seller_center_http.hpp"

#include "embedded/seller_center_i18n.hpp"
#include "embedded/seller_center_templates.hpp"
#include "manmulsang/core/money.hpp"
#include "manmulsang/http/form.hpp"
#include "manmulsang/http/request_parameters.hpp"

namespace manmulsang::seller_center {

using Status = http::Status;

http::ApiProblem ProblemOf(SellerCenterError error) {
  const std::string code(ErrorCode(error));
  switch (error) {
    case SellerCenterError::unauthenticated:
      return {Status::unauthorized, code, ""};
    case SellerCenterError::not_a_seller:
    case SellerCenterError::application_pending:
    case SellerCenterError::application_rejected:
    case SellerCenterError::shop_suspended:
      return {Status::forbidden, code, ""};
    case SellerCenterError::shop_not_found:
      return {Status::not_found, code, ""};
  }
  return {Status::not_found, code, ""};
}

std::expected<std::optional<core::SellerId>, SellerCenterError> RequestedShop(const http::Request& request) {
  auto text = request.Query("shop_id");
  if (!text || text->empty()) return std::optional<core::SellerId>();
  auto id = http::ParsePositiveId(*text);
  if (!id) return std::unexpected(SellerCenterError::shop_not_found);
  return std::optional<core::SellerId>(core::SellerId{*id});
}

http::Response SellerCenterHttp::Error(const http::Request& request, SellerCenterError error) const {
  const http::ApiProblem problem = ProblemOf(error);
  return html::ApiError(renderer, request, problem, "seller_center.error." + problem.code);
}

std::optional<http::Response> SellerCenterHttp::RedirectFor(SellerCenterError error, std::string_view back) const {
  switch (error) {
    case SellerCenterError::unauthenticated:
      return http::SignInRedirect(back);
    case SellerCenterError::not_a_seller:
      return http::Response::Redirect("/seller/apply");
    case SellerCenterError::application_pending:
    case SellerCenterError::application_rejected:
    case SellerCenterError::shop_suspended:
      return http::Response::Redirect("/seller/application");
    case SellerCenterError::shop_not_found:
      break;
  }
  return std::nullopt;
}

std::string Won(const http::Request& request, std::int64_t amount) {
  return core::FormatMoney({amount, core::Currency::kpw}, core::LocaleCode(request.context().locale));
}

void AddSellerCenterRoutes(http::Router& router, html::Renderer& renderer, const SellerCenterServices& services) {
  renderer.AddMessages(embedded::seller_center_i18n());
  renderer.AddTemplates("seller_center", embedded::seller_center_templates());
  const SellerCenterHttp http{renderer, services};
  AddDashboardApi(router, http);
  AddDashboardPage(router, http);
  AddQuestionQueuePage(router, http);
}

}  // namespace manmulsang::seller_center
