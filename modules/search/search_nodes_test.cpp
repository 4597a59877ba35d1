// Several `serve` nodes on one store: each SearchService here is one node's.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <future>
#include <string>
#include <thread>
#include <vector>

#include "manmulsang/search/search.hpp"
#include "search_repository.hpp"
#include "test_database.hpp"

namespace manmulsang::search {
namespace {

using namespace std::chrono_literals;

IndexedProduct Product(std::int64_t id, std::string name) {
  return {core::ProductId{id}, core::CategoryId{1}, core::SellerId{1}, std::move(name), "", 1'000, true, 4.0, 0,
          1'750'000'000};
}

class SearchNodesTest : public ::testing::Test {
 protected:
  static std::array<db::Database::ModuleMigrations, 1> Modules() { return {{{"search", Migrations()}}}; }

  static std::vector<std::int64_t> Found(SearchService& node, std::string_view text) {
    SearchRequest request;
    request.text = std::string(text);
    const auto result = node.Search(request);
    std::vector<std::int64_t> ids;
    for (core::ProductId id : result->ids) ids.push_back(id.value);
    std::ranges::sort(ids);  // which, not in what order
    return ids;
  }

  void Index(std::int64_t id, std::string name) {
    const IndexedProduct product = Product(id, std::move(name));
    writer_.Index(std::span(&product, 1));
  }

  testing::TestDatabase store_{Modules()};
  SearchService writer_{store_.database()};
  core::TimePoint now_ = core::FromUnixSeconds(1'790'000'000);
};

// PostgreSQL numbers changes as they are written and commits them in any order: a node catching
// up between two commits must still get the change whose transaction began first and ended last.
TEST_F(SearchNodesTest, AChangeCommittedAfterALaterOneIsStillSeen) {
  if (store_->dialect() != db::Dialect::postgres) {
    GTEST_SKIP() << "PostgreSQL only: SQLite has one writer, so its changes commit in sequence order";
  }
  SearchService reader(store_.database(), SearchOptions{.in_memory = true});
  std::atomic<bool> first_written = false;
  std::atomic<bool> first_may_commit = false;
  // The first transaction writes its change (the lower sequence number), then waits.
  std::thread first([&] {
    store_->Write([&](db::Connection& connection) {
      writer_.Index(connection, Product(1, "자전거 접이식"));
      first_written = true;
      while (!first_may_commit) std::this_thread::sleep_for(1ms);
    });
  });
  while (!first_written) std::this_thread::sleep_for(1ms);
  // A second one writes the higher sequence number and commits first.
  auto second = std::async(std::launch::async, [&] { Index(2, "킥보드 어린이"); });
  const bool second_committed = second.wait_for(30s) == std::future_status::ready;
  if (second_committed) {
    // A committed change shows at once, though an older transaction is still open; the reader
    // does not move past it, so the older one's change is still seen once it commits.
    EXPECT_EQ(Found(reader, "킥보드"), (std::vector<std::int64_t>{2}));
  }
  first_may_commit = true;
  first.join();
  second.get();
  if (!second_committed) GTEST_SKIP() << "the store ran the two writes one after the other";
  EXPECT_EQ(Found(reader, "자전거"), (std::vector<std::int64_t>{1}));
  EXPECT_EQ(Found(reader, "킥보드"), (std::vector<std::int64_t>{2}));
}

TEST_F(SearchNodesTest, EveryNodeSeesEveryOtherNodesWrites) {
  SearchService first(store_.database(), SearchOptions{.in_memory = true});
  SearchService second(store_.database(), SearchOptions{.in_memory = true});
  for (std::int64_t id = 1; id <= 20; ++id) {
    SearchService& writing = id % 2 == 0 ? first : second;
    const IndexedProduct product = Product(id, "공책 " + std::to_string(id));
    writing.Index(std::span(&product, 1));
  }
  first.Remove(core::ProductId{3});
  EXPECT_EQ(Found(first, "공책").size(), 19u);
  EXPECT_EQ(Found(second, "공책").size(), 19u);
  EXPECT_EQ(first.IndexedCount(), 19);
  EXPECT_EQ(second.IndexSize().listings, 19);
}

TEST_F(SearchNodesTest, ANodeBehindThePrunedLogLoadsTheIndexAgain) {
  Index(1, "자전거 접이식");
  SearchService reader(store_.database(), SearchOptions{.in_memory = true});
  Index(2, "킥보드 어린이");
  Index(3, "킥보드 성인");
  // As pruning does to a node far behind: the change it stands on and those after it are gone.
  store_->Write([](db::Connection& connection) {
    connection.Execute("DELETE FROM search_changes WHERE sequence < (SELECT MAX(sequence) FROM search_changes)");
  });
  EXPECT_EQ(Found(reader, "킥보드"), (std::vector<std::int64_t>{2, 3}));
  EXPECT_EQ(Found(reader, "자전거"), (std::vector<std::int64_t>{1}));
}

TEST_F(SearchNodesTest, ANodeLoadedBeforeAnyChangeWasFinalStillNoticesThePrunedLog) {
  if (store_->dialect() != db::Dialect::postgres) {
    GTEST_SKIP() << "PostgreSQL only: on SQLite every committed change is final at once";
  }
  // An older transaction stays open, so no change after it is final: the reader loads standing
  // on no change at all, and must still notice that changes it needs were pruned.
  std::atomic<bool> open = false;
  std::atomic<bool> may_end = false;
  std::thread older([&] {
    store_->Write([&](db::Connection& connection) {
      connection.QueryOne("SELECT pg_current_xact_id()::text");
      open = true;
      while (!may_end) std::this_thread::sleep_for(1ms);
    });
  });
  while (!open) std::this_thread::sleep_for(1ms);
  Index(1, "자전거 접이식");
  SearchService reader(store_.database(), SearchOptions{.in_memory = true});
  Index(2, "킥보드 어린이");
  Index(3, "킥보드 성인");
  store_->Write([](db::Connection& connection) {
    connection.Execute("DELETE FROM search_changes WHERE sequence < (SELECT MAX(sequence) FROM search_changes)");
  });
  may_end = true;
  older.join();
  EXPECT_EQ(Found(reader, "킥보드"), (std::vector<std::int64_t>{2, 3}));
  EXPECT_EQ(Found(reader, "자전거"), (std::vector<std::int64_t>{1}));
}

TEST_F(SearchNodesTest, OneNodeRebuildsWhileAnotherSkips) {
  Index(1, "자전거");
  SearchService other_node(store_.database());
  int rebuilds_by_other = 0;
  const std::int64_t indexed = writer_.EnsureIndexed(
      [] { return 2; },
      [&] {
        // The other node starts while this one rebuilds: it skips the rebuild.
        other_node.EnsureIndexed([] { return 2; }, [&] { return ++rebuilds_by_other, std::int64_t{0}; }, now_);
        Index(2, "킥보드");
        return writer_.IndexedCount();
      },
      now_);
  EXPECT_EQ(indexed, 2);
  EXPECT_EQ(rebuilds_by_other, 0);
  // Finished and released: the next node with work to do does it.
  EXPECT_EQ(other_node.EnsureIndexed([] { return 3; }, [&] { return ++rebuilds_by_other, std::int64_t{3}; }, now_), 3);
  EXPECT_EQ(rebuilds_by_other, 1);
  // Nothing to do: nothing runs.
  EXPECT_EQ(other_node.EnsureIndexed([] { return 2; }, [&] { return ++rebuilds_by_other, std::int64_t{0}; }, now_), 2);
  EXPECT_EQ(rebuilds_by_other, 1);
}

TEST_F(SearchNodesTest, ALeaseLeftByADeadNodeRunsOut) {
  SearchService other_node(store_.database());
  int rebuilds_by_other = 0;
  writer_.EnsureIndexed(
      [] { return 1; },
      [&] {
        other_node.EnsureIndexed([] { return 1; }, [&] { return ++rebuilds_by_other, std::int64_t{0}; }, now_ + 29min);
        EXPECT_EQ(rebuilds_by_other, 0);
        other_node.EnsureIndexed([] { return 1; }, [&] { return ++rebuilds_by_other, std::int64_t{0}; }, now_ + 31min);
        EXPECT_EQ(rebuilds_by_other, 1);
        return std::int64_t{0};
      },
      now_);
}

TEST_F(SearchNodesTest, TotalsAddUpOverTheBuckets) {
  for (std::int64_t id = 1; id <= 200; ++id) Index(id, "공책 줄");
  for (std::int64_t id = 1; id <= 200; id += 3) writer_.Remove(core::ProductId{id});
  EXPECT_EQ(writer_.IndexedCount(), 133);
  store_->Read([](db::Connection& connection) {
    const IndexStatistics totals = SearchRepository(connection).Statistics();
    EXPECT_EQ(totals.documents, 133);
    EXPECT_EQ(totals.name_terms,
              connection.QueryOne("SELECT CAST(SUM(name_terms) AS BIGINT) FROM search_documents")->Int(0));
  });
}

TEST_F(SearchNodesTest, PostingsPageInTermAndListingOrder) {
  for (std::int64_t id = 1; id <= 30; ++id) Index(id, "공책 줄 " + std::to_string(id % 4));
  store_->Read([](db::Connection& connection) {
    SearchRepository repository(connection);
    std::vector<std::pair<std::string, std::int64_t>> all;
    std::string term;
    std::int64_t product = 0;
    while (true) {
      const auto page = repository.PostingsAfter(term, product, 7);
      if (page.empty()) break;
      for (const auto& [page_term, posting] : page) all.emplace_back(page_term, posting.product_id);
      term = page.back().first;
      product = page.back().second.product_id;
    }
    EXPECT_TRUE(std::ranges::is_sorted(all));
    EXPECT_EQ(std::ranges::adjacent_find(all), all.end());
    EXPECT_EQ(static_cast<std::int64_t>(all.size()), repository.CountPostings().postings);
  });
}

}  // namespace
}  // namespace manmulsang::search
