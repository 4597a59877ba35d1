// The one pricing rule of the marketplace: the cart page shows this quote and checkout charges it
// (docs/BUYING.md §1). Its stages, in order:
//   1. each line in won: the unit price converted once, times the quantity;
//   2. the lines grouped by shop, each shop's subtotal;
//   3. each shop's delivery fee for the method chosen, on that subtotal;
//   4. the totals, and the cap.
// Coupons and marketplace fees belong between these stages: a per-line adjustment after 1 (so
// the shop's subtotal and its free-courier threshold see it), a per-shop one after 3 (so the
// cap sees it). Nothing else may compute a price.

#include "manmulsang/cart/quote.hpp"

#include <map>

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

    // 4. Totals: every sum stays within the cap, so none of them can overflow.
    shop.total_kpw = shop.subtotal_kpw;
    if (!AddWithinCap(shop.total_kpw, shop.delivery_fee_kpw) || !AddWithinCap(quote.total_kpw, shop.total_kpw)) {
      Note(quote, {QuoteError::total_too_large, std::nullopt, std::nullopt});
    } else {
      quote.subtotal_kpw += shop.subtotal_kpw;
      quote.delivery_fee_kpw += shop.delivery_fee_kpw;
    }
    quote.shops.push_back(std::move(shop));
  }
  quote.ready = !inputs.items.empty() && !quote.problem && in_stock;
  return quote;
}

}  // namespace manmulsang::cart
