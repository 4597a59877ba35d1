#include <boost/json/array.hpp>

#include "buying_http.hpp"

namespace manmulsang::orders {
namespace {

constexpr http::RouteOptions kSmallBody{.body_limit = 4 * 1024, .json_body = true, .no_store = true};

boost::json::object LineJson(const cart::QuoteLine& line) {
  boost::json::object json{{"id", line.product.value},
                           {"product_id", line.product.value},
                           {"quantity", line.quantity},
                           {"available", line.available}};
  if (line.available) {
    json["name"] = line.details.name;
    json["price"] = MoneyJson(line.details.price.amount, line.details.price.currency);
    json["stock"] = line.details.stock;
    json["enough_stock"] = line.enough_stock;
    if (line.unit_price_kpw) json["unit_price_kpw"] = MoneyJson(*line.unit_price_kpw);
    if (line.line_total_kpw) json["line_total"] = MoneyJson(*line.line_total_kpw);
  }
  return json;
}

http::Response CartJson(const BuyingHttp& http, const cart::CartOwner& owner, http::Status status = http::Status::ok) {
  const cart::Quote view = http.services.cart.View(owner);
  boost::json::array shops;
  for (const cart::QuoteShop& group : view.shops) {
    boost::json::array lines;
    for (const cart::QuoteLine& line : group.lines) lines.push_back(LineJson(line));
    shops.push_back(boost::json::object{
        {"seller", {{"id", group.seller.value}, {"name", group.seller_name}}},
        {"items", std::move(lines)},
        {"subtotal", MoneyJson(group.subtotal_kpw)},
        {"delivery", DeliveryJson(group.delivery_method, group.delivery_fee_kpw, group.delivery.pickup_place)},
        {"delivery_options", DeliveryOptionsJson(group.delivery)},
        {"total", MoneyJson(group.total_kpw)}});
  }
  boost::json::array unavailable;
  for (const cart::QuoteLine& line : view.unavailable) unavailable.push_back(LineJson(line));
  return http::Response::Json(boost::json::object{{"shops", std::move(shops)},
                                                  {"unavailable", std::move(unavailable)},
                                                  {"item_count", view.item_count},
                                                  {"subtotal", MoneyJson(view.subtotal_kpw)},
                                                  {"delivery_fee", MoneyJson(view.delivery_fee_kpw)},
                                                  {"total", MoneyJson(view.total_kpw)},
                                                  {"ready", view.ready}},
                              status);
}

cart::CartOwner Owner(const http::Request& request) { return cart::CartOwner::Member(*request.context().actor.user); }

http::Response Show(const BuyingHttp& http, http::Request& request) {
  if (auto refused = http.Refuse(request)) return *refused;
  return CartJson(http, Owner(request));
}

http::Response Add(const BuyingHttp& http, http::Request& request) {
  if (auto refused = http.Refuse(request)) return *refused;
  auto body = http::ParseJsonObject(request);
  if (!body) return http.Error(request, body.error());
  auto product = http::Int64Field(*body, "product_id", {"invalid_input"});
  if (!product) return http.Error(request, product.error());
  if (*product <= 0) return http.Error(request, cart::CartError::product_not_found);
  auto quantity = http::Int64Field(*body, "quantity", {"invalid_quantity"});
  if (!quantity) return http.Error(request, quantity.error());
  auto added = http.services.cart.AddItem(Owner(request), core::ProductId{*product}, *quantity);
  if (!added) return http.Error(request, added.error());
  return CartJson(http, Owner(request), http::Status::created);
}

http::Response Change(const BuyingHttp& http, http::Request& request) {
  if (auto refused = http.Refuse(request)) return *refused;
  auto product = http::ParsePositiveId(request.PathParam("product_id"));
  if (!product) return http.Error(request, cart::CartError::item_not_found);
  auto body = http::ParseJsonObject(request);
  if (!body) return http.Error(request, body.error());
  auto quantity = http::Int64Field(*body, "quantity", {"invalid_quantity"});
  if (!quantity) return http.Error(request, quantity.error());
  auto changed = http.services.cart.SetQuantity(Owner(request), core::ProductId{*product}, *quantity);
  if (!changed) return http.Error(request, changed.error());
  return CartJson(http, Owner(request));
}

http::Response Remove(const BuyingHttp& http, http::Request& request) {
  if (auto refused = http.Refuse(request)) return *refused;
  auto product = http::ParsePositiveId(request.PathParam("product_id"));
  if (!product) return http.Error(request, cart::CartError::item_not_found);
  auto removed = http.services.cart.RemoveItem(Owner(request), core::ProductId{*product});
  if (!removed) return http.Error(request, removed.error());
  return CartJson(http, Owner(request));
}

}  // namespace

void AddCartApi(http::Router& router, const BuyingHttp& http) {
  router.Get(
      "/api/v1/cart", [http](http::Request& request) { return Show(http, request); }, kNoStore);
  router.Post(
      "/api/v1/cart/items", [http](http::Request& request) { return Add(http, request); }, kSmallBody);
  router.Add(
      http::Method::patch, "/api/v1/cart/items/:product_id",
      [http](http::Request& request) { return Change(http, request); }, kSmallBody);
  router.Add(
      http::Method::delete_, "/api/v1/cart/items/:product_id",
      [http](http::Request& request) { return Remove(http, request); }, kSmallBody);
}

}  // namespace manmulsang::orders
