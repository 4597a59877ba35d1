#pragma once

#include <cstdint>
#include <vector>

#include "manmulsang/accounts/accounts.hpp"
#include "manmulsang/catalog/catalog.hpp"
#include "manmulsang/core/clock.hpp"
#include "manmulsang/db/database.hpp"
#include "manmulsang/orders/order.hpp"
#include "manmulsang/sellers/sellers.hpp"
#include "manmulsang/settings/settings.hpp"

namespace manmulsang::demo {

struct DemoOptions {
  std::int64_t products = 10000;
  std::uint64_t seed = 1;
  bool progress = true;  // a progress bar on stderr, only when stderr is a terminal
  // The rules the server will run with: demo orders that its jobs would move (unpaid bank
  // transfers, delivered orders) are made young enough under these that the jobs leave them.
  settings::Settings order_settings;
};

struct DemoSummary {
  std::int64_t members = 0;
  std::int64_t shops = 0;
  std::int64_t products = 0;
  // What the orders step (demo_orders.hpp) builds on: the members who are not shop owners, and
  // an evenly spread sample of at most kProductSample listings.
  std::vector<core::UserId> buyers;
  std::vector<core::ProductId> product_sample;
};

inline constexpr std::int64_t kProductSample = 2000;

// True while the store has no products: `make run` fills only an empty store.
bool DemoNeeded(catalog::CatalogService& catalog);

// Fills an empty store with a realistic Korean marketplace: members, shops in many cities, and
// products in every subcategory with plausible names, prices, stock, ratings and dates over the
// past six months. The same seed gives the same marketplace. Inserts go in batches through the
// services' bulk paths, so a million products need bounded memory.
// Throws std::runtime_error (with a message for the operator) if the store already has products.
DemoSummary GenerateDemoMarketplace(db::Database& database, accounts::AccountService& accounts,
                                    sellers::SellerService& sellers, catalog::CatalogService& catalog,
                                    const core::Clock& clock, const DemoOptions& options);

}  // namespace manmulsang::demo
