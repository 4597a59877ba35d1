// Two real nodes on one PostgreSQL database and one media folder, behind a real nginx configured
// from deploy/nginx/manmulsang.conf (docs/DEPLOYMENT.md): a photo one node stores is served by
// nginx from the shared folder and by the other node; buyers on both nodes race for the same units
// and the same wallet, and the store gives each unit and each won once; a killed node's traffic
// goes to the other, and a restarted node serves again. Labelled `postgres`: CTest's fixture
// starts the tests' PostgreSQL cluster (MANMULSANG_TEST_POSTGRES).
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <boost/json.hpp>
#include <fstream>
#include <set>
#include <thread>

#include "test_cluster.hpp"

namespace manmulsang::testing {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

constexpr int kDemoProducts = 12;
constexpr const char* kDemoSellerEmail = "user0001@example.kp";  // the demo's first shop owner
constexpr const char* kDemoPassword = "manmulsang-demo";
constexpr const char* kAdminEmail = "cluster-admin@example.com";
constexpr const char* kAdminPassword = "Naengmyeon-Cluster-51";
constexpr const char* kBuyerPassword = "Kimchi-Jjigae-2024!";
constexpr const char* kAddress = "평양시 중구역 승리거리 25, 3층";

// The smallest valid PNG: one pixel.
const std::string kOnePixelPng(
    "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00"
    "\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\x0d\x49\x44\x41\x54\x78\xda\x63\x64\x60\xf8\x5f\x0f\x00\x02\x87\x01\x80"
    "\xeb\x47\xba\x92\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82",
    70);
constexpr std::string_view kBoundary = "----manmulsang-cluster-boundary-5e1a";

std::int64_t Int(const boost::json::value& value) { return value.to_number<std::int64_t>(); }

std::string ErrorCode(const HttpResponse& response) {
  try {
    return std::string(response.Json().at("error").at("code").as_string());
  } catch (const std::exception&) {
    return "(no error code in " + std::to_string(response.status) + " " + response.body + ")";
  }
}

std::string ReadFile(const fs::path& file) {
  std::ifstream input(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(input), std::istreambuf_iterator<char>());
}

struct Member {
  std::int64_t id = 0;
  std::string token;
};

class ClusterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    TestClusterOptions options;
    options.demo_products = kDemoProducts;
    cluster_ = std::make_unique<TestCluster>(options);
    cluster_->Start();
    ASSERT_EQ(cluster_->node_count(), 2u);
  }

  void TearDown() override {
    if (HasFailure()) std::fprintf(stderr, "%s\n", cluster_->Logs().c_str());
  }

  // node: 0 or 1 directly; -1 through nginx.
  HttpClient Client(int node, const std::string& token = {}) const {
    HttpClient client = node < 0 ? cluster_->Client() : cluster_->NodeClient(static_cast<std::size_t>(node));
    if (!token.empty()) client.set_bearer_token(token);
    return client;
  }

  std::string Login(int node, const std::string& email, const std::string& password) const {
    HttpResponse login = Client(node).PostJson("/api/v1/auth/login", {{"email", email}, {"password", password}});
    if (login.status != 200) throw std::runtime_error("login of " + email + ": " + login.body);
    return std::string(login.Json().at("token").as_string());
  }

  // An admin made on the command line against the cluster's database, signed in on node 1.
  std::string AdminToken() {
    const fs::path password_file = cluster_->data_directory() / "admin.password";
    std::ofstream(password_file) << kAdminPassword << "\n";
    const CommandResult created = cluster_->RunCommand(
        {"admin", "create-user", "--email", kAdminEmail, "--password-file", password_file.string(), "--role", "admin"});
    fs::remove(password_file);
    if (created.exit_code != 0) throw std::runtime_error("admin create-user: " + created.output);
    return Login(1, kAdminEmail, kAdminPassword);
  }

  // A listing of the demo's first shop, made through node 0: its id.
  std::int64_t NewListing(const std::string& seller_token, std::int64_t price, std::int64_t stock) const {
    HttpResponse created =
        Client(0, seller_token)
            .PostJson("/api/v1/seller/products", {{"category", "food"},
                                                  {"name", "클러스터 시험 사과"},
                                                  {"description", "두 마디에서 파는 사과"},
                                                  {"price", {{"amount", price}, {"currency", "KPW"}}},
                                                  {"stock", stock}});
    if (created.status != 201) throw std::runtime_error("new listing: " + created.body);
    return Int(created.Json().at("id"));
  }

  // Thread-safe: no gtest assertions.
  Member Register(int node) const {
    static std::atomic<int> counter{0};
    const std::string email =
        "cluster-" + std::to_string(::getpid()) + "-" + std::to_string(++counter) + "@example.com";
    HttpResponse response = Client(node).PostJson("/api/v1/auth/register",
                                                  {{"email", email}, {"password", kBuyerPassword}, {"name", "구매자"}});
    if (response.status != 201) throw std::runtime_error("register: " + response.body);
    const boost::json::value json = response.Json();
    return Member{Int(json.at("user").at("id")), std::string(json.at("token").as_string())};
  }

  void Credit(int node, const std::string& admin_token, std::int64_t member, std::int64_t amount) const {
    HttpResponse credited =
        Client(node, admin_token)
            .PostJson("/api/v1/admin/wallets/" + std::to_string(member) + "/credit",
                      {{"amount", amount}, {"currency", "KPW"}, {"reference", "cluster counter receipt"}});
    if (credited.status != 201) throw std::runtime_error("credit: " + credited.body);
  }

  void AddToCart(int node, const Member& buyer, std::int64_t product) const {
    HttpResponse added =
        Client(node, buyer.token).PostJson("/api/v1/cart/items", {{"product_id", product}, {"quantity", 1}});
    if (added.status != 201) throw std::runtime_error("add to cart: " + added.body);
  }

  HttpResponse Checkout(int node, const Member& buyer, const std::string& key) const {
    return Client(node, buyer.token)
        .PostJson("/api/v1/orders", {{"payment_method", "wallet"}, {"address", kAddress}}, {{"Idempotency-Key", key}});
  }

  std::int64_t Balance(int node, const Member& member) const {
    HttpResponse wallet = Client(node, member.token).Get("/api/v1/wallet");
    if (wallet.status != 200) throw std::runtime_error("/api/v1/wallet: " + wallet.body);
    return Int(wallet.Json().at("balance").at("amount"));
  }

  std::int64_t Orders(int node, const Member& member) const {
    HttpResponse orders = Client(node, member.token).Get("/api/v1/orders");
    if (orders.status != 200) throw std::runtime_error("/api/v1/orders: " + orders.body);
    return Int(orders.Json().at("total"));
  }

  std::int64_t Stock(int node, std::int64_t product) const {
    HttpResponse read = Client(node).Get("/api/v1/products/" + std::to_string(product));
    if (read.status != 200) throw std::runtime_error("/api/v1/products/id: " + read.body);
    return Int(read.Json().at("stock"));
  }

  std::unique_ptr<TestCluster> cluster_;
};

