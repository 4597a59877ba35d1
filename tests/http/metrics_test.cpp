// /metrics: the marketplace's own gauges and counters, each with a value that follows what the
// server did (the request metrics are the operations tests').
#include <charconv>
#include <optional>
#include <string>
#include <string_view>

#include "blackbox.hpp"

namespace manmulsang::testing {
namespace {

class MetricsTest : public BlackBoxTest {
 protected:
  // The scraped metrics, as series ("name{labels}") → value.
  struct Scrape {
    std::string text;

    // The value of series; fails the test when it is missing or not a number.
    double operator[](std::string_view series) const {
      const std::string line_start = "\n" + std::string(series) + " ";
      const std::size_t found = text.find(line_start);
      if (found == std::string::npos) {
        ADD_FAILURE() << series << " is not in /metrics";
        return -1;
      }
      const std::size_t start = found + line_start.size();
      const std::size_t end = text.find('\n', start);
      double value = 0;
      const auto [rest, error] = std::from_chars(text.data() + start, text.data() + end, value);
      EXPECT_TRUE(error == std::errc() && rest == text.data() + end)
          << series << ": " << text.substr(start, end - start);
      return value;
    }
  };

  Scrape Metrics() {
    HttpResponse response = NewClient().Get("/metrics");
    EXPECT_EQ(response.status, 200);
    return Scrape{response.body};
  }
};

TEST_F(MetricsTest, TheStoreItsWriterAndTheSearchIndexAreMeasured) {
  const Scrape before = Metrics();
  if (!TestDatabase::OnPostgres()) {  // the sizes of SQLite's files on disk
    EXPECT_GT(before[R"(manmulsang_store_size_bytes{file="database"})"], 0);
    EXPECT_GE(before[R"(manmulsang_store_size_bytes{file="wal"})"], 0);
  }
  EXPECT_GE(before["manmulsang_database_writers_waiting"], 0);
  EXPECT_GE(before["manmulsang_database_write_transactions_total"], before["manmulsang_database_commits_total"]);
  EXPECT_NE(before.text.find("# TYPE manmulsang_database_commits_total counter\n"), std::string::npos);

  // The demo store's listings are all indexed, each with several terms; the test server
  // answers searches from memory, the default.
  const double listings = before["manmulsang_search_index_listings"];
  EXPECT_GE(listings, kDemoProducts / 2);
  EXPECT_GT(before["manmulsang_search_index_terms"], 0);
  EXPECT_GT(before["manmulsang_search_index_postings"], listings);
  EXPECT_GT(before["manmulsang_search_index_memory_bytes"], before["manmulsang_search_index_postings"]);

  RegisterViaApi(UniqueEmail("metrics"), "metrics-password-1");  // a write transaction, committed
  const Scrape after = Metrics();
  EXPECT_GT(after["manmulsang_database_write_transactions_total"],
            before["manmulsang_database_write_transactions_total"]);
  EXPECT_GT(after["manmulsang_database_commits_total"], before["manmulsang_database_commits_total"]);
}

TEST_F(MetricsTest, ASecondAnonymousVisitToTheHomePageIsACacheHit) {
  const Scrape before = Metrics();
  ASSERT_EQ(NewClient().Get("/").status, 200);
  ASSERT_EQ(NewClient().Get("/").status, 200);
  const Scrape after = Metrics();
  const double hits = after["manmulsang_page_cache_hits_total"] - before["manmulsang_page_cache_hits_total"];
  const double misses = after["manmulsang_page_cache_misses_total"] - before["manmulsang_page_cache_misses_total"];
  EXPECT_GE(hits, 1);  // the second visit at least; the first too when the page was cached already
  EXPECT_EQ(hits + misses, 2);
  EXPECT_GE(after["manmulsang_page_cache_entries"], 1);
  EXPECT_GT(after["manmulsang_page_cache_bytes"], 1000);  // at least the home page, compressed or not
}

}  // namespace
}  // namespace manmulsang::testing
