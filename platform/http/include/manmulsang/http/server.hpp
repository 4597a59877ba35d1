#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "manmulsang/http/router.hpp"

namespace manmulsang::http {

struct ServerOptions {
  std::string address = "127.0.0.1";
  std::uint16_t port = 8080;                             // 0: a free port, see Server::port()
  unsigned threads = 0;                                  // 0: one per core
  std::size_t header_limit = 8 * 1024;                   // larger → 431
  std::size_t target_limit = 4 * 1024;                   // a longer request target (path + query) → 414
  std::chrono::milliseconds request_timeout{10'000};     // a whole request must arrive within this
  std::chrono::milliseconds keep_alive_timeout{30'000};  // idle keep-alive connections are closed
  std::chrono::milliseconds shutdown_grace{10'000};      // in-flight requests may finish within this
  bool access_log = true;
  // Password work (RouteOptions::password_work) runs on a pool of its own: password_threads
  // threads (0: one per core) and at most password_queue requests waiting for one. A request
  // beyond that is answered 503 with Retry-After: password_retry_after at once, so a flood of
  // logins is refused quickly instead of piling up until every client times out.
  unsigned password_threads = 0;
  std::size_t password_queue = 64;
  std::chrono::seconds password_retry_after{1};
  // Install SIGINT/SIGTERM handlers in Run() that stop the server gracefully.
  bool handle_signals = true;
  // Behind nginx every peer is the proxy: take the client's address from X-Real-IP, else the
  // last X-Forwarded-For entry (the one nginx appended), when it is a valid IP. Only turn this on
  // when clients cannot reach the server except through the proxy, or they could forge it.
  bool trust_proxy_headers = false;
};

// The Beast/Asio HTTP/1.1 server: one coroutine per connection on a thread per core, keep-alive,
// per-request deadline, header/body limits, compression, security headers, request ids, access
// log, metrics. Requests are answered by the Router.
//
// What every response gets (so handlers never repeat it): Date, Server, X-Request-Id (the
// client's if it is [A-Za-z0-9-]{1,64}, else a new one), Content-Security-Policy, nosniff,
// Referrer-Policy, X-Frame-Options; gzip or brotli per Accept-Encoding for text bodies over
// 512 bytes (precompressed bodies are used as they are); ETag and 304 for cacheable responses;
// Cache-Control: no-store unless the handler set one or the response is cacheable (no-cache).
// A handler that throws gets the client a 500 page or JSON error and a log line, never a crash.
class Server {
 public:
  Server(ServerOptions options, const Router& router);
  ~Server();

  // Binds the listening socket (throws on failure); afterwards port() is the real port.
  void Listen();
  std::uint16_t port() const;
  // Serves until Stop() or SIGINT/SIGTERM; in-flight requests finish (up to shutdown_grace),
  // idle connections are closed, then it returns. Listens first if Listen() was not called.
  void Run();
  // Safe from any thread and from a signal-free context; may be called before Run().
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace manmulsang::http
