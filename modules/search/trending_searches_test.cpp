#include "manmulsang/search/trending_searches.hpp"

#include <gtest/gtest.h>

#include <array>
#include <string>
#include <thread>
#include <vector>

#include "manmulsang/search/search.hpp"
#include "test_database.hpp"

namespace manmulsang::search {
namespace {

using namespace std::chrono_literals;

// Starts on a whole minute, so "59 minutes later" stays inside the hour.
class TrendingSearchesTest : public ::testing::Test {
 protected:
  void Search(std::string_view query, int visitors, std::string_view visitor_prefix = "v") {
    for (int visitor = 0; visitor < visitors; ++visitor) {
      trending_.Record(query, std::string(visitor_prefix) + std::to_string(visitor));
    }
  }

  static std::vector<std::string> Queries(const std::vector<TrendingQuery>& top) {
    std::vector<std::string> queries;
    for (const TrendingQuery& entry : top) queries.push_back(entry.query);
    return queries;
  }

  static const TrendingQuery& Entry(const std::vector<TrendingQuery>& top, std::string_view query) {
    for (const TrendingQuery& entry : top) {
      if (entry.query == query) return entry;
    }
    static const TrendingQuery missing{"<missing>"};
    ADD_FAILURE() << query << " is not in the ranking";
    return missing;
  }

  static std::array<db::Database::ModuleMigrations, 1> Modules() { return {{{"search", Migrations()}}}; }

