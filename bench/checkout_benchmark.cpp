// Durable orders per second through the real services (issue 4, docs/BUYING.md §8): buyer
// threads each add one line to their cart and check out with the wallet, in a loop, over a
// SQLite file with synchronous = FULL (every commit synced). Four cases: 16 and 64 buyers over
// 1,000 products, and 16 and 64 buyers all on 5 hot products. Each case runs in a fresh store
// for a bounded time and a bounded number of orders, then prints a Markdown table row.
//
//   checkout_benchmark [--seconds 10] [--max-orders 200000] [--case NAME]
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "manmulsang/orders/orders.hpp"
#include "wiring/all_migrations.hpp"
#include "wiring/marketplace_services.hpp"

namespace {

using namespace manmulsang;
using Clock = std::chrono::steady_clock;

struct Case {
  std::string name;
  int buyers;
  int products;
};

struct Options {
  double seconds = 10;
  std::int64_t max_orders = 200'000;
  std::string only_case;
};

struct Measurement {
  std::int64_t orders = 0;
  std::int64_t failures = 0;
  double seconds = 0;
  std::vector<double> checkout_milliseconds;
  std::vector<double> add_milliseconds;
  db::WriterStatistics writer_before;
  db::WriterStatistics writer_after;
};

constexpr int kShops = 20;
constexpr std::int64_t kStock = 1'000'000'000;
constexpr std::int64_t kWalletWon = 1'000'000'000'000;

// Every service over one migrated store, wired as the server wires them.
struct Marketplace {
  explicit Marketplace(const std::string& url) : database(Migrated(url)) {}

  static std::unique_ptr<db::Database> Migrated(const std::string& url) {
    std::unique_ptr<db::Database> opened = db::Database::Open(url);
    opened->Migrate(app::AllMigrations());
    return opened;
  }

  std::unique_ptr<db::Database> database;
  core::SystemClock clock;
  app::MarketplaceServices services{*database, clock};
  sellers::SellerService& sellers = services.sellers;
  catalog::CatalogService& catalog = services.catalog;
  payments::PaymentService& payments = services.payments;
  cart::CartService& cart = services.cart;
  orders::OrderService& orders = services.orders;
};

std::vector<core::ProductId> Prepare(Marketplace& market, const Case& bench_case) {
  std::vector<sellers::NewShop> shops;
  for (int index = 0; index < kShops; ++index) {
    shops.push_back(
        {core::UserId{10 + index}, "상점 " + std::to_string(index), "", "평양", sellers::ShopStatus::approved});
  }
  const std::vector<core::SellerId> shop_ids = market.sellers.InsertShops(shops);
  const core::CategoryId category = market.catalog.CategoryBySlug("food")->id;
  std::vector<catalog::NewProduct> products(static_cast<std::size_t>(bench_case.products));
  for (std::size_t index = 0; index < products.size(); ++index) {
    products[index].seller = shop_ids[index % shop_ids.size()];
    products[index].category = category;
    products[index].name = "상품 " + std::to_string(index);
    products[index].price = {1'000 + static_cast<std::int64_t>(index % 50) * 100, core::Currency::kpw};
    products[index].stock = kStock;
  }
  for (int buyer = 0; buyer < bench_case.buyers; ++buyer) {
    if (!market.payments.CreditWallet(
            {core::UserId{1000 + buyer}, {kWalletWon, core::Currency::kpw}, "입금", core::UserId{1}})) {
      std::fprintf(stderr, "checkout_benchmark: top-up failed\n");
      std::exit(1);
    }
  }
  return market.catalog.InsertProducts(products);
}

double Milliseconds(Clock::duration duration) { return std::chrono::duration<double, std::milli>(duration).count(); }

double Percentile(std::vector<double>& values, double fraction) {
  if (values.empty()) return 0;
  const auto index = static_cast<std::size_t>(fraction * static_cast<double>(values.size() - 1));
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(index), values.end());
  return values[index];
}

Measurement Run(const Case& bench_case, const Options& options) {
  std::string pattern = (std::filesystem::temp_directory_path() / "manmulsang-checkout-XXXXXX").string();
  const std::filesystem::path directory = ::mkdtemp(pattern.data());
  Measurement measurement;
  {
    Marketplace market("sqlite:" + (directory / "store.db").string());
    const std::vector<core::ProductId> products = Prepare(market, bench_case);
    const std::int64_t synchronous = market.database->Write(
        [](db::Connection& connection) { return connection.QueryOne("PRAGMA synchronous")->Int(0); });
    if (synchronous != 2) {
      std::fprintf(stderr, "checkout_benchmark: the writer runs with synchronous=%lld, not FULL\n",
                   static_cast<long long>(synchronous));
      std::exit(1);
    }

    std::atomic<std::int64_t> orders_left = options.max_orders;
    std::atomic<bool> stop = false;
    std::vector<Measurement> per_buyer(static_cast<std::size_t>(bench_case.buyers));
    std::vector<std::thread> buyers;
    measurement.writer_before = market.database->Statistics();
    const Clock::time_point start = Clock::now();
    const Clock::time_point deadline =
        start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(options.seconds));
    for (int buyer = 0; buyer < bench_case.buyers; ++buyer) {
      buyers.emplace_back([&, buyer] {
        Measurement& mine = per_buyer[static_cast<std::size_t>(buyer)];
        const core::UserId user{1000 + buyer};
        const cart::CartOwner owner = cart::CartOwner::Member(user);
        const orders::CheckoutCommand command{user, orders::PaymentMethod::wallet, "평양시 중구역 1동", ""};
        // A buyer walks the products from its own starting point, so buyers rarely collide
        // on one product when there are many, and always do when there are five.
        std::size_t next = static_cast<std::size_t>(buyer) * 61 % products.size();
        while (!stop.load(std::memory_order_relaxed)) {
          if (orders_left.fetch_sub(1, std::memory_order_relaxed) <= 0) break;
          const Clock::time_point added_at = Clock::now();
          auto added = market.cart.AddItem(owner, products[next], 1);
          const Clock::time_point checkout_at = Clock::now();
          next = (next + 1) % products.size();
          if (!added) {
            ++mine.failures;
            continue;
          }
          auto receipt = market.orders.Checkout(command);
          const Clock::time_point done_at = Clock::now();
          mine.add_milliseconds.push_back(Milliseconds(checkout_at - added_at));
          mine.checkout_milliseconds.push_back(Milliseconds(done_at - checkout_at));
          if (receipt) {
            mine.orders += static_cast<std::int64_t>(receipt->orders.size());
          } else {
            ++mine.failures;
          }
          if (done_at >= deadline) stop = true;
        }
      });
    }
    for (std::thread& thread : buyers) thread.join();
    measurement.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    measurement.writer_after = market.database->Statistics();
    for (Measurement& mine : per_buyer) {
      measurement.orders += mine.orders;
      measurement.failures += mine.failures;
      measurement.checkout_milliseconds.insert(measurement.checkout_milliseconds.end(),
                                               mine.checkout_milliseconds.begin(), mine.checkout_milliseconds.end());
      measurement.add_milliseconds.insert(measurement.add_milliseconds.end(), mine.add_milliseconds.begin(),
                                          mine.add_milliseconds.end());
    }
    const std::int64_t stored = market.database->Read(
        [](db::Connection& connection) { return connection.QueryOne("SELECT COUNT(*) FROM orders")->Int(0); });
    if (stored != measurement.orders) {
      std::fprintf(stderr, "checkout_benchmark: %lld orders answered (%lld failures), %lld stored\n",
                   static_cast<long long>(measurement.orders), static_cast<long long>(measurement.failures),
                   static_cast<long long>(stored));
      std::exit(1);
    }
  }
  std::error_code ignored;
  std::filesystem::remove_all(directory, ignored);
  return measurement;
}

