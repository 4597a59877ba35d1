// Durable orders per second through the HTTP API (issue 12): the same loop as
// checkout_benchmark — each buyer adds one line to its cart and checks out with the wallet —
// but every buyer is its own member with its own bearer token and cart, and speaks HTTP/1.1 with
// keep-alive to `manmulsang serve` (or to nginx in front of several nodes), so the number
// includes parsing, authentication, JSON and the store of whichever kind the server runs on.
//
//   checkout_http_benchmark prepare --database URL --buyers 64 --products 1000 --tokens FILE
//       fills a migrated store (before any server runs on it): 20 shops, the products, one
//       member per buyer with an API session and a funded wallet; FILE gets the products and tokens
//   checkout_http_benchmark run --database URL --tokens FILE --target 127.0.0.1:PORT [--target ...]
//       --buyers 16 --seconds 10 --max-orders 200000 --label TEXT
//       buyer i speaks to target i mod targets; prints one Markdown table row, and fails when the
//       store does not hold exactly the orders that were answered 201
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "wiring/all_migrations.hpp"
#include "wiring/marketplace_services.hpp"

namespace {

using namespace manmulsang;
using Clock = std::chrono::steady_clock;

constexpr int kShops = 20;
constexpr std::int64_t kStock = 1'000'000'000;
constexpr std::int64_t kWalletWon = 1'000'000'000'000;
constexpr std::string_view kCountOrders = "SELECT COUNT(*) FROM orders";

struct Options {
  std::string command;
  std::string database;
  std::string tokens;
  std::vector<std::string> targets;
  int buyers = 16;
  int products = 1000;
  double seconds = 10;
  std::int64_t max_orders = 200'000;
  std::string label;
};

[[noreturn]] void Fail(const std::string& message) {
  std::fprintf(stderr, "checkout_http_benchmark: %s\n", message.c_str());
  std::exit(1);
}

int Prepare(const Options& options) {
  std::unique_ptr<db::Database> database = db::Database::Open(options.database);
  database->Migrate(app::AllMigrations());
  core::SystemClock clock;
  app::MarketplaceServices services{*database, clock};
  std::vector<sellers::NewShop> shops;
  for (int index = 0; index < kShops; ++index) {
    shops.push_back(
        {core::UserId{10 + index}, "상점 " + std::to_string(index), "", "평양", sellers::ShopStatus::approved});
  }
  const std::vector<core::SellerId> shop_ids = services.sellers.InsertShops(shops);
  const core::CategoryId category = services.catalog.CategoryBySlug("food")->id;
  std::vector<catalog::NewProduct> products(static_cast<std::size_t>(options.products));
  for (std::size_t index = 0; index < products.size(); ++index) {
    products[index].seller = shop_ids[index % shop_ids.size()];
    products[index].category = category;
    products[index].name = "상품 " + std::to_string(index);
    products[index].price = {1'000 + static_cast<std::int64_t>(index % 50) * 100, core::Currency::kpw};
    products[index].stock = kStock;
  }
  const std::vector<core::ProductId> product_ids = services.catalog.InsertProducts(products);
  std::ofstream file(options.tokens);
  for (const core::ProductId product : product_ids) file << "product " << product.value << '\n';
  for (int buyer = 0; buyer < options.buyers; ++buyer) {
    const std::string email = "buyer" + std::to_string(buyer) + "@bench.example";
    auto signed_in =
        services.accounts.SignUp({email, "bench-password-" + std::to_string(buyer), "구매자 " + std::to_string(buyer)},
                                 accounts::SessionKind::api);
    if (!signed_in) Fail("sign-up of " + email + " failed");
    if (!services.payments.CreditWallet(
            {signed_in->user.id, {kWalletWon, core::Currency::kpw}, "입금", core::UserId{1}})) {
      Fail("top-up of " + email + " failed");
    }
    file << "buyer " << signed_in->token << '\n';
  }
  if (!file.flush()) Fail("cannot write " + options.tokens);
  return 0;
}

// One keep-alive HTTP/1.1 connection to one target; reconnects when the server closes it.
class Connection {
 public:
  explicit Connection(std::string target) : target_(std::move(target)) {}
  ~Connection() { Close(); }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // The status of a POST with a JSON body, or 0 when the connection failed.
  int PostJson(std::string_view path, std::string_view token, std::string_view json) {
    std::string request = "POST " + std::string(path) + " HTTP/1.1\r\nHost: " + target_ + "\r\nAuthorization: Bearer " +
                          std::string(token) +
                          "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(json.size()) +
                          "\r\n\r\n" + std::string(json);
    for (int attempt = 0; attempt < 2; ++attempt) {
      if (socket_ < 0 && !Open()) return 0;
      if (SendAll(request)) {
        const int status = ReadResponse();
        if (status != 0) return status;
      }
      Close();  // a keep-alive connection the server had just closed: once more on a new one
    }
    return 0;
  }

 private:
  bool Open() {
    const std::size_t colon = target_.rfind(':');
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(std::stoi(target_.substr(colon + 1))));
    if (::inet_pton(AF_INET, target_.substr(0, colon).c_str(), &address.sin_addr) != 1) Fail("bad target " + target_);
    socket_ = ::socket(AF_INET, SOCK_STREAM, 0);
    const int one = 1;
    ::setsockopt(socket_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (::connect(socket_, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
      Close();
      return false;
    }
    buffer_.clear();
    return true;
  }

  void Close() {
    if (socket_ >= 0) ::close(socket_);
    socket_ = -1;
  }

  bool SendAll(std::string_view data) {
    while (!data.empty()) {
      const ssize_t sent = ::send(socket_, data.data(), data.size(), MSG_NOSIGNAL);
      if (sent <= 0) return false;
      data.remove_prefix(static_cast<std::size_t>(sent));
    }
    return true;
  }

  bool Fill() {
    char chunk[16384];
    const ssize_t received = ::recv(socket_, chunk, sizeof chunk, 0);
    if (received <= 0) return false;
    buffer_.append(chunk, static_cast<std::size_t>(received));
    return true;
  }

  // Reads one response (Content-Length or chunked body) and returns its status; 0 on failure.
  int ReadResponse() {
    std::size_t header_end;
    while ((header_end = buffer_.find("\r\n\r\n")) == std::string::npos) {
      if (!Fill()) return 0;
    }
    std::string head = buffer_.substr(0, header_end);
    buffer_.erase(0, header_end + 4);
    std::transform(head.begin(), head.end(), head.begin(), [](unsigned char c) { return std::tolower(c); });
    if (head.size() < 12) return 0;
    const int status = std::atoi(head.c_str() + 9);
    const bool closing = head.find("\r\nconnection: close") != std::string::npos;
    if (head.find("\r\ntransfer-encoding: chunked") != std::string::npos) {
      std::size_t end;
      while ((end = buffer_.find("\r\n0\r\n\r\n")) == std::string::npos && buffer_.rfind("0\r\n\r\n", 0) != 0) {
        if (!Fill()) return 0;
      }
      buffer_.erase(0, end == std::string::npos ? 5 : end + 7);
    } else {
      const std::size_t length_at = head.find("\r\ncontent-length:");
      const std::size_t length = length_at == std::string::npos ? 0 : std::stoul(head.substr(length_at + 17));
      while (buffer_.size() < length) {
        if (!Fill()) return 0;
      }
      buffer_.erase(0, length);
    }
    if (closing) Close();
    return status;
  }

  std::string target_;
  int socket_ = -1;
  std::string buffer_;
};

double Milliseconds(Clock::duration duration) { return std::chrono::duration<double, std::milli>(duration).count(); }

double Percentile(std::vector<double>& values, double fraction) {
  if (values.empty()) return 0;
  const auto index = static_cast<std::size_t>(fraction * static_cast<double>(values.size() - 1));
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(index), values.end());
  return values[index];
}

struct BuyerResult {
  std::int64_t orders = 0;
  std::int64_t failures = 0;
  int last_failed_status = 0;
  std::vector<double> checkout_milliseconds;
  std::vector<double> add_milliseconds;
};

std::int64_t StoredOrders(const std::string& url) {
  std::unique_ptr<db::Database> database = db::Database::Open(url);
  return database->Read([](db::Connection& connection) { return connection.QueryOne(kCountOrders)->Int(0); });
}

int Run(const Options& options) {
  std::vector<std::int64_t> products;
  std::vector<std::string> tokens;
  std::ifstream file(options.tokens);
  std::string kind, value;
  while (file >> kind >> value) {
    if (kind == "product") products.push_back(std::stoll(value));
    if (kind == "buyer") tokens.push_back(value);
  }
  if (products.empty() || static_cast<int>(tokens.size()) < options.buyers) Fail("too few buyers in " + options.tokens);
  if (options.targets.empty()) Fail("no --target");
  const std::int64_t stored_before = StoredOrders(options.database);

  std::atomic<std::int64_t> orders_left = options.max_orders;
  std::atomic<bool> stop = false;
  std::vector<BuyerResult> results(static_cast<std::size_t>(options.buyers));
  std::vector<std::thread> buyers;
  const Clock::time_point start = Clock::now();
  const Clock::time_point deadline =
      start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(options.seconds));
  for (int buyer = 0; buyer < options.buyers; ++buyer) {
    buyers.emplace_back([&, buyer] {
      BuyerResult& mine = results[static_cast<std::size_t>(buyer)];
      Connection connection(options.targets[static_cast<std::size_t>(buyer) % options.targets.size()]);
      const std::string& token = tokens[static_cast<std::size_t>(buyer)];
      // As in checkout_benchmark: each buyer walks the products from its own starting point.
      std::size_t next = static_cast<std::size_t>(buyer) * 61 % products.size();
      while (!stop.load(std::memory_order_relaxed)) {
        if (orders_left.fetch_sub(1, std::memory_order_relaxed) <= 0) break;
        const Clock::time_point added_at = Clock::now();
        const int added = connection.PostJson("/api/v1/cart/items", token,
                                              "{\"product_id\":" + std::to_string(products[next]) + ",\"quantity\":1}");
        const Clock::time_point checkout_at = Clock::now();
        next = (next + 1) % products.size();
        if (added != 201) {
          ++mine.failures;
          mine.last_failed_status = added;
          if (Clock::now() >= deadline) stop = true;
          continue;
        }
        const int checked_out = connection.PostJson("/api/v1/orders", token,
                                                    R"({"payment_method":"wallet","address":"평양시 중구역 1동"})");
        const Clock::time_point done_at = Clock::now();
        mine.add_milliseconds.push_back(Milliseconds(checkout_at - added_at));
        mine.checkout_milliseconds.push_back(Milliseconds(done_at - checkout_at));
        if (checked_out == 201) {
          ++mine.orders;  // one line of one shop: one order
        } else {
          ++mine.failures;
          mine.last_failed_status = checked_out;
        }
        if (done_at >= deadline) stop = true;
      }
    });
  }
  for (std::thread& thread : buyers) thread.join();
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  BuyerResult total;
  for (BuyerResult& mine : results) {
    total.orders += mine.orders;
    total.failures += mine.failures;
    if (mine.last_failed_status != 0 || total.last_failed_status == 0)
      total.last_failed_status = mine.last_failed_status;
    total.checkout_milliseconds.insert(total.checkout_milliseconds.end(), mine.checkout_milliseconds.begin(),
                                       mine.checkout_milliseconds.end());
    total.add_milliseconds.insert(total.add_milliseconds.end(), mine.add_milliseconds.begin(),
                                  mine.add_milliseconds.end());
  }
  std::printf("| %s | %d | %lld | %.0f | %.1f ms | %.1f ms | %.1f ms | %lld |\n", options.label.c_str(), options.buyers,
              static_cast<long long>(total.orders), static_cast<double>(total.orders) / seconds,
              Percentile(total.checkout_milliseconds, 0.50), Percentile(total.checkout_milliseconds, 0.99),
              Percentile(total.add_milliseconds, 0.99), static_cast<long long>(total.failures));
  std::fflush(stdout);
  const std::int64_t stored = StoredOrders(options.database) - stored_before;
  if (stored != total.orders) {
    Fail(std::to_string(total.orders) + " orders answered 201 (" + std::to_string(total.failures) +
         " failures, last status " + std::to_string(total.last_failed_status) + "), " + std::to_string(stored) +
         " stored");
  }
  if (total.failures > 0) {
    std::fprintf(stderr, "checkout_http_benchmark: %lld failed calls (last status %d)\n",
                 static_cast<long long>(total.failures), total.last_failed_status);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (argc > 1) options.command = argv[1];
  for (int index = 2; index + 1 < argc; index += 2) {
    const std::string_view flag = argv[index];
    const std::string value = argv[index + 1];
    if (flag == "--database") {
      options.database = value;
    } else if (flag == "--tokens") {
      options.tokens = value;
    } else if (flag == "--target") {
      options.targets.push_back(value);
    } else if (flag == "--buyers") {
      options.buyers = std::stoi(value);
    } else if (flag == "--products") {
      options.products = std::stoi(value);
    } else if (flag == "--seconds") {
      options.seconds = std::stod(value);
    } else if (flag == "--max-orders") {
      options.max_orders = std::stoll(value);
    } else if (flag == "--label") {
      options.label = value;
    } else {
      options.command.clear();
      break;
    }
  }
  if (options.database.empty() || options.tokens.empty()) options.command.clear();
  if (options.command == "prepare") return Prepare(options);
  if (options.command == "run") return Run(options);
  std::fprintf(stderr,
               "usage: checkout_http_benchmark prepare --database URL --buyers N --products N --tokens FILE\n"
               "       checkout_http_benchmark run --database URL --tokens FILE --target HOST:PORT... --buyers N "
               "--seconds S --max-orders N --label TEXT\n");
  return 2;
}
