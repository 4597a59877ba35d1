#pragma once

#include <chrono>

#include "demo/demo_generator.hpp"
#include "demo/demo_order_paths.hpp"

namespace manmulsang::demo {

// Runs a demo step that walks the past on a clock of its own (the orders step, then the reviews
// step): both start at the same moment, before the oldest order, so the second step finds the
// first one's history already behind it. `Step` is constructed from the services, that start,
// the real now, the marketplace and the options, and its Run() gives the step's summary.
template <typename Step>
auto RunDemoStepInThePast(db::Database& database, accounts::AccountService& accounts, sellers::SellerService& sellers,
                          catalog::CatalogService& catalog, const core::Clock& clock, const DemoSummary& marketplace,
                          const DemoOptions& options) {
  const core::TimePoint now = clock.Now();
  const core::TimePoint start = now - kOrderHistory - std::chrono::days(60);
  Step step(database, accounts, sellers, catalog, start, now, marketplace, options);
  return step.Run();
}

}  // namespace manmulsang::demo
