// The server's password pool (RouteOptions::password_work): a real server on a loopback port,
// a deliberately slow handler standing for Argon2id.

#include <gtest/gtest.h>
#include <poll.h>
#include <sys/socket.h>

#include <array>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>
#include <condition_variable>
#include <future>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "bounded_worker_pool.hpp"
#include "manmulsang/http/metrics.hpp"
#include "manmulsang/http/server.hpp"
#include "test_client.hpp"

namespace manmulsang::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
using namespace std::chrono_literals;

using testing::ClientResponse;

using testing::Client;

// The indexes of the clients that have something to read, waiting up to the bound for the first.
std::vector<std::size_t> Readable(std::vector<std::unique_ptr<Client>>& clients, std::chrono::milliseconds bound) {
  std::vector<pollfd> descriptors;
  for (auto& client : clients) descriptors.push_back(pollfd{client->descriptor(), POLLIN, 0});
  const int ready = poll(descriptors.data(), descriptors.size(), static_cast<int>(bound.count()));
  std::vector<std::size_t> readable;
  for (std::size_t index = 0; ready > 0 && index < descriptors.size(); ++index) {
    if (descriptors[index].revents != 0) readable.push_back(index);
  }
  return readable;
}

// The value of a metric without labels in the /metrics text, 0 when it is not there yet.
double MetricValue(std::string_view name) {
  const std::string text = Metrics::Render();
  const std::string prefix = "\n" + std::string(name) + " ";
  const std::size_t at = text.find(prefix);
  if (at == std::string::npos) return 0;
  return std::stod(text.substr(at + prefix.size()));
}

// Holds every "hash" until the test lets go, and says how many have started.
class SlowPasswordWork {
 public:
  Response Run(std::string_view body) {
    {
      std::lock_guard lock(mutex_);
      ++started_;
      thread_ids_.insert(std::this_thread::get_id());
    }
    changed_.notify_all();
    // Bounded so that a broken server fails the test instead of hanging it.
    released_.wait_for(20s);
    return Response::Text("signed in " + std::string(body));
  }

  // False when fewer than count started within the bound (a hang, not a timing).
  bool WaitForStarted(int count) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, 20s, [&] { return started_ >= count; });
  }
  int started() {
    std::lock_guard lock(mutex_);
    return started_;
  }
  std::set<std::thread::id> thread_ids() {
    std::lock_guard lock(mutex_);
    return thread_ids_;
  }
  void Release() { release_.set_value(); }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  int started_ = 0;
  std::set<std::thread::id> thread_ids_;
  std::promise<void> release_;
  std::shared_future<void> released_ = release_.get_future().share();
};

class ServerPasswordPoolTest : public ::testing::Test {
 protected:
  static constexpr unsigned kPasswordThreads = 2;
  static constexpr std::size_t kPasswordQueue = 3;
  static constexpr std::size_t kCapacity = kPasswordThreads + kPasswordQueue;

  void SetUp() override {
    // Stands for the app's middleware (locale, actor): it runs around the refusal too.
    router_.Use([](Request& request, const Handler& next) {
      Response response = next(request);
      response.SetHeader("X-Middleware", "ran");
      return response;
    });
    // Stands for html::RouteRefusal, which words the problem from the message catalogs.
    router_.SetRefusal([this](const Request& request, const ApiProblem& problem) {
      refused_routes_.push_back(std::string(request.route()));
      if (request.WantsJson()) return ApiErrorResponse(problem, "잠시 후 다시 시도해 주세요.");
      return Response::Html("<h1>잠시 후 다시 시도해 주세요</h1>", problem.status);
    });
    router_.Get("/healthz", [this](Request&) {
      io_thread_ids_.insert(std::this_thread::get_id());
      return Response::Text("ok\n");
    });
    const RouteOptions password_work{.body_limit = 1024, .password_work = true};
    router_.Post(
        "/api/v1/auth/login", [this](Request& request) { return work_.Run(request.body()); }, password_work);
    router_.Post(
        "/login", [this](Request& request) { return work_.Run(request.body()); }, password_work);

    ServerOptions options;
    options.port = 0;
    options.threads = 1;
    options.access_log = false;
    options.handle_signals = false;
    options.password_threads = kPasswordThreads;
    options.password_queue = kPasswordQueue;
    options.password_retry_after = 2s;
    server_ = std::make_unique<Server>(options, router_);
    server_->Listen();
    runner_ = std::thread([this] { server_->Run(); });
  }

  void TearDown() override {
    server_->Stop();
    runner_.join();
  }

  Router router_;
  SlowPasswordWork work_;
  std::vector<std::string> refused_routes_;  // written on the one I/O thread, read after it answered
  std::set<std::thread::id> io_thread_ids_;
  std::unique_ptr<Server> server_;
  std::thread runner_;
};

