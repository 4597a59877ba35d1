#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "manmulsang/db/database.hpp"

namespace manmulsang::search {

// The SQL of 실시간 검색어 (search_trending_searches): one row per counted search, every node
// reading and writing the same rows. Times are Unix seconds.
class TrendingRepository {
 public:
  explicit TrendingRepository(db::Connection& connection) : connection_(connection) {}

  // Whether the visitor counted for the query after `after`.
  bool CountedSince(std::string_view query, std::int64_t visitor_hash, std::int64_t after);
  // Counts the search unless the visitor counted for the query after `after` (checked in the
  // same statement, so two nodes cannot both count it). Returns whether it counted.
  bool Count(std::string_view query, std::int64_t visitor_hash, std::int64_t at, std::int64_t after);
  void DeleteBefore(std::int64_t before);

  struct QueryCount {
    std::string query;
    std::int64_t count = 0;
    std::int64_t latest = 0;  // the newest counted search
  };
  // Searches counted in [from, to) by query, most first; ties: the newest, then the query's bytes.
  std::vector<QueryCount> Ranking(std::int64_t from, std::int64_t to, int limit);

 private:
  db::Connection& connection_;
};

}  // namespace manmulsang::search
