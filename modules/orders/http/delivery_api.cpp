// A shop's delivery options for its owner (docs/BUYING.md §1a). The page is /seller/shop, with the
// shop's other settings (sellers/http, PATCH /api/v1/seller/shop); this JSON sets them alone.
//   GET /api/v1/seller/shop/delivery[?shop_id=]   PUT /api/v1/seller/shop/delivery {shop_id?, ...}
// Without shop_id: the actor's first shop. Someone else's shop is shop_not_found (404).

#include "buying_http.hpp"

namespace manmulsang::orders {
namespace {

constexpr http::RouteOptions kSmallBody{.body_limit = 4 * 1024, .json_body = true, .no_store = true};

http::ApiProblem Invalid(std::string_view field) {
  return http::ApiProblem{http::Status::bad_request, "invalid_input", std::string(field)};
}

// Whole won: a JSON integer, or {"amount": integer, "currency": "KPW"} as the API writes money.
std::expected<std::int64_t, http::ApiProblem> WonField(const boost::json::object& body, std::string_view name) {
  const boost::json::value* field = body.if_contains(name);
  if (field && field->is_int64()) return field->as_int64();
  if (field && field->is_object()) {
    const boost::json::object& money = field->as_object();
    const boost::json::value* amount = money.if_contains("amount");
    const boost::json::value* currency = money.if_contains("currency");
    if (amount && amount->is_int64() && currency && currency->is_string() && currency->as_string() == "KPW") {
      return amount->as_int64();
    }
  }
  return std::unexpected(Invalid(name));
}

std::expected<sellers::DeliveryOptions, http::ApiProblem> ParseOptions(const boost::json::object& body) {
  sellers::DeliveryOptions options;
  auto fee = WonField(body, "courier_fee");
  if (!fee) return std::unexpected(fee.error());
  options.courier_fee_kpw = *fee;
  if (const auto* threshold = body.if_contains("free_courier_from"); threshold && !threshold->is_null()) {
    auto won = WonField(body, "free_courier_from");
    if (!won) return std::unexpected(won.error());
    options.free_courier_from_kpw = *won;
  }
  const boost::json::value* pickup = body.if_contains("pickup_offered");
  if (!pickup || !pickup->is_bool()) return std::unexpected(Invalid("pickup_offered"));
  options.pickup_offered = pickup->as_bool();
  if (const auto* place = body.if_contains("pickup_place"); place && !place->is_null()) {
    if (!place->is_string()) return std::unexpected(Invalid("pickup_place"));
    options.pickup_place = std::string(place->as_string().data(), place->as_string().size());
  }
  return options;
}

http::Response ShopJson(const sellers::Shop& shop) {
  return http::Response::Json(boost::json::object{
      {"shop_id", shop.id.value}, {"name", shop.name}, {"delivery", DeliveryOptionsJson(shop.delivery)}});
}

http::Response Show(const BuyingHttp& http, http::Request& request) {
  if (auto refused = http.Refuse(request)) return *refused;
  std::optional<core::SellerId> shop_id;
  if (auto text = request.Query("shop_id")) {
    auto id = http::ParsePositiveId(*text);
    if (!id) return http.Error(request, sellers::SellerError::shop_not_found);
    shop_id = core::SellerId{*id};
  }
  auto shop = http.services.sellers.OwnShop(request.context().actor, shop_id);
  if (!shop) return http.Error(request, shop.error());
  return ShopJson(*shop);
}

http::Response Change(const BuyingHttp& http, http::Request& request) {
  if (auto refused = http.Refuse(request)) return *refused;
  auto body = http::ParseJsonObject(request);
  if (!body) return http.Error(request, body.error());
  std::optional<core::SellerId> shop_id;
  if (body->contains("shop_id")) {
    auto id = http::Int64Field(*body, "shop_id", {"invalid_input"});
    if (!id) return http.Error(request, id.error());
    if (*id <= 0) return http.Error(request, sellers::SellerError::shop_not_found);
    shop_id = core::SellerId{*id};
  }
  auto options = ParseOptions(*body);
  if (!options) return http.Error(request, options.error());
  auto shop = http.services.sellers.OwnShop(request.context().actor, shop_id);
  if (!shop) return http.Error(request, shop.error());
  // SetDeliveryOptions checks the owner again, inside its write.
  auto stored = http.services.sellers.SetDeliveryOptions(request.context().actor, shop->id, std::move(*options));
  if (!stored) return http.Error(request, stored.error());
  return ShopJson(*stored);
}

}  // namespace

void AddDeliveryApi(http::Router& router, const BuyingHttp& http) {
  router.Get(
      "/api/v1/seller/shop/delivery", [http](http::Request& request) { return Show(http, request); }, kNoStore);
  router.Add(
      http::Method::put, "/api/v1/seller/shop/delivery",
      [http](http::Request& request) { return Change(http, request); }, kSmallBody);
}

}  // namespace manmulsang::orders
