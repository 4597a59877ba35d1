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

constexpr std::string_view kStoredDailyVisits =
    "SELECT day, visits, page_views FROM daily_visits WHERE day >= $1 AND day <= $2 ORDER BY day";

constexpr std::string_view kAddShopViews =
    "INSERT INTO shop_views (seller_id, day, views) VALUES ($1, $2, $3) "
    "ON CONFLICT (seller_id, day) DO UPDATE SET views = shop_views.views + excluded.views";

constexpr std::string_view kAddShopSearchTerm =
    "INSERT INTO shop_search_terms (seller_id, day, query, count) VALUES ($1, $2, $3, $4) "
    "ON CONFLICT (seller_id, day, query) DO UPDATE "
    "SET count = shop_search_terms.count + excluded.count";

constexpr std::string_view kPruneSearchTerms = "DELETE FROM shop_search_terms WHERE day < $1";

constexpr std::string_view kStoredShopViews =
    "SELECT day, views FROM shop_views WHERE seller_id = $1 AND day >= $2 AND day <= $3 "
    "ORDER BY day";

constexpr std::string_view kStoredTopSearchTerms =
    "SELECT query, CAST(SUM(count) AS BIGINT) AS total FROM shop_search_terms "
    "WHERE seller_id = $1 AND day >= $2 AND day <= $3 "
    "GROUP BY query ORDER BY total DESC, query LIMIT $4";

constexpr std::string_view kStoredSearchTermCount =
    "SELECT CAST(COALESCE(SUM(count), 0) AS BIGINT) FROM shop_search_terms "
    "WHERE seller_id = $1 AND day >= $2 AND day <= $3 AND query = $4";

}  // namespace

void VisitRepository::AddToDay(db::Connection& connection, std::string_view day, std::int64_t visits,
                               std::int64_t page_views) {
  connection.Execute(kAddToDay, {day, visits, page_views});
}

std::vector<DailyVisits> VisitRepository::StoredDailyVisits(db::Connection& connection, std::string_view first_day,
                                                           std::string_view last_day) {
  std::vector<DailyVisits> days;
  for (const db::Row& row : connection.Query(kStoredDailyVisits, {first_day, last_day})) {
    days.push_back({row.Text(0), row.Int(1), row.Int(2)});
  }
  return days;
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

void VisitRepository::AddShopViews(db::Connection& connection, std::int64_t seller_id, std::string_view day,
                                   std::int64_t views) {
  connection.Execute(kAddShopViews, {seller_id, day, views});
}

void VisitRepository::AddShopSearchTerm(db::Connection& connection, std::int64_t seller_id, std::string_view day,
                                        std::string_view query, std::int64_t count) {
  connection.Execute(kAddShopSearchTerm, {seller_id, day, query, count});
}

std::int64_t VisitRepository::PruneSearchTerms(db::Connection& connection, std::string_view first_kept_day) {
  return connection.Execute(kPruneSearchTerms, {first_kept_day});
}

std::vector<std::pair<std::string, std::int64_t>> VisitRepository::StoredShopViews(db::Connection& connection,
                                                                                   std::int64_t seller_id,
                                                                                   std::string_view first_day,
                                                                                   std::string_view last_day) {
  std::vector<std::pair<std::string, std::int64_t>> days;
  for (const db::Row& row : connection.Query(kStoredShopViews, {seller_id, first_day, last_day})) {
    days.emplace_back(row.Text(0), row.Int(1));
  }
  return days;
}

std::vector<SearchTermCount> VisitRepository::StoredTopSearchTerms(db::Connection& connection, std::int64_t seller_id,
                                                                   std::string_view first_day,
                                                                   std::string_view last_day, std::int64_t limit) {
  std::vector<SearchTermCount> terms;
  for (const db::Row& row : connection.Query(kStoredTopSearchTerms, {seller_id, first_day, last_day, limit})) {
    terms.push_back({row.Text(0), row.Int(1)});
  }
  return terms;
}

std::int64_t VisitRepository::StoredSearchTermCount(db::Connection& connection, std::int64_t seller_id,
                                                    std::string_view first_day, std::string_view last_day,
                                                    std::string_view query) {
  auto row = connection.QueryOne(kStoredSearchTermCount, {seller_id, first_day, last_day, query});
  return row ? row->Int(0) : 0;
}

}  // namespace manmulsang::analytics
