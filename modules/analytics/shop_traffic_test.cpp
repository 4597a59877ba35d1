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
constexpr core::SellerId kShop{7};
constexpr core::SellerId kOtherShop{8};

const db::Database::ModuleMigrations kModules[] = {{"analytics", Migrations()}};

class ShopTrafficTest : public ::testing::Test {
 protected:
  std::int64_t StoredViews(core::SellerId shop, std::string_view day) {
    return database_->Read([&](db::Connection& connection) {
      auto row =
          connection.QueryOne("SELECT views FROM shop_views WHERE seller_id = $1 AND day = $2", {shop.value, day});
      return row ? row->Int(0) : 0;
    });
  }
  std::int64_t StoredTerm(core::SellerId shop, std::string_view day, std::string_view query) {
    return database_->Read([&](db::Connection& connection) {
      auto row =
          connection.QueryOne("SELECT count FROM shop_search_terms WHERE seller_id = $1 AND day = $2 AND query = $3",
                              {shop.value, day, query});
      return row ? row->Int(0) : 0;
    });
  }
  std::int64_t StoredTermRows() {
    return database_->Read([&](db::Connection& connection) {
      return connection.QueryOne("SELECT COUNT(*) FROM shop_search_terms")->Int(0);
    });
  }

  testing::TestDatabase database_{kModules};
  core::ManualClock clock_{core::FromUnixSeconds(kLateEvening)};
  AnalyticsOptions manual_flush_{std::chrono::hours(1)};
};

std::vector<std::string> Queries(const ShopTraffic& traffic) {
  std::vector<std::string> queries;
  for (const SearchTermCount& term : traffic.search_terms) queries.push_back(term.query);
  return queries;
}

TEST_F(ShopTrafficTest, ANewShopHasZeroForEveryDay) {
  AnalyticsService analytics(database_.database(), clock_, manual_flush_);
  ShopTraffic traffic = analytics.ShopTrafficOf(kShop, 30);
  EXPECT_EQ(traffic.views_today, 0);
  EXPECT_EQ(traffic.daily_views, std::vector<std::int64_t>(30, 0));
  EXPECT_TRUE(traffic.search_terms.empty());
  // Out-of-range windows are clamped, never empty or unbounded.
  EXPECT_EQ(analytics.ShopTrafficOf(kShop, 0).daily_views.size(), 1u);
  EXPECT_EQ(analytics.ShopTrafficOf(kShop, -5).daily_views.size(), 1u);
  EXPECT_EQ(analytics.ShopTrafficOf(kShop, 1'000'000).daily_views.size(), static_cast<std::size_t>(kMaxTrafficDays));
}

TEST_F(ShopTrafficTest, CountsViewsAndSearchWordsPerShopBeforeAndAfterAFlush) {
  AnalyticsService analytics(database_.database(), clock_, manual_flush_);
  analytics.RecordShopVisit(kShop, "노트북");
  analytics.RecordShopVisit(kShop, "노트북");
  analytics.RecordShopVisit(kShop, "가방");
  analytics.RecordShopVisit(kShop, "");
  analytics.RecordShopVisit(kOtherShop, "우산");

  auto check = [&](const char* when) {
    SCOPED_TRACE(when);
    ShopTraffic traffic = analytics.ShopTrafficOf(kShop, 30);
    EXPECT_EQ(traffic.views_today, 4);
    EXPECT_EQ(traffic.daily_views.back(), 4);
    ASSERT_EQ(traffic.search_terms.size(), 2u);
    EXPECT_EQ(traffic.search_terms[0].query, "노트북");
    EXPECT_EQ(traffic.search_terms[0].count, 2);
    EXPECT_EQ(traffic.search_terms[1].query, "가방");
    EXPECT_EQ(traffic.search_terms[1].count, 1);
    ShopTraffic other = analytics.ShopTrafficOf(kOtherShop, 30);
    EXPECT_EQ(other.views_today, 1);
    EXPECT_EQ(Queries(other), std::vector<std::string>{"우산"});
  };
  check("in memory");
  EXPECT_EQ(StoredViews(kShop, "2026-11-26"), 0);

  analytics.Flush();
  EXPECT_EQ(StoredViews(kShop, "2026-11-26"), 4);
  EXPECT_EQ(StoredTerm(kShop, "2026-11-26", "노트북"), 2);
  EXPECT_EQ(StoredTerm(kShop, "2026-11-26", "가방"), 1);
  EXPECT_EQ(StoredTerm(kOtherShop, "2026-11-26", "우산"), 1);
  check("stored");

  // A second batch adds to the rows; stored and in-memory counts add up, never double.
  analytics.RecordShopVisit(kShop, "가방");
  analytics.RecordShopVisit(kShop, "가방");
  ShopTraffic mixed = analytics.ShopTrafficOf(kShop, 30);
  EXPECT_EQ(mixed.views_today, 6);
  ASSERT_EQ(mixed.search_terms.size(), 2u);
  EXPECT_EQ(mixed.search_terms[0].query, "가방");
  EXPECT_EQ(mixed.search_terms[0].count, 3);
  analytics.Flush();
  EXPECT_EQ(StoredViews(kShop, "2026-11-26"), 6);
  EXPECT_EQ(StoredTerm(kShop, "2026-11-26", "가방"), 3);
  EXPECT_EQ(analytics.ShopTrafficOf(kShop, 30).search_terms[0].count, 3);
}

