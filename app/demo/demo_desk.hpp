#pragma once

#include <cstdint>

#include "demo/demo_generator.hpp"
#include "wiring/marketplace_services.hpp"

namespace manmulsang::demo {

struct DemoDeskSummary {
  std::int64_t payouts_requested = 0;  // waiting for an admin's decision
  std::int64_t payouts_approved = 0;   // approved, waiting to be paid
  std::int64_t payouts_paid = 0;
  std::int64_t listing_reports = 0;
  std::int64_t review_reports = 0;
  std::int64_t question_reports = 0;
};

// The last demo step: the admin's desk as a new operator finds it, with something in every queue
// of the console besides the applications and bank transfers the earlier steps leave. Shops with
// a balance ask for payouts (one paid, one approved, the rest waiting), two members ask to cash
// out wallet credit, and members report a few listings, reviews and questions. Everything goes
// through the services as people would (the admin's decisions are audited), now. The same seed
// gives the same desk.
DemoDeskSummary GenerateDemoDesk(app::MarketplaceServices& services, core::UserId admin, const DemoSummary& marketplace,
                                 const DemoOptions& options);

}  // namespace manmulsang::demo
