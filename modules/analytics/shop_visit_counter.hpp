#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "manmulsang/core/ids.hpp"

namespace manmulsang::analytics {

// Views of the shops' pages and the search words behind them, counted in memory until a flush
// stores them. The distinct words kept are bounded: a flood of made-up words cannot take memory.
class ShopVisitCounter {
 public:
  // What was counted since the last flush.
  struct Batch {
    std::map<std::pair<int, std::int64_t>, std::int64_t> views;                // (day, shop)
    std::map<std::tuple<int, std::int64_t, std::string>, std::int64_t> terms;  // (day, shop, words)
    std::int64_t dropped_terms = 0;  // views whose words found no room under the bound

    bool empty() const { return views.empty() && terms.empty(); }
  };

  explicit ShopVisitCounter(std::size_t max_pending_terms) : max_pending_terms_(max_pending_terms) {}

  // A view on day of one of the shop's pages, and the words that led there (counted when valid).
  void Record(int day, core::SellerId shop, std::string_view query);
  Batch TakePending();
  // Puts back a batch a failed flush could not store. The bound is not applied: these words
  // were counted already, and the next flush empties the map again.
  void Restore(Batch& batch);
  // Adds the shop's views in memory to daily_views (slot_of_day: a day key's index there), and
  // returns its words in memory over the days first_day..last_day.
  std::map<std::string, std::int64_t> AddPending(core::SellerId shop,
                                                 const std::unordered_map<int, std::size_t>& slot_of_day, int first_day,
                                                 int last_day, std::vector<std::int64_t>& daily_views);

 private:
  std::size_t max_pending_terms_;
  std::mutex mutex_;  // guards pending_
  Batch pending_;
};

}  // namespace manmulsang::analytics