TEST_F(ClusterTest, APhotoStoredThroughOneNodeIsServedByNginxFromTheSharedFolderAndByTheOtherNode) {
  const std::string seller = Login(0, kDemoSellerEmail, kDemoPassword);
  const std::int64_t product = NewListing(seller, 3000, 5);
  std::string body = "--" + std::string(kBoundary) +
                     "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"apple.png\"\r\n"
                     "Content-Type: image/png\r\n\r\n" +
                     kOnePixelPng + "\r\n--" + std::string(kBoundary) + "--\r\n";
  HttpResponse uploaded =
      Client(0, seller).Send("POST", "/api/v1/seller/products/" + std::to_string(product) + "/images", body,
                             "multipart/form-data; boundary=" + std::string(kBoundary));
  ASSERT_EQ(uploaded.status, 201) << uploaded.body;
  const std::string url(uploaded.Json().at("images").at(0).at("url").as_string());
  ASSERT_TRUE(url.starts_with("/media/")) << url;
  const std::string name = url.substr(std::string_view("/media/").size());
  const std::string stored = ReadFile(cluster_->media_directory() / name.substr(0, 2) / name);
  ASSERT_FALSE(stored.empty()) << "node 0 did not store " << name << " in the shared media folder";

  // nginx sends the file itself: no node answered it.
  HttpResponse through_nginx = Client(-1).Get(url);
  ASSERT_EQ(through_nginx.status, 200) << url;
  EXPECT_EQ(through_nginx.body, stored);
  EXPECT_EQ(through_nginx.Header("Content-Type").value_or(""), name.ends_with(".png") ? "image/png" : "image/jpeg");
  EXPECT_NE(through_nginx.Header("Cache-Control").value_or("").find("immutable"), std::string::npos);
  EXPECT_FALSE(through_nginx.Header("X-Manmulsang-Node").has_value())
      << "a node answered " << url << ", not nginx from the shared folder";

  // The other node sees the same file, and the listing names it whichever node is asked.
  HttpResponse through_other_node = Client(1).Get(url);
  ASSERT_EQ(through_other_node.status, 200);
  EXPECT_EQ(through_other_node.body, stored);
  for (int node : {0, 1, -1}) {
    HttpResponse listing = Client(node).Get("/api/v1/products/" + std::to_string(product));
    ASSERT_EQ(listing.status, 200);
    EXPECT_NE(listing.body.find(url), std::string::npos) << "node " << node << ": " << listing.body;
  }
  // A name of that shape that no file has is a 404, asked of a node.
  HttpResponse missing = Client(-1).Get("/media/" + std::string(64, 'a') + ".jpg");
  EXPECT_EQ(missing.status, 404);
  EXPECT_TRUE(missing.Header("X-Manmulsang-Node").has_value());
}

