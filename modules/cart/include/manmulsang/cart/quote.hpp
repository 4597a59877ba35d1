#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "manmulsang/catalog/catalog.hpp"
#include "manmulsang/core/clock.hpp"
#include "manmulsang/core/ids.hpp"
#include "manmulsang/coupons/coupons.hpp"
#include "manmulsang/payments/exchange.hpp"
#include "manmulsang/sellers/sellers.hpp"

namespace manmulsang::cart {

inline constexpr std::int64_t kMaxQuantity = 999;

// Larger checkouts (goods and delivery of every shop, in won) are refused before they reach the
// ledger, which refuses them too.
inline constexpr std::int64_t kMaxOrderTotal = 1'000'000'000'000;

// What is stored in a cart, and what a quote prices: a product and how many.
struct CartItem {
  core::ProductId product;
  std::int64_t quantity = 0;
};

// Why a quote cannot be charged as it stands: the cart shows it, checkout refuses with it.
enum class QuoteError {
  invalid_quantity,     // a line's quantity outside 1..kMaxQuantity
  product_unavailable,  // a line's product is no longer sold, or is free (the ledger moves no zero sums)
  rate_unavailable,     // a price in a currency without an exchange rate
  total_too_large,      // a line, or the whole cart with its delivery, past kMaxOrderTotal
  pickup_unavailable,   // pickup chosen for a shop that offers none
  // Coupons (docs/BUYING.md §10): a chosen claim that is not the buyer's, used, stopped, out of
  // its window, or for a shop not in the cart; one under its minimum order; two coupons for one
  // shop, or two marketplace coupons.
  coupon_unavailable,
  coupon_below_minimum,
  coupon_conflict,
};

std::string_view ErrorCode(QuoteError error);  // "pickup_unavailable"

// The first reason the quote cannot be charged, in the order checkout meets them (the lines in
// cart order, then the shops in id order), with the product or shop it concerns.
struct QuoteProblem {
  QuoteError error = QuoteError::product_unavailable;
  std::optional<core::ProductId> product;
  std::optional<core::SellerId> shop;
  std::optional<coupons::ClaimId> claim;  // the coupon problems' claim

  bool operator==(const QuoteProblem&) const = default;
};

// A line as priced now.
struct QuoteLine {
  core::ProductId product;
  std::int64_t quantity = 0;
  bool available = false;                      // the product is on sale
  catalog::Product details;                    // current name, price, stock, seller (when available)
  std::optional<std::int64_t> rate;            // the exchange rate used (kRateScale for KPW)
  std::optional<std::int64_t> unit_price_kpw;  // nullopt when the currency has no rate
  std::optional<std::int64_t> line_total_kpw;  // unit price × quantity; nullopt when unpriced
  bool enough_stock = false;
};

// The lines of one shop: each shop becomes its own order at checkout, with its own delivery.
struct QuoteShop {
  core::SellerId seller;
  std::string seller_name;
  std::vector<QuoteLine> lines;
  std::int64_t subtotal_kpw = 0;                                               // the priced lines in stock
  sellers::DeliveryOptions delivery;                                           // what the shop offers
  sellers::DeliveryMethod delivery_method = sellers::DeliveryMethod::courier;  // as chosen (or courier)
  std::int64_t delivery_fee_kpw = 0;  // sellers::DeliveryFee of the subtotal; 0 for a refused pickup
  // Coupons (docs/BUYING.md §10): the shop's own, and this shop's part of the marketplace's.
  std::optional<coupons::ClaimId> shop_claim;
  std::string shop_coupon_name;
  std::int64_t shop_discount_kpw = 0;  // lowers the sale: the shop receives less
  std::int64_t site_discount_kpw = 0;  // paid by the marketplace: the shop receives the full price
  std::int64_t total_kpw = 0;  // subtotal + delivery fee − discounts: the shop's order total, what the buyer pays
};

// The one price of a cart (docs/BUYING.md §1): the cart page shows it and checkout charges it,
// built by MakeQuote from what was read in one transaction.
struct Quote {
  std::vector<QuoteShop> shops;         // in seller id order
  std::vector<QuoteLine> unavailable;   // products no longer sold
  std::int64_t subtotal_kpw = 0;        // the goods
  std::int64_t delivery_fee_kpw = 0;    // every shop's delivery
  std::int64_t shop_discount_kpw = 0;   // every shop coupon
  std::int64_t site_discount_kpw = 0;   // the marketplace coupon, split over the shops
  std::optional<coupons::ClaimId> site_claim;
  std::string site_coupon_name;
  std::int64_t total_kpw = 0;           // what checkout charges: goods + delivery − discounts
  std::int64_t item_count = 0;          // sum of quantities
  std::optional<QuoteProblem> problem;  // set: checkout refuses with it
  bool ready = false;                   // lines present, no problem, every line in stock: checkout can go ahead

  bool empty() const { return shops.empty() && unavailable.empty(); }
};

// What a quote is made from, as read in one transaction (CartService::QuoteIn reads it).
struct QuoteInputs {
  std::span<const CartItem> items;             // in cart order
  std::span<const catalog::Product> products;  // those on sale (catalog::ProductsForCheckout)
  const payments::ExchangeRates& rates;
  std::span<const sellers::Shop> shops;      // the products' shops (a shop gone: free courier, no pickup)
  const sellers::DeliveryChoices& delivery;  // a shop not named goes by courier
  // The coupon claims the buyer chose (at most one per shop and one of the marketplace's) and
  // those of them read as theirs and unused (coupons::UnusedClaimsIn); now is for their windows.
  std::span<const coupons::ClaimId> chosen_claims = {};
  std::span<const coupons::Claim> claims = {};
  core::TimePoint now = {};
};

// The pricing rule, a pure function: each line converted to won once (payments::ExchangeRates),
// times its quantity; lines grouped by shop; each shop's delivery fee by sellers::DeliveryFee on
// its subtotal; the coupons chosen (coupons::DiscountFor each, a marketplace one split over the
// shops by coupons::SplitByShares); the totals, and the cap kMaxOrderTotal.
Quote MakeQuote(const QuoteInputs& inputs);

}  // namespace manmulsang::cart