TEST_F(ServerPasswordPoolTest, FullQueueIsAnswered503AtOnceWhileFastRoutesKeepAnswering) {
  ASSERT_TRUE(router_.HasPasswordRoutes());
  const double refused_before = MetricValue("http_password_work_refused_total");

  // One more sign-in than the pool holds (threads + queue), each on its own connection.
  std::vector<std::unique_ptr<Client>> logins;
  for (std::size_t index = 0; index <= kCapacity; ++index) {
    logins.push_back(std::make_unique<Client>(server_->port()));
    logins.back()->Post("/api/v1/auth/login", "member " + std::to_string(index));
  }
  ASSERT_TRUE(work_.WaitForStarted(kPasswordThreads));

  // Every handler that started is held, so the only answer that can come is the refusal of the
  // one request that found the pool full; it comes without any handler finishing.
  const std::vector<std::size_t> answered = Readable(logins, 20s);
  ASSERT_EQ(answered.size(), 1u) << "exactly one sign-in is refused while the pool is full";
  const ClientResponse refused = logins[answered.front()]->Read();
  EXPECT_EQ(refused.result_int(), 503);
  EXPECT_EQ(refused[bhttp::field::retry_after], "2");
  EXPECT_EQ(refused[bhttp::field::cache_control], "no-store");
  EXPECT_EQ(refused["X-Middleware"], "ran");
  const boost::json::value problem = boost::json::parse(refused.body());
  EXPECT_EQ(problem.at("error").at("code").as_string(), "busy");
  EXPECT_EQ(problem.at("error").at("message").as_string(), "잠시 후 다시 시도해 주세요.");
  EXPECT_EQ(MetricValue("http_password_work_refused_total"), refused_before + 1);
  logins.erase(logins.begin() + static_cast<std::ptrdiff_t>(answered.front()));

  // A page's sign-in is refused the same way, as a page.
  Client page(server_->port());
  page.Post("/login", "email=a%40b.kp", "text/html");
  const ClientResponse refused_page = page.Read();
  EXPECT_EQ(refused_page.result_int(), 503);
  EXPECT_EQ(refused_page[bhttp::field::retry_after], "2");
  EXPECT_NE(refused_page.body().find("잠시 후 다시 시도해 주세요"), std::string::npos);
  EXPECT_EQ(refused_routes_, (std::vector<std::string>{"/api/v1/auth/login", "/login"}));

  // The I/O thread answers other requests while every password thread is busy.
  Client health(server_->port());
  for (int round = 0; round < 3; ++round) {
    const ClientResponse answer = health.Get("/healthz");
    EXPECT_EQ(answer.result_int(), 200);
    EXPECT_EQ(answer.body(), "ok\n");
  }
  EXPECT_EQ(work_.started(), static_cast<int>(kPasswordThreads)) << "the queued sign-ins wait for a thread";
  EXPECT_TRUE(Readable(logins, 0ms).empty()) << "no admitted sign-in is answered before its work is done";

  // Let go: every admitted sign-in, queued ones included, finishes with its handler's answer.
  work_.Release();
  std::set<std::string> bodies;
  for (auto& login : logins) {
    const ClientResponse answer = login->Read();
    EXPECT_EQ(answer.result_int(), 200);
    bodies.insert(answer.body());
  }
  EXPECT_EQ(bodies.size(), kCapacity);
  EXPECT_EQ(work_.started(), static_cast<int>(kCapacity));
  for (const std::thread::id& thread_id : work_.thread_ids()) {
    EXPECT_FALSE(io_thread_ids_.contains(thread_id)) << "password work ran on the I/O thread";
  }

  // The places were given back: the next sign-in is served, on the connection that was refused too.
  page.Post("/login", "again", "text/html");
  const ClientResponse again = page.Read();
  EXPECT_EQ(again.result_int(), 200);
  EXPECT_EQ(again.body(), "signed in again");
}

TEST(BoundedWorkerPoolTest, TakesThreadsPlusQueueAndGivesPlacesBack) {
  BoundedWorkerPool pool(2, 1);
  EXPECT_EQ(pool.capacity(), 3u);
  std::vector<BoundedWorkerPool::Place> places;
  for (int index = 0; index < 3; ++index) {
    places.push_back(pool.TryEnter());
    EXPECT_TRUE(places.back());
  }
  EXPECT_FALSE(pool.TryEnter()) << "a full pool refuses";
  EXPECT_EQ(pool.held(), 3u);
  BoundedWorkerPool::Place moved = std::move(places.back());
  places.pop_back();
  EXPECT_EQ(pool.held(), 3u) << "a moved place is still one place";
  moved = BoundedWorkerPool::Place();
  EXPECT_EQ(pool.held(), 2u);
  EXPECT_TRUE(pool.TryEnter()) << "a place given back is free again (and this one goes at once)";
  places.clear();
  EXPECT_EQ(pool.held(), 0u);
}

TEST(BoundedWorkerPoolTest, RouterSaysWhetherAnyRouteNeedsIt) {
  Router router;
  router.Get("/", [](Request&) { return Response::Text("home"); });
  EXPECT_FALSE(router.HasPasswordRoutes());
  EXPECT_FALSE(router.Options(Method::get, "/").password_work);
  router.Post("/login", [](Request&) { return Response::Text("ok"); }, {.password_work = true});
  EXPECT_TRUE(router.HasPasswordRoutes());
  EXPECT_TRUE(router.Options(Method::post, "/login").password_work);
  EXPECT_FALSE(router.HasOffloadedRoutes());
}

// Refuse runs the middleware and the refusal hook, never the handler, and records the route.
TEST(RouterRefuseTest, WordsTheProblemThroughMiddlewareAndHookWithoutTheHandler) {
  Router router;
  bool handler_ran = false;
  router.Use([](Request& request, const Handler& next) {
    Response response = next(request);
    response.SetHeader("X-Middleware", "ran");
    return response;
  });
  router.Post("/api/v1/auth/login",
              [&](Request&) {
                handler_ran = true;
                return Response::Text("signed in");
              },
              {.password_work = true});
  BeastRequest message(bhttp::verb::post, "/api/v1/auth/login", 11);
  Request request(std::move(message), "127.0.0.1", "request-1");
  const Response response = router.Refuse(request, ApiProblem{Status::service_unavailable, "busy", ""});
  EXPECT_FALSE(handler_ran);
  EXPECT_EQ(response.status, Status::service_unavailable);
  EXPECT_EQ(request.route(), "/api/v1/auth/login");
  EXPECT_FALSE(response.cacheable);
  EXPECT_NE(response.body.find("\"busy\""), std::string::npos);
}

}  // namespace
}  // namespace manmulsang::http
