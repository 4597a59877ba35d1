#pragma once

#include <chrono>
#include <cstdint>
#include <expected>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "manmulsang/core/clock.hpp"
#include "manmulsang/core/ids.hpp"
#include "manmulsang/core/money.hpp"
#include "manmulsang/coupons/coupons.hpp"
#include "manmulsang/orders/address_book.hpp"
#include "manmulsang/orders/errors.hpp"
#include "manmulsang/payments/ledger.hpp"
#include "manmulsang/sellers/delivery.hpp"

namespace manmulsang::orders {

enum class PaymentMethod { wallet, cash_on_delivery, bank_transfer };

// API names: "wallet", "cod", "bank_transfer".
std::string_view PaymentMethodName(PaymentMethod method);
std::optional<PaymentMethod> ParsePaymentMethod(std::string_view name);

// The lifecycle (order_state.cpp holds the transition table):
// awaiting_payment → paid → preparing → shipped → delivered → confirmed (구매확정)
// | cancelled (before shipment) | delivered → return_requested → returned
// | return_requested → return_refused (the shop's reason) → confirmed, or → disputed (the buyer asks
// the marketplace) → returned (an admin refunds) | confirmed (an admin closes it: the shop is paid;
// or refunds a part and the shop is paid the rest).
enum class OrderStatus {
  awaiting_payment,
  paid,
  preparing,
  shipped,
  delivered,
  confirmed,
  cancelled,
  return_requested,
  returned,
  return_refused,  // the shop refused the return; the reason is the step's note
  disputed,        // the buyer escalated a refusal: an admin decides
};

std::string_view OrderStatusName(OrderStatus status);  // "awaiting_payment"
std::optional<OrderStatus> ParseOrderStatus(std::string_view name);

// What may happen to an order.
enum class OrderEvent {
  pay_from_wallet,  // checkout takes a wallet order's total from the buyer's wallet
  confirm_payment,  // admin saw the bank deposit
  prepare,          // the shop starts packing
  ship,
  deliver,
  confirm,  // the buyer's purchase confirmation (or the automatic one): escrow → shop
  cancel,   // before shipment: refund and restock
  expire,   // an unpaid bank transfer past its deadline
  request_return,
  accept_return,   // refund and restock
  refuse_return,   // the shop keeps the sale; a reason is required
  escalate,        // the buyer asks the marketplace to decide a refused return
  resolve_refund,  // an admin decides for the buyer: the whole payment back to the wallet
  close_dispute,   // an admin decides for the shop: escrow released as at confirmation
  // An admin decides in part: an amount back to the buyer, the rest released to the shop (minus
  // the fee on that part), no restock (the goods stayed with the buyer). Only through
  // OrderService::DecideDispute, which carries the amount.
  resolve_partial_refund,
};

std::string_view OrderEventName(OrderEvent event);
std::optional<OrderEvent> ParseOrderEvent(std::string_view name);

// Who asks. The service decides the party from the actor and the order, never from input.
enum class Party { buyer, seller, admin, system };

std::string_view PartyName(Party party);

struct OrderLine {
  core::ProductId product;
  std::string name;  // as sold
  std::int64_t quantity = 0;
  core::Money unit_price;  // the listing's price at checkout, in its own currency
  std::int64_t rate = 0;   // the exchange rate used (payments/exchange.hpp), kRateScale for KPW
  std::int64_t unit_price_kpw = 0;
  std::int64_t line_total_kpw = 0;
};

// One step of the status timeline.
struct OrderStep {
  std::optional<OrderStatus> from;  // none for the order's creation
  OrderStatus to = OrderStatus::awaiting_payment;
  Party party = Party::buyer;
  std::optional<core::UserId> actor;
  std::string note;
  core::TimePoint at;
};

struct Order {
  core::OrderId id;
  core::UserId buyer;
  core::SellerId seller;
  OrderStatus status = OrderStatus::awaiting_payment;
  PaymentMethod payment_method = PaymentMethod::wallet;
  std::int64_t subtotal_kpw = 0;
  std::int64_t delivery_fee_kpw = 0;
  // Coupons (docs/BUYING.md §10): the shop's (lowers the sale) and this order's part of the
  // marketplace's (paid by the marketplace into escrow with the payment), with their claims.
  std::int64_t shop_discount_kpw = 0;
  std::int64_t site_discount_kpw = 0;
  std::optional<coupons::ClaimId> shop_claim;
  std::optional<coupons::ClaimId> site_claim;
  std::int64_t total_kpw = 0;  // subtotal + delivery fee − discounts: what the buyer pays
  sellers::DeliveryMethod delivery_method = sellers::DeliveryMethod::courier;
  std::string pickup_place;  // the shop's, as it was at checkout (pickup only)
  std::string address;
  // Set when the shop ships (OrderService::Ship): who carries it and the carrier's number.
  std::string carrier;
  std::string tracking_number;
  core::TimePoint created_at;
  core::TimePoint updated_at;
  std::vector<OrderLine> lines;
  std::vector<OrderStep> timeline;  // oldest first
};

struct OrderPage {
  std::vector<Order> items;  // newest first, with lines, without timeline
  std::int64_t total = 0;
  int page = 1;
  int per_page = 20;
};

inline constexpr std::size_t kMaxStatusFilter = 3;      // statuses in one seller order filter
inline constexpr std::size_t kMaxIdempotencyKey = 200;  // bytes
inline constexpr std::size_t kMaxOrderNote = 200;       // bytes: the note of a move (OrderService::Apply)

// POST /orders: the buyer's cart becomes one order per shop.
struct CheckoutCommand {
  core::UserId buyer;
  PaymentMethod payment_method = PaymentMethod::wallet;
  std::string address;                  // typed (orders::CleanAddressLine), or empty when address_id is given
  std::string idempotency_key;          // empty: none
  std::optional<AddressId> address_id;  // one of the buyer's saved addresses; wins over address
  // Per shop; a shop not named goes by courier. Pickup where the shop offers none:
  // pickup_unavailable. Shops not in the cart are ignored.
  sellers::DeliveryChoices delivery;
  // Coupon claims to spend (docs/BUYING.md §10): at most one per shop and one of the
  // marketplace's; a claim that cannot apply refuses the checkout (coupon_unavailable, ...).
  std::vector<coupons::ClaimId> claims;
};

struct OrderSummary {
  core::OrderId id;
  core::SellerId seller;
  OrderStatus status = OrderStatus::awaiting_payment;
  std::int64_t total_kpw = 0;