TEST_F(ClusterTest, ThirtyBuyersOnBothNodesRaceForTenUnitsAndExactlyTenGetOne) {
  constexpr int kBuyers = 30;
  constexpr std::int64_t kUnits = 10;
  constexpr std::int64_t kPrice = 1000;
  const std::string admin = AdminToken();
  const std::int64_t product = NewListing(Login(0, kDemoSellerEmail, kDemoPassword), kPrice, kUnits);

  std::vector<Member> buyers;
  for (int index = 0; index < kBuyers; ++index) {
    const int node = index % 2;
    buyers.push_back(Register(node));
    Credit(1 - node, admin, buyers.back().id, kPrice);
    AddToCart(node, buyers.back(), product);
  }

  std::vector<HttpResponse> answers(kBuyers);
  std::vector<std::string> failures(kBuyers);
  std::atomic<int> ready{0};
  std::vector<std::thread> threads;
  for (int index = 0; index < kBuyers; ++index) {
    threads.emplace_back([&, index] {
      ready.fetch_add(1);
      while (ready.load() < kBuyers) std::this_thread::yield();
      try {
        answers[index] = Checkout(index % 2, buyers[index], "race-" + std::to_string(index));
      } catch (const std::exception& error) {
        failures[index] = error.what();
      }
    });
  }
  for (std::thread& thread : threads) thread.join();

  int placed = 0;
  std::set<int> placing_nodes;
  for (int index = 0; index < kBuyers; ++index) {
    ASSERT_TRUE(failures[index].empty()) << "buyer " << index << ": " << failures[index];
    const HttpResponse& answer = answers[index];
    const int other_node = 1 - index % 2;  // every check reads through the node that did not answer
    if (answer.status == 201) {
      ++placed;
      placing_nodes.insert(index % 2);
      EXPECT_EQ(Balance(other_node, buyers[index]), 0) << "buyer " << index;
      EXPECT_EQ(Orders(other_node, buyers[index]), 1) << "buyer " << index;
    } else {
      EXPECT_EQ(answer.status, 409) << "buyer " << index << ": " << answer.body;
      EXPECT_EQ(ErrorCode(answer), "out_of_stock") << answer.body;
      EXPECT_EQ(Balance(other_node, buyers[index]), kPrice) << "a refused buyer was charged";
      EXPECT_EQ(Orders(other_node, buyers[index]), 0) << "buyer " << index;
    }
  }
  EXPECT_EQ(placed, kUnits);
  EXPECT_EQ(placing_nodes.size(), 2u) << "the units were all sold by one node: the race did not span both";
  for (int node : {0, 1, -1}) EXPECT_EQ(Stock(node, product), 0) << "node " << node;
}

