#include <boost/json/array.hpp>

#include "buying_http.hpp"

namespace manmulsang::orders {
namespace {

constexpr http::RouteOptions kSmallBody{.body_limit = 8 * 1024, .json_body = true, .no_store = true};
// Only an admin confirms a bank transfer: refused before the order or its state is looked at.
constexpr http::RouteOptions kAdminBody{
    .body_limit = 8 * 1024, .role = core::Role::admin, .json_body = true, .no_store = true};

// {carrier, tracking} once the shop has shipped with them; null before (and for orders shipped
// before carriers were recorded).
boost::json::value ShipmentJson(const Order& order) {
  if (order.carrier.empty() && order.tracking_number.empty()) return nullptr;
  return boost::json::object{{"carrier", order.carrier}, {"tracking", order.tracking_number}};
}

}  // namespace

boost::json::object OrderJson(const Order& order) {
  boost::json::array lines;
  for (const OrderLine& line : order.lines) {
    lines.push_back(boost::json::object{{"product_id", line.product.value},
                                        {"name", line.name},
                                        {"quantity", line.quantity},
                                        {"unit_price", MoneyJson(line.unit_price.amount, line.unit_price.currency)},
                                        {"unit_price_kpw", MoneyJson(line.unit_price_kpw)},
                                        {"line_total", MoneyJson(line.line_total_kpw)}});
  }
  boost::json::array timeline;
  for (const OrderStep& step : order.timeline) {
    boost::json::object json{
        {"status", OrderStatusName(step.to)}, {"by", PartyName(step.party)}, {"at", core::FormatIso8601(step.at)}};
    if (step.from) json["from"] = OrderStatusName(*step.from);
    if (!step.note.empty()) json["note"] = step.note;
    timeline.push_back(std::move(json));
  }
  return {{"id", order.id.value},
          {"status", OrderStatusName(order.status)},
          {"payment_method", PaymentMethodName(order.payment_method)},
          {"seller", {{"id", order.seller.value}}},
          {"items", std::move(lines)},
          {"subtotal", MoneyJson(order.subtotal_kpw)},
          {"delivery_fee", MoneyJson(order.delivery_fee_kpw)},
          {"delivery", DeliveryJson(order.delivery_method, order.delivery_fee_kpw, order.pickup_place)},
          {"shop_discount", MoneyJson(order.shop_discount_kpw)},
          {"site_discount", MoneyJson(order.site_discount_kpw)},
          {"total", MoneyJson(order.total_kpw)},
          {"address", order.address},
          {"shipment", ShipmentJson(order)},
          {"created_at", core::FormatIso8601(order.created_at)},
          {"timeline", std::move(timeline)}};
}

namespace {

// The answer to POST /orders, built from the receipt alone, so that a replay is byte-identical.
boost::json::object ReceiptJson(const CheckoutReceipt& receipt) {
  boost::json::array orders;
  for (const OrderSummary& order : receipt.orders) {
    orders.push_back(boost::json::object{{"id", order.id.value},
                                         {"seller", {{"id", order.seller.value}}},
                                         {"status", OrderStatusName(order.status)},
                                         {"total", MoneyJson(order.total_kpw)}});
  }
  return {{"orders", std::move(orders)}, {"total", MoneyJson(receipt.total_kpw)}};
}

// delivery: {"<shop_id>": "courier" | "pickup"}; absent, or a shop not named: courier.
std::expected<sellers::DeliveryChoices, http::ApiProblem> ParseDelivery(const boost::json::object& body) {
  sellers::DeliveryChoices choices;
  const boost::json::value* field = body.if_contains("delivery");
  if (!field || field->is_null()) return choices;
  const http::ApiProblem invalid{http::Status::bad_request, "invalid_delivery", "delivery"};
  if (!field->is_object()) return std::unexpected(invalid);
  for (const auto& entry : field->as_object()) {
    auto shop = http::ParsePositiveId(std::string_view(entry.key().data(), entry.key().size()));
    if (!shop || !entry.value().is_string()) return std::unexpected(invalid);
    const boost::json::string& name = entry.value().as_string();
    auto method = sellers::ParseDeliveryMethod(std::string_view(name.data(), name.size()));
    if (!method) return std::unexpected(invalid);
    choices[core::SellerId{*shop}] = *method;
  }
  return choices;
}

http::Response Place(const BuyingHttp& http, http::Request& request) {
  if (auto refused = http.Refuse(request)) return *refused;
  auto body = http::ParseJsonObject(request);
  if (!body) return http.Error(request, body.error());
  auto method_name = http::StringField(*body, "payment_method", {"invalid_payment_method"});
  if (!method_name) return http.Error(request, method_name.error());
  auto method = ParsePaymentMethod(*method_name);
  if (!method)
    return http.Error(request, http::ApiProblem{http::Status::bad_request, "invalid_payment_method", "payment_method"});
  // Any price, total or currency the client sends is not read: the server computes them all.
  CheckoutCommand command{*request.context().actor.user, *method, "", std::string(request.Header("Idempotency-Key"))};
  if (body->contains("address_id")) {
    auto address_id = http::Int64Field(*body, "address_id", {"invalid_address"});
    if (!address_id) return http.Error(request, address_id.error());
    command.address_id = AddressId{*address_id};
  } else {
    auto address = http::StringField(*body, "address", {"invalid_address"});
    if (!address) return http.Error(request, address.error());
    command.address = std::string(*address);
  }
  auto delivery = ParseDelivery(*body);
  if (!delivery) return http.Error(request, delivery.error());
  command.delivery = std::move(*delivery);
  // coupons: the claim ids to spend (docs/BUYING.md §10), integers; absent: none.
  if (const boost::json::value* coupons = body->if_contains("coupons")) {
    const http::ApiProblem invalid{http::Status::bad_request, "invalid_coupons", "coupons"};
    if (!coupons->is_array() || coupons->as_array().size() > 100) return http.Error(request, invalid);
    for (const boost::json::value& claim : coupons->as_array()) {
      if (!claim.is_int64() || claim.as_int64() < 1) return http.Error(request, invalid);
      command.claims.push_back(coupons::ClaimId{claim.as_int64()});
    }
  }
  auto receipt = http.services.orders.Checkout(command);
  if (!receipt) {
    http::ApiProblem problem = ProblemOf(receipt.error().error);
    http::Response response = http.Error(request, problem);
    if (receipt.error().shop) {
      // Name the shop whose pickup was refused.
      response = http::Response::Json(
          boost::json::object{
              {"error",
               {{"code", problem.code},
                {"message", http.renderer.Translate(request.context().locale, "orders.error." + problem.code)},
                {"field", problem.field},
                {"shop_id", receipt.error().shop->value}}}},
          problem.status);
    }
    if (receipt.error().product) {
      // Name the product, so a client can point at the line.
      boost::json::object json{
          {"error",
           {{"code", problem.code},
            {"message", http.renderer.Translate(request.context().locale, "orders.error." + problem.code)},
            {"field", "product_id"},
            {"product_id", receipt.error().product->value}}}};
      if (receipt.error().error == OrderError::out_of_stock) {
        json["error"].as_object()["available"] = receipt.error().available;
      }
      response = http::Response::Json(json, problem.status);
    }
    return response;
  }
  http::Response response = http::Response::Json(ReceiptJson(*receipt), http::Status::created);
  if (receipt->replayed) response.SetHeader("Idempotent-Replayed", "true");
  return response;
}

http::Response List(const BuyingHttp& http, http::Request& request) {
  if (auto refused = http.Refuse(request)) return *refused;
  auto page = http::ParseListPage(request);
  if (!page) return http.Error(request, http::ApiProblem{http::Status::bad_request, "invalid_page", "page"});
  const OrderPage orders = http.services.orders.BuyerOrders(*request.context().actor.user, page->page, page->per_page);
  boost::json::array items;
  for (const Order& order : orders.items) items.push_back(OrderJson(order));
  return http::Response::Json(boost::json::object{
      {"items", std::move(items)}, {"total", orders.total}, {"page", orders.page}, {"per_page", orders.per_page}});
}

http::Response ShopList(const BuyingHttp& http, http::Request& request) {
  if (auto refused = http.Refuse(request)) return *refused;
  auto page = http::ParseListPage(request);
  if (!page) return http.Error(request, http::ApiProblem{http::Status::bad_request, "invalid_page", "page"});
  // Without shop_id: the actor's own (oldest) shop.
  core::SellerId shop;
  if (auto text = request.Query("shop_id"); text && !text->empty()) {
    auto id = http::ParsePositiveId(*text);
    if (!id) return http.Error(request, http::ApiProblem{http::Status::bad_request, "invalid_input", "shop_id"});
    shop = core::SellerId{*id};
  } else {
    auto own = http.services.sellers.OwnShop(request.context().actor, std::nullopt);
    if (!own) return http.Error(request, OrderError::order_not_found);
    shop = own->id;
  }
  std::optional<OrderStatus> status;
  if (auto text = request.Query("status"); text && !text->empty()) {
    status = ParseOrderStatus(*text);
    if (!status) return http.Error(request, http::ApiProblem{http::Status::bad_request, "invalid_input", "status"});
  }
  auto orders = http.services.orders.ShopOrders(request.context().actor, shop, status, page->page, page->per_page);
  if (!orders) return http.Error(request, orders.error());
  boost::json::array items;
  for (const Order& order : orders->items) items.push_back(OrderJson(order));
  return http::Response::Json(boost::json::object{
      {"items", std::move(items)}, {"total", orders->total}, {"page", orders->page}, {"per_page", orders->per_page}});
}

http::Response Show(const BuyingHttp& http, http::Request& request) {
  if (auto refused = http.Refuse(request)) return *refused;
  auto id = http::ParsePositiveId(request.PathParam("id"));
  if (!id) return http.Error(request, OrderError::order_not_found);
  auto order = http.services.orders.GetOrder(request.context().actor, core::OrderId{*id});
  if (!order) return http.Error(request, order.error());
  return http::Response::Json(OrderJson(*order));
}

// A move in the lifecycle; the service decides whether this actor may make it.
http::Response Move(const BuyingHttp& http, http::Request& request, OrderEvent event) {
  if (auto refused = http.Refuse(request)) return *refused;
  auto id = http::ParsePositiveId(request.PathParam("id"));
  if (!id) return http.Error(request, OrderError::order_not_found);
  std::string note;
  if (!request.body().empty()) {
    auto body = http::ParseJsonObject(request);
    if (!body) return http.Error(request, body.error());
    // The shipping form's carrier and tracking number go into the timeline.
    for (std::string_view field : {"carrier", "tracking", "note"}) {
      if (const auto* value = body->if_contains(field); value && value->is_string()) {
        if (!note.empty()) note += ' ';
        note += std::string_view(value->as_string().data(), value->as_string().size());
      }
    }
  }
  auto order = http.services.orders.Apply(request.context().actor, core::OrderId{*id}, event, note);
  if (!order) return http.Error(request, order.error());
  return http::Response::Json(OrderJson(*order));
}

// The shop ships: {carrier, tracking}, both required (400 naming the field, nothing changes).
http::Response Ship(const BuyingHttp& http, http::Request& request) {
  if (auto refused = http.Refuse(request)) return *refused;
  auto id = http::ParsePositiveId(request.PathParam("id"));
  if (!id) return http.Error(request, OrderError::order_not_found);
  auto body = http::ParseJsonObject(request);
  if (!body) return http.Error(request, body.error());
  // A missing or non-text field reaches the service as empty: it answers 404 for another shop's
  // order before it looks at the fields, and invalid_carrier / invalid_tracking_number otherwise.
  const auto text = [&](std::string_view name) {
    const boost::json::value* field = body->if_contains(name);
    if (!field || !field->is_string()) return std::string();
    return std::string(field->as_string().data(), field->as_string().size());
  };
  auto order =
      http.services.orders.Ship(request.context().actor, core::OrderId{*id}, {text("carrier"), text("tracking")});
  if (!order) return http.Error(request, order.error());
  return http::Response::Json(OrderJson(*order));
}

}  // namespace

void AddOrderApi(http::Router& router, const BuyingHttp& http) {
  router.Post(
      "/api/v1/orders", [http](http::Request& request) { return Place(http, request); }, kSmallBody);
  router.Get(
      "/api/v1/orders", [http](http::Request& request) { return List(http, request); }, kNoStore);
  router.Get(
      "/api/v1/orders/:id", [http](http::Request& request) { return Show(http, request); }, kNoStore);
  router.Get(
      "/api/v1/seller/orders", [http](http::Request& request) { return ShopList(http, request); }, kNoStore);
  const std::pair<std::string_view, OrderEvent> moves[] = {
      {"/api/v1/orders/:id/cancel", OrderEvent::cancel},
      {"/api/v1/orders/:id/confirm", OrderEvent::confirm},
      {"/api/v1/orders/:id/return", OrderEvent::request_return},
      {"/api/v1/orders/:id/escalate", OrderEvent::escalate},
      {"/api/v1/seller/orders/:id/prepare", OrderEvent::prepare},
      {"/api/v1/seller/orders/:id/deliver", OrderEvent::deliver},
      {"/api/v1/seller/orders/:id/accept-return", OrderEvent::accept_return},
      {"/api/v1/seller/orders/:id/refuse-return", OrderEvent::refuse_return},
      {"/api/v1/admin/orders/:id/confirm-payment", OrderEvent::confirm_payment},
      {"/api/v1/admin/orders/:id/resolve-refund", OrderEvent::resolve_refund},
      {"/api/v1/admin/orders/:id/close-dispute", OrderEvent::close_dispute},
  };
  for (const auto& [pattern, event] : moves) {
    const bool admin = pattern.starts_with("/api/v1/admin/");
    router.Post(
        pattern, [http, event](http::Request& request) { return Move(http, request, event); },
        admin ? kAdminBody : kSmallBody);
  }
  router.Post(
      "/api/v1/seller/orders/:id/ship", [http](http::Request& request) { return Ship(http, request); }, kSmallBody);
}

}  // namespace manmulsang::orders
