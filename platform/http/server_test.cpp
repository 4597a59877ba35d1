#include "manmulsang/http/server.hpp"

#include <gtest/gtest.h>
#include <sys/socket.h>

#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <future>
#include <thread>

#include "manmulsang/http/compression.hpp"
#include "test_client.hpp"

namespace manmulsang::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

using testing::ClientResponse;

using testing::Client;

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router_.Get("/", [](Request&) { return Response::Text("home"); });
    router_.Get("/big", [](Request&) {
      std::string page;
      for (int index = 0; index < 300; ++index) page += "<li>상품 " + std::to_string(index) + "</li>";
      Response response = Response::Html(page);
      response.cacheable = true;
      return response;
    });
    router_.Post("/echo", [](Request& request) { return Response::Text(request.body()); });
    router_.Get("/throw", [](Request&) -> Response { throw std::runtime_error("boom"); });
    router_.Get("/api/throw", [](Request&) -> Response { throw std::runtime_error("boom"); });
    router_.Get("/slow", [this](Request&) {
      slow_started_.set_value();
      std::this_thread::sleep_for(700ms);
      return Response::Text("slow done");
    });
    router_.Get("/p/:id", [](Request& request) { return Response::Text(std::string(request.PathParam("id"))); });

    ServerOptions options;
    options.address = "127.0.0.1";
    options.port = 0;
    options.threads = 2;
    options.request_timeout = 700ms;
    options.keep_alive_timeout = 1000ms;
    options.shutdown_grace = 5000ms;
    options.access_log = false;
    options.handle_signals = false;
    server_ = std::make_unique<Server>(options, router_);
    server_->Listen();
    ASSERT_NE(server_->port(), 0);
    runner_ = std::thread([this] { server_->Run(); });
  }

  void TearDown() override {
    server_->Stop();
    if (runner_.joinable()) runner_.join();
  }

  Router router_;
  std::promise<void> slow_started_;
  std::unique_ptr<Server> server_;
  std::thread runner_;
};

TEST_F(ServerTest, KeepAliveServesSeveralRequestsOnOneConnection) {
  Client client(server_->port());
  const ClientResponse first = client.Get("/", {{"X-Request-Id", "client-id-1"}});
  EXPECT_EQ(first.result_int(), 200);
  EXPECT_EQ(first.body(), "home");
  EXPECT_TRUE(first.keep_alive());
  EXPECT_EQ(first["X-Request-Id"], "client-id-1");
  EXPECT_EQ(first["X-Content-Type-Options"], "nosniff");
  EXPECT_EQ(first["X-Frame-Options"], "DENY");
  EXPECT_FALSE(first["Content-Security-Policy"].empty());
  EXPECT_FALSE(first[bhttp::field::date].empty());

  const ClientResponse second = client.Get("/p/77", {{"X-Request-Id", "bad id with spaces"}});
  EXPECT_EQ(second.body(), "77");
  EXPECT_NE(second["X-Request-Id"], "bad id with spaces");
  EXPECT_FALSE(second["X-Request-Id"].empty());
}

TEST_F(ServerTest, UnknownPathIs404) {
  Client client(server_->port());
  EXPECT_EQ(client.Get("/nothing-here").result_int(), 404);
  EXPECT_EQ(client.Get("/").result_int(), 200);  // the connection stays usable
}

TEST_F(ServerTest, BadRequestsGet400AndClose) {
  Client client(server_->port());
  EXPECT_EQ(client.Get("/bad%zz").result_int(), 400);
  Client garbage(server_->port());
  garbage.SendRaw("THIS IS NOT HTTP\r\n\r\n");
  EXPECT_EQ(garbage.Read().result_int(), 400);
  EXPECT_TRUE(garbage.ClosedByServer());
}

