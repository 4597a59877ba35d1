// Bad bytes on the wire: malformed JSON, huge bodies and headers, garbage, clients that stall.
#include <thread>

#include "blackbox.hpp"

namespace manmulsang::testing {
namespace {

using namespace std::chrono_literals;

class LimitsTest : public BlackBoxTest {
 protected:
  RawConnection Connect() const { return RawConnection(server_->host(), server_->port()); }
  std::string HostHeader() const { return "Host: 127.0.0.1:" + std::to_string(server_->port()) + "\r\n"; }
};

TEST_F(LimitsTest, MalformedJsonIs400) {
  HttpClient client = NewClient();
  for (const char* body : {"{\"email\":", "not json at all", "[1,2,3]", "", "{\"email\":\"a@b.c\",}", "\xff\xfe{}"}) {
    HttpResponse response = client.Send("POST", "/api/v1/auth/login", body, "application/json");
    EXPECT_TRUE(IsJsonError(response, 400)) << "body: " << body;
  }
}

TEST_F(LimitsTest, DeeplyNestedJsonIs400) {
  std::string body(1000, '[');
  body += std::string(1000, ']');
  EXPECT_TRUE(IsJsonError(NewClient().Send("POST", "/api/v1/auth/login", body, "application/json"), 400));
}

TEST_F(LimitsTest, ThreeMegabyteBodyIs413) {
  constexpr std::size_t kBodySize = 3 * 1024 * 1024;
  RawConnection connection = Connect();
  ASSERT_TRUE(connection.Send("POST /api/v1/auth/login HTTP/1.1\r\n" + HostHeader() +
                              "Content-Type: application/json\r\nContent-Length: " + std::to_string(kBodySize) +
                              "\r\n\r\n"));
  // The server may answer as soon as it sees the length, or after reading up to its limit; send
  // the body in pieces and stop as soon as an answer is waiting.
  const std::string chunk(64 * 1024, ' ');
  for (std::size_t sent = 0; sent < kBodySize; sent += chunk.size()) {
    if (connection.WaitReadable(0ms)) break;
    if (!connection.Send(chunk)) break;
  }
  std::string response = connection.ReadResponseHead(10s);
  EXPECT_EQ(StatusOf(response), 413) << response.substr(0, 300);
  // An API client gets the API's error shape even before the route runs.
  EXPECT_NE(response.find("application/json"), std::string::npos) << response.substr(0, 300);
}

TEST_F(LimitsTest, TwentyKilobyteHeaderIs431) {
  RawConnection connection = Connect();
  connection.Send("GET / HTTP/1.1\r\n" + HostHeader() + "X-Padding: " + std::string(20 * 1024, 'a') + "\r\n\r\n");
  std::string response = connection.ReadResponseHead(10s);
  EXPECT_EQ(StatusOf(response), 431) << response.substr(0, 300);
}

// Bytes that are no HTTP request (a made-up method, a TLS handshake sent to the plain-HTTP port,
// a negative length) get a plain 400 and a closed connection, and the server goes on serving.
TEST_F(LimitsTest, GarbageIs400AndAClosedConnection) {
  for (std::string garbage :
       {std::string("HELLO\r\n\r\n"), std::string("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11),
        std::string("GET / HTTP/1.1\r\nContent-Length: -5\r\n\r\n")}) {
    RawConnection connection = Connect();
    connection.Send(garbage);
    std::string response = connection.ReadResponse(5s);
    EXPECT_EQ(StatusOf(response), 400) << "garbage " << ::testing::PrintToString(garbage)
                                       << " got: " << response.substr(0, 200);
    EXPECT_TRUE(connection.WaitForClose(5s))
        << "the connection stayed open after " << ::testing::PrintToString(garbage);
  }
  EXPECT_EQ(NewClient().Get("/healthz").status, 200) << "the server must survive garbage";
}

TEST_F(LimitsTest, ClientThatStallsIsCutOff) {
  RawConnection connection = Connect();
  ASSERT_TRUE(connection.Send("GET / HTTP/1.1\r\n" + HostHeader() + "X-Half: "));
  auto started = std::chrono::steady_clock::now();
  // The request timeout is kRequestTimeoutSeconds; allow generous slack for a loaded machine.
  bool closed = connection.WaitForClose(std::chrono::seconds(kRequestTimeoutSeconds * 5 + 5));
  auto waited = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
  EXPECT_TRUE(closed) << "the server kept a stalled request open for " << waited.count() << " ms";
  EXPECT_EQ(NewClient().Get("/healthz").status, 200);
}

TEST_F(LimitsTest, SlowlyDrippedRequestIsCutOffToo) {
  // A slowloris sends a byte now and then so no single read waits long; the deadline is per
  // request, so it must still be cut off.
  RawConnection connection = Connect();
  ASSERT_TRUE(connection.Send("GET / HTTP/1.1\r\n" + HostHeader()));
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(kRequestTimeoutSeconds * 5 + 5);
  bool closed = false;
  while (std::chrono::steady_clock::now() < deadline) {
    if (!connection.Send("X")) {
      closed = true;
      break;
    }
    if (connection.WaitForClose(500ms)) {
      closed = true;
      break;
    }
  }
  EXPECT_TRUE(closed) << "a request dripped byte by byte was never cut off";
}

TEST_F(LimitsTest, KeepAliveServesSeveralRequestsOnOneConnection) {
  RawConnection connection = Connect();
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(connection.Send("GET /healthz HTTP/1.1\r\n" + HostHeader() + "\r\n"));
    std::string response = connection.ReadResponse(10s);
    EXPECT_EQ(StatusOf(response), 200) << "request " << i << ": " << response.substr(0, 200);
  }
}

// The server refuses a request target (path + query) over 4 KiB with 414 before any handler
// runs: a page, the API (in its JSON error shape), and a target too long even for the 8 KiB
// header limit alike. A long target under the limit is served.
TEST_F(LimitsTest, LongQueryStringIsRejectedCleanly) {
  HttpResponse page = NewClient().Get("/search?q=" + std::string(6000, 'a'));
  EXPECT_EQ(page.status, 414) << page.body.substr(0, 200);
  HttpResponse api = NewClient().Get("/api/v1/products?q=" + std::string(6000, 'a'));
  EXPECT_TRUE(IsJsonError(api, 414)) << api.body.substr(0, 200);
  EXPECT_EQ(ErrorCode(api), "uri_too_long");
  HttpResponse beyond_headers = NewClient().Get("/api/v1/products?q=" + std::string(20'000, 'a'));
  EXPECT_TRUE(IsJsonError(beyond_headers, 414)) << beyond_headers.body.substr(0, 200);
  EXPECT_EQ(NewClient().Get("/search?q=" + std::string(3000, 'a')).status, 200);
  EXPECT_EQ(NewClient().Get("/healthz").status, 200);
}

}  // namespace
}  // namespace manmulsang::testing
