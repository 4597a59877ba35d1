#include "buying_http.hpp"

#include <boost/json/parse.hpp>
#include <charconv>
#include <limits>

#include "buying_pages.hpp"
#include "embedded/orders_i18n.hpp"
#include "embedded/orders_templates.hpp"

namespace manmulsang::orders {

using Status = http::Status;

http::ApiProblem ProblemOf(cart::CartError error) {
  switch (error) {
    case cart::CartError::product_not_found:
      return {Status::not_found, "product_not_found", "product_id"};
    case cart::CartError::invalid_quantity:
      return {Status::bad_request, "invalid_quantity", "quantity"};
    case cart::CartError::item_not_found:
      return {Status::not_found, "item_not_found", ""};
    case cart::CartError::too_many_items:
      return {Status::bad_request, "too_many_items", ""};
    case cart::CartError::invalid_cart:
      return {Status::bad_request, "invalid_cart", ""};
    case cart::CartError::option_required:
      return {Status::bad_request, "option_required", "product_id"};
  }
  return {Status::bad_request, "invalid_input", ""};
}

http::ApiProblem ProblemOf(OrderError error) {
  const std::string code(ErrorCode(error));
  switch (error) {
    case OrderError::invalid_quantity:
    case OrderError::total_too_large:
    case OrderError::invalid_idempotency_key:
      return {Status::bad_request, code, ""};
    case OrderError::invalid_address:
      return {Status::bad_request, code, "address"};
    case OrderError::pickup_unavailable:
      return {Status::bad_request, code, "delivery"};
    case OrderError::invalid_carrier:
      return {Status::bad_request, code, "carrier"};
    case OrderError::invalid_tracking_number:
      return {Status::bad_request, code, "tracking"};
    case OrderError::invalid_note:
      return {Status::bad_request, code, "note"};
    case OrderError::invalid_refund_amount:
      return {Status::bad_request, code, "amount"};
    case OrderError::invalid_outcome:
      return {Status::bad_request, code, "outcome"};
    case OrderError::coupon_below_minimum:
    case OrderError::coupon_conflict:
      return {Status::bad_request, code, "coupons"};
    case OrderError::coupon_unavailable:
      return {Status::conflict, code, "coupons"};
    case OrderError::insufficient_funds:
      return {Status::payment_required, code, ""};
    case OrderError::product_unavailable:
    case OrderError::order_not_found:
      return {Status::not_found, code, ""};
    case OrderError::cart_empty:
    case OrderError::out_of_stock:
    case OrderError::rate_unavailable:
    case OrderError::transition_not_allowed:
    case OrderError::checkout_in_progress:
      return {Status::conflict, code, ""};
    case OrderError::idempotency_key_reused:
      return {Status::unprocessable_entity, code, ""};
  }
  return {Status::bad_request, code, ""};
}

http::ApiProblem ProblemOf(payments::PaymentError error) {
  const std::string code(payments::ErrorCode(error));
  switch (error) {
    case payments::PaymentError::invalid_amount:
      return {Status::bad_request, code, "amount"};
    case payments::PaymentError::reference_required:
      return {Status::bad_request, code, "reference"};
    case payments::PaymentError::invalid_rate:
      return {Status::bad_request, code, "rate"};
    case payments::PaymentError::invalid_count:
      return {Status::bad_request, code, "count"};
    case payments::PaymentError::voucher_not_found:
      return {Status::not_found, code, "code"};
    // Payouts answer through payments/http; listed so that a new error is a compile-time question.
    case payments::PaymentError::amount_below_minimum:
    case payments::PaymentError::invalid_payout_method:
    case payments::PaymentError::invalid_bank:
    case payments::PaymentError::invalid_account_number:
    case payments::PaymentError::invalid_account_holder:
    case payments::PaymentError::reason_required:
      return {Status::bad_request, code, ""};
    case payments::PaymentError::payout_not_found:
    case payments::PaymentError::credit_not_found:
      return {Status::not_found, code, ""};
    case payments::PaymentError::payout_open:
    case payments::PaymentError::payout_decided:
    case payments::PaymentError::credit_decided:
    case payments::PaymentError::second_admin_required:
      return {Status::conflict, code, ""};
    case payments::PaymentError::insufficient_funds:
      return {Status::payment_required, code, ""};
    case payments::PaymentError::rate_unavailable:
    case payments::PaymentError::already_recorded:
    case payments::PaymentError::not_paid:
    case payments::PaymentError::voucher_used:
      return {Status::conflict, code, ""};
  }
  return {Status::bad_request, code, ""};
}

http::ApiProblem ProblemOf(AddressError error) {
  const std::string code(ErrorCode(error));
  switch (error) {
    case AddressError::invalid_recipient:
      return {Status::bad_request, code, "recipient"};
    case AddressError::invalid_phone:
      return {Status::bad_request, code, "phone"};
    case AddressError::invalid_address:
      return {Status::bad_request, code, "line"};
    case AddressError::address_not_found:
      return {Status::not_found, code, ""};
    case AddressError::too_many_addresses:
      return {Status::bad_request, code, ""};
  }
  return {Status::bad_request, code, ""};
}

http::ApiProblem ProblemOf(sellers::SellerError error) {
  const std::string code(sellers::ErrorCode(error));
  switch (error) {
    case sellers::SellerError::shop_not_found:
      return {Status::not_found, code, "shop_id"};
    case sellers::SellerError::invalid_courier_fee:
      return {Status::bad_request, code, "courier_fee"};
    case sellers::SellerError::invalid_free_courier_from:
      return {Status::bad_request, code, "free_courier_from"};
    case sellers::SellerError::invalid_pickup_place:
      return {Status::bad_request, code, "pickup_place"};
    // The shop's other settings go through sellers' own routes (PATCH /api/v1/seller/shop).
    case sellers::SellerError::invalid_shop_name:
    case sellers::SellerError::invalid_description:
    case sellers::SellerError::invalid_phone:
    case sellers::SellerError::invalid_city:
      return {Status::bad_request, code, std::string(sellers::ErrorField(error))};
  }
  return {Status::bad_request, code, ""};
}

boost::json::object DeliveryJson(sellers::DeliveryMethod method, std::int64_t fee_kpw, std::string_view pickup_place) {
  boost::json::object json{{"method", sellers::DeliveryMethodName(method)}, {"fee", MoneyJson(fee_kpw)}};
  if (method == sellers::DeliveryMethod::pickup) json["pickup_place"] = pickup_place;
  return json;
}

boost::json::object DeliveryOptionsJson(const sellers::DeliveryOptions& options) {
  boost::json::object json{{"courier_fee", MoneyJson(options.courier_fee_kpw)},
                           {"free_courier_from", nullptr},
                           {"pickup_offered", options.pickup_offered},
                           {"pickup_place", options.pickup_place}};
  if (options.free_courier_from_kpw) json["free_courier_from"] = MoneyJson(*options.free_courier_from_kpw);
  return json;
}

http::Response BuyingHttp::Error(const http::Request& request, const http::ApiProblem& problem) const {
  return html::ApiError(renderer, request, problem, "orders.error." + problem.code);
}

std::optional<http::Response> BuyingHttp::Refuse(const http::Request& request) const {
  if (request.context().actor.signed_in()) return std::nullopt;
  return Error(request, http::ApiProblem{Status::unauthorized, "unauthenticated", ""});
}

boost::json::object MoneyJson(std::int64_t amount, core::Currency currency) {
  return {{"amount", amount}, {"currency", core::CurrencyCode(currency)}};
}

void AddBuyingRoutes(http::Router& router, html::Renderer& renderer, const BuyingServices& services) {
  renderer.AddMessages(embedded::orders_i18n());
  renderer.AddTemplates("orders", embedded::orders_templates());
  const BuyingHttp http{renderer, services};
  services.orders.OnStockChanged([&page_cache = services.page_cache](std::span<const core::ProductId> products) {
    for (core::ProductId product : products) page_cache.Invalidate("/p/" + std::to_string(product.value));
  });
  AddCartApi(router, http);
  AddOrderApi(router, http);
  AddWalletApi(router, http);
  AddAddressApi(router, http);
  AddDeliveryApi(router, http);
  AddSellerLedgerApi(router, http);
  AddCartPages(router, http);
  AddCheckoutPage(router, http);
  AddOrderPages(router, http);
  AddWalletPage(router, http);
  AddAddressPage(router, http);
  AddSellerOrderPages(router, http);
  AddDisputeDesk(router, http);
  AddSellerLedgerPage(router, http);
}

}  // namespace manmulsang::orders