TEST_F(ShopTrafficTest, DaysRollAndTheWindowDropsOldDays) {
  AnalyticsService analytics(database_.database(), clock_, manual_flush_);
  analytics.RecordShopVisit(kShop, "노트북");
  analytics.Flush();
  analytics.RecordShopVisit(kShop, "노트북");  // 23:50 on the 26th, not yet flushed
  clock_.Advance(15min);                       // 00:05 on the 27th
  analytics.RecordShopVisit(kShop, "가방");

  ShopTraffic traffic = analytics.ShopTrafficOf(kShop, 30);
  EXPECT_EQ(traffic.views_today, 1);
  EXPECT_EQ(traffic.daily_views[28], 2);  // yesterday
  EXPECT_EQ(traffic.daily_views[29], 1);  // today
  EXPECT_EQ(Queries(traffic), (std::vector<std::string>{"노트북", "가방"}));

  ShopTraffic today_only = analytics.ShopTrafficOf(kShop, 1);
  EXPECT_EQ(today_only.daily_views, std::vector<std::int64_t>{1});
  EXPECT_EQ(Queries(today_only), std::vector<std::string>{"가방"});

  analytics.Flush();
  EXPECT_EQ(StoredViews(kShop, "2026-11-26"), 2);
  EXPECT_EQ(StoredViews(kShop, "2026-11-27"), 1);

  clock_.Advance(24h * 29);  // the 26th falls out of a 30-day window ending on 12-26
  ShopTraffic later = analytics.ShopTrafficOf(kShop, 30);
  EXPECT_EQ(later.daily_views[0], 1);  // the 27th, now the oldest day
  EXPECT_EQ(Queries(later), std::vector<std::string>{"가방"});
}

TEST_F(ShopTrafficTest, OnlyTheTopTenComeBackAndPendingWordsCanOvertakeStoredOnes) {
  AnalyticsService analytics(database_.database(), clock_, manual_flush_);
  // Twelve stored words, "w01" once … "w12" twelve times.
  for (int word = 1; word <= 12; ++word) {
    std::string query = (word < 10 ? "w0" : "w") + std::to_string(word);
    for (int view = 0; view < word; ++view) analytics.RecordShopVisit(kShop, query);
  }
  analytics.Flush();
  // "w01" gets 20 more views in memory: 21 in all, now the first.
  for (int view = 0; view < 20; ++view) analytics.RecordShopVisit(kShop, "w01");
  ShopTraffic traffic = analytics.ShopTrafficOf(kShop, 30);
  ASSERT_EQ(traffic.search_terms.size(), kTopSearchTerms);
  EXPECT_EQ(traffic.search_terms[0].query, "w01");
  EXPECT_EQ(traffic.search_terms[0].count, 21);
  EXPECT_EQ(traffic.search_terms[1].query, "w12");
  EXPECT_EQ(traffic.search_terms[9].query, "w04");
}

TEST_F(ShopTrafficTest, DistinctWordsAreBoundedBetweenFlushesButViewsStillCount) {
  AnalyticsOptions small = manual_flush_;
  small.max_pending_search_terms = 3;
  AnalyticsService analytics(database_.database(), clock_, small);
  for (int word = 0; word < 100; ++word) analytics.RecordShopVisit(kShop, "flood" + std::to_string(word));
  analytics.RecordShopVisit(kShop, "flood0");  // already kept: still counted
  ShopTraffic traffic = analytics.ShopTrafficOf(kShop, 30);
  EXPECT_EQ(traffic.views_today, 101);
  EXPECT_EQ(traffic.search_terms.size(), 3u);
  analytics.Flush();
  EXPECT_EQ(StoredTermRows(), 3);
  EXPECT_EQ(StoredTerm(kShop, "2026-11-26", "flood0"), 2);
  // The bound is per flush: after one, new words are kept again.
  analytics.RecordShopVisit(kShop, "노트북");
  analytics.Flush();
  EXPECT_EQ(StoredTerm(kShop, "2026-11-26", "노트북"), 1);
}

