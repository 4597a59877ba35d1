#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "manmulsang/core/clock.hpp"
#include "manmulsang/core/embedded_file.hpp"
#include "manmulsang/db/database.hpp"

namespace manmulsang::analytics {

struct VisitStats {
  std::int64_t visits_total = 0;
  std::int64_t visits_today = 0;
  std::int64_t page_views_today = 0;
};

// A visit ends after this long without a page view (the usual web analytics session rule).
inline constexpr std::chrono::minutes kVisitIdleTimeout{30};

// Whether a page view at `now` starts a new visit, given when the visitor was last seen
// (nullopt: never, or the cookie is gone). A last-seen time far in the future is not trusted.
bool StartsVisit(std::optional<core::TimePoint> last_seen, core::TimePoint now);

struct AnalyticsOptions {
  // How often the background thread adds the counts gathered in memory to the store.
  std::chrono::milliseconds flush_interval{5000};
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
  // Adds the counts in memory to their days' rows in one transaction. Throws db::DatabaseError
  // if the store fails; the counts then stay in memory for the next flush.
  void Flush();

  const core::Clock& clock() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

std::span<const core::EmbeddedFile> Migrations();

}  // namespace manmulsang::analytics
