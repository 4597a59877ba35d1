#pragma once

// The fixture of the cluster scenarios: a TestCluster of two nodes on a small demo store, and the
// API calls the scenarios make through a chosen node or through nginx.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <boost/json.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include "test_cluster.hpp"

namespace manmulsang::testing {

inline constexpr int kDemoProducts = 12;
// Seconds between the nodes' turns of the timed order jobs (`serve --jobs-interval`).
inline constexpr int kJobsIntervalSeconds = 5;
inline constexpr const char* kDemoSellerEmail = "user0001@example.kp";  // the demo's first shop owner
inline constexpr const char* kDemoPassword = "manmulsang-demo";
inline constexpr const char* kAdminEmail = "cluster-admin@example.com";
inline constexpr const char* kAdminPassword = "Naengmyeon-Cluster-51";
inline constexpr const char* kBuyerPassword = "Kimchi-Jjigae-2024!";
inline constexpr const char* kAddress = "평양시 중구역 승리거리 25, 3층";

// The smallest valid PNG: one pixel.
inline const std::string kOnePixelPng(
    "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00"
    "\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\x0d\x49\x44\x41\x54\x78\xda\x63\x64\x60\xf8\x5f\x0f\x00\x02\x87\x01\x80"
    "\xeb\x47\xba\x92\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82",
    70);
inline constexpr std::string_view kBoundary = "----manmulsang-cluster-boundary-5e1a";

inline std::int64_t Int(const boost::json::value& value) { return value.to_number<std::int64_t>(); }

inline std::string ErrorCode(const HttpResponse& response) {
  try {
    return std::string(response.Json().at("error").at("code").as_string());
  } catch (const std::exception&) {
    return "(no error code in " + std::to_string(response.status) + " " + response.body + ")";
  }
}

inline std::string ReadFile(const std::filesystem::path& file) {
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
    // The timed order jobs take a turn every 5 s instead of every minute, so that a scenario
    // about them waits seconds; both nodes still take their turns at about the same moments.
    options.serve_arguments = {"--jobs-interval", std::to_string(kJobsIntervalSeconds)};
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
    const std::filesystem::path password_file = cluster_->data_directory() / "admin.password";
    std::ofstream(password_file) << kAdminPassword << "\n";
    const CommandResult created = cluster_->RunCommand(
        {"admin", "create-user", "--email", kAdminEmail, "--password-file", password_file.string(), "--role", "admin"});
    std::filesystem::remove(password_file);
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

}  // namespace manmulsang::testing
