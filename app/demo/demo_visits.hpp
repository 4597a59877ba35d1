#pragma once

#include <cstdint>

#include "demo/demo_generator.hpp"
#include "manmulsang/analytics/analytics.hpp"

namespace manmulsang::demo {

struct DemoVisitsSummary {
  std::int64_t days = 0;
  std::int64_t visits = 0;
};

// How many past days the demo gives visits: the admin console's longest chart.
inline constexpr int kDemoVisitDays = 90;

// The marketplace's visits of the kDemoVisitDays days before today, as the analytics module
// stores them: an office intranet's week (busy weekdays, quiet Sundays), growing over the
// quarter, with some noise, in proportion to the marketplace's size. Today is left to real
// visits. The same seed gives the same days.
DemoVisitsSummary GenerateDemoVisits(analytics::AnalyticsService& analytics, const core::Clock& clock,
                                     const DemoOptions& options);

}  // namespace manmulsang::demo
