// The admin's shops as JSON, the twin of /admin/shops: list and search, one shop with its
// listings and audit history, suspend and unsuspend. The services decide every rule.

#include <boost/json/array.hpp>

#include "manmulsang/http/json_fields.hpp"
#include "sellers_http.hpp"

namespace manmulsang::sellers {
namespace {

constexpr http::RouteOptions kAdminApi{
    .body_limit = 16 * 1024, .role = core::Role::admin, .json_body = true, .no_store = true};

http::Response List(const SellersHttp& http, http::Request& request) {
  auto search = ParseShopSearch(request);
  if (!search) return http.ShopError(request, search.error());
  auto listed = http.services.sellers.SearchShops(request.context().actor, *search);
  if (!listed) return http.ShopError(request, ProblemOf(listed.error()));
  boost::json::array items;
  for (const Shop& shop : listed->items) items.push_back(AdminShopJson(shop));
  return http::Response::Json(boost::json::object{
      {"items", std::move(items)}, {"total", listed->total}, {"page", listed->page}, {"per_page", listed->per_page}});
}

http::Response Show(const SellersHttp& http, http::Request& request) {
  auto id = http::ParsePositiveId(request.PathParam("id"));
  if (!id) return http.ShopError(request, ProblemOf(ShopAdminError::shop_not_found));
  auto shop = http.services.sellers.ShopForAdmin(request.context().actor, core::SellerId{*id});
  if (!shop) return http.ShopError(request, ProblemOf(shop.error()));
  boost::json::object json = AdminShopJson(*shop);
  const catalog::ShopListingCounts listings = http.services.catalog.CountShopListings(shop->id);
  json["listings"] = boost::json::object{{"active", listings.active}, {"all", listings.all}};
  json["delivery"] =
      boost::json::object{{"courier_fee", shop->delivery.courier_fee_kpw},
                          {"free_courier_from", shop->delivery.free_courier_from_kpw
                                                    ? boost::json::value(*shop->delivery.free_courier_from_kpw)
                                                    : boost::json::value(nullptr)},
                          {"pickup_offered", shop->delivery.pickup_offered},
                          {"pickup_place", shop->delivery.pickup_place}};
  boost::json::array history;
  for (const audit::AuditRecord& record : http.services.audit.ForSubject("shop", std::to_string(shop->id.value))) {
    history.push_back(boost::json::object{{"at", core::FormatIso8601(record.created_at)},
                                          {"admin_id", record.entry.admin.value},
                                          {"action", record.entry.action},
                                          {"before", record.entry.before},
                                          {"after", record.entry.after},
                                          {"reason", record.entry.reason}});
  }
  json["history"] = std::move(history);
  return http::Response::Json(boost::json::object{{"shop", std::move(json)}});
}

// Suspend (suspend = true) or unsuspend: {"reason": "..."}; a suspension needs one.
http::Response Change(const SellersHttp& http, http::Request& request, bool suspend) {
  auto id = http::ParsePositiveId(request.PathParam("id"));
  if (!id) return http.ShopError(request, ProblemOf(ShopAdminError::shop_not_found));
  auto body = http::ParseJsonObject(request);
  if (!body) return http.ShopError(request, body.error());
  auto reason = http::OptionalStringField(*body, "reason");
  if (!reason) return http.ShopError(request, reason.error());
  const std::string text(reason->value_or(""));
  const core::Actor& actor = request.context().actor;
  auto changed = suspend ? http.services.catalog.SuspendShop(actor, core::SellerId{*id}, text)
                         : http.services.catalog.UnsuspendShop(actor, core::SellerId{*id}, text);
  if (!changed) return http.ShopError(request, ProblemOf(changed.error()));
  http.ForgetListingPages();
  return http::Response::Json(
      boost::json::object{{"shop", AdminShopJson(changed->shop)}, {"listings_changed", changed->listings.size()}});
}

}  // namespace

http::ApiProblem ProblemOf(ShopAdminError error) {
  const std::string code(ErrorCode(error));
  switch (error) {
    case ShopAdminError::forbidden:
      return {http::Status::forbidden, code, ""};
    case ShopAdminError::shop_not_found:
      return {http::Status::not_found, code, ""};
    case ShopAdminError::invalid_reason:
    case ShopAdminError::invalid_page:
      return {http::Status::bad_request, code, std::string(ErrorField(error))};
    case ShopAdminError::not_approved:
    case ShopAdminError::not_suspended:
      return {http::Status::conflict, code, ""};
  }
  return {http::Status::bad_request, code, ""};
}

std::expected<ShopSearch, http::ApiProblem> ParseShopSearch(const http::Request& request) {
  ShopSearch search;
  search.text = std::string(request.Query("q").value_or(""));
  if (search.text.size() > kMaxShopSearchText) {
    return std::unexpected(http::ApiProblem{http::Status::bad_request, "invalid_query", "q"});
  }
  const std::string_view status = request.Query("status").value_or("");
  if (!status.empty() && status != "all") {
    search.status = ParseShopStatus(status);
    if (!search.status) return std::unexpected(http::ApiProblem{http::Status::bad_request, "invalid_status", "status"});
  }
  auto page = http::ParseListPage(request);
  // A page out of range is refused by the service (invalid_page), where the paging rule lives.
  if (!page) page = http::ListPage{0, 0};
  search.page = page->page;
  search.per_page = page->per_page;
  return search;
}

boost::json::object AdminShopJson(const Shop& shop) {
  boost::json::object json = ApplicationJson(shop);
  json["suspension"] = nullptr;
  if (shop.status == ShopStatus::suspended) {
    json["suspension"] = boost::json::object{
        {"reason", shop.suspension_reason},
        {"at",
         shop.suspended_at ? boost::json::value(core::FormatIso8601(*shop.suspended_at)) : boost::json::value(nullptr)},
        {"admin_id", shop.suspended_by ? boost::json::value(shop.suspended_by->value) : boost::json::value(nullptr)}};
  }
  return json;
}

void AddShopAdminApi(http::Router& router, const SellersHttp& http) {
  router.Get(
      "/api/v1/admin/shops", [http](http::Request& request) { return List(http, request); }, kAdminApi);
  router.Get(
      "/api/v1/admin/shops/:id", [http](http::Request& request) { return Show(http, request); }, kAdminApi);
  router.Post(
      "/api/v1/admin/shops/:id/suspend", [http](http::Request& request) { return Change(http, request, true); },
      kAdminApi);
  router.Post(
      "/api/v1/admin/shops/:id/unsuspend", [http](http::Request& request) { return Change(http, request, false); },
      kAdminApi);
}

}  // namespace manmulsang::sellers