  core::ManualClock clock_{core::FromUnixSeconds(1'790'000'040)};
  testing::TestDatabase store_{Modules()};
  TrendingSearches trending_{store_.database(), clock_};
};

TEST_F(TrendingSearchesTest, RanksByDistinctVisitorsWithCountsAndRanks) {
  Search("노트북", 5);
  Search("가방", 3);
  Search("태양광 패널", 4);
  const std::vector<TrendingQuery> top = trending_.Top();
  EXPECT_EQ(Queries(top), (std::vector<std::string>{"노트북", "태양광 패널", "가방"}));
  EXPECT_EQ(top[0].count, 5);
  EXPECT_EQ(top[1].count, 4);
  EXPECT_EQ(top[2].count, 3);
  EXPECT_EQ(top[0].rank, 1);
  EXPECT_EQ(top[2].rank, 3);
  EXPECT_EQ(trending_.Top(2).size(), 2u);
  EXPECT_TRUE(trending_.Top(0).empty());
  EXPECT_TRUE(trending_.Top(-5).empty());
}

TEST_F(TrendingSearchesTest, OneVisitorCountsOncePerQueryPerTenMinutes) {
  for (int press = 0; press < 50; ++press) trending_.Record("노트북", "same visitor");
  trending_.Record("가방", "same visitor");  // another query by the same visitor counts
  EXPECT_EQ(Entry(trending_.Top(), "노트북").count, 1);
  EXPECT_EQ(Entry(trending_.Top(), "가방").count, 1);
  clock_.Advance(9min + 59s);
  trending_.Record("노트북", "same visitor");
  EXPECT_EQ(Entry(trending_.Top(), "노트북").count, 1);
  clock_.Advance(1s);
  trending_.Record("노트북", "same visitor");
  EXPECT_EQ(Entry(trending_.Top(), "노트북").count, 2);
  trending_.Record("노트북", "another visitor");
  EXPECT_EQ(Entry(trending_.Top(), "노트북").count, 3);
}

TEST_F(TrendingSearchesTest, TheHourSlides) {
  Search("노트북", 3);
  clock_.Advance(30min);
  Search("가방", 2);
  clock_.Advance(29min + 59s);  // 59:59 after the first searches
  EXPECT_EQ(Queries(trending_.Top()), (std::vector<std::string>{"노트북", "가방"}));
  clock_.Advance(1s);  // an hour after: the first minute leaves the window
  EXPECT_EQ(Queries(trending_.Top()), (std::vector<std::string>{"가방"}));
  clock_.Advance(30min);
  EXPECT_TRUE(trending_.Top().empty());
  // A long quiet spell (the clock jumping a day) starts afresh.
  Search("냉장고", 1);
  clock_.Advance(24h);
  EXPECT_TRUE(trending_.Top().empty());
  Search("쌀", 2, "w");
  EXPECT_EQ(Queries(trending_.Top()), (std::vector<std::string>{"쌀"}));
}

TEST_F(TrendingSearchesTest, MovementComparesWithTheRankingOfTenMinutesBefore) {
  Search("노트북", 5);
  Search("가방", 3);
  Search("쌀", 1);
  Search("냉장고", 2);
  {
    const std::vector<TrendingQuery> top = trending_.Top();
    // Nothing was ranked ten minutes ago: everything is new.
    for (const TrendingQuery& entry : top) EXPECT_EQ(entry.movement, RankMovement::new_entry) << entry.query;
  }
  clock_.Advance(10min);
  Search("쌀", 6, "later");      // 7: from 4th to 1st
  Search("태양광", 2, "later");  // new, 5th
  const std::vector<TrendingQuery> top = trending_.Top();
  EXPECT_EQ(Queries(top), (std::vector<std::string>{"쌀", "노트북", "가방", "태양광", "냉장고"}));
  EXPECT_EQ(Entry(top, "쌀").movement, RankMovement::up);
  EXPECT_EQ(Entry(top, "쌀").places, 3);
  EXPECT_EQ(Entry(top, "노트북").movement, RankMovement::down);
  EXPECT_EQ(Entry(top, "노트북").places, 1);
  EXPECT_EQ(Entry(top, "가방").movement, RankMovement::down);
  EXPECT_EQ(Entry(top, "가방").places, 1);
  EXPECT_EQ(Entry(top, "태양광").movement, RankMovement::new_entry);
  EXPECT_EQ(Entry(top, "태양광").places, 0);
  EXPECT_EQ(Entry(top, "냉장고").movement, RankMovement::down);  // 3rd (ties: newest) → 5th
  EXPECT_EQ(Entry(top, "냉장고").places, 2);
  EXPECT_EQ(RankMovementName(RankMovement::new_entry), "new");
  EXPECT_EQ(RankMovementName(RankMovement::up), "up");

  // Ten quiet minutes later the lagged window has caught up: everything is where it was.
  clock_.Advance(10min);
  for (const TrendingQuery& entry : trending_.Top()) {
    EXPECT_EQ(entry.movement, RankMovement::same) << entry.query;
    EXPECT_EQ(entry.places, 0) << entry.query;
  }
}

TEST_F(TrendingSearchesTest, MovementSeesQueriesThatLeftTheEarlierTopTen) {
  for (int query = 0; query < 12; ++query) Search("상품" + std::to_string(query), 20 - query);
  clock_.Advance(10min);
  Search("상품11", 30, "later");  // 12th ten minutes ago: new to the shown list
  const std::vector<TrendingQuery> top = trending_.Top();
  ASSERT_EQ(top.size(), 10u);
  EXPECT_EQ(top[0].query, "상품11");
  EXPECT_EQ(top[0].movement, RankMovement::new_entry);
  EXPECT_EQ(Entry(top, "상품0").movement, RankMovement::down);
  EXPECT_EQ(Entry(top, "상품0").places, 1);
}

TEST_F(TrendingSearchesTest, TiesGoToTheMostRecentlySearched) {
  trending_.Record("가", "v1");
  clock_.Advance(1s);
  trending_.Record("나", "v1");
  clock_.Advance(1s);
  trending_.Record("다", "v1");
  EXPECT_EQ(Queries(trending_.Top()), (std::vector<std::string>{"다", "나", "가"}));
  clock_.Advance(1s);
  trending_.Record("가", "v2");
  EXPECT_EQ(Queries(trending_.Top()), (std::vector<std::string>{"가", "다", "나"}));
}

TEST_F(TrendingSearchesTest, IgnoresEmptyOverlongAndControlCharacterQueries) {
  trending_.Record("", "v1");
  trending_.Record(std::string(101, 'x'), "v1");
  trending_.Record(std::string("a\0b", 3), "v1");
  trending_.Record("a\nb", "v1");
  EXPECT_TRUE(trending_.Top().empty());
  trending_.Record(std::string(100, 'x'), "v1");
  trending_.Record("노트북", std::string(10'000, 'v'));  // any visitor key is fine
  EXPECT_EQ(trending_.Top().size(), 2u);
}

TEST_F(TrendingSearchesTest, AFloodOfOneOffQueriesDoesNotCrowdOutRealOnes) {
  Search("노트북", 5);
  for (int query = 0; query < 1'000; ++query) trending_.Record("spam " + std::to_string(query), "bot");
  Search("가방", 3);  // a new query after the flood still gets a place
  const std::vector<TrendingQuery> top = trending_.Top();
  ASSERT_GE(top.size(), 2u);
  EXPECT_EQ(top[0].query, "노트북");
  EXPECT_EQ(top[0].count, 5);
  EXPECT_EQ(top[1].query, "가방");
  EXPECT_EQ(top[1].count, 3);
}

TEST_F(TrendingSearchesTest, ManyVisitorsCountOnceEach) {
  for (int visitor = 0; visitor < 1'000; ++visitor) trending_.Record("노트북", "visitor " + std::to_string(visitor));
  EXPECT_EQ(trending_.Top().front().count, 1'000);
  // The first and the last are both still remembered.
  trending_.Record("노트북", "visitor 0");
  trending_.Record("노트북", "visitor 999");
  EXPECT_EQ(trending_.Top().front().count, 1'000);
}

// Two nodes on one store (two TrendingSearches, as each `serve` has its own): a visitor whose
// searches land on both counts once, and both rank the same searches.
TEST_F(TrendingSearchesTest, TwoNodesCountAVisitorOnceAndRankTheSameSearches) {
  TrendingSearches other_node{store_.database(), clock_};
  trending_.Record("노트북", "same visitor");
  other_node.Record("노트북", "same visitor");
  other_node.Record("노트북", "another visitor");
  other_node.Record("가방", "same visitor");
  EXPECT_EQ(Entry(trending_.Top(), "노트북").count, 2);
  EXPECT_EQ(Entry(other_node.Top(), "노트북").count, 2);
  EXPECT_EQ(Queries(trending_.Top()), Queries(other_node.Top()));

  // A node keeps the ranking it read for a few seconds; another node's searches show after that.
  clock_.Advance(1s);
  trending_.Record("태양광", "v1");
  EXPECT_EQ(Queries(trending_.Top()), (std::vector<std::string>{"노트북", "태양광", "가방"}));
  other_node.Record("태양광", "v2");
  other_node.Record("태양광", "v3");
  EXPECT_EQ(Queries(other_node.Top()), (std::vector<std::string>{"태양광", "노트북", "가방"}));
  clock_.Advance(5s);
  EXPECT_EQ(Queries(trending_.Top()), (std::vector<std::string>{"태양광", "노트북", "가방"}));

  // Ten minutes on, the visitor counts again, once, whichever node sees the search first.
  clock_.Advance(10min);
  other_node.Record("노트북", "same visitor");
  trending_.Record("노트북", "same visitor");
  EXPECT_EQ(Entry(trending_.Top(), "노트북").count, 3);
}

TEST_F(TrendingSearchesTest, RecordAndTopFromManyThreads) {
  constexpr int kThreads = 4;
  constexpr int kVisitorsPerThread = 250;
  std::vector<std::thread> threads;
  for (int thread = 0; thread < kThreads; ++thread) {
    threads.emplace_back([&, thread] {
      for (int visitor = 0; visitor < kVisitorsPerThread; ++visitor) {
        const std::string key = std::to_string(thread) + "/" + std::to_string(visitor);
        trending_.Record("노트북", key);
        trending_.Record("가방", key);
        trending_.Record("노트북", key);  // a repeat: not counted
      }
    });
  }
  threads.emplace_back([&] {
    for (int read = 0; read < 500; ++read) {
      const std::vector<TrendingQuery> top = trending_.Top();
      EXPECT_LE(top.size(), 2u);
    }
  });
  threads.emplace_back([&] {
    for (int tick = 0; tick < 100; ++tick) clock_.Advance(1s);
  });
  for (std::thread& thread : threads) thread.join();
  const std::vector<TrendingQuery> top = trending_.Top();
  ASSERT_EQ(top.size(), 2u);
  EXPECT_EQ(top[0].count, kThreads * kVisitorsPerThread);
  EXPECT_EQ(top[1].count, kThreads * kVisitorsPerThread);
}

}  // namespace
}  // namespace manmulsang::search