TEST_F(ShopTrafficTest, WordsThatAreNotTextOrTooLongCountTheViewOnly) {
  AnalyticsService analytics(database_.database(), clock_, manual_flush_);
  analytics.RecordShopVisit(kShop, "\xff\xfe");
  analytics.RecordShopVisit(kShop, std::string(kMaxSearchQueryBytes + 1, 'a'));
  analytics.RecordShopVisit(core::SellerId{0}, "노트북");  // no shop: nothing at all
  analytics.Flush();
  ShopTraffic traffic = analytics.ShopTrafficOf(kShop, 30);
  EXPECT_EQ(traffic.views_today, 2);
  EXPECT_TRUE(traffic.search_terms.empty());
  EXPECT_EQ(StoredTermRows(), 0);
  EXPECT_EQ(StoredViews(core::SellerId{0}, "2026-11-26"), 0);
}

TEST_F(ShopTrafficTest, AFailedFlushKeepsTheCountsForTheNextOne) {
  AnalyticsService analytics(database_.database(), clock_, manual_flush_);
  analytics.RecordShopVisit(kShop, "노트북");
  database_->Write([](db::Connection& connection) {
    connection.ExecuteScript("ALTER TABLE shop_search_terms RENAME TO shop_search_terms_away");
  });
  EXPECT_THROW(analytics.Flush(), db::DatabaseError);
  database_->Write([](db::Connection& connection) {
    connection.ExecuteScript("ALTER TABLE shop_search_terms_away RENAME TO shop_search_terms");
  });
  EXPECT_EQ(StoredViews(kShop, "2026-11-26"), 0);  // the failed transaction wrote nothing
  analytics.Flush();
  EXPECT_EQ(StoredViews(kShop, "2026-11-26"), 1);
  EXPECT_EQ(StoredTerm(kShop, "2026-11-26", "노트북"), 1);
}

TEST_F(ShopTrafficTest, TheDestructorFlushesAndARestartReadsTheStore) {
  {
    AnalyticsService analytics(database_.database(), clock_, manual_flush_);
    analytics.RecordShopVisit(kShop, "노트북");
  }
  AnalyticsService restarted(database_.database(), clock_, manual_flush_);
  ShopTraffic traffic = restarted.ShopTrafficOf(kShop, 30);
  EXPECT_EQ(traffic.views_today, 1);
  EXPECT_EQ(Queries(traffic), std::vector<std::string>{"노트북"});
}

TEST_F(ShopTrafficTest, SearchWordsOlderThanTheRetentionArePruned) {
  {
    AnalyticsService analytics(database_.database(), clock_, manual_flush_);
    analytics.RecordShopVisit(kShop, "노트북");
  }
  clock_.Advance(24h * kSearchTermRetentionDays);
  AnalyticsService later(database_.database(), clock_, manual_flush_);
  later.Flush();  // the first flush of a day prunes
  EXPECT_EQ(StoredTermRows(), 0);
  EXPECT_EQ(StoredViews(kShop, "2026-11-26"), 1);  // views are kept
}

TEST_F(ShopTrafficTest, ConcurrentViewsAllCountWhileFlushesAndReadsRun) {
  constexpr int kThreads = 4;
  constexpr int kViewsPerThread = 5000;
  AnalyticsService analytics(database_.database(), clock_, manual_flush_);
  std::atomic<bool> done = false;
  std::jthread flusher([&] {
    while (!done) {
      analytics.Flush();
      ShopTraffic traffic = analytics.ShopTrafficOf(kShop, 30);
      EXPECT_LE(traffic.views_today, kThreads * kViewsPerThread);
    }
  });
  {
    std::vector<std::jthread> viewers;
    for (int thread = 0; thread < kThreads; ++thread) {
      viewers.emplace_back([&, thread] {
        for (int view = 0; view < kViewsPerThread; ++view) {
          analytics.RecordShopVisit(kShop, view % 2 == 0 ? "노트북" : "가방 " + std::to_string(thread));
        }
      });
    }
  }
  done = true;
  flusher.join();
  ShopTraffic traffic = analytics.ShopTrafficOf(kShop, 30);
  EXPECT_EQ(traffic.views_today, kThreads * kViewsPerThread);
  ASSERT_FALSE(traffic.search_terms.empty());
  EXPECT_EQ(traffic.search_terms[0].query, "노트북");
  EXPECT_EQ(traffic.search_terms[0].count, kThreads * kViewsPerThread / 2);
  analytics.Flush();
  EXPECT_EQ(StoredViews(kShop, "2026-11-26"), kThreads * kViewsPerThread);
  EXPECT_EQ(StoredTerm(kShop, "2026-11-26", "가방 0"), kViewsPerThread / 2);
}

}  // namespace
}  // namespace manmulsang::analytics
