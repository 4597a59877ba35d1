// Measures the two SQLite index designs on a demo store (docs/SEARCH.md). It runs only when
// MANMULSANG_SEARCH_MEASURE_STORE names a store made by `manmulsang demo`; the indexes are built
// in MANMULSANG_SEARCH_MEASURE_OUT (default: a temporary folder). Plain `ctest` skips it.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "manmulsang/search/analyzer.hpp"
#include "manmulsang/search/search.hpp"
#include "memory_index.hpp"
#include "query_executor.hpp"
#include "temp_directory.hpp"

namespace manmulsang::search {
namespace {

using Clock = std::chrono::steady_clock;

// The demo store's listings, read in id order a batch at a time (a measurement harness reading
// the catalog's table directly; the service itself never does).
constexpr std::string_view kReadProducts =
    "SELECT id, category_id, seller_id, name, description, price_amount, stock, rating_average, popularity, "
    "created_at FROM products WHERE status = 'active' AND id > $1 ORDER BY id LIMIT $2";
constexpr std::string_view kCreateFts =
    "CREATE VIRTUAL TABLE search_fts USING fts5(name, description, content='', "
    "tokenize = \"ascii tokenchars '-./_+'\");";
constexpr std::string_view kInsertFts = "INSERT INTO search_fts (rowid, name, description) VALUES ($1, $2, $3)";
constexpr std::string_view kFtsTop =
    "SELECT rowid FROM search_fts WHERE search_fts MATCH $1 ORDER BY bm25(search_fts, 3.0, 1.0) LIMIT 20";
constexpr std::string_view kFtsCount = "SELECT count(*) FROM search_fts WHERE search_fts MATCH $1";

double Milliseconds(Clock::duration duration) { return std::chrono::duration<double, std::milli>(duration).count(); }

std::string Joined(const std::vector<std::string>& terms) {
  std::string joined;
  for (const std::string& term : terms) {
    if (!joined.empty()) joined.push_back(' ');
    joined += term;
  }
  return joined;
}

// The analyzed query as an FTS5 expression: every required term quoted, AND between them.
std::string FtsExpression(const AnalyzedQuery& query) {
  std::string expression;
  for (const std::string& term : query.required) {
    if (!expression.empty()) expression += " AND ";
    expression += "\"" + term + "\"";
  }
  return expression;
}

std::uintmax_t FileSize(const std::filesystem::path& path) {
  std::error_code error;
  std::uintmax_t size = std::filesystem::file_size(path, error);
  return error ? 0 : size;
}

struct Latency {
  double p50 = 0;
  double p99 = 0;
};

template <typename Work>
Latency Measure(int repetitions, Work&& work) {
  std::vector<double> times;
  for (int repetition = 0; repetition < repetitions; ++repetition) {
    const auto start = Clock::now();
    work();
    times.push_back(Milliseconds(Clock::now() - start));
  }
  std::ranges::sort(times);
  return {times[times.size() / 2], times[std::min(times.size() - 1, times.size() * 99 / 100)]};
}

// Searches per second with 8 threads cycling through the queries for 3 s, service-side.
template <std::size_t N>
double Throughput(SearchService& search, const char* const (&queries)[N]) {
  std::atomic<std::int64_t> searches = 0;
  std::atomic<bool> stop = false;
  std::vector<std::thread> clients;
  for (std::size_t client = 0; client < 8; ++client) {
    clients.emplace_back([&, client] {
      SearchRequest request;
      for (std::size_t next = client; !stop; ++next) {
        request.text = queries[next % N];
        search.Search(request);
        ++searches;
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::seconds(3));
  stop = true;
  for (std::thread& client : clients) client.join();
  return static_cast<double>(searches) / 3;
}

TEST(IndexMeasurement, TableIndexAgainstFts5) {
  const char* store = std::getenv("MANMULSANG_SEARCH_MEASURE_STORE");
  if (!store) GTEST_SKIP() << "set MANMULSANG_SEARCH_MEASURE_STORE to a demo store's file";
  testing::TempDirectory temporary("search-measure");
  const char* out_env = std::getenv("MANMULSANG_SEARCH_MEASURE_OUT");
  const std::filesystem::path out = out_env ? std::filesystem::path(out_env) : temporary.path();
  std::filesystem::create_directories(out);
  std::filesystem::remove(out / "table.db");
  std::filesystem::remove(out / "fts.db");

  auto source = db::Database::Open(std::string("sqlite:") + store);
  auto table_store = db::Database::Open("sqlite:" + (out / "table.db").string());
  const db::Database::ModuleMigrations modules[] = {{"search", Migrations()}};
  table_store->Migrate(modules);
  auto fts_store = db::Database::Open("sqlite:" + (out / "fts.db").string());
  fts_store->Write([](db::Connection& connection) { connection.ExecuteScript(kCreateFts); });

  SearchService search(*table_store);
  Clock::duration table_build{};
  Clock::duration fts_build{};
  std::int64_t last_id = 0;
  std::int64_t listings = 0;
  constexpr std::int64_t kBatch = 5000;
  while (true) {
    const db::Rows rows = source->Read([&](db::Connection& connection) {
      return connection.Query(kReadProducts, {last_id, kBatch});
    });
    if (rows.empty()) break;
    std::vector<IndexedProduct> products;
    for (const db::Row& row : rows) {
      products.push_back({core::ProductId{row.Int(0)}, core::CategoryId{row.Int(1)}, core::SellerId{row.Int(2)},
                          row.Text(3), row.Text(4), row.Int(5), row.Int(6) > 0, row.Real(7), row.Int(8), row.Int(9)});
    }
    last_id = products.back().id.value;
    listings += static_cast<std::int64_t>(products.size());
    auto start = Clock::now();
    search.Index(products);
    table_build += Clock::now() - start;
    start = Clock::now();
    fts_store->Write([&](db::Connection& connection) {
      for (const IndexedProduct& product : products) {
        const std::string name = Joined(AnalyzeForIndex(product.name));
        const std::string description = Joined(AnalyzeForIndex(product.description));
        connection.Execute(kInsertFts, {product.id.value, std::string_view(name), std::string_view(description)});
      }
    });
    fts_build += Clock::now() - start;
  }
  fts_store->Write([](db::Connection& connection) {
    connection.ExecuteScript("INSERT INTO search_fts (search_fts) VALUES ('optimize');");
  });
  std::printf("listings %lld\n", static_cast<long long>(listings));
  std::printf("build: table %.1f s, fts5 %.1f s\n", Milliseconds(table_build) / 1000, Milliseconds(fts_build) / 1000);
  // The WAL has not been checkpointed back yet: file and log together are the index.
  std::printf("size: table %.1f MB, fts5 %.1f MB\n",
              (FileSize(out / "table.db") + FileSize(out / "table.db-wal")) / 1e6,
              (FileSize(out / "fts.db") + FileSize(out / "fts.db-wal")) / 1e6);

  const char* queries[] = {"노트북",      "가방",     "태블릿 64GB",    "ㄴㅌㅂ",        "로동 장갑",   "shxmqnr",
                           "i5-7400",     "평양가방", "충전조절기 20A", "남성 샌달 280", "여행 손가방", "강냉이쌀",
                           "태양광 패널", "ssd",      "없는말"};
  const int repetitions = listings > 100'000 ? 20 : 100;
  std::printf("%-16s %8s | %9s %9s | %9s %9s | %9s %9s\n", "query", "total", "table p50", "p99", "fts5 p50", "p99",
              "top20 p50", "count p50");
  for (const char* text : queries) {
    SearchRequest request;
    request.text = text;
    std::int64_t total = 0;
    const Latency table = Measure(repetitions, [&] { total = search.Search(request)->total; });
    const AnalyzedQuery query = AnalyzeQuery(text);
    const std::string expression = FtsExpression(query);
    Latency fts_top{};
    Latency fts_count{};
    Latency fts_both{};
    if (!expression.empty()) {
      fts_store->Read([&](db::Connection& connection) {
        fts_top = Measure(repetitions, [&] { connection.Query(kFtsTop, {std::string_view(expression)}); });
        fts_count = Measure(repetitions, [&] { connection.QueryOne(kFtsCount, {std::string_view(expression)}); });
        fts_both = Measure(repetitions, [&] {
          connection.Query(kFtsTop, {std::string_view(expression)});
          connection.QueryOne(kFtsCount, {std::string_view(expression)});
        });
      });
    }
    std::printf("%-16s %8lld | %9.2f %9.2f | %9.2f %9.2f | %9.2f %9.2f\n", text, static_cast<long long>(total),
                table.p50, table.p99, fts_both.p50, fts_both.p99, fts_top.p50, fts_count.p50);
  }
  std::printf("throughput, 8 threads, tables: %.0f searches/s\n", Throughput(search, queries));
  for (const char* prefix : {"노", "노트", "ㄴㅌ", "shxm", "태양", "i5"}) {
    const Latency suggest = Measure(repetitions, [&] { search.Suggest(prefix); });
    std::printf("suggest %-8s p50 %.2f ms p99 %.2f ms\n", prefix, suggest.p50, suggest.p99);
  }
}

// Resident memory of this process in MB (Linux).
double ResidentMegabytes() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.starts_with("VmRSS:")) return std::stod(line.substr(6)) / 1024;
  }
  return 0;
}

TEST(IndexMeasurement, MemoryIndexLoadedFromTheTables) {
  const char* index_file = std::getenv("MANMULSANG_SEARCH_MEASURE_INDEX");
  if (!index_file) GTEST_SKIP() << "set MANMULSANG_SEARCH_MEASURE_INDEX to a table.db the other measurement built";
  auto store = db::Database::Open(std::string("sqlite:") + index_file);
  const double before = ResidentMegabytes();
  const auto start = Clock::now();
  MemoryIndex memory = store->Read([](db::Connection& connection) {
    SearchRepository tables(connection);
    return MemoryIndex::Load(tables);
  });
  std::printf("memory index: %zu documents, %zu postings, load %.1f s, +%.0f MB resident\n", memory.documents(),
              memory.postings(), Milliseconds(Clock::now() - start) / 1000, ResidentMegabytes() - before);
  const char* queries[] = {"노트북",      "가방",     "태블릿 64GB",    "ㄴㅌㅂ",        "로동 장갑",   "shxmqnr",
                           "i5-7400",     "평양가방", "충전조절기 20A", "남성 샌달 280", "여행 손가방", "강냉이쌀",
                           "태양광 패널", "ssd",      "없는말"};
  const int repetitions = memory.documents() > 100'000 ? 20 : 100;
  for (const char* text : queries) {
    SearchRequest request;
    request.text = text;
    std::int64_t total = 0;
    const Latency latency = Measure(repetitions, [&] { total = RunSearch(memory, request).total; });
    const Latency tables = store->Read([&](db::Connection& connection) {
      SearchRepository repository(connection);
      return Measure(repetitions, [&] { RunSearch(repository, request); });
    });
    std::printf("%-16s %8lld | memory p50 %7.2f ms p99 %7.2f ms | tables p50 %7.2f ms p99 %7.2f ms\n", text,
                static_cast<long long>(total), latency.p50, latency.p99, tables.p50, tables.p99);
  }
  SearchService service(*store, SearchOptions{.in_memory = true});
  std::printf("throughput, 8 threads, memory: %.0f searches/s\n", Throughput(service, queries));
}

}  // namespace
}  // namespace manmulsang::search
