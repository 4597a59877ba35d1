#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "manmulsang/analytics/analytics.hpp"
#include "manmulsang/db/database.hpp"

namespace manmulsang::analytics {

// All of this module's SQL. Days are 'YYYY-MM-DD' text, which compares in calendar order.
class VisitRepository {
 public:
  // Adds counts to a day's row, creating it when it is the day's first flush.
  static void AddToDay(db::Connection& connection, std::string_view day, std::int64_t visits, std::int64_t page_views);
  // All-time visits, and the visits and page views of `today`, as stored.
  static VisitStats StoredStats(db::Connection& connection, std::string_view today);

  // The stored (day, visits, page views) rows from first_day to last_day, oldest first.
  static std::vector<DailyVisits> StoredDailyVisits(db::Connection& connection, std::string_view first_day,
                                                    std::string_view last_day);

  // Adds views to a shop's day row, creating it on the day's first flush.
  static void AddShopViews(db::Connection& connection, std::int64_t seller_id, std::string_view day,
                           std::int64_t views);
  // Adds views to a shop's (day, search words) row.
  static void AddShopSearchTerm(db::Connection& connection, std::int64_t seller_id, std::string_view day,
                                std::string_view query, std::int64_t count);
  // Deletes the search rows of days before `first_kept_day`; how many went.
  static std::int64_t PruneSearchTerms(db::Connection& connection, std::string_view first_kept_day);

  // The shop's stored (day, views) rows from first_day to last_day.
  static std::vector<std::pair<std::string, std::int64_t>> StoredShopViews(db::Connection& connection,
                                                                           std::int64_t seller_id,
                                                                           std::string_view first_day,
                                                                           std::string_view last_day);
  // The shop's `limit` most frequent stored search words over the days, most first (ties by
  // the words, so the order is stable).
  static std::vector<SearchTermCount> StoredTopSearchTerms(db::Connection& connection, std::int64_t seller_id,
                                                           std::string_view first_day, std::string_view last_day,
                                                           std::int64_t limit);
  // The stored count of one search over the days (0 when none).
  static std::int64_t StoredSearchTermCount(db::Connection& connection, std::int64_t seller_id,
                                            std::string_view first_day, std::string_view last_day,
                                            std::string_view query);
};

}  // namespace manmulsang::analytics