TEST_F(ClusterTest, TwoCheckoutsOnTwoNodesSpendOneWholeWalletOnce) {
  // One member has one cart and one wallet: two checkouts of it at once, one per node. The one
  // that loses finds the wallet spent (insufficient_funds) or, when its transaction came second
  // as a whole, the cart already turned into the order (cart_empty); either way one order, one
  // debit. Several members, so that both orders of arrival happen.
  constexpr int kMembers = 6;
  constexpr std::int64_t kPrice = 7000;
  const std::string admin = AdminToken();
  const std::int64_t product = NewListing(Login(0, kDemoSellerEmail, kDemoPassword), kPrice, kMembers * 2);

  std::vector<Member> members;
  for (int index = 0; index < kMembers; ++index) {
    members.push_back(Register(index % 2));
    Credit(index % 2, admin, members.back().id, kPrice);
    AddToCart(1 - index % 2, members.back(), product);
  }
  std::vector<HttpResponse> answers(kMembers * 2);
  std::vector<std::string> failures(kMembers * 2);
  std::atomic<int> ready{0};
  std::vector<std::thread> threads;
  for (int slot = 0; slot < kMembers * 2; ++slot) {
    threads.emplace_back([&, slot] {
      ready.fetch_add(1);
      while (ready.load() < kMembers * 2) std::this_thread::yield();
      try {
        // Different keys: these are two purchases, not one repeated.
        answers[slot] = Checkout(slot % 2, members[slot / 2], "wallet-" + std::to_string(slot));
      } catch (const std::exception& error) {
        failures[slot] = error.what();
      }
    });
  }
  for (std::thread& thread : threads) thread.join();

  int refused_for_funds = 0;
  for (int index = 0; index < kMembers; ++index) {
    int placed = 0;
    for (int node : {0, 1}) {
      const int slot = index * 2 + node;
      ASSERT_TRUE(failures[slot].empty()) << failures[slot];
      const HttpResponse& answer = answers[slot];
      if (answer.status == 201) {
        ++placed;
      } else if (answer.status == 402) {
        EXPECT_EQ(ErrorCode(answer), "insufficient_funds") << answer.body;
        ++refused_for_funds;
      } else {
        EXPECT_EQ(answer.status, 409) << answer.body;
        EXPECT_EQ(ErrorCode(answer), "cart_empty") << answer.body;
      }
    }
    EXPECT_EQ(placed, 1) << "member " << index << ": " << answers[index * 2].body << " | "
                         << answers[index * 2 + 1].body;
    for (int node : {0, 1}) {
      EXPECT_EQ(Balance(node, members[index]), 0) << "member " << index << " on node " << node;
      EXPECT_EQ(Orders(node, members[index]), 1) << "member " << index << " on node " << node;
    }
  }
  EXPECT_EQ(Stock(-1, product), kMembers) << "one unit per member, however many checkouts";
  // What the losers were told, for the record (it depends on the interleaving, not on the outcome).
  RecordProperty("refused_for_insufficient_funds", refused_for_funds);
}

TEST_F(ClusterTest, AWholeWalletSpentByACheckoutOnOneNodeAndAPayoutOnTheOtherGoesOnceTheOtherIsInsufficientFunds) {
  // Two ways out of one wallet at once, on different nodes: a checkout of the whole balance and a
  // cash payout request of the whole balance. Exactly one wins; the other is told
  // insufficient_funds (402), and nothing of it is left behind. Several members, so that either
  // side wins somewhere.
  constexpr int kMembers = 6;
  constexpr std::int64_t kPrice = 5000;
  const std::string admin = AdminToken();
  const std::int64_t product = NewListing(Login(0, kDemoSellerEmail, kDemoPassword), kPrice, kMembers);

  std::vector<Member> members;
  for (int index = 0; index < kMembers; ++index) {
    members.push_back(Register(index % 2));
    Credit(1 - index % 2, admin, members.back().id, kPrice);
    AddToCart(index % 2, members.back(), product);
  }
  std::vector<HttpResponse> checkouts(kMembers);
  std::vector<HttpResponse> payouts(kMembers);
  std::vector<std::string> failures(kMembers * 2);
  std::atomic<int> ready{0};
  std::vector<std::thread> threads;
  for (int slot = 0; slot < kMembers * 2; ++slot) {
    threads.emplace_back([&, slot] {
      const int index = slot / 2;
      // The checkout on one node and the payout on the other, alternating which is which.
      const int checkout_node = index % 2;
      ready.fetch_add(1);
      while (ready.load() < kMembers * 2) std::this_thread::yield();
      try {
        if (slot % 2 == 0) {
          checkouts[index] = Checkout(checkout_node, members[index], "spend-" + std::to_string(index));
        } else {
          payouts[index] = Client(1 - checkout_node, members[index].token)
                               .PostJson("/api/v1/wallet/payouts", {{"amount", kPrice}, {"method", "cash"}});
        }
      } catch (const std::exception& error) {
        failures[slot] = error.what();
      }
    });
  }
  for (std::thread& thread : threads) thread.join();

  int orders_placed = 0;
  for (int index = 0; index < kMembers; ++index) {
    ASSERT_TRUE(failures[index * 2].empty()) << failures[index * 2];
    ASSERT_TRUE(failures[index * 2 + 1].empty()) << failures[index * 2 + 1];
    const HttpResponse& checkout = checkouts[index];
    const HttpResponse& payout = payouts[index];
    ASSERT_NE(checkout.status == 201, payout.status == 201)
        << "member " << index << ": the checkout answered " << checkout.status << " " << checkout.body
        << ", the payout " << payout.status << " " << payout.body;
    const HttpResponse& loser = checkout.status == 201 ? payout : checkout;
    EXPECT_EQ(loser.status, 402) << loser.body;
    EXPECT_EQ(ErrorCode(loser), "insufficient_funds") << loser.body;
    for (int node : {0, 1}) {
      EXPECT_EQ(Balance(node, members[index]), 0) << "member " << index << " on node " << node;
      EXPECT_EQ(Orders(node, members[index]), checkout.status == 201 ? 1 : 0) << "member " << index;
    }
    HttpResponse asked = Client(-1, members[index].token).Get("/api/v1/wallet/payouts");
    ASSERT_EQ(asked.status, 200) << asked.body;
    EXPECT_EQ(asked.Json().at("items").as_array().size(), payout.status == 201 ? 1u : 0u) << asked.body;
    if (checkout.status == 201) ++orders_placed;
  }
  EXPECT_EQ(Stock(-1, product), kMembers - orders_placed);
}