// The disk under the store sets the ceiling: one synced commit per batch. Printed with the
// results, because on a shared machine it changes from run to run.
void PrintSyncProbe() {
  const std::filesystem::path file = std::filesystem::temp_directory_path() / "manmulsang-sync-probe";
  const int descriptor = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (descriptor < 0) return;
  const std::string page(4096, 'x');
  std::vector<double> milliseconds;
  const Clock::time_point end = Clock::now() + std::chrono::seconds(2);
  while (Clock::now() < end) {
    if (::write(descriptor, page.data(), page.size()) < 0) break;
    const Clock::time_point before = Clock::now();
    if (::fdatasync(descriptor) != 0) break;
    milliseconds.push_back(Milliseconds(Clock::now() - before));
  }
  ::close(descriptor);
  std::filesystem::remove(file);
  const double rate = static_cast<double>(milliseconds.size()) / 2.0;
  std::printf("The disk under the store: %.0f synced 4 KiB appends/s (fdatasync p50 %.2f ms, p99 %.2f ms).\n\n", rate,
              Percentile(milliseconds, 0.50), Percentile(milliseconds, 0.99));
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  for (int index = 1; index + 1 < argc; index += 2) {
    const std::string_view flag = argv[index];
    if (flag == "--seconds") {
      options.seconds = std::stod(argv[index + 1]);
    } else if (flag == "--max-orders") {
      options.max_orders = std::stoll(argv[index + 1]);
    } else if (flag == "--case") {
      options.only_case = argv[index + 1];
    } else {
      std::fprintf(stderr, "usage: checkout_benchmark [--seconds S] [--max-orders N] [--case NAME]\n");
      return 2;
    }
  }
  const Case cases[] = {{"16 buyers, 1,000 products", 16, 1000},
                        {"64 buyers, 1,000 products", 64, 1000},
                        {"16 buyers, 5 hot products", 16, 5},
                        {"64 buyers, 5 hot products", 64, 5}};
  PrintSyncProbe();
  std::printf("| case | orders | orders/s | checkout p50 | checkout p99 | add to cart p99 | transactions per sync |\n");
  std::printf("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
  std::fflush(stdout);
  for (const Case& bench_case : cases) {
    if (!options.only_case.empty() && bench_case.name.find(options.only_case) == std::string::npos) continue;
    Measurement measurement = Run(bench_case, options);
    const double rate = static_cast<double>(measurement.orders) / measurement.seconds;
    const auto transactions = measurement.writer_after.transactions - measurement.writer_before.transactions;
    const auto syncs = measurement.writer_after.commits - measurement.writer_before.commits;
    const double per_sync = syncs > 0 ? static_cast<double>(transactions) / static_cast<double>(syncs) : 0;
    std::printf("| %s | %lld | %.0f | %.1f ms | %.1f ms | %.1f ms | %.1f |\n", bench_case.name.c_str(),
                static_cast<long long>(measurement.orders), rate, Percentile(measurement.checkout_milliseconds, 0.50),
                Percentile(measurement.checkout_milliseconds, 0.99), Percentile(measurement.add_milliseconds, 0.99),
                per_sync);
    if (measurement.failures > 0) {
      std::printf("|   (%lld failed checkouts or cart adds) | | | | | | |\n",
                  static_cast<long long>(measurement.failures));
    }
    std::fflush(stdout);
  }
  return 0;
}