  bool operator==(const OrderSummary&) const = default;
};

// What a checkout answered. A replay (same key, same command) gets the very same receipt,
// stored with the key in the checkout's own transaction.
struct CheckoutReceipt {
  std::vector<OrderSummary> orders;
  std::int64_t total_kpw = 0;
  bool replayed = false;
  // The products whose stock this checkout took, for caches to forget. Not stored with the
  // key: empty on a replay, which changes no stock.
  std::vector<core::ProductId> products;
};

// What the shop types when it ships an order (OrderService::Ship).
struct Shipment {
  std::string carrier;          // 1..kMaxCarrier characters, one line (white space collapsed)
  std::string tracking_number;  // 1..kMaxTrackingNumber of [A-Za-z0-9-]
};

inline constexpr std::size_t kMaxCarrier = 40;         // characters (code points)
inline constexpr std::size_t kMaxTrackingNumber = 40;  // characters

// The shipment as the service stores it: the carrier NFC with white space collapsed, the
// tracking number trimmed; invalid_carrier or invalid_tracking_number when either is missing or
// bad (control characters, invalid UTF-8, too long, a tracking character outside [A-Za-z0-9-]).
std::expected<Shipment, OrderError> CleanShipment(std::string_view carrier, std::string_view tracking_number);

// One day of a shop's sales (OrderService::ShopSales).
struct DailySales {
  std::string day;  // "2026-11-26", the marketplace's calendar day (core::LocalDate)
  std::int64_t orders = 0;
  std::int64_t revenue_kpw = 0;  // the orders' totals
};

// An admin's decision on a disputed order (OrderService::DecideDispute).
enum class DisputeOutcome {
  refund,          // the whole payment back to the buyer (resolve_refund → returned)
  partial_refund,  // refund_kpw back to the buyer, the rest to the shop (→ confirmed)
  close,           // for the shop: escrow released as at confirmation (close_dispute → confirmed)
};

// API names: "refund", "partial_refund", "close".
std::string_view DisputeOutcomeName(DisputeOutcome outcome);
std::optional<DisputeOutcome> ParseDisputeOutcome(std::string_view name);

struct DisputeDecision {
  DisputeOutcome outcome = DisputeOutcome::close;
  std::int64_t refund_kpw = 0;  // partial_refund only: 1..the payment (won)
  std::string reason;           // required, at most kMaxOrderNote bytes; the buyer and the shop read it
};

// What an admin decided, read back from the order's timeline and the ledger.
struct DisputeSettlement {
  DisputeOutcome outcome = DisputeOutcome::close;
  std::int64_t refund_kpw = 0;  // what went back to the buyer (0 when closed for the shop)
  std::string reason;
  std::optional<core::UserId> admin;
  core::TimePoint at;
};

// A return that was refused, escalated or decided: the order with both sides' words.
struct Dispute {
  Order order;                    // with lines and timeline
  std::string return_reason;      // the buyer's, when asking to return
  std::string refusal_reason;     // the shop's
  std::string escalation_reason;  // the buyer's, asking the marketplace
  std::optional<core::TimePoint> escalated_at;
  std::int64_t paid_kpw = 0;                    // what escrow took for the order (the most a refund gives back)
  std::optional<DisputeSettlement> settlement;  // once an admin decided
};

struct DisputePage {
  std::vector<Dispute> items;  // oldest escalation first
  std::int64_t total = 0;
  core::TimePoint read_at;  // the clock when read: how long each has waited is read_at − escalated_at
  int page = 1;
  int per_page = 20;
};

// The platform fee of a total at basis_points (settings::Settings::platform_fee_basis_points):
// floor(total × bp / 10,000), never more than the total.
std::int64_t PlatformFee(std::int64_t total_kpw, std::int64_t basis_points);

}  // namespace manmulsang::orders
