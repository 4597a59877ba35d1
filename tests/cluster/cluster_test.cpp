// Two real nodes on one PostgreSQL database and one media folder, behind a real nginx configured
// from deploy/nginx/manmulsang.conf (docs/DEPLOYMENT.md): a photo one node stores is served by
// nginx from the shared folder and by the other node; a page one node cached follows a change made
// on the other; a killed node's traffic goes to the other, and a restarted node serves again.
// Labelled `postgres`: CTest's fixture starts the tests' PostgreSQL cluster (MANMULSANG_TEST_POSTGRES).
#include <set>
#include <thread>

#include "cluster_fixture.hpp"

namespace manmulsang::testing {
namespace {

using namespace std::chrono_literals;

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

TEST_F(ClusterTest, AnAnonymousPageOneNodeCachedFollowsAStockChangeMadeOnTheOtherNode) {
  const std::string seller = Login(0, kDemoSellerEmail, kDemoPassword);
  const std::int64_t product = NewListing(seller, 4000, 5);
  const std::string page = "/p/" + std::to_string(product);
  // Rendered once on node 1 and kept in its page cache.
  for (int view = 0; view < 2; ++view) {
    HttpResponse shown = Client(1).Get(page);
    ASSERT_EQ(shown.status, 200);
    ASSERT_NE(shown.body.find("재고 5개"), std::string::npos) << shown.body;
  }
  HttpResponse changed = Client(0, seller).Send("PATCH", "/api/v1/seller/products/" + std::to_string(product),
                                                R"({"stock":2})", "application/json");
  ASSERT_EQ(changed.status, 200) << changed.body;
  // Node 1 hears of the change through the database after the commit: wait for it, without
  // asserting on how long it takes.
  bool followed = false;
  for (int attempt = 0; attempt < 200 && !followed; ++attempt) {
    HttpResponse shown = Client(1).Get(page);
    ASSERT_EQ(shown.status, 200);
    followed = shown.body.find("재고 2개") != std::string::npos;
    if (!followed) std::this_thread::sleep_for(50ms);
  }
  EXPECT_TRUE(followed) << "node 1 still shows the stock node 0 changed";
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
