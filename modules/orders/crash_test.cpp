// kill -9 in the middle of a checkout load: after a restart every checkout that reported success
// is there, whole, and nothing is half-written (stock, orders, ledger agree).

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "manmulsang/orders/orders.hpp"
#include "temp_directory.hpp"
#include "test_database.hpp"
#include "wiring/all_migrations.hpp"
#include "wiring/marketplace_services.hpp"

namespace manmulsang::orders {
namespace {

using namespace std::chrono_literals;

constexpr int kBuyers = 40;
constexpr int kProducts = 6;
constexpr std::int64_t kStock = 100'000;
constexpr int kWorkers = 4;

// Every service over one store, wired as the server wires them; opening it applies whatever
// migrations are pending (none after the first).
struct Marketplace {
  explicit Marketplace(const std::string& url) : database(db::Database::Open(url)) {
    database->Migrate(app::AllMigrations());
    services = std::make_unique<app::MarketplaceServices>(*database, clock);
  }

  std::unique_ptr<db::Database> database;
  core::SystemClock clock;
  std::unique_ptr<app::MarketplaceServices> services;
  sellers::SellerService& sellers() { return services->sellers; }
  catalog::CatalogService& catalog() { return services->catalog; }
  payments::PaymentService& payments() { return services->payments; }
  cart::CartService& cart() { return services->cart; }
  OrderService& orders() { return services->orders; }
};

std::vector<core::ProductId> Prepare(const std::string& url) {
  Marketplace market(url);
  std::vector<sellers::NewShop> shops;
  for (int index = 0; index < 3; ++index) {
    shops.push_back(
        {core::UserId{10 + index}, "상점 " + std::to_string(index), "", "평양", sellers::ShopStatus::approved});
  }
  const std::vector<core::SellerId> shop_ids = market.sellers().InsertShops(shops);
  std::vector<catalog::NewProduct> products(kProducts);
  for (int index = 0; index < kProducts; ++index) {
    products[index].seller = shop_ids[index % shop_ids.size()];
    products[index].category = market.catalog().CategoryBySlug("food")->id;
    products[index].name = "상품 " + std::to_string(index);
    products[index].price = {1'000 + index * 100, core::Currency::kpw};
    products[index].stock = kStock;
  }
  for (int buyer = 0; buyer < kBuyers; ++buyer) {
    if (!market.payments().CreditWallet(
            {core::UserId{1000 + buyer}, {1'000'000'000, core::Currency::kpw}, "입금", core::UserId{1}})) {
      ADD_FAILURE() << "top-up failed";
    }
  }
  return market.catalog().InsertProducts(products);
}

// The child: checkouts from several threads until it is killed. Each order id is written to the
// pipe only after its checkout returned, i.e. after the commit: what a 201 would have promised.
[[noreturn]] void RunLoad(const std::string& url, const std::vector<core::ProductId>& products, int pipe_fd) {
  Marketplace market(url);
  std::atomic<int> next_buyer = 0;
  std::vector<std::thread> workers;
  for (int worker = 0; worker < kWorkers; ++worker) {
    workers.emplace_back([&, worker] {
      for (int round = 0;; ++round) {
        const core::UserId buyer{1000 + (next_buyer++ % kBuyers)};
        const cart::CartOwner owner = cart::CartOwner::Member(buyer);
        // Buyers are shared between workers, so another worker may have emptied this cart.
        (void)market.cart().AddItem(owner, products[round % products.size()], 1 + round % 3);
        (void)market.cart().AddItem(owner, products[(round + worker + 1) % products.size()], 1);
        CheckoutCommand command{buyer, round % 4 == 0 ? PaymentMethod::cash_on_delivery : PaymentMethod::wallet,
                                "평양시 " + std::to_string(round), ""};
        auto receipt = market.orders().Checkout(command);
        if (!receipt) continue;
        std::string line;
        for (const OrderSummary& order : receipt->orders) line += std::to_string(order.id.value) + "\n";
        if (write(pipe_fd, line.data(), line.size()) < 0) _exit(3);
      }
    });
  }
  for (std::thread& worker : workers) worker.join();
  _exit(0);
}

TEST(CrashTest, KillDuringCheckoutLoadLosesNoCommittedOrderAndHalfWritesNothing) {
  testing::TempDirectory directory("manmulsang-crash");
  // On PostgreSQL the kill ends the client mid-transaction, not the server: the store must still
  // hold every reported order whole and no half of another.
  std::unique_ptr<testing::PostgresTestDatabase> postgres;
  if (const std::optional<std::string> cluster = testing::TestPostgresUrl()) {
    postgres = std::make_unique<testing::PostgresTestDatabase>(*cluster);
  }
  const std::string url = postgres ? postgres->url() : "sqlite:" + (directory / "store.db").string();
  const std::vector<core::ProductId> products = Prepare(url);
  ASSERT_EQ(products.size(), static_cast<std::size_t>(kProducts));

  int pipe_fds[2];
  ASSERT_EQ(pipe(pipe_fds), 0);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    close(pipe_fds[0]);
    RunLoad(url, products, pipe_fds[1]);
  }
  close(pipe_fds[1]);

  // Let it commit a good number of checkouts, then kill it without warning, mid-stream.
  std::string reported;
  std::array<char, 4096> buffer{};
  const auto deadline = std::chrono::steady_clock::now() + 30s;
  while (std::count(reported.begin(), reported.end(), '\n') < 300 && std::chrono::steady_clock::now() < deadline) {
    const ssize_t got = read(pipe_fds[0], buffer.data(), buffer.size());
    if (got <= 0) break;
    reported.append(buffer.data(), static_cast<std::size_t>(got));
  }
  ASSERT_EQ(kill(child, SIGKILL), 0);
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "the load ended by itself: " << status;
  // What was written before the kill is still in the pipe.
  while (true) {
    const ssize_t got = read(pipe_fds[0], buffer.data(), buffer.size());
    if (got <= 0) break;
    reported.append(buffer.data(), static_cast<std::size_t>(got));
  }
  close(pipe_fds[0]);
  const std::size_t last_newline = reported.rfind('\n');
  ASSERT_NE(last_newline, std::string::npos) << "no checkout committed before the kill";
  reported.resize(last_newline + 1);

  // The restart.
  Marketplace market(url);
  db::Database& database = *market.database;
  const auto count = [&](std::string_view sql) {
    return database.Read([&](db::Connection& connection) { return connection.QueryOne(sql)->Int(0); });
  };
  std::set<std::int64_t> ids;
  for (std::size_t start = 0; start < reported.size();) {
    const std::size_t end = reported.find('\n', start);
    ids.insert(std::stoll(reported.substr(start, end - start)));
    start = end + 1;
  }
  const core::Actor admin{core::UserId{1}, core::Role::admin, "관리자"};
  for (std::int64_t id : ids) {
    auto order = market.orders().GetOrder(admin, core::OrderId{id});
    ASSERT_TRUE(order.has_value()) << "order " << id << " was reported committed but is gone";
    EXPECT_FALSE(order->lines.empty());
    std::int64_t total = 0;
    for (const OrderLine& line : order->lines) total += line.line_total_kpw;
    EXPECT_EQ(total, order->total_kpw);
    EXPECT_FALSE(order->timeline.empty());
  }
  EXPECT_GE(count("SELECT COUNT(*) FROM orders"), static_cast<std::int64_t>(ids.size()));
  RecordProperty("reported_orders", static_cast<int>(ids.size()));
  RecordProperty("stored_orders", static_cast<int>(count("SELECT COUNT(*) FROM orders")));

  // Nothing half-written: what left the stock is exactly what the orders hold ...
  for (core::ProductId product : products) {
    const std::int64_t stock = database.Read([&](db::Connection& connection) {
      return connection.QueryOne("SELECT stock FROM products WHERE id = $1", {product.value})->Int(0);
    });
    const std::int64_t ordered = database.Read([&](db::Connection& connection) {
      return connection
          .QueryOne("SELECT COALESCE(SUM(quantity), 0) FROM order_lines WHERE product_id = $1", {product.value})
          ->Int(0);
    });
    EXPECT_EQ(kStock - stock, ordered) << "product " << product.value;
  }
  // ... every order has its lines and its first step, every wallet order its one payment ...
  EXPECT_EQ(count("SELECT COUNT(*) FROM orders o WHERE NOT EXISTS "
                  "(SELECT 1 FROM order_lines l WHERE l.order_id = o.id)"),
            0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM orders o WHERE NOT EXISTS "
                  "(SELECT 1 FROM order_steps s WHERE s.order_id = o.id)"),
            0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM orders o WHERE o.payment_method = 'wallet' AND "
                  "(SELECT COUNT(*) FROM ledger_transfers t WHERE t.order_id = o.id AND t.kind = 'payment') <> 1"),
            0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM orders WHERE payment_method = 'wallet' AND status <> 'paid'"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM checkouts WHERE receipt = ''"), 0);
  // ... and the ledger balances, with what the buyers paid equal to what escrow holds.
  const payments::LedgerAudit audit = market.payments().Audit();
  EXPECT_EQ(audit.sum, 0);
  EXPECT_EQ(audit.unbalanced_transfers, 0);
  EXPECT_EQ(audit.negative_wallets, 0);
  EXPECT_EQ(count("SELECT COALESCE(SUM(total), 0) FROM orders WHERE payment_method = 'wallet'"),
            count("SELECT COALESCE(SUM(e.amount), 0) FROM ledger_entries e JOIN ledger_accounts a "
                  "ON a.id = e.account_id WHERE a.kind = 'escrow'"));
}

}  // namespace
}  // namespace manmulsang::orders
