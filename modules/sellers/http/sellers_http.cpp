#include "sellers_http.hpp"

#include <boost/json/parse.hpp>
#include <charconv>

#include "embedded/sellers_i18n.hpp"
#include "embedded/sellers_templates.hpp"
#include "manmulsang/media/image_upload.hpp"
#include "manmulsang/media/upload_messages.hpp"

namespace manmulsang::sellers {

using Status = http::Status;

http::ApiProblem ProblemOf(ApplicationError error) {
  const std::string code(ErrorCode(error));
  const std::string field(ErrorField(error));
  switch (error) {
    case ApplicationError::unauthenticated:
      return {Status::unauthorized, code, ""};
    case ApplicationError::invalid_shop_name:
    case ApplicationError::invalid_description:
    case ApplicationError::invalid_phone:
    case ApplicationError::invalid_city:
    case ApplicationError::invalid_reason:
    case ApplicationError::invalid_page:
      return {Status::bad_request, code, field};
    case ApplicationError::application_open:
    case ApplicationError::already_seller:
    case ApplicationError::already_decided:
      return {Status::conflict, code, ""};
    case ApplicationError::application_not_found:
      return {Status::not_found, code, ""};
    case ApplicationError::forbidden:
    case ApplicationError::not_a_seller:
    case ApplicationError::application_pending:
    case ApplicationError::application_rejected:
    case ApplicationError::shop_suspended:
      return {Status::forbidden, code, ""};
  }
  return {Status::bad_request, code, field};
}

http::ApiProblem ProblemOf(SellerError error) {
  const std::string code(ErrorCode(error));
  if (error == SellerError::shop_not_found) return {Status::not_found, code, ""};
  return {Status::bad_request, code, std::string(ErrorField(error))};
}

http::Response SellersHttp::Error(const http::Request& request, const http::ApiProblem& problem) const {
  return html::ApiError(renderer, request, problem, "sellers.error." + problem.code);
}

boost::json::object ApplicationJson(const Shop& shop) {
  boost::json::object json{{"id", shop.id.value},
                           {"status", ShopStatusName(shop.status)},
                           {"name", shop.name},
                           {"description", shop.description},
                           {"phone", shop.phone},
                           {"city", shop.city},
                           {"owner_id", shop.owner.value},
                           {"applied_at", core::FormatIso8601(shop.created_at)},
                           {"decided_at", nullptr},
                           {"rejection_reason", nullptr},
                           {"logo_url", nullptr}};
  if (!shop.logo_url.empty()) json["logo_url"] = shop.logo_url;
  if (shop.decided_at) json["decided_at"] = core::FormatIso8601(*shop.decided_at);
  if (shop.status == ShopStatus::rejected) json["rejection_reason"] = shop.rejection_reason;
  // The owner and admins read why the shop is suspended.
  json["suspension_reason"] = nullptr;
  if (shop.status == ShopStatus::suspended) json["suspension_reason"] = shop.suspension_reason;
  return json;
}

void AddSellerRoutes(http::Router& router, html::Renderer& renderer, const SellerHttpServices& services) {
  renderer.AddMessages(media::UploadMessages());
  renderer.AddMessages(embedded::sellers_i18n());
  renderer.AddTemplates("sellers", embedded::sellers_templates());
  const SellersHttp http{renderer, services};
  AddApplicationApi(router, http);
  AddApplicationPages(router, http);
  AddShopLogoRoutes(router, http);
  AddShopSettingsApi(router, http);
  AddShopSettingsPages(router, http);
  AddAdminSellerPages(router, http);
  AddShopAdminApi(router, http);
  AddShopAdminPages(router, http);
}

}  // namespace manmulsang::sellers
