#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "manmulsang/core/ids.hpp"

namespace manmulsang::orders {

enum class OrderError {
  cart_empty,               // 409
  product_unavailable,      // 404: a cart line's product is no longer sold
  out_of_stock,             // 409: fewer left than the cart asks for
  invalid_quantity,         // 400
  invalid_address,          // 400 (field "address")
  invalid_idempotency_key,  // 400: longer than kMaxIdempotencyKey
  idempotency_key_reused,   // 422: the same key with a different request
  checkout_in_progress,     // 409: the same key's first request has not finished; ask again
  insufficient_funds,       // 402: the wallet holds less than the total
  rate_unavailable,         // 409: a price is in a currency without an exchange rate
  total_too_large,          // 400
  pickup_unavailable,       // 400 (field "delivery"): pickup chosen where the shop offers none
  invalid_carrier,          // 400 (field "carrier"): ship without a carrier, or one too long
  invalid_tracking_number,  // 400 (field "tracking"): ship without a tracking number, or a bad one
  invalid_note,             // 400 (field "note"): a move's note longer than kMaxOrderNote
  invalid_refund_amount,    // 400 (field "amount"): a partial refund not 1..the payment
  invalid_outcome,          // 400 (field "outcome"): a dispute decision neither refund, partial_refund nor close
  coupon_below_minimum,     // 400 (field "coupons"): a chosen coupon's minimum order is not reached
  coupon_conflict,          // 400 (field "coupons"): two coupons for one shop, or two of the marketplace's
  order_not_found,          // 404: also another buyer's order
  coupon_unavailable,       // 409 (field "coupons"): a claim not the buyer's, used, ended, or for no shop in the cart
  transition_not_allowed,   // 409: e.g. cancel after shipment
};

std::string_view ErrorCode(OrderError error);

// A failed checkout: the error, and the product it concerns when there is one.
struct CheckoutError {
  OrderError error = OrderError::cart_empty;
  std::optional<core::ProductId> product;
  std::int64_t available = 0;          // out_of_stock: what is left
  std::optional<core::SellerId> shop;  // pickup_unavailable: which shop

  bool operator==(OrderError other) const { return error == other; }
};

}  // namespace manmulsang::orders
