#pragma once

#include <cstdint>
#include <string_view>

#include "manmulsang/analytics/analytics.hpp"
#include "manmulsang/db/database.hpp"

namespace manmulsang::analytics {

// All of this module's SQL.
class VisitRepository {
 public:
  // Adds counts to a day's row, creating it when it is the day's first flush.
  static void AddToDay(db::Connection& connection, std::string_view day, std::int64_t visits,
                       std::int64_t page_views);
  // All-time visits, and the visits and page views of `today`, as stored.
  static VisitStats StoredStats(db::Connection& connection, std::string_view today);
};

}  // namespace manmulsang::analytics
