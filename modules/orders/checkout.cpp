// The one place where a cart becomes orders (docs/ARCHITECTURE.md): every step below runs inside one
// database.Write, so stock, money, orders, the idempotency record and the emptied cart commit
// together or not at all. The steps, in order:
//   1. a known idempotency key answers from its stored receipt (or refuses a different request);
//   2-4. the cart's quote (cart::MakeQuote, the rule the cart page shows): current prices read
//   on the server, in won, by shop, with each shop's delivery fee for the method chosen
//   (docs/BUYING.md §1, §1a), the cap;
//   5. reserve stock, never below zero;  6. one order per shop;  7. take or await payment;
//   8. store the key with the receipt;  9. clear the cart.

#include "checkout.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <vector>

#include "address_repository.hpp"
#include "manmulsang/notifications/notifications.hpp"
#include "order_move.hpp"
#include "order_repository.hpp"

namespace manmulsang::orders {
namespace {

// The parts of a command that decide its outcome, written out canonically: a repeat under the
// same key must be this exact text.
std::string CanonicalRequest(const CheckoutCommand& command, std::string_view address) {
  std::string text(PaymentMethodName(command.payment_method));
  text += '\n';
  if (command.address_id) {
    text += "address_id:" + std::to_string(command.address_id->value);
  } else {
    text += address;
  }
  // Courier is what a shop not named gets, so naming it changes nothing: only pickups count,
  // in shop id order (the map's). Appended after the address, so that receipts stored before
  // delivery options existed (no pickups: nothing appended) still match their replays.
  std::string pickups;
  for (const auto& [shop, method] : command.delivery) {
    if (method != sellers::DeliveryMethod::pickup) continue;
    pickups += (pickups.empty() ? "" : ",") + std::to_string(shop.value);
  }
  if (!pickups.empty()) text += "\npickup:" + pickups;
  // Coupon claims, ascending, last and only when chosen: older keys' replays still match.
  std::vector<coupons::ClaimId> claims = command.claims;
  std::sort(claims.begin(), claims.end());
  std::string coupons;
  for (const coupons::ClaimId claim : claims) coupons += (coupons.empty() ? "" : ",") + std::to_string(claim.value);
  if (!coupons.empty()) text += "\ncoupons:" + coupons;
  return text;
}

CheckoutError Failure(OrderError error, std::optional<core::ProductId> product = std::nullopt,
                      std::int64_t available = 0) {
  return CheckoutError{error, product, available};
}

OrderError OrderErrorOf(cart::QuoteError error) {
  switch (error) {
    case cart::QuoteError::invalid_quantity:
      return OrderError::invalid_quantity;
    case cart::QuoteError::product_unavailable:
      return OrderError::product_unavailable;
    case cart::QuoteError::rate_unavailable:
      return OrderError::rate_unavailable;
    case cart::QuoteError::total_too_large:
      return OrderError::total_too_large;
    case cart::QuoteError::pickup_unavailable:
      return OrderError::pickup_unavailable;
    case cart::QuoteError::coupon_unavailable:
      return OrderError::coupon_unavailable;
    case cart::QuoteError::coupon_below_minimum:
      return OrderError::coupon_below_minimum;
    case cart::QuoteError::coupon_conflict:
      return OrderError::coupon_conflict;
  }
  return OrderError::total_too_large;
}

// The order of one shop of the quote, as checkout stores it.
Order OrderOf(const cart::QuoteShop& shop, const CheckoutCommand& command, std::string_view address,
              core::TimePoint now) {
  Order order;
  order.buyer = command.buyer;
  order.seller = shop.seller;
  order.status = OrderStatus::awaiting_payment;
  order.payment_method = command.payment_method;
  order.subtotal_kpw = shop.subtotal_kpw;
  order.delivery_fee_kpw = shop.delivery_fee_kpw;
  order.shop_discount_kpw = shop.shop_discount_kpw;
  order.site_discount_kpw = shop.site_discount_kpw;
  order.shop_claim = shop.shop_claim;
  order.total_kpw = shop.total_kpw;
  order.delivery_method = shop.delivery_method;
  if (shop.delivery_method == sellers::DeliveryMethod::pickup) order.pickup_place = shop.delivery.pickup_place;
  order.address = std::string(address);
  order.created_at = now;
  order.updated_at = now;
  for (const cart::QuoteLine& quoted : shop.lines) {
    // A ready quote prices every line (else checkout refused it before this).
    OrderLine line;
    line.product = quoted.product;
    line.name = quoted.details.name;
    line.quantity = quoted.quantity;
    line.unit_price = quoted.details.price;
    line.rate = quoted.rate.value_or(payments::kRateScale);
    line.unit_price_kpw = quoted.unit_price_kpw.value_or(0);
    line.line_total_kpw = quoted.line_total_kpw.value_or(0);
    order.lines.push_back(std::move(line));
  }
  order.timeline.push_back({std::nullopt, OrderStatus::awaiting_payment, Party::buyer, command.buyer, "", now});
  return order;
}

std::expected<CheckoutReceipt, CheckoutError> PlaceInTransaction(CheckoutParts& parts, db::Connection& connection,
                                                                 const CheckoutCommand& command,
                                                                 std::string_view typed_address) {
  const std::string request = CanonicalRequest(command, typed_address);
  const core::TimePoint now = parts.clock.Now();

  // 1. The key is claimed first (insert-first, so two requests under one key at the same instant
  // never both pass a check and then collide: a 500 on PostgreSQL). A key already claimed
  // answers what its first request answered.
  const std::optional<std::int64_t> checkout = OrderRepository::InsertCheckout(
      connection, command.buyer, command.idempotency_key, request, core::ToUnixSeconds(now));
  if (!checkout) {
    auto stored = OrderRepository::FindCheckout(connection, command.buyer, command.idempotency_key);
    if (!stored) throw db::DatabaseError("a checkout key was neither claimed nor found");
    if (stored->request != request) return std::unexpected(Failure(OrderError::idempotency_key_reused));
    // Claimed and not yet answered: the first request's transaction has not finished. (Within
    // one transaction this is not seen today; said clearly rather than replayed as nothing.)
    if (stored->receipt.empty()) return std::unexpected(Failure(OrderError::checkout_in_progress));
    auto receipt = DecodeReceipt(stored->receipt);
    if (!receipt) throw db::DatabaseError("a stored checkout receipt is unreadable");
    receipt->replayed = true;
    return *receipt;
  }

  // The wallet's row before any listing, product or order row: the one lock order every
  // transaction keeps (docs/BUYING.md §1), so that two checkouts on PostgreSQL cannot deadlock.
  if (command.payment_method == PaymentMethod::wallet) parts.payments.HoldWallet(connection, command.buyer);

  // The address: a saved one is read here, so that the order records it as it is now.
  std::string address(typed_address);
  if (command.address_id) {
    auto saved = AddressRepository::Find(connection, command.buyer, *command.address_id);
    if (!saved) return std::unexpected(Failure(OrderError::invalid_address));
    address = FormatAddress(*saved);
  }

  // 2-4. The cart, priced here and now by the rule the cart page shows: a price the client saw
  // or sent plays no part.
  const cart::Quote quote =
      parts.cart.QuoteIn(connection, cart::CartOwner::Member(command.buyer), command.delivery, command.claims);
  if (quote.empty()) return std::unexpected(Failure(OrderError::cart_empty));
  if (quote.problem) {
    return std::unexpected(
        CheckoutError{OrderErrorOf(quote.problem->error), quote.problem->product, 0, quote.problem->shop});
  }
  std::vector<catalog::StockRequest> reservations;
  for (const cart::QuoteShop& shop : quote.shops) {
    for (const cart::QuoteLine& line : shop.lines) reservations.push_back({line.product, line.quantity});
  }

  // 5. Stock: the conditional UPDATE in catalog never lets it go below zero.
  if (auto reserved = parts.catalog.ReserveStock(connection, reservations); !reserved) {
    return std::unexpected(Failure(OrderError::out_of_stock, reserved.error().product, reserved.error().available));
  }

  // 6 and 7. One order per shop, paid from the wallet now or awaiting cash / a bank deposit.
  CheckoutReceipt receipt;
  for (const cart::QuoteShop& shop : quote.shops) {
    Order order = OrderOf(shop, command, address, now);
    order.site_claim = quote.site_claim;
    const core::OrderId id = OrderRepository::Insert(connection, *checkout, order);
    // Each claim is spent once: the conditional UPDATE changes no row when a checkout at the same
    // instant spent it first, and this one is then refused whole (docs/BUYING.md §10). A
    // marketplace claim is spent on the checkout's first order.
    const bool site_claim_here = quote.site_claim && receipt.orders.empty();
    if ((order.shop_claim && !coupons::MarkUsedIn(connection, command.buyer, *order.shop_claim, id, now)) ||
        (site_claim_here && !coupons::MarkUsedIn(connection, command.buyer, *quote.site_claim, id, now))) {
      return std::unexpected(Failure(OrderError::coupon_unavailable));
    }

    if (command.payment_method == PaymentMethod::wallet) {
      // Paid like any other move: the transition table decides, the payment goes with it.
      order.id = id;
      auto paid = MoveOrderIn(connection, {parts.catalog, parts.payments, parts.settings, parts.sellers}, order,
                              Party::buyer, command.buyer, OrderEvent::pay_from_wallet, "wallet", nullptr, now);
      if (!paid) return std::unexpected(Failure(paid.error()));
      order.status = *paid;
    }
    // The shop's owner hears of the new order with it (paid or awaiting payment).
    if (const auto owner = parts.sellers.GetShop(shop.seller)) {
      notifications::RecordIn(connection, now,
                              {owner->owner, notifications::Kind::order_placed, std::to_string(id.value),
                               "/seller/orders/" + std::to_string(id.value)});
    }
    receipt.orders.push_back({id, shop.seller, order.status, order.total_kpw});
    receipt.total_kpw += order.total_kpw;
  }
  for (const catalog::StockRequest& reservation : reservations) receipt.products.push_back(reservation.product);

  // 8 and 9.
  OrderRepository::SetReceipt(connection, *checkout, EncodeReceipt(receipt));
  parts.cart.ClearIn(connection, command.buyer);
  return receipt;
}

bool ParseInt(std::string_view text, std::int64_t& value) {
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size();
}

}  // namespace

std::expected<CheckoutReceipt, CheckoutError> RunCheckout(CheckoutParts& parts, const CheckoutCommand& command) {
  // A typed address follows the address book's rule; a saved one is read in the transaction.
  std::string address;
  if (!command.address_id) {
    auto clean = CleanAddressLine(command.address);
    if (!clean) return std::unexpected(Failure(OrderError::invalid_address));
    address = std::move(*clean);
  }
  if (command.idempotency_key.size() > kMaxIdempotencyKey) {
    return std::unexpected(Failure(OrderError::invalid_idempotency_key));
  }
  return parts.database.Write(
      [&](db::Connection& connection) { return PlaceInTransaction(parts, connection, command, address); });
}

std::string EncodeReceipt(const CheckoutReceipt& receipt) {
  std::string text = std::to_string(receipt.total_kpw) + "|";
  for (std::size_t index = 0; index < receipt.orders.size(); ++index) {
    const OrderSummary& order = receipt.orders[index];
    if (index > 0) text += ';';
    text += std::to_string(order.id.value) + ':' + std::to_string(order.seller.value) + ':' +
            std::string(OrderStatusName(order.status)) + ':' + std::to_string(order.total_kpw);
  }
  return text;
}

std::optional<CheckoutReceipt> DecodeReceipt(std::string_view text) {
  CheckoutReceipt receipt;
  const auto bar = text.find('|');
  if (bar == std::string_view::npos || !ParseInt(text.substr(0, bar), receipt.total_kpw)) return std::nullopt;
  std::string_view rest = text.substr(bar + 1);
  while (!rest.empty()) {
    const auto end = rest.find(';');
    std::string_view part = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    std::string_view fields[4];
    for (int field = 0; field < 3; ++field) {
      const auto colon = part.find(':');
      if (colon == std::string_view::npos) return std::nullopt;
      fields[field] = part.substr(0, colon);
      part = part.substr(colon + 1);
    }
    fields[3] = part;
    OrderSummary summary;
    auto status = ParseOrderStatus(fields[2]);
    if (!ParseInt(fields[0], summary.id.value) || !ParseInt(fields[1], summary.seller.value) || !status ||
        !ParseInt(fields[3], summary.total_kpw)) {
      return std::nullopt;
    }
    summary.status = *status;
    receipt.orders.push_back(summary);
  }
  return receipt;
}

}  // namespace manmulsang::orders
