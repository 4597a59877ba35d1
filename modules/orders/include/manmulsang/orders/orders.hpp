#pragma once

#include <expected>
#include <functional>
#include <map>
#include <memory>
#include <span>
#include <string_view>

#include "manmulsang/cart/cart.hpp"
#include "manmulsang/catalog/catalog.hpp"
#include "manmulsang/core/clock.hpp"
#include "manmulsang/core/context.hpp"
#include "manmulsang/core/embedded_file.hpp"
#include "manmulsang/db/database.hpp"
#include "manmulsang/orders/errors.hpp"
#include "manmulsang/orders/order.hpp"
#include "manmulsang/orders/order_state.hpp"
#include "manmulsang/payments/payments.hpp"
#include "manmulsang/sellers/sellers.hpp"
#include "manmulsang/settings/settings.hpp"

namespace manmulsang::orders {

// One order line of a product a buyer bought, with its order's status now (reviews check a
// purchase by it).
struct PurchasedLine {
  core::OrderId order;
  int position = 0;  // the line within its order
  core::SellerId seller;
  OrderStatus status = OrderStatus::awaiting_payment;
};

// The seller's order filter, as /seller/orders and its CSV export read it (one parser of the
// query, orders/http/seller_order_filter.hpp): the statuses of a tab (empty: every status; at most
// kMaxStatusFilter) and when the order was placed, in [placed_from, placed_before).
struct ShopOrderFilter {
  std::span<const OrderStatus> statuses;
  std::optional<core::TimePoint> placed_from;
  std::optional<core::TimePoint> placed_before;
};

// The rows a shop's order export holds at most (order lines); an export past it is cut at an
// order's end and says so.
inline constexpr std::size_t kMaxExportedOrderLines = 10'000;

// A shop's orders for its CSV export: newest first, with lines, whole orders only.
struct ShopOrderExport {
  std::vector<Order> orders;
  std::size_t lines = 0;   // the order lines in orders
  bool truncated = false;  // more orders matched than fit in max_lines
};

// Checkout and the order lifecycle. Every command is one write transaction in which stock,
// money and the order move together (docs/BUYING.md).
class OrderService {
 public:
  // Told, after the commit, which products' stock a checkout took or a cancel, expiry or
  // accepted return gave back: the app forgets their cached pages.
  using StockListener = std::function<void(std::span<const core::ProductId>)>;

  OrderService(db::Database& database, const core::Clock& clock, sellers::SellerService& sellers,
               catalog::CatalogService& catalog, cart::CartService& cart, payments::PaymentService& payments,
               settings::SettingsService& settings);
  ~OrderService();

  // The buyer's cart → one order per shop, stock reserved, prices read on the server, payment
  // taken (wallet) or awaited (cod, bank transfer), the cart emptied. With an idempotency key,
  // a repeat of the same command returns the first receipt (replayed = true) and a different
  // command under the same key fails with idempotency_key_reused.
  std::expected<CheckoutReceipt, CheckoutError> Checkout(const CheckoutCommand& command);

  // The buyer's, the shop's or any for an admin; order_not_found for everyone else.
  std::expected<Order, OrderError> GetOrder(const core::Actor& actor, core::OrderId id);
  OrderPage BuyerOrders(core::UserId buyer, int page = 1, int per_page = 20);
  // A shop's orders, newest first, optionally only those in one status; for the shop's owner
  // (role seller) or an admin, order_not_found for anyone else.
  std::expected<OrderPage, OrderError> ShopOrders(const core::Actor& actor, core::SellerId shop,
                                                  std::optional<OrderStatus> status, int page = 1, int per_page = 20);
  // The same for a set of statuses (the seller's tabs: "to prepare" is paid and cash-on-delivery
  // orders awaiting payment; "cancelled/returns" three statuses). Empty: every status. At most
  // kMaxStatusFilter statuses (more is a programmer error: std::invalid_argument).
  std::expected<OrderPage, OrderError> ShopOrdersIn(const core::Actor& actor, core::SellerId shop,
                                                    std::span<const OrderStatus> statuses, int page = 1,
                                                    int per_page = 20);

  // The same with a filter of placing time too (the seller's list with a date range).
  std::expected<OrderPage, OrderError> ShopOrdersMatching(const core::Actor& actor, core::SellerId shop,
                                                          const ShopOrderFilter& filter, int page = 1,
                                                          int per_page = 20);
  // Every order of the filter with its lines, newest first, read in one transaction, up to
  // max_lines order lines (an order is never split: the export stops before the order that would
  // pass it, and says truncated). Owner or admin only, order_not_found for anyone else.
  std::expected<ShopOrderExport, OrderError> ExportShopOrders(const core::Actor& actor, core::SellerId shop,
                                                              const ShopOrderFilter& filter,
                                                              std::size_t max_lines = kMaxExportedOrderLines);

