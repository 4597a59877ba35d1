// The one pricing rule of the marketplace: the cart page shows this quote and checkout charges it
// (docs/BUYING.md §1). Its stages, in order:
//   1. each line in won: the unit price converted once, times the quantity;
//   2. the lines grouped by shop, each shop's subtotal;
//   3. each shop's delivery fee for the method chosen, on that subtotal;
//   3b. the coupons chosen (docs/BUYING.md §10): a shop coupon on its shop's goods, the
//   marketplace's on every shop's goods after their shop coupons, split by coupons::SplitByShares;
//   the free-courier threshold sees the goods before coupons;
//   4. the totals, and the cap.
// Marketplace fees, should they come, belong between these stages too. Nothing else may compute
// a price.

#include "manmulsang/cart/quote.hpp"

#include <algorithm>
#include <map>
#include <vector>

namespace manmulsang::cart {
namespace {

// Keeps the first problem: the one checkout meets first is the one it reports.
void Note(Quote& quote, QuoteProblem problem) {
  if (!quote.problem) quote.problem = problem;
}

QuoteError PriceError(payments::PaymentError error) {
  return error == payments::PaymentError::rate_unavailable ? QuoteError::rate_unavailable : QuoteError::total_too_large;
}

// 1. A line priced in won, or left unpriced with the problem noted.
QuoteLine PriceLine(Quote& quote, const CartItem& item, const catalog::Product& product,
                    const payments::ExchangeRates& rates) {
  QuoteLine line;
  line.product = item.product;
  line.quantity = item.quantity;
  line.available = true;
  line.details = product;
  line.enough_stock = product.stock >= item.quantity;
  // A free listing cannot be paid for through the ledger (it records no zero movements).
  if (product.price.amount <= 0) Note(quote, {QuoteError::product_unavailable, item.product, std::nullopt});
  auto unit = rates.ToKpw(product.price);
  if (!unit) {
    Note(quote, {PriceError(unit.error()), item.product, std::nullopt});
    return line;
  }
  const std::optional<core::Money> line_total = core::Multiply(core::Money{*unit, core::Currency::kpw}, item.quantity);
  if (!line_total || line_total->amount > kMaxOrderTotal) {
    Note(quote, {QuoteError::total_too_large, item.product, std::nullopt});
    return line;
  }
  line.rate = rates.Rate(product.price.currency);
  line.unit_price_kpw = *unit;
  line.line_total_kpw = line_total->amount;
  return line;
}

// The goods of a shop a coupon in `currency` applies to: the priced lines in stock (those the
// subtotal counts) of listings priced in that currency, in won.
std::int64_t EligibleKpw(const QuoteShop& shop, core::Currency currency) {
  std::int64_t sum = 0;
  for (const QuoteLine& line : shop.lines) {
    if (line.line_total_kpw && line.enough_stock && line.details.price.currency == currency)
      sum += *line.line_total_kpw;
  }
  return sum;
}

QuoteError CouponProblem(coupons::CouponError error) {
  return error == coupons::CouponError::below_minimum ? QuoteError::coupon_below_minimum
                                                      : QuoteError::coupon_unavailable;
}

// 3b. The coupons chosen, each by coupons::DiscountFor (the one rule), a problem for any that
// cannot apply: checkout refuses rather than charging a price the buyer did not expect.
void ApplyCoupons(Quote& quote, std::map<core::SellerId, QuoteShop>& shops, const QuoteInputs& inputs) {
  const coupons::Claim* site = nullptr;
  for (const coupons::ClaimId id : inputs.chosen_claims) {
    const coupons::Claim* claim = nullptr;
    for (const coupons::Claim& candidate : inputs.claims) {
      if (candidate.id == id) claim = &candidate;
    }
    if (!claim) {
      Note(quote, {QuoteError::coupon_unavailable, std::nullopt, std::nullopt, id});
      continue;
    }
    if (!claim->coupon.issuer) {
      if (site) Note(quote, {QuoteError::coupon_conflict, std::nullopt, std::nullopt, id});
      site = site ? site : claim;
      continue;
    }
    const core::SellerId issuer = *claim->coupon.issuer;
    auto shop = shops.find(issuer);
    if (shop == shops.end()) {
      Note(quote, {QuoteError::coupon_unavailable, std::nullopt, issuer, id});
      continue;
    }
    if (shop->second.shop_claim) {
      Note(quote, {QuoteError::coupon_conflict, std::nullopt, issuer, id});
      continue;
    }
    auto discount = coupons::DiscountFor(claim->coupon, EligibleKpw(shop->second, claim->coupon.currency), inputs.now);
    if (!discount) {
      Note(quote, {CouponProblem(discount.error()), std::nullopt, issuer, id});
      continue;
    }
    shop->second.shop_claim = id;
    shop->second.shop_coupon_name = claim->coupon.name;
    shop->second.shop_discount_kpw = *discount;
  }
  if (!site) return;
  // Each shop's share: its goods in the coupon's currency after its own coupon.
  std::vector<std::int64_t> shares;
  std::int64_t base = 0;
  for (const auto& [seller, shop] : shops) {
    std::int64_t share = EligibleKpw(shop, site->coupon.currency);
    if (shop.shop_claim) share -= shop.shop_discount_kpw;
    share = std::max<std::int64_t>(share, 0);
    shares.push_back(share);
    base += share;
  }
  auto discount = coupons::DiscountFor(site->coupon, base, inputs.now);
  if (!discount) {
    Note(quote, {CouponProblem(discount.error()), std::nullopt, std::nullopt, site->id});
    return;
  }
  const std::vector<std::int64_t> parts = coupons::SplitByShares(*discount, shares);
  std::size_t index = 0;
  for (auto& [seller, shop] : shops) shop.site_discount_kpw = parts[index++];
  quote.site_claim = site->id;
  quote.site_coupon_name = site->coupon.name;
}

// A sum that stays within the cap; false (and the sum unchanged) past it.
bool AddWithinCap(std::int64_t& sum, std::int64_t amount) {
  std::int64_t result = 0;
  if (__builtin_add_overflow(sum, amount, &result) || result > kMaxOrderTotal) return false;
  sum = result;
  return true;
}

}  // namespace

std::string_view ErrorCode(QuoteError error) {
  switch (error) {
    case QuoteError::invalid_quantity:
      return "invalid_quantity";
    case QuoteError::product_unavailable:
      return "product_unavailable";
    case QuoteError::rate_unavailable:
      return "rate_unavailable";
    case QuoteError::total_too_large:
      return "total_too_large";
    case QuoteError::pickup_unavailable:
      return "pickup_unavailable";
    case QuoteError::coupon_unavailable:
      return "coupon_unavailable";
    case QuoteError::coupon_below_minimum:
      return "coupon_below_minimum";
    case QuoteError::coupon_conflict:
      return "coupon_conflict";
  }
  return "quote_error";
}

Quote MakeQuote(const QuoteInputs& inputs) {
  Quote quote;
  // Quantities first: checkout refuses a cart holding one out of bounds before anything else.
  for (const CartItem& item : inputs.items) {
    if (item.quantity < 1 || item.quantity > kMaxQuantity) {
      Note(quote, {QuoteError::invalid_quantity, item.product, std::nullopt});
      break;
    }
  }
  std::map<core::ProductId, const catalog::Product*> products;
  for (const catalog::Product& product : inputs.products) products.emplace(product.id, &product);

  // 1 and 2. Lines in won, by shop (map order: by seller id, so orders and receipts are stable).
  std::map<core::SellerId, QuoteShop> shops;
  bool in_stock = true;
  for (const CartItem& item : inputs.items) {
    quote.item_count += item.quantity;
    auto found = products.find(item.product);
    if (found == products.end()) {
      Note(quote, {QuoteError::product_unavailable, item.product, std::nullopt});
      quote.unavailable.push_back({.product = item.product, .quantity = item.quantity});
      continue;
    }
    QuoteLine line = PriceLine(quote, item, *found->second, inputs.rates);
    in_stock = in_stock && line.enough_stock;
    QuoteShop& shop = shops[line.details.seller];
    shop.seller = line.details.seller;
    // A line short of stock is shown but not counted: checkout refuses it when it reserves.
    if (line.line_total_kpw && line.enough_stock && !AddWithinCap(shop.subtotal_kpw, *line.line_total_kpw)) {
      Note(quote, {QuoteError::total_too_large, item.product, std::nullopt});
    }
    shop.lines.push_back(std::move(line));
  }

  // 3. Delivery, by each shop's options as they are now.
  std::map<core::SellerId, const sellers::Shop*> shop_rows;
  for (const sellers::Shop& shop : inputs.shops) shop_rows.emplace(shop.id, &shop);
  for (auto& [seller, shop] : shops) {
    if (auto row = shop_rows.find(seller); row != shop_rows.end()) {
      shop.seller_name = row->second->name;
      shop.delivery = row->second->delivery;
    }
    for (QuoteLine& line : shop.lines) line.details.seller_name = shop.seller_name;
    const auto chosen = inputs.delivery.find(seller);
    shop.delivery_method = chosen == inputs.delivery.end() ? sellers::DeliveryMethod::courier : chosen->second;
    const auto fee = sellers::DeliveryFee(shop.delivery, shop.delivery_method, shop.subtotal_kpw);
    if (!fee) Note(quote, {QuoteError::pickup_unavailable, std::nullopt, seller});
    shop.delivery_fee_kpw = fee.value_or(0);
  }

  // 3b. Coupons.
  ApplyCoupons(quote, shops, inputs);

  for (auto& [seller, shop] : shops) {
    // 4. Totals: every sum stays within the cap, so none of them can overflow. The discounts
    // never exceed the goods they apply to (coupons::DiscountFor, SplitByShares).
    shop.total_kpw = shop.subtotal_kpw - shop.shop_discount_kpw - shop.site_discount_kpw;
    if (!AddWithinCap(shop.total_kpw, shop.delivery_fee_kpw) || !AddWithinCap(quote.total_kpw, shop.total_kpw)) {
      Note(quote, {QuoteError::total_too_large, std::nullopt, std::nullopt});
    } else {
      quote.subtotal_kpw += shop.subtotal_kpw;
      quote.delivery_fee_kpw += shop.delivery_fee_kpw;
      quote.shop_discount_kpw += shop.shop_discount_kpw;
      quote.site_discount_kpw += shop.site_discount_kpw;
    }
    quote.shops.push_back(std::move(shop));
  }
  quote.ready = !inputs.items.empty() && !quote.problem && in_stock;
  return quote;
}

}  // namespace manmulsang::cart
