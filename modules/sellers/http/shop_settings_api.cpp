// The shop's settings for its owner, the JSON twin of /seller/shop:
//   GET   /api/v1/seller/shop[?shop_id=] → {shop: {id, name, description, phone, city, logo_url, status,
//         delivery: {courier_fee, free_courier_from, pickup_offered, pickup_place}}}
//   PATCH /api/v1/seller/shop[?shop_id=] {name?, description?, phone?, city?, courier_fee?,
//         free_courier_from? (null: never free), pickup_offered?, pickup_place?} → the same
// A field left out keeps what the shop has. Without shop_id: the actor's oldest shop. Someone
// else's shop, or none, is shop_not_found (404). The rules are SellerService::UpdateShop's.

#include "manmulsang/http/json_fields.hpp"
#include "sellers_http.hpp"

namespace manmulsang::sellers {
namespace {

constexpr http::RouteOptions kSettingsJson{.body_limit = 16 * 1024, .json_body = true, .no_store = true};

http::ApiProblem NotFound() { return ProblemOf(SellerError::shop_not_found); }

boost::json::object SettingsJson(const Shop& shop) {
  boost::json::object delivery{{"courier_fee", shop.delivery.courier_fee_kpw},
                               {"free_courier_from", nullptr},
                               {"pickup_offered", shop.delivery.pickup_offered},
                               {"pickup_place", shop.delivery.pickup_place}};
  if (shop.delivery.free_courier_from_kpw) delivery["free_courier_from"] = *shop.delivery.free_courier_from_kpw;
  boost::json::object json{{"id", shop.id.value},
                           {"name", shop.name},
                           {"description", shop.description},
                           {"phone", shop.phone},
                           {"city", shop.city},
                           {"status", ShopStatusName(shop.status)},
                           {"logo_url", nullptr},
                           {"delivery", std::move(delivery)}};
  if (!shop.logo_url.empty()) json["logo_url"] = shop.logo_url;
  return json;
}

std::expected<Shop, http::ApiProblem> AskedShop(const SellersHttp& http, const http::Request& request) {
  std::optional<core::SellerId> asked;
  if (auto text = request.Query("shop_id")) {
    auto id = http::ParsePositiveId(*text);
    if (!id) return std::unexpected(NotFound());
    asked = core::SellerId{*id};
  }
  auto shop = http.services.sellers.OwnShop(request.context().actor, asked);
  if (!shop) return std::unexpected(NotFound());
  return std::move(*shop);
}

// The body over what the shop holds: a field of the wrong type names itself.
std::expected<ShopSettings, http::ApiProblem> ReadPatch(const boost::json::object& body, const Shop& shop) {
  ShopSettings settings{shop.name, shop.description, shop.phone, shop.city, shop.delivery};
  for (auto [name, target] : {std::pair{"name", &settings.name}, std::pair{"description", &settings.description},
                              std::pair{"phone", &settings.phone}, std::pair{"city", &settings.city},
                              std::pair{"pickup_place", &settings.delivery.pickup_place}}) {
    if (auto read = http::PatchStringField(body, name, *target); !read) return std::unexpected(read.error());
  }
  if (auto read = http::PatchInt64Field(body, "courier_fee", settings.delivery.courier_fee_kpw); !read) {
    return std::unexpected(read.error());
  }
  if (const boost::json::value* free_from = body.if_contains("free_courier_from")) {
    if (free_from->is_null()) {
      settings.delivery.free_courier_from_kpw.reset();
    } else {
      auto won = http::Int64Field(body, "free_courier_from");
      if (!won) return std::unexpected(won.error());
      settings.delivery.free_courier_from_kpw = *won;
    }
  }
  auto pickup = http::OptionalBoolField(body, "pickup_offered");
  if (!pickup) return std::unexpected(pickup.error());
  if (*pickup) settings.delivery.pickup_offered = **pickup;
  return settings;
}

http::Response Show(const SellersHttp& http, http::Request& request) {
  if (!request.context().actor.signed_in()) return http.Error(request, ApplicationError::unauthenticated);
  auto shop = AskedShop(http, request);
  if (!shop) return http.Error(request, shop.error());
  return http::Response::Json(boost::json::object{{"shop", SettingsJson(*shop)}});
}

http::Response Change(const SellersHttp& http, http::Request& request) {
  if (!request.context().actor.signed_in()) return http.Error(request, ApplicationError::unauthenticated);
  auto shop = AskedShop(http, request);
  if (!shop) return http.Error(request, shop.error());
  auto body = http::ParseJsonObject(request);
  if (!body) return http.Error(request, body.error());
  auto settings = ReadPatch(*body, *shop);
  if (!settings) return http.Error(request, settings.error());
  auto stored = http.services.sellers.UpdateShop(request.context().actor, shop->id, *settings);
  if (!stored) return http.Error(request, ProblemOf(stored.error()));
  http.ForgetShopPage(stored->id);
  return http::Response::Json(boost::json::object{{"shop", SettingsJson(*stored)}});
}

}  // namespace

void AddShopSettingsApi(http::Router& router, const SellersHttp& http) {
  router.Get(
      "/api/v1/seller/shop", [http](http::Request& request) { return Show(http, request); }, kPrivatePage);
  router.Add(
      http::Method::patch, "/api/v1/seller/shop", [http](http::Request& request) { return Change(http, request); },
      kSettingsJson);
}

}  // namespace manmulsang::sellers
