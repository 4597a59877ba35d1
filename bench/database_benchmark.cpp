// The SQLite driver under the pages: a point read through a cached prepared statement, a short
// range read like a listing page, and a small write transaction (what group commit amortises).
#include <benchmark/benchmark.h>
#include <stdlib.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "manmulsang/db/database.hpp"

namespace {

using manmulsang::db::Connection;
using manmulsang::db::Database;

constexpr std::string_view kCreate =
    "CREATE TABLE IF NOT EXISTS items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, price INTEGER NOT NULL, "
    "stock INTEGER NOT NULL); "
    "CREATE INDEX IF NOT EXISTS items_price ON items (price)";
constexpr std::string_view kInsert = "INSERT INTO items (name, price, stock) VALUES ($1, $2, $3) RETURNING id";
constexpr std::string_view kSelectOne = "SELECT id, name, price, stock FROM items WHERE id = $1";
constexpr std::string_view kSelectPage =
    "SELECT id, name, price, stock FROM items WHERE price >= $1 ORDER BY price LIMIT 24";
constexpr std::string_view kUpdateStock = "UPDATE items SET stock = stock - 1 WHERE id = $1 AND stock > 0";
constexpr std::int64_t kRows = 10000;

// One store for the whole run, in a temporary folder removed at exit.
class Store {
 public:
  Store() {
    std::string pattern = (std::filesystem::temp_directory_path() / "manmulsang-bench-XXXXXX").string();
    directory_ = ::mkdtemp(pattern.data());
    database_ = Database::Open("sqlite:" + (directory_ / "bench.db").string());
    database_->Write([](Connection& connection) {
      connection.ExecuteScript(kCreate);
      for (std::int64_t i = 0; i < kRows; ++i) {
        std::string name = "상품 " + std::to_string(i);
        connection.Query(kInsert, {std::string_view(name), (i * 7919) % 100000, std::int64_t{1000000}});
      }
    });
  }
  ~Store() {
    database_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(directory_, ignored);
  }
  Database& database() { return *database_; }

 private:
  std::filesystem::path directory_;
  std::unique_ptr<Database> database_;
};

Store& SharedStore() {
  static Store store;
  return store;
}

void BM_PointRead(benchmark::State& state) {
  Database& database = SharedStore().database();
  std::int64_t id = 1;
  for (auto _ : state) {
    auto row = database.Read([&](Connection& connection) { return connection.QueryOne(kSelectOne, {id}); });
    benchmark::DoNotOptimize(row);
    id = id % kRows + 1;
  }
}
BENCHMARK(BM_PointRead)->ThreadRange(1, 2)->UseRealTime();

void BM_ListingPageRead(benchmark::State& state) {
  Database& database = SharedStore().database();
  std::int64_t price = 0;
  for (auto _ : state) {
    auto rows = database.Read([&](Connection& connection) { return connection.Query(kSelectPage, {price}); });
    benchmark::DoNotOptimize(rows);
    price = (price + 997) % 99000;
  }
}
BENCHMARK(BM_ListingPageRead)->ThreadRange(1, 2)->UseRealTime();

void BM_SmallWriteTransaction(benchmark::State& state) {
  Database& database = SharedStore().database();
  std::int64_t id = 1;
  for (auto _ : state) {
    database.Write([&](Connection& connection) { return connection.Execute(kUpdateStock, {id}); });
    id = id % kRows + 1;
  }
}
BENCHMARK(BM_SmallWriteTransaction)->ThreadRange(1, 2)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
