#include "demo/demo_visits.hpp"

#include <algorithm>
#include <chrono>
#include <vector>

#include "demo/demo_random.hpp"

namespace manmulsang::demo {
namespace {

// Monday first: offices browse on weekdays, less on Saturday, least on Sunday.
constexpr double kWeekdayShare[] = {1.0, 1.04, 1.02, 0.98, 0.93, 0.62, 0.45};

}  // namespace

DemoVisitsSummary GenerateDemoVisits(analytics::AnalyticsService& analytics, const core::Clock& clock,
                                     const DemoOptions& options) {
  Random random(options.seed * 7919 + 13);
  // About one visit a day for every four listings, within what a national intranet could bring.
  const double base = static_cast<double>(std::clamp<std::int64_t>(options.products / 4, 40, 25'000));
  std::vector<analytics::DailyVisits> days;
  DemoVisitsSummary summary;
  for (int back = kDemoVisitDays; back >= 1; --back) {
    const core::TimePoint day = clock.Now() - std::chrono::hours(24) * back;
    const std::chrono::sys_days calendar =
        std::chrono::floor<std::chrono::days>(day + std::chrono::seconds(core::kMarketplaceUtcOffsetSeconds));
    const unsigned weekday = std::chrono::weekday(calendar).iso_encoding() - 1;  // Monday 0
    const double growth = 0.6 + 0.4 * (kDemoVisitDays - back) / kDemoVisitDays;
    const double noise = 0.85 + 0.3 * random.Unit();
    const auto visits = static_cast<std::int64_t>(base * kWeekdayShare[weekday] * growth * noise);
    const auto page_views = static_cast<std::int64_t>(static_cast<double>(visits) * (3.5 + 2.0 * random.Unit()));
    days.push_back({core::LocalDate(day), visits, page_views});
    summary.visits += visits;
  }
  analytics.AddPastVisits(days);
  summary.days = static_cast<std::int64_t>(days.size());
  return summary;
}

}  // namespace manmulsang::demo
