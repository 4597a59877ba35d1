#include "demo/demo_orders.hpp"

#include <gtest/gtest.h>

#include <array>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "demo/demo_data.hpp"
#include "demo/demo_test_store.hpp"
#include "manmulsang/orders/orders.hpp"

namespace manmulsang::demo {
namespace {

using namespace std::chrono_literals;

struct Store : DemoTestStore {
  payments::PaymentService& payments = database.services().payments;
  cart::CartService& cart = database.services().cart;
  orders::OrderService& orders = database.services().orders;

  DemoOrdersSummary Orders(const DemoSummary& marketplace, std::uint64_t seed) {
    return GenerateDemoOrders(database.database(), accounts, sellers, catalog, clock, marketplace,
                              Options(marketplace.products, seed));
  }

  // Every order with its lines and timeline, in id order: what "the same orders" compares.
  // Joined here rather than in SQL: the stores spell string aggregation differently.
  std::vector<std::string> Describe() {
    return database.database().Read([&](db::Connection& connection) {
      std::vector<std::string> described;
      for (const db::Row& row : connection.Query(
               "SELECT o.id, o.id || '|' || o.buyer_id || '|' || o.seller_id || '|' || o.status || '|' || "
               "o.payment_method || '|' || o.total || '|' || o.address || '|' || o.created_at FROM orders o "
               "ORDER BY o.id")) {
        std::string order = row.Text(1);
        for (const char* part : {"SELECT l.product_id || 'x' || l.quantity || '=' || l.line_kpw FROM order_lines l "
                                 "WHERE l.order_id = $1 ORDER BY l.position",
                                 "SELECT s.to_status || '@' || s.created_at || ':' || s.note FROM order_steps s "
                                 "WHERE s.order_id = $1 ORDER BY s.id"}) {
          order += '|';
          for (const db::Row& item : connection.Query(part, {row.Int(0)})) order += item.Text(0) + ',';
        }
        described.push_back(std::move(order));
      }
      return described;
    });
  }
};

TEST(DemoOrders, CountIsAFewHundredForTenThousandAndBoundedForAMillion) {
  EXPECT_GE(DemoOrderCount(10'000), 200);
  EXPECT_LE(DemoOrderCount(10'000), 600);
  EXPECT_EQ(DemoOrderCount(1'000'000), 2000);
  EXPECT_EQ(DemoOrderCount(10'000'000), 2000);
  EXPECT_GE(DemoOrderCount(1), 14);  // one of every status path even in the smallest store
}

TEST(DemoOrders, EveryStatusWithBalancedLedgerAndConsistentStock) {
  Store store;
  const DemoSummary marketplace = store.Marketplace(1000, 7);
  ASSERT_FALSE(marketplace.buyers.empty());
  ASSERT_FALSE(marketplace.product_sample.empty());
  ASSERT_LE(marketplace.product_sample.size(), static_cast<std::size_t>(kProductSample));

  // The stock of every listing before anyone bought.
  std::map<std::int64_t, std::int64_t> stock_before;
  for (core::ProductId id : marketplace.product_sample) {
    if (auto product = store.catalog.GetProduct(id)) stock_before[id.value] = product->stock;
  }

  const DemoOrdersSummary summary = store.Orders(marketplace, 7);
  EXPECT_EQ(summary.dropped, 0);
  EXPECT_EQ(summary.orders, DemoOrderCount(1000));
  EXPECT_EQ(store.Count("SELECT COUNT(*) FROM orders"), summary.orders);
  EXPECT_GT(summary.wallets, 0);

  // One of every status, counted by the summary and found in the store; every payment method.
  for (std::string_view status : {"awaiting_payment", "paid", "preparing", "shipped", "delivered", "confirmed",
                                  "cancelled", "return_requested", "returned"}) {
    const std::int64_t stored = store.database.database().Read([&](db::Connection& connection) {
      return connection.QueryOne("SELECT COUNT(*) FROM orders WHERE status = $1", {status})->Int(0);
    });
    EXPECT_GT(stored, 0) << status;
    EXPECT_EQ(summary.by_status.at(*orders::ParseOrderStatus(status)), stored) << status;
  }
  for (std::string_view method : {"wallet", "cod", "bank_transfer"}) {
    EXPECT_GT(store.database.database().Read([&](db::Connection& connection) {
      return connection.QueryOne("SELECT COUNT(*) FROM orders WHERE payment_method = $1", {method})->Int(0);
    }),
              0)
        << method;
  }

  // The ledger balances: every transfer sums to zero, no wallet below zero ...
  const payments::LedgerAudit audit = store.payments.Audit();
  EXPECT_EQ(audit.sum, 0);
  EXPECT_EQ(audit.unbalanced_transfers, 0);
  EXPECT_EQ(audit.negative_wallets, 0);
  // ... each order that was paid has exactly one payment; refunds and releases where they belong.
  EXPECT_EQ(
      store.Count("SELECT COUNT(*) FROM orders o WHERE "
                  "(o.status IN ('paid', 'confirmed') OR (o.payment_method <> 'cod' AND o.status IN "
                  "('preparing', 'shipped', 'delivered', 'return_requested', 'returned'))) AND "
                  "(SELECT COUNT(*) FROM ledger_transfers t WHERE t.order_id = o.id AND t.kind = 'payment') <> 1"),
      0);
  EXPECT_EQ(store.Count("SELECT COUNT(*) FROM orders o WHERE o.status = 'awaiting_payment' AND EXISTS "
                        "(SELECT 1 FROM ledger_transfers t WHERE t.order_id = o.id)"),
            0);
  EXPECT_EQ(
      store.Count("SELECT COUNT(*) FROM orders o WHERE o.status = 'confirmed' AND "
                  "(SELECT COUNT(*) FROM ledger_transfers t WHERE t.order_id = o.id AND t.kind = 'release') <> 1"),
      0);
  EXPECT_EQ(store.Count("SELECT COUNT(*) FROM orders o WHERE o.status IN ('cancelled', 'returned') AND "
                        "(SELECT COUNT(*) FROM ledger_transfers t WHERE t.order_id = o.id AND t.kind = 'payment') <> "
                        "(SELECT COUNT(*) FROM ledger_transfers t WHERE t.order_id = o.id AND t.kind = 'refund')"),
            0);
  // Escrow holds exactly what was paid and neither refunded nor released.
  EXPECT_EQ(store.Count("SELECT COALESCE(SUM(e.amount), 0) FROM ledger_entries e JOIN ledger_accounts a "
                        "ON a.id = e.account_id WHERE a.kind = 'escrow'"),
            store.Count("SELECT COALESCE(SUM(total), 0) FROM orders o WHERE EXISTS (SELECT 1 FROM ledger_transfers t "
                        "WHERE t.order_id = o.id AND t.kind = 'payment') AND NOT EXISTS (SELECT 1 FROM "
                        "ledger_transfers t WHERE t.order_id = o.id AND t.kind IN ('refund', 'release'))"));

  // Stock: what left each listing is what the orders still hold (cancelled and returned ones put
  // theirs back), and nothing sold out: the catalogue is as big as before.
  std::map<std::int64_t, std::int64_t> held;
  store.database.database().Read([&](db::Connection& connection) {
    for (const db::Row& row :
         connection.Query("SELECT l.product_id, SUM(l.quantity) FROM order_lines l JOIN orders o ON o.id = l.order_id "
                          "WHERE o.status NOT IN ('cancelled', 'returned') GROUP BY l.product_id")) {
      held[row.Int(0)] = row.Int(1);
    }
  });
  std::int64_t ordered_products = 0;
  for (const auto& [product, before] : stock_before) {
    auto now = store.catalog.GetProduct(core::ProductId{product});
    ASSERT_TRUE(now.has_value()) << "product " << product << " is no longer listed";
    if (before > 0) {
      EXPECT_GE(now->stock, 1) << "product " << product << " sold out";
    }
    EXPECT_EQ(before - now->stock, held.contains(product) ? held.at(product) : 0) << "product " << product;
    if (held.contains(product)) ++ordered_products;
  }
  EXPECT_EQ(ordered_products, static_cast<std::int64_t>(held.size())) << "an order holds a product outside the sample";
  EXPECT_EQ(store.catalog.CountActiveProducts(), 1000);
  EXPECT_EQ(store.Count("SELECT COUNT(*) FROM products WHERE stock < 0"), 0);

  // Every order is whole: lines that add up to its total, a timeline that starts at checkout and
  // moves forward in time, nothing in the future.
  EXPECT_EQ(store.Count("SELECT COUNT(*) FROM orders o WHERE o.subtotal <> "
                        "(SELECT SUM(l.line_kpw) FROM order_lines l WHERE l.order_id = o.id)"),
            0);
  EXPECT_EQ(store.Count("SELECT COUNT(*) FROM orders o WHERE o.total <> o.subtotal + o.delivery_fee"), 0);
  EXPECT_EQ(store.Count("SELECT COUNT(*) FROM order_steps s WHERE EXISTS (SELECT 1 FROM order_steps p WHERE "
                        "p.order_id = s.order_id AND p.id < s.id AND p.created_at > s.created_at)"),
            0);
  EXPECT_EQ(store.Count("SELECT COUNT(*) FROM orders o WHERE o.created_at <> "
                        "(SELECT MIN(s.created_at) FROM order_steps s WHERE s.order_id = o.id)"),
            0);
  const std::int64_t now = core::ToUnixSeconds(store.clock.Now());
  EXPECT_EQ(store.database.database().Read([&](db::Connection& connection) {
    return connection.QueryOne("SELECT COUNT(*) FROM order_steps WHERE created_at > $1", {now})->Int(0);
  }),
            0);
  EXPECT_GT(store.database.database().Read([&](db::Connection& connection) {
    return connection.QueryOne("SELECT COUNT(*) FROM orders WHERE created_at < $1", {now - 30 * 24 * 3600})->Int(0);
  }),
            0)
      << "no order is from the past months";

  // The server's jobs, run now, find nothing to move: the demo's statuses stay as generated.
  EXPECT_EQ(store.orders.ExpireOverdueBankTransfers(), 0);
  EXPECT_EQ(store.orders.AutoConfirmDelivered(), 0);

  // Demo members still sign in with the demo password, and their orders are theirs.
  const std::int64_t busiest_buyer =
      store.Count("SELECT buyer_id FROM orders GROUP BY buyer_id ORDER BY COUNT(*) DESC, buyer_id LIMIT 1");
  const auto buyer = store.accounts.FindUser(core::UserId{busiest_buyer});
  ASSERT_TRUE(buyer.has_value());
  EXPECT_TRUE(store.accounts.Login(buyer->email, "manmulsang-demo", "10.0.0.1", accounts::SessionKind::api));
  EXPECT_GT(store.orders.BuyerOrders(buyer->id).total, 1);
  // The admin who recorded the deposits signs in with the password the summary shows once; the
  // demo password of the members does not open it, and the store does not hold the password.
  EXPECT_EQ(store.Count("SELECT COUNT(*) FROM users WHERE role = 'admin'"), 1);
  EXPECT_EQ(summary.admin_email, "admin@example.kp");
  EXPECT_EQ(summary.admin_password.size(), 19u);
  auto admin =
      store.accounts.Login(summary.admin_email, summary.admin_password, "10.0.0.2", accounts::SessionKind::api);
  ASSERT_TRUE(admin.has_value());
  EXPECT_EQ(admin->user.role, core::Role::admin);
  EXPECT_FALSE(store.accounts.Login(summary.admin_email, "manmulsang-demo", "10.0.0.3", accounts::SessionKind::api));
  EXPECT_EQ(store.Count("SELECT COUNT(*) FROM users WHERE password_hash LIKE '%" + summary.admin_password + "%'"), 0);
  // Imported goods can be bought: the demo set the rates it priced them at.
  EXPECT_EQ(store.payments.CurrentRates().Rate(core::Currency::usd), kWonPerDollar * payments::kRateScale);
  EXPECT_EQ(store.payments.CurrentRates().Rate(core::Currency::cny), kWonPerYuan * payments::kRateScale);
}

TEST(DemoOrders, ShortDeadlinesOfTheServerLeaveTheDemoStatusesAlone) {
  Store store;
  const DemoSummary marketplace = store.Marketplace(300, 5);
  DemoOptions options = store.Options(marketplace.products, 5);
  options.order_settings.bank_transfer_deadline_hours = 6;
  options.order_settings.auto_confirm_days = 2;
  const DemoOrdersSummary summary = GenerateDemoOrders(store.database.database(), store.accounts, store.sellers,
                                                       store.catalog, store.clock, marketplace, options);
  EXPECT_EQ(summary.dropped, 0);
  EXPECT_GT(summary.by_status.at(orders::OrderStatus::awaiting_payment), 0);
  EXPECT_GT(summary.by_status.at(orders::OrderStatus::delivered), 0);
  // The server's jobs read the deadlines an admin stored.
  const core::Actor admin{core::UserId{1}, core::Role::admin, "관리자"};
  ASSERT_TRUE(store.database.services().settings.Update(admin, 0, options.order_settings, "짧은 기한"));
  EXPECT_EQ(store.orders.ExpireOverdueBankTransfers(), 0);
  EXPECT_EQ(store.orders.AutoConfirmDelivered(), 0);
}

TEST(DemoOrders, SameSeedGivesTheSameOrders) {
  Store first;
  Store second;
  Store other;
  first.Orders(first.Marketplace(300, 42), 42);
  second.Orders(second.Marketplace(300, 42), 42);
  other.Orders(other.Marketplace(300, 43), 43);
  const std::vector<std::string> left = first.Describe();
  ASSERT_FALSE(left.empty());
  EXPECT_EQ(left, second.Describe());
  EXPECT_NE(left, other.Describe());
  EXPECT_EQ(first.payments.Audit().transfers, second.payments.Audit().transfers);
}

}  // namespace
}  // namespace manmulsang::demo
