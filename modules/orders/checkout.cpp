// The one place where a cart becomes orders (DESIGN.md §2): every step below runs inside one
// database.Write, so stock, money, orders, the idempotency record and the emptied cart commit
// together or not at all. The steps, in order:
//   1. a known idempotency key answers from its stored receipt (or refuses a different request);
//   2. load the cart;  3. read current prices on the server;  4. convert them to won;
//   4a. each shop's delivery fee for the method chosen (docs/BUYING.md §1a);
//   5. reserve stock, never below zero;  6. one order per shop;  7. take or await payment;
//   8. store the key with the receipt;  9. clear the cart.

#include "checkout.hpp"

#include <charconv>
#include <map>
#include <vector>

#include "address_repository.hpp"
#include "order_repository.hpp"

namespace manmulsang::orders {
namespace {

// Larger totals are refused before they reach the ledger (payments refuses them too).
constexpr std::int64_t kMaxOrderTotal = 1'000'000'000'000;

std::string_view Trim(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  const auto first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

bool ValidAddress(std::string_view address) {
  if (address.empty() || address.size() > kMaxAddress) return false;
  for (unsigned char character : address) {
    if (character < 0x20 && character != '\n' && character != '\t') return false;
  }
  return true;
}

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
  return text;
}

CheckoutError Failure(OrderError error, std::optional<core::ProductId> product = std::nullopt,
                      std::int64_t available = 0) {
  return CheckoutError{error, product, available};
}

struct ShopOrder {
  std::vector<OrderLine> lines;
  std::int64_t subtotal = 0;
  sellers::DeliveryMethod delivery_method = sellers::DeliveryMethod::courier;
  std::int64_t delivery_fee = 0;
  std::string pickup_place;
};

std::expected<CheckoutReceipt, CheckoutError> PlaceInTransaction(CheckoutParts& parts, db::Connection& connection,
                                                                 const CheckoutCommand& command,
                                                                 std::string_view typed_address) {
  const std::string request = CanonicalRequest(command, typed_address);
  const core::TimePoint now = parts.clock.Now();

  // 1. A replay answers what the first request answered.
  if (!command.idempotency_key.empty()) {
    if (auto stored = OrderRepository::FindCheckout(connection, command.buyer, command.idempotency_key)) {
      if (stored->request != request) return std::unexpected(Failure(OrderError::idempotency_key_reused));
      auto receipt = DecodeReceipt(stored->receipt);
      if (!receipt) throw db::DatabaseError("a stored checkout receipt is unreadable");
      receipt->replayed = true;
      return *receipt;
    }
  }

  // The address: a saved one is read here, so that the order records it as it is now.
  std::string address(typed_address);
  if (command.address_id) {
    auto saved = AddressRepository::Find(connection, command.buyer, *command.address_id);
    if (!saved) return std::unexpected(Failure(OrderError::invalid_address));
    address = FormatAddress(*saved);
  }

  // 2. The cart.
  const std::vector<cart::CartItem> items = parts.cart.ItemsIn(connection, command.buyer);
  if (items.empty()) return std::unexpected(Failure(OrderError::cart_empty));

  // 3. Current prices, read here and now: a price the client saw or sent plays no part.
  std::vector<core::ProductId> ids;
  for (const cart::CartItem& item : items) {
    if (item.quantity < 1 || item.quantity > cart::kMaxQuantity) {
      return std::unexpected(Failure(OrderError::invalid_quantity, item.product));
    }
    ids.push_back(item.product);
  }
  std::map<core::ProductId, catalog::Product> products;
  for (catalog::Product& product : parts.catalog.ProductsForCheckout(connection, ids)) {
    products.emplace(product.id, std::move(product));
  }

  // 4. Lines in won, grouped by shop (map order: by seller id, so receipts are stable).
  const payments::ExchangeRates rates = parts.payments.RatesIn(connection);
  std::map<core::SellerId, ShopOrder> shops;
  std::vector<catalog::StockRequest> reservations;
  std::int64_t grand_total = 0;
  for (const cart::CartItem& item : items) {
    auto found = products.find(item.product);
    // A free listing cannot be paid for through the ledger (it records no zero movements).
    if (found == products.end() || found->second.price.amount <= 0) {
      return std::unexpected(Failure(OrderError::product_unavailable, item.product));
    }
    const catalog::Product& product = found->second;
    auto unit = rates.ToKpw(product.price);
    if (!unit) {
      return std::unexpected(Failure(unit.error() == payments::PaymentError::rate_unavailable
                                         ? OrderError::rate_unavailable
                                         : OrderError::total_too_large,
                                     item.product));
    }
    OrderLine line;
    line.product = product.id;
    line.name = product.name;
    line.quantity = item.quantity;
    line.unit_price = product.price;
    line.rate = rates.Rate(product.price.currency).value_or(payments::kRateScale);
    line.unit_price_kpw = *unit;
    ShopOrder& shop = shops[product.seller];
    if (__builtin_mul_overflow(*unit, item.quantity, &line.line_total_kpw) ||
        __builtin_add_overflow(shop.subtotal, line.line_total_kpw, &shop.subtotal) ||
        __builtin_add_overflow(grand_total, line.line_total_kpw, &grand_total) || grand_total > kMaxOrderTotal) {
      return std::unexpected(Failure(OrderError::total_too_large, item.product));
    }
    shop.lines.push_back(std::move(line));
    reservations.push_back({product.id, item.quantity});
  }

  // 4a. Delivery, by the shop's options as they are now, on the subtotal in won: the rule the
  // cart shows (sellers::DeliveryFee), so the page and the charge cannot differ.
  std::vector<core::SellerId> shop_ids;
  for (const auto& [seller, shop] : shops) shop_ids.push_back(seller);
  std::map<core::SellerId, sellers::DeliveryOptions> options;
  for (sellers::Shop& shop : parts.sellers.FindShopsIn(connection, shop_ids)) {
    options.emplace(shop.id, std::move(shop.delivery));
  }
  for (auto& [seller, shop] : shops) {
    const auto chosen = command.delivery.find(seller);
    shop.delivery_method = chosen == command.delivery.end() ? sellers::DeliveryMethod::courier : chosen->second;
    const sellers::DeliveryOptions& offered = options[seller];  // a shop gone: free courier, no pickup
    auto fee = sellers::DeliveryFee(offered, shop.delivery_method, shop.subtotal);
    if (!fee) return std::unexpected(CheckoutError{OrderError::pickup_unavailable, std::nullopt, 0, seller});
    shop.delivery_fee = *fee;
    if (shop.delivery_method == sellers::DeliveryMethod::pickup) shop.pickup_place = offered.pickup_place;
    if (__builtin_add_overflow(grand_total, shop.delivery_fee, &grand_total) || grand_total > kMaxOrderTotal) {
      return std::unexpected(Failure(OrderError::total_too_large));
    }
  }

  // 5. Stock: the conditional UPDATE in catalog never lets it go below zero.
  if (auto reserved = parts.catalog.ReserveStock(connection, reservations); !reserved) {
    return std::unexpected(
        Failure(OrderError::out_of_stock, reserved.error().product, reserved.error().available));
  }

  // 6 and 7. One order per shop, paid from the wallet now or awaiting cash / a bank deposit.
  const std::int64_t checkout = OrderRepository::InsertCheckout(connection, command.buyer, command.idempotency_key,
                                                                request, core::ToUnixSeconds(now));
  CheckoutReceipt receipt;
  for (auto& [seller, shop] : shops) {
    Order order;
    order.buyer = command.buyer;
    order.seller = seller;
    order.status = OrderStatus::awaiting_payment;
    order.payment_method = command.payment_method;
    order.subtotal_kpw = shop.subtotal;
    order.delivery_fee_kpw = shop.delivery_fee;
    order.total_kpw = shop.subtotal + shop.delivery_fee;  // both under kMaxOrderTotal: no overflow
    order.delivery_method = shop.delivery_method;
    order.pickup_place = std::move(shop.pickup_place);
    order.address = std::string(address);
    order.created_at = now;
    order.updated_at = now;
    order.lines = std::move(shop.lines);
    order.timeline.push_back({std::nullopt, OrderStatus::awaiting_payment, Party::buyer, command.buyer, "", now});
    const OrderId id = OrderRepository::Insert(connection, checkout, order);

    if (command.payment_method == PaymentMethod::wallet) {
      auto paid = parts.payments.PayFromWallet(connection, command.buyer, id, order.total_kpw);
      if (!paid) {
        return std::unexpected(Failure(paid.error() == payments::PaymentError::insufficient_funds
                                           ? OrderError::insufficient_funds
                                           : OrderError::total_too_large));
      }
      OrderRepository::UpdateStatus(connection, id, OrderStatus::awaiting_payment, OrderStatus::paid,
                                    core::ToUnixSeconds(now));
      OrderRepository::InsertStep(connection, id,
                                  {OrderStatus::awaiting_payment, OrderStatus::paid, Party::buyer, command.buyer,
                                   "wallet", now});
      order.status = OrderStatus::paid;
    }
    receipt.orders.push_back({id, seller, order.status, order.total_kpw});
    receipt.total_kpw += order.total_kpw;
  }
  for (const catalog::StockRequest& reservation : reservations) receipt.products.push_back(reservation.product);

  // 8 and 9.
  OrderRepository::SetReceipt(connection, checkout, EncodeReceipt(receipt));
  parts.cart.ClearIn(connection, command.buyer);
  return receipt;
}

bool ParseInt(std::string_view text, std::int64_t& value) {
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size();
}

}  // namespace

std::expected<CheckoutReceipt, CheckoutError> RunCheckout(CheckoutParts& parts, const CheckoutCommand& command) {
  const std::string_view address = Trim(command.address);
  if (!command.address_id && !ValidAddress(address)) return std::unexpected(Failure(OrderError::invalid_address));
  if (command.idempotency_key.size() > kMaxIdempotencyKey) {
    return std::unexpected(Failure(OrderError::invalid_idempotency_key));
  }
  return parts.database.Write([&](db::Connection& connection) {
    return PlaceInTransaction(parts, connection, command, address);
  });
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
