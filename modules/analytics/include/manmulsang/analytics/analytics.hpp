#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "manmulsang/core/clock.hpp"
#include "manmulsang/core/embedded_file.hpp"
#include "manmulsang/core/ids.hpp"
#include "manmulsang/db/database.hpp"

namespace manmulsang::analytics {

struct VisitStats {
  std::int64_t visits_total = 0;
  std::int64_t visits_today = 0;
  std::int64_t page_views_today = 0;
};

// One day of the marketplace's visits and page views.
struct DailyVisits {
  std::string day;  // "2026-11-26", the marketplace's calendar day
  std::int64_t visits = 0;
  std::int64_t page_views = 0;
};

// A visit ends after this long without a page view (the usual web analytics session rule).
inline constexpr std::chrono::minutes kVisitIdleTimeout{30};

// Whether a page view at `now` starts a new visit, given when the visitor was last seen
// (nullopt: never, or the cookie is gone). A last-seen time far in the future is not trusted.
bool StartsVisit(std::optional<core::TimePoint> last_seen, core::TimePoint now);

// A search that led buyers to a shop's products, and how many views it brought.
struct SearchTermCount {
  std::string query;
  std::int64_t count = 0;
};

// A shop's page views (its product pages and its shop page) and the searches behind them.
struct ShopTraffic {
  std::int64_t views_today = 0;
  std::vector<std::int64_t> daily_views;      // `days` entries, oldest first, today last
  std::vector<SearchTermCount> search_terms;  // the top ten over those days, most first
};

// The most days a traffic read covers (a quarter and a bit): keeps the read bounded.
inline constexpr int kMaxTrafficDays = 100;
// How many search terms a traffic read returns.
inline constexpr std::size_t kTopSearchTerms = 10;
// Search words longer than this are not counted (SearchQueryOf cuts them to it).
inline constexpr std::size_t kMaxSearchQueryBytes = 200;
// The searches behind a shop's views are kept this many days; the views themselves for good.
inline constexpr int kSearchTermRetentionDays = kMaxTrafficDays;

struct AnalyticsOptions {
  // How often the background thread adds the counts gathered in memory to the store.
  std::chrono::milliseconds flush_interval{5000};
  // The most distinct (shop, search words) pairs kept in memory between two flushes; views with
  // new words past it still count as views, only their words are dropped. Bounds the memory a
  // flood of made-up search words can take.
  std::size_t max_pending_search_terms = 10'000;
};

// Visits counted like web analytics sessions: a visitor cookie, and 30 idle minutes start a new
// visit. Counts gather in memory and are added to the per-day table every few seconds, so
// counting never puts a write on the request path.
class AnalyticsService {
 public:
  AnalyticsService(db::Database& database, const core::Clock& clock, AnalyticsOptions options = {});
  ~AnalyticsService();  // stops the background thread, then flushes

  AnalyticsService(const AnalyticsService&) = delete;
  AnalyticsService& operator=(const AnalyticsService&) = delete;

  // Lock-free on the common path; safe from any thread.
  void RecordPageView(bool starts_visit);
  // Stored totals plus what is still in memory: exact, whether or not a flush just ran.
  VisitStats Stats();

  // The marketplace's visits and page views per day over the `days` days ending today
  // (1..kMaxTrafficDays, clamped), oldest first, every day listed (zeros too): stored plus in
  // memory, like Stats(). The admin console's chart.
  std::vector<DailyVisits> VisitsPerDay(int days);

  // A view of one of the shop's pages; `search_query` is the search that led there (empty:
  // none; words that are not valid UTF-8 or longer than kMaxSearchQueryBytes are not counted,
  // the view is). Cheap (one short lock, no I/O); safe from any thread; flushed with the visits.
  void RecordShopVisit(core::SellerId shop, std::string_view search_query);
  // The shop's views per day over the `days` days ending today (1..kMaxTrafficDays, clamped),
  // and its top search terms over them: stored plus in memory, like Stats().
  ShopTraffic ShopTrafficOf(core::SellerId shop, int days);
  // Adds the counts in memory to their days' rows in one transaction. Throws db::DatabaseError
  // if the store fails; the counts then stay in memory for the next flush.
  void Flush();

  // The demo's history (a generated store, never live traffic): adds each day's counts to its
  // stored row in one transaction, so the admin console's 90-day chart has a past. Days must be
  // "YYYY-MM-DD" before today (std::invalid_argument otherwise: a bug in the caller), since
  // today's counts live in memory until the next flush.
  void AddPastVisits(std::span<const DailyVisits> days);

  const core::Clock& clock() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

std::span<const core::EmbeddedFile> Migrations();

}  // namespace manmulsang::analytics
