// Graceful shutdown: SIGTERM lets the request in flight finish, then the process exits 0.
#include <signal.h>

#include <thread>

#include "blackbox.hpp"

namespace manmulsang::testing {
namespace {

using namespace std::chrono_literals;

TEST(ShutdownTest, SigtermWhenIdleExitsZero) {
  TestServer server;
  server.Start();
  EXPECT_EQ(server.Stop(), 0) << server.Log();
}

TEST(ShutdownTest, SigtermLetsTheRequestInFlightComplete) {
  TestServerOptions options;
  options.serve_arguments = {"--request-timeout", "10"};
  TestServer server(options);
  server.Start();

  RawConnection connection(server.host(), server.port());
  const std::string host = "Host: 127.0.0.1:" + std::to_string(server.port()) + "\r\n";
  ASSERT_TRUE(connection.Send("GET /healthz HTTP/1.1\r\n" + host));
  std::this_thread::sleep_for(300ms);  // the server is now reading this request
  server.Signal(SIGTERM);
  std::this_thread::sleep_for(300ms);
  ASSERT_TRUE(connection.Send("Connection: close\r\n\r\n")) << "the connection was dropped on SIGTERM";
  std::string response = connection.ReadResponse(10s);
  EXPECT_EQ(StatusOf(response), 200) << "the request in flight did not complete: " << response.substr(0, 200);

  std::optional<int> exit_code = server.WaitForExit(30s);
  ASSERT_TRUE(exit_code.has_value()) << "the server did not exit after SIGTERM:\n" << server.Log();
  EXPECT_EQ(*exit_code, 0) << server.Log();
}

TEST(ShutdownTest, NewConnectionsAreRefusedAfterExit) {
  TestServer server;
  server.Start();
  std::uint16_t port = server.port();
  ASSERT_EQ(server.Stop(), 0) << server.Log();
  HttpClient client("127.0.0.1", port);
  EXPECT_ANY_THROW(client.Get("/healthz"));
}

}  // namespace
}  // namespace manmulsang::testing
