// What a cluster survives: a node killed (SIGKILL) while checkouts run on it loses no order it
// answered 201 for, and a buyer who never got an answer can send the same Idempotency-Key to the
// other node and end up with exactly one order; the database dropping every connection at once
// (as a PostgreSQL restart does) leaves both nodes healthy and selling within seconds.
#include <atomic>
#include <chrono>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "cluster_fixture.hpp"
#include "manmulsang/db/database.hpp"

namespace manmulsang::testing {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

// Named ...ClusterTest so that `ctest -R ClusterTest` runs these with the others.
class ResilienceClusterTest : public ClusterTest {
 protected:
  db::Database& Store() {
    if (!store_) store_ = db::Database::Open(cluster_->database_url());
    return *store_;
  }

  // The order ids of a 201 checkout answer.
  static std::vector<std::int64_t> OrderIds(const HttpResponse& answer) {
    std::vector<std::int64_t> ids;
    const boost::json::value json = answer.Json();
    for (const auto& order : json.at("orders").as_array()) ids.push_back(Int(order.at("id")));
    return ids;
  }

  // The order's wallet payment in the ledger: how many 'payment' transfers name it, and whether
  // each balances (its entries sum to zero, at least two of them).
  std::pair<std::int64_t, bool> Payments(std::int64_t order) {
    return Store().Read([&](db::Connection& connection) {
      std::int64_t transfers = 0;
      bool balanced = true;
      for (const db::Row& transfer :
           connection.Query("SELECT id FROM ledger_transfers WHERE order_id = $1 AND kind = 'payment'", {order})) {
        ++transfers;
        auto sums = connection.QueryOne(
            "SELECT COUNT(*), COALESCE(SUM(amount), 0) FROM ledger_entries WHERE transfer_id = $1", {transfer.Int(0)});
        balanced = balanced && sums->Int(0) >= 2 && sums->Int(1) == 0;
      }
      return std::pair{transfers, balanced};
    });
  }

