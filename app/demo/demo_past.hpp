#pragma once

#include <chrono>

#include "demo/demo_generator.hpp"
#include "demo/demo_order_paths.hpp"
#include "wiring/marketplace_services.hpp"

namespace manmulsang::demo {

// What a demo step that walks the past drives: the marketplace's services, and the same services
// (wired by the one MarketplaceServices) on a clock of the step's own that starts at `start` and
// that the step moves forward, for payments, cart, orders and reviews; `now` is the real now the
// step must not pass.
class DemoStepInThePast {
 protected:
  DemoStepInThePast(db::Database& database, accounts::AccountService& accounts, sellers::SellerService& sellers,
                    catalog::CatalogService& catalog, core::TimePoint start, core::TimePoint now,
                    const DemoSummary& marketplace, const DemoOptions& options)
      : accounts_(accounts),
        sellers_(sellers),
        catalog_(catalog),
        now_(now),
        clock_(start),
        past_(database, clock_),
        marketplace_(marketplace),
        options_(options) {}

  accounts::AccountService& accounts_;
  sellers::SellerService& sellers_;
  catalog::CatalogService& catalog_;
  const core::TimePoint now_;
  core::ManualClock clock_;
  app::MarketplaceServices past_;
  payments::PaymentService& payments_ = past_.payments;
  cart::CartService& cart_ = past_.cart;
  orders::OrderService& orders_ = past_.orders;
  const DemoSummary& marketplace_;
  const DemoOptions& options_;
};

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
