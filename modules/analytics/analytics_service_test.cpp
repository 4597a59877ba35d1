#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "manmulsang/analytics/analytics.hpp"
#include "manmulsang/db/database.hpp"
#include "test_database.hpp"

namespace manmulsang::analytics {
namespace {

using namespace std::chrono_literals;

// 2026-11-26 23:50 in the marketplace's zone (UTC+9): ten minutes before the day changes.
constexpr std::int64_t kLateEvening = 1795704600;

// {visits, page_views} of one stored day.
using DayCounts = std::pair<std::int64_t, std::int64_t>;

const db::Database::ModuleMigrations kModules[] = {{"analytics", Migrations()}};

class AnalyticsServiceTest : public ::testing::Test {
 protected:
  // What the store holds for a day, without going through the service.
  DayCounts StoredDay(std::string_view day) {
    return database_->Read([&](db::Connection& connection) {
      auto row = connection.QueryOne("SELECT visits, page_views FROM daily_visits WHERE day = $1", {day});
      return row ? DayCounts(row->Int(0), row->Int(1)) : DayCounts(0, 0);
    });
  }

  testing::TestDatabase database_{kModules};
  core::ManualClock clock_{core::FromUnixSeconds(kLateEvening)};
  // Long enough that the background thread never runs during a test that flushes by hand.
  AnalyticsOptions manual_flush_{std::chrono::hours(1)};
};

TEST(StartsVisitTest, ThirtyIdleMinutesEndAVisit) {
  core::TimePoint now = core::FromUnixSeconds(kLateEvening);
  EXPECT_TRUE(StartsVisit(std::nullopt, now));
  EXPECT_FALSE(StartsVisit(now, now));
  EXPECT_FALSE(StartsVisit(now - 29min, now));
  EXPECT_FALSE(StartsVisit(now - 30min, now));
  EXPECT_TRUE(StartsVisit(now - 31min, now));
  EXPECT_TRUE(StartsVisit(now - 24h, now));
  // A forged last-seen time in the future does not make a visit last forever.
  EXPECT_TRUE(StartsVisit(now + 24h, now));
}

TEST_F(AnalyticsServiceTest, StartsAtZero) {
  AnalyticsService analytics(database_.database(), clock_, manual_flush_);
  VisitStats stats = analytics.Stats();
  EXPECT_EQ(stats.visits_total, 0);
  EXPECT_EQ(stats.visits_today, 0);
  EXPECT_EQ(stats.page_views_today, 0);
  analytics.Flush();  // nothing to write is not an error
  EXPECT_EQ(StoredDay("2026-11-26"), DayCounts(0, 0));
}

TEST_F(AnalyticsServiceTest, FlushAddsToTheDaysRowAndStatsNeverDoubleCount) {
  AnalyticsService analytics(database_.database(), clock_, manual_flush_);
  analytics.RecordPageView(true);
  analytics.RecordPageView(false);
  analytics.RecordPageView(false);
  VisitStats before = analytics.Stats();
  EXPECT_EQ(before.visits_total, 1);
  EXPECT_EQ(before.visits_today, 1);
  EXPECT_EQ(before.page_views_today, 3);

  analytics.Flush();
  EXPECT_EQ(StoredDay("2026-11-26"), DayCounts(1, 3));
  VisitStats after = analytics.Stats();
  EXPECT_EQ(after.visits_total, 1);
  EXPECT_EQ(after.page_views_today, 3);

  // A second batch is added to the row, not written over it.
  analytics.RecordPageView(true);
  analytics.RecordPageView(true);
  EXPECT_EQ(analytics.Stats().visits_today, 3);
  analytics.Flush();
  analytics.Flush();
  EXPECT_EQ(StoredDay("2026-11-26"), DayCounts(3, 5));
  EXPECT_EQ(analytics.Stats().visits_total, 3);
}

TEST_F(AnalyticsServiceTest, TodayStartsAtZeroWhenTheDayChangesButTheTotalKeepsCounting) {
  AnalyticsService analytics(database_.database(), clock_, manual_flush_);
  analytics.RecordPageView(true);
  analytics.RecordPageView(true);
  analytics.RecordPageView(false);
  analytics.Flush();
  analytics.RecordPageView(true);  // 23:50, still the 26th, not yet flushed

  clock_.Advance(15min);  // 00:05 on the 27th
  VisitStats at_midnight = analytics.Stats();
  EXPECT_EQ(at_midnight.visits_total, 3);
  EXPECT_EQ(at_midnight.visits_today, 0);
  EXPECT_EQ(at_midnight.page_views_today, 0);

  analytics.RecordPageView(true);
  analytics.RecordPageView(false);
  VisitStats next_day = analytics.Stats();
  EXPECT_EQ(next_day.visits_total, 4);
  EXPECT_EQ(next_day.visits_today, 1);
  EXPECT_EQ(next_day.page_views_today, 2);

  analytics.Flush();
  EXPECT_EQ(StoredDay("2026-11-26"), DayCounts(3, 4));
  EXPECT_EQ(StoredDay("2026-11-27"), DayCounts(1, 2));
  VisitStats flushed = analytics.Stats();
  EXPECT_EQ(flushed.visits_total, 4);
  EXPECT_EQ(flushed.visits_today, 1);
}

TEST_F(AnalyticsServiceTest, TheDestructorFlushes) {
  {
    AnalyticsService analytics(database_.database(), clock_, manual_flush_);
    analytics.RecordPageView(true);
    analytics.RecordPageView(false);
  }
  EXPECT_EQ(StoredDay("2026-11-26"), DayCounts(1, 2));
  AnalyticsService restarted(database_.database(), clock_, manual_flush_);
  EXPECT_EQ(restarted.Stats().visits_total, 1);
}

TEST_F(AnalyticsServiceTest, TheBackgroundThreadFlushes) {
  AnalyticsService analytics(database_.database(), clock_, AnalyticsOptions{std::chrono::milliseconds(10)});
  analytics.RecordPageView(true);
  auto deadline = std::chrono::steady_clock::now() + 10s;
  while (StoredDay("2026-11-26").first == 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(5ms);
  }
  EXPECT_EQ(StoredDay("2026-11-26"), DayCounts(1, 1));
  EXPECT_EQ(analytics.Stats().visits_total, 1);
}

TEST_F(AnalyticsServiceTest, ConcurrentViewsAllCountWhileFlushesRun) {
  constexpr int kThreads = 4;
  constexpr int kViewsPerThread = 20000;
  AnalyticsService analytics(database_.database(), clock_, AnalyticsOptions{std::chrono::milliseconds(1)});
  std::atomic<bool> done = false;
  std::jthread flusher([&] {
    while (!done) {
      analytics.Flush();
      EXPECT_GE(analytics.Stats().page_views_today, 0);
    }
  });
  {
    std::vector<std::jthread> viewers;
    for (int thread = 0; thread < kThreads; ++thread) {
      viewers.emplace_back([&] {
        for (int view = 0; view < kViewsPerThread; ++view) analytics.RecordPageView(view % 4 == 0);
      });
    }
  }
  done = true;
  flusher.join();
  constexpr std::int64_t kViews = kThreads * kViewsPerThread;
  VisitStats stats = analytics.Stats();
  EXPECT_EQ(stats.page_views_today, kViews);
  EXPECT_EQ(stats.visits_today, kViews / 4);
  EXPECT_EQ(stats.visits_total, kViews / 4);
  analytics.Flush();
  EXPECT_EQ(StoredDay("2026-11-26"), DayCounts(kViews / 4, kViews));
}

}  // namespace
}  // namespace manmulsang::analytics
