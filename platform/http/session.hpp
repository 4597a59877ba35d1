#pragma once

// One coroutine per connection, and the state the server shares with all of them. Private to
// platform/http.

#include <atomic>
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <functional>
#include <memory>
#include <mutex>
#include <unordered_set>

#include "bounded_worker_pool.hpp"
#include "manmulsang/http/router.hpp"
#include "manmulsang/http/server.hpp"

namespace manmulsang::http {

// Touched only on the connection's strand, so shutdown can ask "are you idle?" safely.
struct Connection {
  boost::asio::any_io_executor executor;
  boost::beast::tcp_stream* stream = nullptr;  // null once the session has ended
  bool idle = true;                            // waiting for the next request's first byte
};

struct SessionShared {
  SessionShared(ServerOptions server_options, const Router& server_router)
      : options(std::move(server_options)), router(server_router) {}

  const ServerOptions options;
  const Router& router;
  std::atomic<bool> stopping{false};
  std::mutex mutex;  // guards connections
  std::unordered_set<std::shared_ptr<Connection>> connections;
  std::function<void()> on_drained;  // called when the last connection closes while stopping
  // Runs the handlers of RouteOptions::offload routes (image decodes) off the I/O threads; null
  // when no route asks for it. Owned by the server, which outlives every session.
  boost::asio::thread_pool* workers = nullptr;
  // Runs the handlers of RouteOptions::password_work routes (Argon2id); null when no route asks
  // for it. Owned by the server like workers.
  BoundedWorkerPool* password_pool = nullptr;
};

boost::asio::awaitable<void> RunSession(std::shared_ptr<SessionShared> shared, boost::asio::ip::tcp::socket socket);

}  // namespace manmulsang::http