  // Counts of the shop's orders per status (every status present, zeros too): the seller's tabs
  // and the dashboard's "to prepare". Owner or admin only, order_not_found for anyone else.
  std::expected<std::map<OrderStatus, std::int64_t>, OrderError> ShopOrderCounts(const core::Actor& actor,
                                                                                 core::SellerId shop);
  // The shop's orders placed per day over `days` days ending today (core::LocalDate, the same day
  // as analytics' visits_today), oldest first, every day listed (zeros too); cancelled and
  // returned orders are not counted. days is clamped to 1..366. Owner or admin only.
  std::expected<std::vector<DailySales>, OrderError> ShopSales(const core::Actor& actor, core::SellerId shop, int days);

  // --- The admin console's reads (only admins reach its routes) ---
  // Every shop's orders placed per day over `days` days ending today, oldest first, counted as
  // ShopSales counts a shop's (cancelled and returned ones not). days is clamped to 1..366.
  std::vector<DailySales> MarketplaceSales(int days);
  // Bank-transfer orders still awaiting payment, oldest first (the longest-waiting buyer first),
  // with lines; and how many there are (the console's queue).
  OrderPage AwaitingBankTransfers(int page = 1, int per_page = 20);
  std::int64_t CountAwaitingBankTransfers();
  // When ExpireOverdueBankTransfers cancels an unpaid bank transfer placed at `placed`.
  core::TimePoint BankTransferDeadline(core::TimePoint placed);

  // The shop ships: the ship move with its carrier and tracking number, both required
  // (invalid_carrier, invalid_tracking_number: nothing changes). Kept on the order and in the
  // step's note.
  std::expected<Order, OrderError> Ship(const core::Actor& actor, core::OrderId id, const Shipment& shipment);

  // A move in the lifecycle by the actor (who they are to the order decides what they may do):
  // cancel refunds and restocks; confirm releases escrow to the shop minus the platform fee (the
  // buyer may confirm a shipped order too: for cash on delivery the cash payment is recorded first);
  // confirm_payment and a cash-on-delivery deliver record the payment; accept_return refunds
  // and restocks; refuse_return, escalate, resolve_refund and close_dispute need a reason (the
  // note). resolve_refund refunds the whole payment; close_dispute releases escrow like confirm;
  // resolve_partial_refund goes through DecideDispute (here it is invalid_refund_amount).
  // transition_not_allowed when the table has no such move; invalid_note when the note is longer
  // than kMaxOrderNote or a needed reason is blank (checked after order_not_found: a stranger
  // learns nothing).
  std::expected<Order, OrderError> Apply(const core::Actor& actor, core::OrderId id, OrderEvent event,
                                         std::string_view note = {});
  // --- Disputes (docs/BUYING.md §3): a refused return the buyer escalated, decided by an admin ---
  // The decision in one transaction, on the condition that the order is still disputed (of two
  // admins deciding at once, one decides; the other gets transition_not_allowed and nothing
  // changes), audited with the amount and the reason: refund (the whole payment back, as
  // resolve_refund), partial_refund (refund_kpw back to the buyer's wallet, the rest released to
  // the shop minus the fee on that part; no restock) or close (as close_dispute). Admins only
  // (order_not_found for a stranger, transition_not_allowed for the buyer or the shop);
  // invalid_note for a blank or long reason, invalid_refund_amount for a partial refund not 1..paid.
  std::expected<Order, OrderError> DecideDispute(const core::Actor& actor, core::OrderId id,
                                                 const DisputeDecision& decision);
  // The order with its dispute's words and decision, for its buyer, its shop or an admin
  // (order_not_found for anyone else). Any order: the parts not reached yet are empty.
  std::expected<Dispute, OrderError> DisputeOf(const core::Actor& actor, core::OrderId id);
  // The admin's queue: disputed orders, the longest waiting first (admins only: the routes check
  // the role).
  DisputePage DisputedOrders(int page = 1, int per_page = 20);
  std::int64_t CountDisputed();

  // The same for scheduled jobs (expire unpaid bank transfers, auto-deliver, auto-confirm).
  std::expected<Order, OrderError> ApplyAsSystem(core::OrderId id, OrderEvent event);

  // Scheduled jobs (the app runs them every minute or so); each returns how many orders moved.
  // The deadline and the window are the settings' at the run (settings::SettingsService).
  // Bank transfers unpaid past the bank-transfer deadline are cancelled and restocked.
  int ExpireOverdueBankTransfers();
  // Orders delivered longer than the auto-confirm days ago are confirmed: escrow → shop.
  int AutoConfirmDelivered();
  // Orders shipped longer than the auto-deliver days ago and never marked delivered by the shop
  // become delivered (the auto-confirm window then starts). Wallet and bank-transfer orders only:
  // a cash-on-delivery order's delivery records cash the marketplace has not seen.
  int AutoDeliverShipped();

  // The lines of product that buyer ordered, oldest first, inside the caller's transaction (a
  // review checks the purchase and writes in one transaction).
  std::vector<PurchasedLine> PurchasedLines(db::Connection& connection, core::UserId buyer, core::ProductId product);

  // Set once while wiring, before any request or job runs (it is read without a lock).
  void OnStockChanged(StockListener listener);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

std::span<const core::EmbeddedFile> Migrations();

}  // namespace manmulsang::orders
