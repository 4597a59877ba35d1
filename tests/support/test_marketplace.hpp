#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "manmulsang/core/clock.hpp"
#include "manmulsang/db/database.hpp"
#include "temp_directory.hpp"
#include "wiring/marketplace_services.hpp"

namespace manmulsang::testing {

struct TestMarketplaceOptions {
  // Where the test's clock starts; it moves only when the test advances it.
  core::TimePoint start = core::FromUnixSeconds(1'790'000'000);
  // Empty: a fresh SQLite file in the marketplace's temporary folder. Otherwise the URL of an
  // empty store the test may fill (how the same tests will run on PostgreSQL).
  std::string database_url;
  // The analytics counts reach the store only when a test calls Flush(): no background flush
  // races a test's reads.
  app::MarketplaceSettings settings = {.analytics = {.flush_interval = std::chrono::hours(1)}};
};

// The whole marketplace as the server builds it, minus HTTP: a real store, migrated with
// app::AllMigrations(), and every service wired by app::MarketplaceServices, on a manual clock.
// Module tests, route fixtures, the demo's tests and anything else that needs services stand on
// it, so the store a test runs on is chosen here and nowhere else.
class TestMarketplace {
 public:
  explicit TestMarketplace(TestMarketplaceOptions options = {});
  ~TestMarketplace();

  TestMarketplace(const TestMarketplace&) = delete;
  TestMarketplace& operator=(const TestMarketplace&) = delete;

  // The store, as testing::TestDatabase gives it.
  db::Database& database() { return *database_; }
  db::Database* operator->() { return database_.get(); }
  db::Database& operator*() { return *database_; }
  core::ManualClock& clock() { return clock_; }
  app::MarketplaceServices& services() { return *services_; }
  // A folder that lives as long as the marketplace (the SQLite file, uploaded pictures).
  const TempDirectory& directory() const { return directory_; }

  // The first column of the first row of a query, as an integer: a test's look at the tables.
  std::int64_t Count(std::string_view sql);

 private:
  TempDirectory directory_;
  std::unique_ptr<db::Database> database_;
  core::ManualClock clock_;
  std::unique_ptr<app::MarketplaceServices> services_;
};

}  // namespace manmulsang::testing
