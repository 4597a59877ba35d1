#pragma once

#include <filesystem>
#include <optional>
#include <string_view>

#include "manmulsang/db/database.hpp"
#include "manmulsang/http/metrics.hpp"
#include "manmulsang/http/page_cache.hpp"
#include "manmulsang/search/search.hpp"

namespace manmulsang::app {

// What the server's own gauges read.
struct ServerMetricSources {
  db::Database& database;
  // The SQLite file (its WAL beside it as FILE-wal); none for PostgreSQL, which reports its own.
  std::optional<std::filesystem::path> database_file;
  const http::PageCache& page_cache;
  search::SearchService& search;
};

// The file of a "sqlite:PATH" store URL; none for any other store.
std::optional<std::filesystem::path> SqliteFile(std::string_view database_url);

// Registers, beside the request metrics the server keeps, what /metrics reports about the
// marketplace, each read when /metrics is scraped (no thread samples between scrapes):
//   manmulsang_store_size_bytes{file="database"|"wal"}  the SQLite file and its write-ahead log
//   manmulsang_database_writers_waiting                 Write calls queued or running (group commit)
//   manmulsang_database_write_transactions_total, manmulsang_database_commits_total
//   manmulsang_page_cache_hits_total, _misses_total, manmulsang_page_cache_entries, _bytes
//   manmulsang_search_index_listings, _terms, _postings, and _memory_bytes when served from memory
// The readers go when the returned object does: keep it no longer than the sources.
http::MetricReaders RegisterServerMetrics(const ServerMetricSources& sources);

}  // namespace manmulsang::app
