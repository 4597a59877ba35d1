#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "manmulsang/core/clock.hpp"
#include "manmulsang/db/database.hpp"
#include "temp_directory.hpp"
#include "test_database.hpp"
#include "wiring/marketplace_services.hpp"

namespace manmulsang::testing {

struct TestMarketplaceOptions {
  // Where the test's clock starts; it moves only when the test advances it.
  core::TimePoint start = core::FromUnixSeconds(1'790'000'000);
  // The analytics counts reach the store only when a test calls Flush(): no background flush
  // races a test's reads.
  app::MarketplaceSettings settings = {.analytics = {.flush_interval = std::chrono::hours(1)}};
};

// The whole marketplace as the server builds it, minus HTTP: a real store, migrated with
// app::AllMigrations(), and every service wired by app::MarketplaceServices, on a manual clock.
// When it goes, it checks the ledger (entries sum to zero, transfers balance, no wallet below
// zero) and fails the test that left it otherwise.
// Module tests, route fixtures, the demo's tests and anything else that needs services stand on
// it. The store itself comes from TestDatabase, the one place a test's store is chosen.
class TestMarketplace {
 public:
  explicit TestMarketplace(TestMarketplaceOptions options = {});
  ~TestMarketplace();

  TestMarketplace(const TestMarketplace&) = delete;
  TestMarketplace& operator=(const TestMarketplace&) = delete;

  // The store, as TestDatabase gives it.
  db::Database& database() { return store_.database(); }
  db::Database* operator->() { return &store_.database(); }
  db::Database& operator*() { return store_.database(); }
  core::ManualClock& clock() { return clock_; }
  app::MarketplaceServices& services() { return *services_; }
  // A folder that lives as long as the marketplace (room for uploaded pictures).
  const TempDirectory& directory() const { return store_.directory(); }

  // The first column of the first row of a query, as an integer: a test's look at the tables.
  std::int64_t Count(std::string_view sql);

  // The set-up most tests start from: shops, listings, money and orders, made through the
  // services as the marketplace makes them. Failures are recorded as test failures.

  // The administrator the set-up acts as (who credits a top-up); the fixtures' kAdmin is the same.
  static constexpr core::UserId kAdmin{1};

  // A shop in Pyongyang that owner runs, approved unless told otherwise.
  core::SellerId AddShop(core::UserId owner, std::string name,
                         sellers::ShopStatus status = sellers::ShopStatus::approved);
  // A food listing of seller's named "상품 <n>" (the marketplace's n-th), created at the clock's now.
  core::ProductId AddListing(core::SellerId seller, std::int64_t price, std::int64_t stock = 100,
                             core::Currency currency = core::Currency::kpw);
  // won credited to member's wallet by kAdmin, as a deposit slip is.
  void TopUp(core::UserId member, std::int64_t won);
  // buyer tops up a million won, puts quantity of product in the cart and checks out from the
  // wallet to an address in Pyongyang; the order made.
  core::OrderId PlaceOrder(core::UserId buyer, core::ProductId product, std::int64_t quantity = 1);

 private:
  TestDatabase store_;
  core::ManualClock clock_;
  std::unique_ptr<app::MarketplaceServices> services_;
  int listing_number_ = 0;
};

}  // namespace manmulsang::testing
