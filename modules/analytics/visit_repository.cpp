#include "visit_repository.hpp"

namespace manmulsang::analytics {
namespace {

// excluded.* is the proposed row; both SQLite and PostgreSQL accept this UPSERT. The existing
// columns are qualified because PostgreSQL calls a bare name ambiguous here.
constexpr std::string_view kAddToDay =
    "INSERT INTO daily_visits (day, visits, page_views) VALUES ($1, $2, $3) "
    "ON CONFLICT (day) DO UPDATE SET visits = daily_visits.visits + excluded.visits, "
    "page_views = daily_visits.page_views + excluded.page_views";

// One row per day: summing the whole table stays cheap for decades. The casts keep PostgreSQL's
// SUM(bigint) an integer rather than a numeric.
constexpr std::string_view kStoredStats =
    "SELECT CAST(COALESCE(SUM(visits), 0) AS BIGINT), "
    "CAST(COALESCE(SUM(CASE WHEN day = $1 THEN visits ELSE 0 END), 0) AS BIGINT), "
    "CAST(COALESCE(SUM(CASE WHEN day = $1 THEN page_views ELSE 0 END), 0) AS BIGINT) "
    "FROM daily_visits";

}  // namespace

void VisitRepository::AddToDay(db::Connection& connection, std::string_view day,
                               std::int64_t visits, std::int64_t page_views) {
  connection.Execute(kAddToDay, {day, visits, page_views});
}

VisitStats VisitRepository::StoredStats(db::Connection& connection, std::string_view today) {
  VisitStats stats;
  if (auto row = connection.QueryOne(kStoredStats, {today})) {
    stats.visits_total = row->Int(0);
    stats.visits_today = row->Int(1);
    stats.page_views_today = row->Int(2);
  }
  return stats;
}

}  // namespace manmulsang::analytics
