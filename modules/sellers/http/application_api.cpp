// The onboarding API: a member applies and reads their application; admins list, approve and
// reject. The service decides every rule; these parse, call and render.

#include <boost/json/array.hpp>

#include "sellers_http.hpp"

namespace manmulsang::sellers {
namespace {

constexpr http::RouteOptions kTextBody{.body_limit = 16 * 1024, .json_body = true, .no_store = true};
// An application is its applicant's (and the admin's) only.
constexpr http::RouteOptions kPrivate{.no_store = true};
constexpr http::RouteOptions kAdminBody{
    .body_limit = 16 * 1024, .role = core::Role::admin, .json_body = true, .no_store = true};

// A JSON string field: absent or null reads as empty (the service then names what is missing);
// a number, an object, anything but a string is refused naming the field.
std::expected<std::string, http::ApiProblem> StringField(const boost::json::object& body, std::string_view name) {
  const boost::json::value* value = body.if_contains(name);
  if (!value || value->is_null()) return std::string{};
  if (!value->is_string()) {
    return std::unexpected(http::ApiProblem{http::Status::bad_request, "invalid_input", std::string(name)});
  }
  return std::string(value->as_string().data(), value->as_string().size());
}

http::Response WithSeller(const Shop& shop, http::Status status = http::Status::ok) {
  return http::Response::Json(boost::json::object{{"seller", ApplicationJson(shop)}}, status);
}

http::Response Apply(const SellersHttp& http, http::Request& request) {
  if (!request.context().actor.signed_in()) return http.Error(request, ApplicationError::unauthenticated);
  auto body = http::ParseJsonObject(request);
  if (!body) return http.Error(request, body.error());
  Application application;
  for (auto [name, target] :
       {std::pair{"shop_name", &application.shop_name}, std::pair{"description", &application.description},
        std::pair{"phone", &application.phone}, std::pair{"city", &application.city}}) {
    auto text = StringField(*body, name);
    if (!text) return http.Error(request, text.error());
    *target = std::move(*text);
  }
  auto shop = http.services.applications.Apply(request.context().actor, application);
  if (!shop) return http.Error(request, shop.error());
  return WithSeller(*shop, http::Status::created);
}

http::Response Current(const SellersHttp& http, http::Request& request) {
  auto shop = http.services.applications.Current(request.context().actor);
  if (!shop) return http.Error(request, shop.error());
  return WithSeller(*shop);
}

http::Response List(const SellersHttp& http, http::Request& request) {
  ShopStatus status = ShopStatus::pending;
  if (auto name = request.Query("status")) {
    auto parsed = ParseShopStatus(*name);
    if (!parsed) return http.Error(request, http::ApiProblem{http::Status::bad_request, "invalid_status", "status"});
    status = *parsed;
  }
  auto page = http::ParseListPage(request);
  // A page out of range is refused by the service (invalid_page), where the paging rule lives.
  if (!page) page = http::ListPage{0, 0};
  auto listed = http.services.applications.List(request.context().actor, status, page->page, page->per_page);
  if (!listed) return http.Error(request, listed.error());
  boost::json::array items;
  for (const Shop& shop : listed->items) items.push_back(ApplicationJson(shop));
  return http::Response::Json(boost::json::object{
      {"items", std::move(items)}, {"total", listed->total}, {"page", listed->page}, {"per_page", listed->per_page}});
}

http::Response Approve(const SellersHttp& http, http::Request& request) {
  auto id = http::ParsePositiveId(request.PathParam("id"));
  if (!id) return http.Error(request, ApplicationError::application_not_found);
  auto approved = http.services.applications.Approve(request.context().actor, core::SellerId{*id});
  if (!approved) return http.Error(request, approved.error());
  http.ForgetShopPage(approved->id);
  return WithSeller(*approved);
}

http::Response Reject(const SellersHttp& http, http::Request& request) {
  auto id = http::ParsePositiveId(request.PathParam("id"));
  if (!id) return http.Error(request, ApplicationError::application_not_found);
  auto body = http::ParseJsonObject(request);
  if (!body) return http.Error(request, body.error());
  auto reason = StringField(*body, "reason");
  if (!reason) return http.Error(request, reason.error());
  auto rejected = http.services.applications.Reject(request.context().actor, core::SellerId{*id}, *reason);
  if (!rejected) return http.Error(request, rejected.error());
  return WithSeller(*rejected);
}

}  // namespace

void AddApplicationApi(http::Router& router, const SellersHttp& http) {
  router.Post(
      "/api/v1/seller/apply", [http](http::Request& request) { return Apply(http, request); }, kTextBody);
  router.Get(
      "/api/v1/seller/application", [http](http::Request& request) { return Current(http, request); }, kPrivate);
  router.Get(
      "/api/v1/admin/sellers", [http](http::Request& request) { return List(http, request); }, kAdminBody);
  router.Post(
      "/api/v1/admin/sellers/:id/approve", [http](http::Request& request) { return Approve(http, request); },
      kAdminBody);
  router.Post(
      "/api/v1/admin/sellers/:id/reject", [http](http::Request& request) { return Reject(http, request); }, kAdminBody);
}

}  // namespace manmulsang::sellers
