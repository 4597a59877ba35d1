#include "demo/demo_visits.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <vector>

#include "test_marketplace.hpp"

namespace manmulsang::demo {
namespace {

// 2026-12-07 12:00 in Pyongyang: a Monday.
constexpr std::int64_t kMondayNoon = 1796612400;

std::int64_t GenerateAndCount(std::uint64_t seed, std::int64_t* total = nullptr) {
  testing::TestMarketplace store({.start = core::FromUnixSeconds(kMondayNoon)});
  DemoOptions options;
  options.products = 10'000;
  options.seed = seed;
  const DemoVisitsSummary summary = GenerateDemoVisits(store.services().analytics, store.clock(), options);
  if (total) *total = summary.visits;
  return store.Count("SELECT SUM(visits * 7 + page_views) FROM daily_visits");
}

TEST(DemoVisits, NinetyPastDaysOfAnOfficeWeek) {
  testing::TestMarketplace store({.start = core::FromUnixSeconds(kMondayNoon)});
  DemoOptions options;
  options.products = 10'000;
  const DemoVisitsSummary summary = GenerateDemoVisits(store.services().analytics, store.clock(), options);
  EXPECT_EQ(summary.days, kDemoVisitDays);
  EXPECT_EQ(store.Count("SELECT COUNT(*) FROM daily_visits"), kDemoVisitDays);
  EXPECT_EQ(store.Count("SELECT COUNT(*) FROM daily_visits WHERE visits <= 0 OR page_views < visits"), 0);
  // Today is left to real visitors; the oldest day is 90 days back.
  EXPECT_EQ(store.Count("SELECT COUNT(*) FROM daily_visits WHERE day >= '2026-12-07'"), 0);
  EXPECT_EQ(store.Count("SELECT COUNT(*) FROM daily_visits WHERE day = '2026-09-08'"), 1);
  // The visit counter shows the history as its total.
  EXPECT_EQ(store.services().analytics.Stats().visits_total, summary.visits);
  EXPECT_EQ(store.Count("SELECT SUM(visits) FROM daily_visits"), summary.visits);
  // Sundays are quieter than Mondays (2026-12-06 was a Sunday, 2026-11-30 a Monday).
  EXPECT_LT(store.Count("SELECT visits FROM daily_visits WHERE day = '2026-12-06'"),
            store.Count("SELECT visits FROM daily_visits WHERE day = '2026-11-30'"));
  // About one visit a day for every four listings.
  EXPECT_GT(summary.visits / summary.days, 1000);
  EXPECT_LT(summary.visits / summary.days, 4000);
}

TEST(DemoVisits, TheSameSeedGivesTheSameDays) {
  std::int64_t first_total = 0, second_total = 0;
  EXPECT_EQ(GenerateAndCount(5, &first_total), GenerateAndCount(5, &second_total));
  EXPECT_EQ(first_total, second_total);
  EXPECT_NE(GenerateAndCount(5), GenerateAndCount(6));
}

TEST(DemoVisits, PastVisitsAreForPastDaysOnly) {
  testing::TestMarketplace store({.start = core::FromUnixSeconds(kMondayNoon)});
  const std::vector<analytics::DailyVisits> today = {{"2026-12-07", 5, 10}};
  EXPECT_THROW(store.services().analytics.AddPastVisits(today), std::invalid_argument);
  const std::vector<analytics::DailyVisits> garbled = {{"07.12.2026", 5, 10}};
  EXPECT_THROW(store.services().analytics.AddPastVisits(garbled), std::invalid_argument);
  const std::vector<analytics::DailyVisits> negative = {{"2026-12-01", -5, 10}};
  EXPECT_THROW(store.services().analytics.AddPastVisits(negative), std::invalid_argument);
  EXPECT_EQ(store.Count("SELECT COUNT(*) FROM daily_visits"), 0);
}

}  // namespace
}  // namespace manmulsang::demo
