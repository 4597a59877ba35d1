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
  std::uint16_t port = 8080;  // 0: a free port, see Server::port()
  unsigned threads = 0;       // 0: one per core
  std::size_t header_limit = 8 * 1024;                 // larger → 431
  std::chrono::seconds request_timeout{10};            // a whole request must arrive within this
  std::chrono::seconds keep_alive_timeout{30};         // idle keep-alive connections are closed
  std::chrono::seconds shutdown_grace{10};             // in-flight requests may finish within this
  bool access_log = true;
};

// The Beast/Asio HTTP/1.1 server: one coroutine per connection on a thread per core, keep-alive,
// per-request deadline, header/body limits, compression, security headers, request ids, access
// log, metrics. Requests are answered by the Router.
class Server {
 public:
  Server(ServerOptions options, const Router& router);
  ~Server();

  // Binds the listening socket (throws on failure); afterwards port() is the real port.
  void Listen();
  std::uint16_t port() const;
  // Serves until Stop() or SIGINT/SIGTERM; in-flight requests finish, then it returns.
  void Run();
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace manmulsang::http