TEST_F(ClusterTest, NginxSendsAKilledNodesRequestsToTheOtherAndTheRestartedNodeServesAgain) {
  // Both nodes answer through nginx, and a session made on one is known to the other.
  std::set<std::string> answering;
  for (int request = 0; request < 8; ++request) {
    HttpResponse home = Client(-1).Get("/");
    ASSERT_EQ(home.status, 200);
    answering.insert(home.Header("X-Manmulsang-Node").value_or(""));
  }
  EXPECT_EQ(answering.size(), 2u) << "nginx did not spread requests over both nodes";
  const std::string seller = Login(0, kDemoSellerEmail, kDemoPassword);
  EXPECT_EQ(Client(1, seller).Get("/api/v1/me").status, 200) << "node 1 does not know node 0's session";

  cluster_->KillNode(0);
  for (int request = 0; request < 10; ++request) {
    HttpResponse home = Client(-1).Get("/");
    EXPECT_EQ(home.status, 200) << "request " << request << " while node 0 is down";
    EXPECT_NE(home.Header("X-Manmulsang-Node").value_or("").find(std::to_string(cluster_->node_port(1))),
              std::string::npos);
  }
  // A POST nginx could not deliver to the dead node (connection refused: nothing was sent) goes
  // to the other.
  EXPECT_EQ(
      Client(-1).PostJson("/api/v1/auth/login", {{"email", kDemoSellerEmail}, {"password", kDemoPassword}}).status,
      200);
  EXPECT_EQ(Client(-1, seller).Get("/api/v1/me").status, 200) << "the session died with node 0";

  cluster_->RestartNode(0);
  EXPECT_EQ(Client(0, seller).Get("/api/v1/me").status, 200) << "the restarted node lost the session";
  // nginx tries node 0 again once its fail_timeout (5 s) has passed: wait for that, without
  // asserting on how long it takes.
  const std::string node_zero = "127.0.0.1:" + std::to_string(cluster_->node_port(0));
  bool back = false;
  for (int request = 0; request < 300 && !back; ++request) {
    HttpResponse home = Client(-1).Get("/");
    ASSERT_EQ(home.status, 200);
    back = home.Header("X-Manmulsang-Node").value_or("") == node_zero;
    if (!back) std::this_thread::sleep_for(100ms);
  }
  EXPECT_TRUE(back) << "nginx never sent a request to the restarted node 0";
  EXPECT_EQ(cluster_->StopNode(1), 0) << "node 1 did not stop cleanly on SIGTERM";
}

}  // namespace
}  // namespace manmulsang::testing