TEST_F(ServerTest, OversizedBodyGets413) {
  Client client(server_->port());
  client.SendRaw("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: " + std::to_string(3 * 1024 * 1024) + "\r\n\r\n");
  const ClientResponse response = client.Read();
  EXPECT_EQ(response.result_int(), 413);
  EXPECT_FALSE(response.keep_alive());

  // A chunked body has no length up front: it is cut off when it passes the limit.
  Client chunked(server_->port());
  chunked.SendRaw("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
  const std::string chunk = "100000\r\n" + std::string(0x100000, 'a') + "\r\n";
  boost::system::error_code ignored;
  try {
    chunked.SendRaw(chunk);
    chunked.SendRaw(chunk);
  } catch (const boost::system::system_error&) {
    // The server may already have answered and stopped reading.
  }
  EXPECT_EQ(chunked.Read().result_int(), 413);
}

TEST_F(ServerTest, SmallBodyIsEchoedAndExpectContinueWorks) {
  Client client(server_->port());
  bhttp::request<bhttp::string_body> request(bhttp::verb::post, "/echo", 11);
  request.body() = "hello body";
  EXPECT_EQ(client.Send(request).body(), "hello body");

  client.SendRaw("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
  EXPECT_EQ(client.Read().result_int(), 100);
  client.SendRaw("12345");
  EXPECT_EQ(client.Read().body(), "12345");
}

TEST_F(ServerTest, OversizedHeaderGets431) {
  Client client(server_->port());
  const ClientResponse response = client.Get("/", {{"X-Padding", std::string(20 * 1024, 'x')}});
  EXPECT_EQ(response.result_int(), 431);
}

// A request target (path + query) over ServerOptions::target_limit (4 KiB) is 414, whether the
// whole request line fits the header limit or not; a target under it is served.
TEST_F(ServerTest, LongTargetGets414) {
  EXPECT_EQ(Client(server_->port()).Get("/?q=" + std::string(5000, 'x')).result_int(), 414);
  EXPECT_EQ(Client(server_->port()).Get("/?q=" + std::string(20 * 1024, 'x')).result_int(), 414);
  EXPECT_EQ(Client(server_->port()).Get("/?q=" + std::string(3000, 'x')).result_int(), 200);
}

TEST_F(ServerTest, StalledHalfRequestIsCutOff) {
  Client client(server_->port());
  client.SendRaw("GET / HTTP/1.1\r\nHost: x\r\n");  // and never the empty line
  const auto start = Clock::now();
  EXPECT_TRUE(client.ClosedByServer());
  EXPECT_LT(Clock::now() - start, 3s);
}

TEST_F(ServerTest, IdleKeepAliveConnectionIsClosed) {
  Client client(server_->port());
  EXPECT_EQ(client.Get("/").result_int(), 200);
  const auto start = Clock::now();
  EXPECT_TRUE(client.ClosedByServer());
  EXPECT_LT(Clock::now() - start, 3s);
}

TEST_F(ServerTest, HandlerExceptionsBecome500) {
  Client client(server_->port());
  const ClientResponse html = client.Get("/throw");
  EXPECT_EQ(html.result_int(), 500);
  EXPECT_NE(html[bhttp::field::content_type].find("text/html"), std::string_view::npos);
  const ClientResponse json = client.Get("/api/throw");
  EXPECT_EQ(json.result_int(), 500);
  EXPECT_NE(json.body().find("internal_error"), std::string::npos);
  EXPECT_EQ(client.Get("/").result_int(), 200);
}

TEST_F(ServerTest, CompressionEtagAndHead) {
  Client client(server_->port());
  const ClientResponse compressed = client.Get("/big", {{"Accept-Encoding", "gzip"}});
  EXPECT_EQ(compressed["Content-Encoding"], "gzip");
  EXPECT_EQ(compressed["Vary"], "Accept-Encoding");
  const std::string etag(compressed[bhttp::field::etag]);
  ASSERT_FALSE(etag.empty());

  const ClientResponse not_modified = client.Get("/big", {{"If-None-Match", etag}});
  EXPECT_EQ(not_modified.result_int(), 304);
  EXPECT_TRUE(not_modified.body().empty());

  bhttp::request<bhttp::string_body> head(bhttp::verb::head, "/big", 11);
  const ClientResponse head_response = client.Send(head);
  EXPECT_EQ(head_response.result_int(), 200);
  EXPECT_GT(std::stoul(std::string(head_response[bhttp::field::content_length])), 1000u);
  EXPECT_EQ(client.Get("/").body(), "home");  // framing intact after HEAD
}

TEST_F(ServerTest, StopLetsARunningRequestFinish) {
  Client client(server_->port());
  client.SendRaw("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
  Client idle(server_->port());
  EXPECT_EQ(idle.Get("/").result_int(), 200);

  slow_started_.get_future().wait();
  const auto start = Clock::now();
  server_->Stop();
  const ClientResponse response = client.Read();
  EXPECT_EQ(response.result_int(), 200);
  EXPECT_EQ(response.body(), "slow done");
  EXPECT_FALSE(response.keep_alive());
  runner_.join();
  EXPECT_LT(Clock::now() - start, 3s);
  EXPECT_TRUE(idle.ClosedByServer());
}

TEST(ServerProxyTest, TrustsProxyHeadersOnlyWhenTold) {
  Router router;
  router.Get("/ip", [](Request& request) { return Response::Text(std::string(request.remote_address())); });
  for (const bool trust : {false, true}) {
    ServerOptions options;
    options.port = 0;
    options.threads = 1;
    options.access_log = false;
    options.handle_signals = false;
    options.trust_proxy_headers = trust;
    Server server(options, router);
    server.Listen();
    std::thread runner([&] { server.Run(); });
    Client client(server.port());
    EXPECT_EQ(client.Get("/ip", {{"X-Forwarded-For", "10.1.2.3, 10.9.8.7"}}).body(), trust ? "10.9.8.7" : "127.0.0.1");
    EXPECT_EQ(client.Get("/ip", {{"X-Forwarded-For", "not an address"}}).body(), "127.0.0.1");
    server.Stop();
    runner.join();
  }
}

// An offloaded handler (an image decode) runs on the server's worker pool: while it works, the
// only I/O thread still answers other connections.
TEST(ServerOffloadTest, SlowOffloadedHandlerDoesNotStopOtherRequests) {
  std::promise<void> started;
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::atomic<bool> ran_on_io_thread{false};
  std::thread::id io_thread;
  Router router;
  router.Get("/", [&](Request&) {
    io_thread = std::this_thread::get_id();
    return Response::Text("home");
  });
  RouteOptions offloaded;
  offloaded.offload = true;
  router.Post(
      "/decode",
      [&](Request& request) {
        ran_on_io_thread = std::this_thread::get_id() == io_thread;
        started.set_value();
        // Bounded so that a broken server fails the test instead of hanging it.
        released.wait_for(10s);
        return Response::Text("decoded " + request.body());
      },
      offloaded);
  EXPECT_TRUE(router.HasOffloadedRoutes());

  ServerOptions options;
  options.port = 0;
  options.threads = 1;
  options.access_log = false;
  options.handle_signals = false;
  Server server(options, router);
  server.Listen();
  std::thread runner([&] { server.Run(); });

  Client first(server.port());
  EXPECT_EQ(first.Get("/").body(), "home");  // learns the I/O thread's id

  Client uploader(server.port());
  uploader.SendRaw("POST /decode HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nphoto");
  started.get_future().wait();
  // The decode is still running (it waits for release): another connection is answered anyway.
  Client other(server.port());
  const ClientResponse answered = other.Get("/");
  EXPECT_EQ(answered.result_int(), 200);
  EXPECT_EQ(answered.body(), "home");
  release.set_value();

  const ClientResponse decoded = uploader.Read();
  EXPECT_EQ(decoded.result_int(), 200);
  EXPECT_EQ(decoded.body(), "decoded photo");
  EXPECT_FALSE(ran_on_io_thread.load());
  // The connection keeps working after an offloaded request.
  EXPECT_EQ(uploader.Get("/").body(), "home");

  server.Stop();
  runner.join();
}

TEST(ServerOffloadTest, RouterWithoutOffloadedRoutesSaysSo) {
  Router router;
  router.Get("/", [](Request&) { return Response::Text("home"); });
  EXPECT_FALSE(router.HasOffloadedRoutes());
  RouteOptions options;
  options.body_limit = 5;
  options.offload = true;
  router.Post(
      "/upload/:id", [](Request&) { return Response::Text("ok"); }, options);
  EXPECT_TRUE(router.Options(Method::post, "/upload/3").offload);
  EXPECT_EQ(router.BodyLimit(Method::post, "/upload/3"), 5u);
  EXPECT_FALSE(router.Options(Method::get, "/").offload);
  EXPECT_FALSE(router.Options(Method::get, "/upload/3").offload);
}

// A Stop that comes before Run (a signal during start-up) is not lost: Run returns without
// serving, and the listening socket is closed. The wait is a bound on a hang, not a timing.
TEST(ServerStopTest, StopBeforeRunReturnsPromptly) {
  Router router;
  router.Get("/", [](Request&) { return Response::Text("home"); });
  ServerOptions options;
  options.port = 0;
  options.threads = 1;
  options.handle_signals = false;
  Server server(options, router);
  server.Listen();
  const std::uint16_t port = server.port();
  ASSERT_NE(port, 0);
  server.Stop();
  std::future<void> run = std::async(std::launch::async, [&server] { server.Run(); });
  ASSERT_EQ(run.wait_for(30s), std::future_status::ready) << "Run() kept serving after Stop()";
  run.get();

  asio::io_context io;
  tcp::socket socket(io);
  boost::system::error_code error;
  socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port), error);
  EXPECT_EQ(error, asio::error::connection_refused) << "the server still accepts connections after Run() returned";
}

}  // namespace
}  // namespace manmulsang::http
