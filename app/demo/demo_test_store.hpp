#pragma once

// What the demo's tests stand on: the whole test marketplace (a real SQLite file, the services
// wired as the server wires them) and the services the demo's steps take.

#include <cstdint>
#include <string_view>

#include "demo/demo_generator.hpp"
#include "test_marketplace.hpp"

namespace manmulsang::demo {

struct DemoTestStore {
  // The demo's options for `products` listings from `seed`, without the progress line.
  static DemoOptions Options(std::int64_t products, std::uint64_t seed) {
    DemoOptions options;
    options.products = products;
    options.seed = seed;
    options.progress = false;
    return options;
  }

  // The members, shops and listings, as `manmulsang demo` makes them.
  DemoSummary Marketplace(std::int64_t products, std::uint64_t seed) {
    return GenerateDemoMarketplace(database.database(), accounts, sellers, catalog, clock, Options(products, seed));
  }

  std::int64_t Count(std::string_view sql) { return database.Count(sql); }

  testing::TestMarketplace database;
  core::ManualClock& clock = database.clock();
  accounts::AccountService& accounts = database.services().accounts;
  sellers::SellerService& sellers = database.services().sellers;
  catalog::CatalogService& catalog = database.services().catalog;
};

}  // namespace manmulsang::demo
