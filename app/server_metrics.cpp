#include "server_metrics.hpp"

#include <memory>
#include <system_error>

namespace manmulsang::app {
namespace {

// Bytes of a file, 0 when it is absent (the WAL between checkpoints of a closed store).
double FileBytes(const std::filesystem::path& file) {
  std::error_code error;
  const auto bytes = std::filesystem::file_size(file, error);
  return error ? 0.0 : static_cast<double>(bytes);
}

// One measurement of everything, taken once at the start of a scrape so that the readers of one
// source agree with each other and the search index is counted once, not once per gauge.
struct Sample {
  db::WriterStatistics writer;
  http::PageCache::Statistics page_cache;
  search::SearchIndexSize search;
};

}  // namespace

std::optional<std::filesystem::path> SqliteFile(std::string_view database_url) {
  constexpr std::string_view kScheme = "sqlite:";
  if (!database_url.starts_with(kScheme)) return std::nullopt;
  return std::filesystem::path(database_url.substr(kScheme.size()));
}

http::MetricReaders RegisterServerMetrics(const ServerMetricSources& sources) {
  http::MetricReaders readers;
  auto sample = std::make_shared<Sample>();  // written and read under the registry's lock
  readers.Sampler([sample, &database = sources.database, &page_cache = sources.page_cache, &search = sources.search] {
    sample->writer = database.Statistics();
    sample->page_cache = page_cache.statistics();
    sample->search = search.IndexSize();
  });

  if (sources.database_file) {
    const std::filesystem::path database_file = *sources.database_file;
    std::filesystem::path wal_file = database_file;
    wal_file += "-wal";
    constexpr const char* kStoreHelp = "Size on disk of the SQLite store: the database file and its write-ahead log.";
    readers.Gauge(
        "manmulsang_store_size_bytes", kStoreHelp, [database_file] { return FileBytes(database_file); },
        R"(file="database")");
    readers.Gauge(
        "manmulsang_store_size_bytes", kStoreHelp, [wal_file] { return FileBytes(wal_file); }, R"(file="wal")");
  }

  readers.Gauge("manmulsang_database_writers_waiting",
                "Write transactions queued for the store's one writer or in the batch it runs now.",
                [sample] { return static_cast<double>(sample->writer.waiting); });
  readers.Counter("manmulsang_database_write_transactions_total",
                  "Write transactions run (committed or rolled back) since the server started.",
                  [sample] { return static_cast<double>(sample->writer.transactions); });
  readers.Counter("manmulsang_database_commits_total",
                  "Synced commits since the server started; group commit puts many transactions in one.",
                  [sample] { return static_cast<double>(sample->writer.commits); });

  readers.Counter("manmulsang_page_cache_hits_total", "Page cache look-ups that found a fresh page.",
                  [sample] { return static_cast<double>(sample->page_cache.hits); });
  readers.Counter("manmulsang_page_cache_misses_total", "Page cache look-ups that found none (the page was rendered).",
                  [sample] { return static_cast<double>(sample->page_cache.misses); });
  readers.Gauge("manmulsang_page_cache_entries", "Pages held by the page cache.",
                [sample] { return static_cast<double>(sample->page_cache.entries); });
  readers.Gauge("manmulsang_page_cache_bytes", "Bytes held by the page cache: keys and bodies in every encoding.",
                [sample] { return static_cast<double>(sample->page_cache.bytes); });

  readers.Gauge("manmulsang_search_index_listings", "Listings in the search index.",
                [sample] { return static_cast<double>(sample->search.listings); });
  readers.Gauge("manmulsang_search_index_terms", "Distinct terms in the search index.",
                [sample] { return static_cast<double>(sample->search.terms); });
  readers.Gauge("manmulsang_search_index_postings", "Postings (term, listing) in the search index.",
                [sample] { return static_cast<double>(sample->search.postings); });
  // Whether queries are served from memory is settled when the search service is built.
  if (sources.search.IndexSize().memory_bytes) {
    readers.Gauge("manmulsang_search_index_memory_bytes", "Approximate bytes of the in-memory search index.",
                  [sample] { return static_cast<double>(sample->search.memory_bytes.value_or(0)); });
  }
  return readers;
}

}  // namespace manmulsang::app
