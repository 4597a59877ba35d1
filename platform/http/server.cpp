#include "manmulsang/http/server.hpp"

#include <spdlog/spdlog.h>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <mutex>
#include <thread>
#include <unordered_set>

#include "session.hpp"

namespace manmulsang::http {
namespace asio = boost::asio;
using tcp = asio::ip::tcp;

struct Server::Impl {
  explicit Impl(ServerOptions server_options, const Router& router)
      : shared(std::make_shared<SessionShared>(std::move(server_options), router)),
        control(asio::make_strand(io)),
        acceptor(control),
        signals(control),
        grace_timer(control) {}

  // Image decodes are bounded by the pipeline's own gate (2 at once): more threads would only wait.
  static constexpr std::size_t kWorkerThreads = 2;

  // Declared first, destroyed last: everything below holds its executor.
  asio::io_context io;
  // Destroyed after the sessions' shared state and before io: joining it lets a running handler
  // finish and post its answer to an io_context that still exists.
  std::unique_ptr<asio::thread_pool> workers;
  // Likewise for password work (RouteOptions::password_work).
  std::unique_ptr<BoundedWorkerPool> password_pool;
  std::shared_ptr<SessionShared> shared;
  // Accepting, signals and shutdown are serialised on one strand.
  asio::strand<asio::io_context::executor_type> control;
  tcp::acceptor acceptor;
  asio::signal_set signals;
  asio::steady_timer grace_timer;
  std::uint16_t port = 0;

  asio::awaitable<void> AcceptLoop() {
    while (acceptor.is_open()) {
      auto [error, socket] = co_await acceptor.async_accept(asio::make_strand(io), asio::as_tuple(asio::use_awaitable));
      if (error) {
        if (!acceptor.is_open() || error == asio::error::operation_aborted) co_return;
        // Out of file descriptors and the like: back off instead of spinning.
        spdlog::warn("accept failed: {}", error.message());
        asio::steady_timer pause(control, std::chrono::milliseconds(100));
        co_await pause.async_wait(asio::as_tuple(asio::use_awaitable));
        continue;
      }
      if (shared->stopping.load()) co_return;
      auto executor = socket.get_executor();
      asio::co_spawn(executor, RunSession(shared, std::move(socket)), asio::detached);
    }
  }

  // On the control strand.
  void BeginShutdown() {
    if (shared->stopping.exchange(true)) return;
    boost::system::error_code ignored;
    signals.cancel(ignored);
    acceptor.close(ignored);
    std::size_t open = 0;
    {
      std::lock_guard lock(shared->mutex);
      open = shared->connections.size();
      for (const auto& connection : shared->connections) {
        asio::post(connection->executor, [connection] {
          if (connection->stream != nullptr && connection->idle) connection->stream->cancel();
        });
      }
    }
    if (open == 0) return;
    grace_timer.expires_after(shared->options.shutdown_grace);
    grace_timer.async_wait([this](boost::system::error_code error) {
      if (error) return;  // every connection finished in time
      spdlog::warn("shutdown grace of {} ms passed with requests still running; stopping anyway",
                   shared->options.shutdown_grace.count());
      io.stop();
    });
  }
};

Server::Server(ServerOptions options, const Router& router)
    : impl_(std::make_unique<Impl>(std::move(options), router)) {
  // The last connection to close during shutdown ends the grace period early.
  impl_->shared->on_drained = [impl = impl_.get()] {
    asio::post(impl->control, [impl] { impl->grace_timer.cancel(); });
  };
}

Server::~Server() = default;

void Server::Listen() {
  Impl& impl = *impl_;
  if (impl.acceptor.is_open()) return;
  const tcp::endpoint endpoint(asio::ip::make_address(impl.shared->options.address), impl.shared->options.port);
  impl.acceptor.open(endpoint.protocol());
  impl.acceptor.set_option(asio::socket_base::reuse_address(true));
  impl.acceptor.bind(endpoint);
  impl.acceptor.listen(asio::socket_base::max_listen_connections);
  impl.port = impl.acceptor.local_endpoint().port();
}

std::uint16_t Server::port() const { return impl_->port; }

void Server::Run() {
  Impl& impl = *impl_;
  Listen();
  if (impl.shared->options.handle_signals) {
    impl.signals.add(SIGINT);
    impl.signals.add(SIGTERM);
    impl.signals.async_wait([&impl](boost::system::error_code error, int signal_number) {
      if (error) return;
      spdlog::info("signal {} received: finishing requests and stopping", signal_number);
      impl.BeginShutdown();
    });
  }
  // Only a server with offloaded routes (uploads) pays for the extra threads. Created here, not in
  // the constructor: the router is complete once the server runs.
  if (impl.workers == nullptr && impl.shared->router.HasOffloadedRoutes()) {
    impl.workers = std::make_unique<asio::thread_pool>(Impl::kWorkerThreads);
    impl.shared->workers = impl.workers.get();
  }
  if (impl.password_pool == nullptr && impl.shared->router.HasPasswordRoutes()) {
    unsigned password_threads = impl.shared->options.password_threads;
    if (password_threads == 0) password_threads = std::max(1u, std::thread::hardware_concurrency());
    impl.password_pool = std::make_unique<BoundedWorkerPool>(password_threads, impl.shared->options.password_queue);
    impl.shared->password_pool = impl.password_pool.get();
    spdlog::info("password pool: {} threads, up to {} waiting", password_threads, impl.shared->options.password_queue);
  }
  asio::co_spawn(impl.control, impl.AcceptLoop(), asio::detached);
  spdlog::info("listening on http://{}:{}", impl.shared->options.address, impl.port);

  unsigned threads = impl.shared->options.threads;
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::thread> workers;
  workers.reserve(threads - 1);
  for (unsigned index = 1; index < threads; ++index) {
    workers.emplace_back([&impl] { impl.io.run(); });
  }
  impl.io.run();
  for (std::thread& worker : workers) worker.join();
  spdlog::info("server stopped");
}

void Server::Stop() {
  Impl* impl = impl_.get();
  asio::post(impl->control, [impl] { impl->BeginShutdown(); });
}

}  // namespace manmulsang::http
