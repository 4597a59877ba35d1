// kill -9 of the real server in the middle of a checkout load, then a restart on the same data
// folder (issue 4): every order that got a 201 is there, whole and as answered; a client whose
// answer was lost can retry with its Idempotency-Key; stock taken equals the quantities ordered;
// wallets hold exactly their top-ups minus their wallet orders; the ledger balances. Checked
// through the API, then by reading the SQLite file once the restarted server has stopped.
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <regex>
#include <set>
#include <thread>
#include <vector>

#include "blackbox.hpp"
#include "manmulsang/db/database.hpp"

namespace manmulsang::testing {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

constexpr int kStoreProducts = 80;
constexpr int kClients = 6;
constexpr int kLoadProducts = 6;
// The kill comes once this many checkouts were answered 201, or when the load has run this long.
constexpr int kAnsweredBeforeKill = 60;
constexpr auto kLoadLimit = 40s;
constexpr std::int64_t kTopUp = 500'000'000;  // won: no wallet runs dry, so every refusal is stock
constexpr const char* kAdminPassword = "Naengmyeon-Cold-2024";

// The restart: `serve` again on the same data folder. (TestServer::Start keeps the port of its
// first run, so it cannot be started twice.)
class RestartedServer {
 public:
  explicit RestartedServer(const std::filesystem::path& data) : log_directory_("manmulsang-crash-restart") {
    log_ = log_directory_ / "server.log";
    pid_ = SpawnBinary({"serve", "--listen", "127.0.0.1:0", "--data", data.string(), "--request-timeout", "5"}, log_,
                       log_);
    static const std::regex kListening(R"(listening on http://127\.0\.0\.1:(\d+))");
    const auto deadline = Clock::now() + 60s;
    while (port_ == 0) {
      std::smatch match;
      const std::string log = Log();
      if (std::regex_search(log, match, kListening)) {
        port_ = static_cast<std::uint16_t>(std::stoi(match[1].str()));
      } else if (WaitForChild(pid_, 0ms) || Clock::now() > deadline) {
        throw std::runtime_error("the restarted server did not start:\n" + log);
      } else {
        std::this_thread::sleep_for(20ms);
      }
    }
    HttpClient client("127.0.0.1", port_);
    while (true) {
      try {
        if (client.Get("/healthz").status == 200) return;
      } catch (const std::exception&) {
        // Not accepting yet.
      }
      if (Clock::now() > deadline) throw std::runtime_error("the restarted server never became healthy:\n" + Log());
      std::this_thread::sleep_for(50ms);
    }
  }
  ~RestartedServer() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      WaitForChild(pid_, 10s);
    }
  }

  HttpClient Client(const std::string& token = {}) const {
    HttpClient client("127.0.0.1", port_);
    if (!token.empty()) client.set_bearer_token(token);
    return client;
  }
  // SIGTERM and the exit code.
  int Stop() {
    ::kill(pid_, SIGTERM);
    const std::optional<int> exit_code = WaitForChild(pid_, 30s);
    if (!exit_code) return -SIGKILL;
    pid_ = -1;
    return *exit_code;
  }
  std::string Log() const {
    std::ifstream file(log_);
    return std::string(std::istreambuf_iterator<char>(file), {});
  }

 private:
  TempDirectory log_directory_;
  std::filesystem::path log_;
  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
};

struct LoadProduct {
  std::int64_t id = 0;
  std::int64_t stock = 0;
};

struct Buyer {
  std::int64_t id = 0;
  std::string token;
};

// What a 201 promised: the orders as answered.
struct AnsweredOrder {
  std::size_t buyer = 0;  // index into the buyers
  std::int64_t id = 0;
  std::string status;
  std::int64_t total = 0;
};

// A checkout that was on the wire when the server died: its key and body, to retry.
struct LostCheckout {
  std::size_t buyer = 0;
  std::string key;
  std::string method;
};

class CrashTest : public ::testing::Test {
 protected:
  static HttpClient ClientOf(const TestServer& server, const std::string& token = {}) {
    HttpClient client(server.host(), server.port());
    if (!token.empty()) client.set_bearer_token(token);
    return client;
  }

  // Every order of one buyer, all pages: id → the order's JSON.
  static std::map<std::int64_t, boost::json::object> AllOrders(const RestartedServer& server, const Buyer& buyer) {
    std::map<std::int64_t, boost::json::object> orders;
    for (int page = 1; page <= 100; ++page) {
      const HttpResponse response =
          server.Client(buyer.token).Get("/api/v1/orders?per_page=100&page=" + std::to_string(page));
      if (response.status != 200) throw std::runtime_error("/api/v1/orders: " + response.body);
      const boost::json::value json = response.Json();
      const boost::json::array& items = json.at("items").as_array();
      for (const boost::json::value& item : items) orders[Int(item.at("id"))] = item.as_object();
      if (items.size() < 100) break;
    }
    return orders;
  }
};

