#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "manmulsang/core/clock.hpp"
#include "manmulsang/db/database.hpp"

namespace manmulsang::search {

// Where a query stands against the ranking of ten minutes earlier.
enum class RankMovement { same, up, down, new_entry };

struct TrendingQuery {
  std::string query;       // normalised (SearchResult::normalized_query)
  std::int64_t count = 0;  // distinct visitor-searches in the last hour
  int rank = 0;            // 1-based
  RankMovement movement = RankMovement::new_entry;
  int places = 0;  // how many places up or down; 0 for same and new_entry
};

inline constexpr int kTrendingSize = 10;

// 실시간 검색어: the most searched queries of the last hour (a sliding window of whole minutes),
// counted once per visitor per query per 10 minutes so that one visitor pressing Enter cannot
// move the list. Thread-safe; kept in the store (search_trending_searches), so every node counts
// a visitor once and ranks the same searches. A node keeps the ranking it read for 5 seconds, or
// until it counts a search itself (see docs/SEARCH.md). The store must hold search's migrations.
class TrendingSearches {
 public:
  TrendingSearches(db::Database& database, const core::Clock& clock);
  ~TrendingSearches();

  // normalized_query: as the search module normalised it; empty or over-long ones are ignored.
  // visitor: any stable key of the visitor (the user id, the visitor cookie, else the address).
  void Record(std::string_view normalized_query, std::string_view visitor);

  // The top queries of the last hour, most first (ties: the most recent first), at most limit.
  std::vector<TrendingQuery> Top(int limit = kTrendingSize);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

std::string_view RankMovementName(RankMovement movement);  // "same", "up", "down", "new"

}  // namespace manmulsang::search