  std::unique_ptr<db::Database> store_;
};

TEST_F(ResilienceClusterTest, ANodeKilledMidCheckoutLosesNoOrderItAnswered201For) {
  constexpr int kBuyers = 24;
  constexpr std::int64_t kPrice = 1000;
  constexpr std::int64_t kStock = 100;
  const std::string admin = AdminToken();
  const std::int64_t product = NewListing(Login(1, kDemoSellerEmail, kDemoPassword), kPrice, kStock);
  std::vector<Member> buyers;
  for (int index = 0; index < kBuyers; ++index) {
    buyers.push_back(Register(1));
    Credit(1, admin, buyers.back().id, kPrice);
    AddToCart(1, buyers.back(), product);
  }

  // Every buyer checks out on node 0 at once; node 0 is killed as soon as the first order is
  // answered, with the others still running (they all update the one listing's row, so
  // PostgreSQL takes them one after another).
  std::vector<HttpResponse> answers(kBuyers);
  std::vector<std::string> failures(kBuyers);
  std::atomic<int> ready{0};
  std::atomic<int> placed{0};
  std::vector<std::thread> threads;
  for (int index = 0; index < kBuyers; ++index) {
    threads.emplace_back([&, index] {
      ready.fetch_add(1);
      while (ready.load() < kBuyers) std::this_thread::yield();
      try {
        answers[index] = Checkout(0, buyers[index], "crash-" + std::to_string(index));
        if (answers[index].status == 201) placed.fetch_add(1);
      } catch (const std::exception& error) {
        failures[index] = error.what();  // the node died before it answered
      }
    });
  }
  const auto started = Clock::now();
  while (placed.load() == 0 && Clock::now() - started < 60s) std::this_thread::sleep_for(1ms);
  cluster_->KillNode(0);
  for (std::thread& thread : threads) thread.join();
  ASSERT_GT(placed.load(), 0) << "no checkout was answered 201 before the kill";

  int unanswered = 0;
  for (int index = 0; index < kBuyers; ++index) {
    if (!failures[index].empty()) {
      ++unanswered;
      continue;
    }
    const HttpResponse& answer = answers[index];
    ASSERT_EQ(answer.status, 201) << "buyer " << index << ": " << answer.body;
    // What node 0 promised is in the store, as node 1 reads it: the order, paid, and its payment.
    for (const std::int64_t order : OrderIds(answer)) {
      HttpResponse shown = Client(1, buyers[index].token).Get("/api/v1/orders/" + std::to_string(order));
      ASSERT_EQ(shown.status, 200) << "order " << order << " answered 201 by node 0 is gone: " << shown.body;
      EXPECT_EQ(shown.Json().at("status").as_string(), "paid") << shown.body;
      const auto [transfers, balanced] = Payments(order);
      EXPECT_EQ(transfers, 1) << "order " << order << " has " << transfers << " payments in the ledger";
      EXPECT_TRUE(balanced) << "order " << order << "'s payment does not balance";
    }
    EXPECT_EQ(Balance(1, buyers[index]), 0) << "buyer " << index;
  }
  RecordProperty("answered", placed.load());
  RecordProperty("unanswered", unanswered);
  EXPECT_GT(unanswered, 0) << "every checkout was answered before the kill: it landed after the run, not in it";

  // A buyer left without an answer asks node 1 again under the same key: the checkout node 0
  // committed is answered from its receipt, one it lost is placed now. Either way one order each.
  for (int index = 0; index < kBuyers; ++index) {
    if (failures[index].empty()) continue;
    HttpResponse again = Checkout(1, buyers[index], "crash-" + std::to_string(index));
    EXPECT_EQ(again.status, 201) << "buyer " << index << " retrying: " << again.body;
  }
  for (int index = 0; index < kBuyers; ++index) {
    EXPECT_EQ(Orders(1, buyers[index]), 1) << "buyer " << index;
    EXPECT_EQ(Balance(1, buyers[index]), 0) << "buyer " << index;
  }
  EXPECT_EQ(Stock(1, product), kStock - kBuyers);
}

TEST_F(ResilienceClusterTest, BothNodesRecoverWhenTheDatabaseDropsEveryConnection) {
  // The tests share one PostgreSQL server (CTest's `postgres` fixture), so restarting it would
  // break the tests running beside this one. What a restart does to the nodes is what this
  // does: every session of this cluster's database ends at once (pg_terminate_backend, as a
  // shutdown ends them), the pooled connections and each node's LISTEN connection die, and the
  // nodes must connect again.
  const std::string admin = AdminToken();
  const std::int64_t product = NewListing(Login(0, kDemoSellerEmail, kDemoPassword), 1500, 10);
  std::vector<Member> buyers;
  for (int node : {0, 1}) {
    buyers.push_back(Register(node));
    Credit(node, admin, buyers.back().id, 1500);
    AddToCart(node, buyers.back(), product);
  }
  // Both nodes have connections open: each has served reads and writes.
  for (int node : {0, 1}) ASSERT_EQ(Client(node).Get("/p/" + std::to_string(product)).status, 200);

  std::int64_t terminated = 0;
  {
    std::unique_ptr<db::Database> killer = db::Database::Open(cluster_->database_url());
    terminated = killer->Write([](db::Connection& connection) {
      std::int64_t ended = 0;
      for (const db::Row& row :
           connection.Query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = "
                            "current_database() AND pid <> pg_backend_pid()")) {
        ended += row.Int(0) != 0 ? 1 : 0;
      }
      return ended;
    });
  }
  ASSERT_GE(terminated, 2) << "fewer sessions than nodes were ended";
  RecordProperty("sessions_ended", static_cast<int>(terminated));

  // /healthz asks the database; both nodes answer 200 again within a few seconds.
  for (int node : {0, 1}) {
    const auto since = Clock::now();
    int status = 0;
    while (Clock::now() - since < 10s) {
      try {
        status = Client(node).Get("/healthz").status;
      } catch (const std::exception&) {
        status = -1;
      }
      if (status == 200) break;
      std::this_thread::sleep_for(100ms);
    }
    EXPECT_EQ(status, 200) << "node " << node << " did not recover /healthz within 10 s";
  }
  // And each sells again, on its own connections.
  for (int node : {0, 1}) {
    HttpResponse placed = Checkout(node, buyers[node], "after-drop-" + std::to_string(node));
    EXPECT_EQ(placed.status, 201) << "node " << node << ": " << placed.body;
    EXPECT_EQ(Orders(1 - node, buyers[node]), 1) << "node " << node;
  }
  EXPECT_EQ(Stock(-1, product), 8);

  // The LISTEN connection came back too: a page node 1 caches follows a change made on node 0.
  const std::string seller = Login(0, kDemoSellerEmail, kDemoPassword);
  const std::string page = "/p/" + std::to_string(product);
  for (int view = 0; view < 2; ++view) ASSERT_EQ(Client(1).Get(page).status, 200);
  HttpResponse changed = Client(0, seller).Send("PATCH", "/api/v1/seller/products/" + std::to_string(product),
                                                R"({"stock":3})", "application/json");
  ASSERT_EQ(changed.status, 200) << changed.body;
  bool followed = false;
  const auto since = Clock::now();
  while (!followed && Clock::now() - since < 5s) {
    followed = Client(1).Get(page).body.find("재고 3개") != std::string::npos;
    if (!followed) std::this_thread::sleep_for(50ms);
  }
  EXPECT_TRUE(followed) << "node 1's cached page missed node 0's change after the connections dropped";
}

}  // namespace
}  // namespace manmulsang::testing