TEST_F(CrashTest, KillNineDuringCheckoutLoadKeepsEveryAnsweredOrderWholeAndHalfWritesNothing) {
  TestServerOptions options;
  options.demo_products = kStoreProducts;
  options.demo_seed = 11;
  options.serve_arguments = {"--request-timeout", "5"};
  TestServer server(options);
  TempDirectory files("manmulsang-crash-files");
  {
    std::ofstream password(files / "admin.password");
    password << kAdminPassword << "\n";
  }
  // TestServer runs `demo` in Start; the admin made first is the store's first member.
  const CommandResult created = RunServerCommand({"admin", "create-user", "--email", "crash-admin@example.com",
                                                  "--password-file", (files / "admin.password").string(), "--role",
                                                  "admin", "--data", server.data_directory().string()});
  ASSERT_EQ(created.exit_code, 0) << created.output;
  // The second admin of the two-person rule: the top-ups below are above its limit.
  const CommandResult cashier = RunServerCommand({"admin", "create-user", "--email", "crash-cashier@example.com",
                                                  "--password-file", (files / "admin.password").string(), "--role",
                                                  "admin", "--data", server.data_directory().string()});
  ASSERT_EQ(cashier.exit_code, 0) << cashier.output;
  ASSERT_NO_THROW(server.Start());

  const HttpResponse login = ClientOf(server).PostJson(
      "/api/v1/auth/login", {{"email", "crash-admin@example.com"}, {"password", kAdminPassword}});
  ASSERT_EQ(login.status, 200) << login.body;
  const std::string admin_token(login.Json().at("token").as_string());
  const HttpResponse cashier_login = ClientOf(server).PostJson(
      "/api/v1/auth/login", {{"email", "crash-cashier@example.com"}, {"password", kAdminPassword}});
  ASSERT_EQ(cashier_login.status, 200) << cashier_login.body;
  const std::string cashier_token(cashier_login.Json().at("token").as_string());

  // The listings under load: priced in won, with stock; their stock now is the baseline.
  std::vector<LoadProduct> products;
  {
    const HttpResponse listing = ClientOf(server).Get("/api/v1/products?per_page=100&sort=price_asc");
    ASSERT_EQ(listing.status, 200) << listing.body;
    const boost::json::value json = listing.Json();
    for (const boost::json::value& item : json.at("items").as_array()) {
      if (item.at("price").at("currency").as_string() != "KPW" || Int(item.at("stock")) < 5) continue;
      products.push_back({Int(item.at("id")), Int(item.at("stock"))});
      if (products.size() == static_cast<std::size_t>(kLoadProducts)) break;
    }
  }
  ASSERT_GE(products.size(), 2u) << "the demo store has too few listings in stock";

  // The buyers, each with a wallet topped up by the admin.
  std::vector<Buyer> buyers;
  for (int index = 0; index < kClients; ++index) {
    const HttpResponse registered = ClientOf(server).PostJson(
        "/api/v1/auth/register",
        {{"email", "crash-" + std::to_string(::getpid()) + "-" + std::to_string(index) + "@example.com"},
         {"password", kPassword},
         {"name", "구매자"}});
    ASSERT_EQ(registered.status, 201) << registered.body;
    const boost::json::value json = registered.Json();
    buyers.push_back({Int(json.at("user").at("id")), std::string(json.at("token").as_string())});
    const HttpResponse credited =
        ClientOf(server, admin_token)
            .PostJson("/api/v1/admin/wallets/" + std::to_string(buyers.back().id) + "/credit",
                      {{"amount", kTopUp}, {"currency", "KPW"}, {"reference", "crash test deposit"}});
    ASSERT_EQ(credited.status, 202) << credited.body;
    const HttpResponse approved =
        ClientOf(server, cashier_token)
            .PostJson(
                "/api/v1/admin/credits/" + std::to_string(Int(credited.Json().at("pending_credit_id"))) + "/approve",
                boost::json::object{});
    ASSERT_EQ(approved.status, 200) << approved.body;
  }

  // The load: each client fills its cart and checks out, wallet or cash on delivery, with a key
  // of its own, until the server is gone. Every 201 is written down before the next request.
  std::mutex mutex;
  std::vector<AnsweredOrder> answered;
  std::vector<LostCheckout> lost;
  std::vector<std::string> anomalies;  // anything but 201/409 while the server was alive
  std::atomic<int> answered_checkouts{0};
  std::atomic<bool> killing{false};
  std::vector<std::thread> clients;
  for (int client_index = 0; client_index < kClients; ++client_index) {
    clients.emplace_back([&, client_index] {
      const Buyer& buyer = buyers[client_index];
      HttpClient client = ClientOf(server, buyer.token);
      client.set_timeout(10s);
      for (int round = 0; !killing; ++round) {
        const std::string key = "crash-" + std::to_string(client_index) + "-" + std::to_string(round);
        const std::string method = round % 3 == 2 ? "cod" : "wallet";
        bool checkout_sent = false;
        try {
          const LoadProduct& first = products[(client_index + round) % products.size()];
          const LoadProduct& second = products[(client_index + 2 * round + 1) % products.size()];
          std::set<std::int64_t> in_cart = {first.id};
          HttpResponse added =
              client.PostJson("/api/v1/cart/items", {{"product_id", first.id}, {"quantity", 1 + round % 2}});
          if (round % 2 == 1 && added.status == 201) {
            added = client.PostJson("/api/v1/cart/items", {{"product_id", second.id}, {"quantity", 1}});
            in_cart.insert(second.id);
          }
          if (added.status != 201) {
            std::lock_guard lock(mutex);
            anomalies.push_back("add to cart: " + std::to_string(added.status) + " " + added.body.substr(0, 200));
            return;
          }
          checkout_sent = true;
          const HttpResponse placed = client.PostJson(
              "/api/v1/orders", {{"payment_method", method}, {"address", "평양시 중구역 중앙거리 " + key}},
              {{"Idempotency-Key", key}});
          checkout_sent = false;
          if (placed.status == 201) {
            const boost::json::value receipt = placed.Json();
            std::lock_guard lock(mutex);
            for (const boost::json::value& order : receipt.at("orders").as_array()) {
              answered.push_back({static_cast<std::size_t>(client_index), Int(order.at("id")),
                                  std::string(order.at("status").as_string()), Int(order.at("total").at("amount"))});
            }
            ++answered_checkouts;
          } else if (placed.status == 409) {
            // Sold out: a clear refusal. Empty the cart for the next round.
            for (std::int64_t product : in_cart)
              client.Send("DELETE", "/api/v1/cart/items/" + std::to_string(product), "", "");
          } else {
            std::lock_guard lock(mutex);
            anomalies.push_back("checkout: " + std::to_string(placed.status) + " " + placed.body.substr(0, 200));
            return;
          }
        } catch (const std::exception& error) {
          std::lock_guard lock(mutex);
          if (!killing) anomalies.push_back(std::string("while serving: ") + error.what());
          if (checkout_sent) lost.push_back({static_cast<std::size_t>(client_index), key, method});
          return;
        }
      }
    });
  }
  const auto load_deadline = Clock::now() + kLoadLimit;
  while (answered_checkouts < kAnsweredBeforeKill && Clock::now() < load_deadline) std::this_thread::sleep_for(5ms);
  killing = true;
  server.Kill();  // SIGKILL: no shutdown, no flush, requests in flight cut off
  for (std::thread& client : clients) client.join();
  ASSERT_TRUE(anomalies.empty()) << anomalies.front();
  ASSERT_GT(answered_checkouts.load(), 0) << "no checkout was answered before the kill:\n" << server.Log();
  RecordProperty("answered_checkouts", answered_checkouts.load());
  RecordProperty("lost_checkouts", static_cast<int>(lost.size()));

  std::unique_ptr<RestartedServer> restarted;
  ASSERT_NO_THROW(restarted = std::make_unique<RestartedServer>(server.data_directory()));

  // A client whose answer was lost retries with the same key and body: it gets the order that
  // was committed (replayed) or, if nothing was, a fresh checkout of the cart it still has.
  for (const LostCheckout& retry : lost) {
    const HttpResponse placed =
        restarted->Client(buyers[retry.buyer].token)
            .PostJson("/api/v1/orders",
                      {{"payment_method", retry.method}, {"address", "평양시 중구역 중앙거리 " + retry.key}},
                      {{"Idempotency-Key", retry.key}});
    ASSERT_TRUE(placed.status == 201 || placed.status == 409) << placed.status << " " << placed.body;
    if (placed.status == 409) continue;  // e.g. sold out meanwhile: nothing was stored under the key
    const boost::json::value receipt = placed.Json();
    for (const boost::json::value& order : receipt.at("orders").as_array()) {
      answered.push_back({retry.buyer, Int(order.at("id")), std::string(order.at("status").as_string()),
                          Int(order.at("total").at("amount"))});
    }
  }

  // Every answered order is there as answered, whole: lines that add up, a timeline.
  std::vector<std::map<std::int64_t, boost::json::object>> orders_of(buyers.size());
  for (std::size_t index = 0; index < buyers.size(); ++index) orders_of[index] = AllOrders(*restarted, buyers[index]);
  for (const AnsweredOrder& promise : answered) {
    const HttpResponse shown =
        restarted->Client(buyers[promise.buyer].token).Get("/api/v1/orders/" + std::to_string(promise.id));
    ASSERT_EQ(shown.status, 200) << "order " << promise.id
                                 << " got a 201 but is gone after the restart: " << shown.body;
    const boost::json::value order = shown.Json();
    EXPECT_EQ(order.at("status").as_string(), promise.status) << shown.body;
    EXPECT_EQ(Int(order.at("total").at("amount")), promise.total) << shown.body;
    EXPECT_TRUE(orders_of[promise.buyer].contains(promise.id)) << "order " << promise.id << " missing from the list";
  }
  std::map<std::int64_t, std::int64_t> ordered_quantity;
  for (std::size_t index = 0; index < buyers.size(); ++index) {
    std::int64_t wallet_spent = 0;
    for (const auto& [id, order] : orders_of[index]) {
      const boost::json::array& items = order.at("items").as_array();
      EXPECT_FALSE(items.empty()) << "order " << id << " has no lines";
      std::int64_t subtotal = 0;
      for (const boost::json::value& item : items) {
        subtotal += Int(item.at("line_total").at("amount"));
        ordered_quantity[Int(item.at("product_id"))] += Int(item.at("quantity"));
      }
      EXPECT_EQ(subtotal, Int(order.at("subtotal").at("amount"))) << "order " << id;
      EXPECT_EQ(Int(order.at("total").at("amount")),
                Int(order.at("subtotal").at("amount")) + Int(order.at("delivery_fee").at("amount")))
          << "order " << id;
      const std::string method(order.at("payment_method").as_string());
      EXPECT_EQ(order.at("status").as_string(), method == "wallet" ? "paid" : "awaiting_payment") << "order " << id;
      if (method == "wallet") wallet_spent += Int(order.at("total").at("amount"));
    }
    // The wallet dropped by exactly the wallet orders that exist: no payment without its order,
    // no order without its payment.
    const HttpResponse wallet = restarted->Client(buyers[index].token).Get("/api/v1/wallet");
    ASSERT_EQ(wallet.status, 200) << wallet.body;
    const std::int64_t balance = Int(wallet.Json().at("balance").at("amount"));
    EXPECT_GE(balance, 0);
    EXPECT_EQ(balance, kTopUp - wallet_spent) << "buyer " << buyers[index].id;
  }
  // Stock taken is exactly what the orders hold; nothing left the shelf without an order.
  for (const LoadProduct& product : products) {
    const HttpResponse shown = restarted->Client().Get("/api/v1/products/" + std::to_string(product.id));
    ASSERT_EQ(shown.status, 200) << shown.body;
    const std::int64_t stock = Int(shown.Json().at("stock"));
    EXPECT_GE(stock, 0);
    EXPECT_EQ(product.stock - stock, ordered_quantity[product.id]) << "product " << product.id;
  }
  ASSERT_EQ(restarted->Stop(), 0) << restarted->Log();

  // The store itself, read once nobody writes: the ledger balances, every wallet order has its one
  // payment, every order its lines and first step, every stored key its receipt.
  const std::unique_ptr<db::Database> store = db::Database::Open(server.database_url());
  const auto count = [&](std::string_view sql) {
    return store->Read([&](db::Connection& connection) { return connection.QueryOne(sql)->Int(0); });
  };
  EXPECT_EQ(count("SELECT COALESCE(SUM(amount), 0) FROM ledger_entries"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM (SELECT transfer_id FROM ledger_entries GROUP BY transfer_id "
                  "HAVING SUM(amount) <> 0) AS unbalanced"),
            0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM (SELECT a.id FROM ledger_accounts a JOIN ledger_entries e ON "
                  "e.account_id = a.id WHERE a.kind IN ('buyer_wallet', 'seller_wallet') GROUP BY a.id "
                  "HAVING SUM(e.amount) < 0) AS overdrawn"),
            0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM orders o WHERE o.payment_method = 'wallet' AND "
                  "(SELECT COUNT(*) FROM ledger_transfers t WHERE t.order_id = o.id AND t.kind = 'payment') <> 1"),
            0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM ledger_transfers t WHERE t.order_id IS NOT NULL AND NOT EXISTS "
                  "(SELECT 1 FROM orders o WHERE o.id = t.order_id)"),
            0);
  EXPECT_EQ(
      count("SELECT COUNT(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id)"), 0);
  EXPECT_EQ(
      count("SELECT COUNT(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_steps s WHERE s.order_id = o.id)"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM checkouts WHERE receipt = ''"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM products WHERE stock < 0"), 0);
}

}  // namespace
}  // namespace manmulsang::testing
