#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "manmulsang/db/database.hpp"
#include "manmulsang/orders/order.hpp"
#include "manmulsang/orders/order_state.hpp"
#include "manmulsang/orders/orders.hpp"

namespace manmulsang::orders {

struct StoredCheckout {
  std::string request;
  std::string receipt;
};

// One day of a shop's sales: day is the day number in the marketplace's zone.
struct DaySalesRow {
  std::int64_t day = 0;
  std::int64_t orders = 0;
  std::int64_t revenue = 0;
};

// All of this module's SQL.
class OrderRepository {
 public:
  static std::optional<StoredCheckout> FindCheckout(db::Connection& connection, core::UserId buyer,
                                                    std::string_view key);
  // key empty: none. The receipt is filled in once the orders exist. nullopt, writing nothing,
  // when the buyer's key is already taken (FindCheckout then says by what).
  static std::optional<std::int64_t> InsertCheckout(db::Connection& connection, core::UserId buyer,
                                                    std::string_view key, std::string_view request, std::int64_t now);
  // How many other orders the marketplace coupon claim was split over still stand.
  static std::int64_t CountOtherOrdersOfSiteClaim(db::Connection& connection, coupons::ClaimId claim,
                                                  core::OrderId order);
  static void SetReceipt(db::Connection& connection, std::int64_t checkout, std::string_view receipt);

  // A savepoint around one order's move in a timed job: kept, or undone (leaving nothing of it).
  static void BeginMove(db::Connection& connection);
  static void KeepMove(db::Connection& connection);
  static void UndoMove(db::Connection& connection);

  // Inserts the order, its lines and its first step; returns the new id.
  static core::OrderId Insert(db::Connection& connection, std::int64_t checkout, const Order& order);
  static void InsertStep(db::Connection& connection, core::OrderId order, const OrderStep& step);
  // False when the order is no longer in status from (someone else moved it first).
  static bool UpdateStatus(db::Connection& connection, core::OrderId order, OrderStatus from, OrderStatus to,
                           std::int64_t now);

  static void SetShipment(db::Connection& connection, core::OrderId order, const Shipment& shipment);
  // Orders of the shop per status (statuses without orders are absent).
  static std::map<OrderStatus, std::int64_t> CountsBySeller(db::Connection& connection, core::SellerId seller);
  // The shop's orders placed at or after `since` (unix seconds), neither cancelled nor returned,
  // per day number (unix seconds + utc_offset) / 86,400; days without orders are absent.
  static std::vector<DaySalesRow> SalesBySeller(db::Connection& connection, core::SellerId seller, std::int64_t since,
                                                std::int64_t utc_offset);

  // Every shop's orders placed at or after `since`, as SalesBySeller counts them.
  static std::vector<DaySalesRow> SalesPerDay(db::Connection& connection, std::int64_t since, std::int64_t utc_offset);
  // Orders in status paid by method, oldest first, with lines; and how many there are.
  static std::vector<Order> ListByStatusAndMethod(db::Connection& connection, OrderStatus status, PaymentMethod method,
                                                  std::int64_t limit, std::int64_t offset);
  static std::int64_t CountByStatusAndMethod(db::Connection& connection, OrderStatus status, PaymentMethod method);
  // Orders in status, the longest in it first (the admin's dispute queue); and how many there are.
  static std::vector<core::OrderId> IdsByStatus(db::Connection& connection, OrderStatus status, std::int64_t limit,
                                                std::int64_t offset);
  static std::int64_t CountByStatus(db::Connection& connection, OrderStatus status);

  // With lines and timeline.
  static std::optional<Order> Find(db::Connection& connection, core::OrderId id);
  // Newest first, with lines.
  static std::vector<Order> ListByBuyer(db::Connection& connection, core::UserId buyer, std::int64_t limit,
                                        std::int64_t offset);
  // Orders in status paid by the methods the rule names, unchanged since before, oldest first.
  static std::vector<core::OrderId> Due(db::Connection& connection, OrderStatus status, MethodRule methods,
                                        std::int64_t before, std::int64_t limit);
  // A shop's orders of the filter (every status when it names none), newest first, with lines.
  static std::vector<Order> ListBySeller(db::Connection& connection, core::SellerId seller,
                                         const ShopOrderFilter& filter, std::int64_t limit, std::int64_t offset);
  static std::int64_t CountBySeller(db::Connection& connection, core::SellerId seller, const ShopOrderFilter& filter);
  static std::int64_t CountByBuyer(db::Connection& connection, core::UserId buyer);
  // The lines of product in buyer's orders, oldest first.
  static std::vector<PurchasedLine> PurchasedLines(db::Connection& connection, core::UserId buyer,
                                                   core::ProductId product);
};

}  // namespace manmulsang::orders
