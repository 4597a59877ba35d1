#pragma once

#include <cstdint>

#include "wiring/marketplace_services.hpp"

namespace manmulsang::demo {

struct DemoDisputesSummary {
  std::int64_t waiting = 0;          // escalated, waiting for an admin on /admin/disputes
  std::int64_t partly_refunded = 0;  // settled with a partial refund
  std::int64_t closed_for_shop = 0;  // closed for the shop
};

// A few refused returns as the marketplace's staff meet them: delivered orders whose buyer asks
// to return them, whose shop refuses with a reason and whose buyer escalates; one waits for the
// admin, one is settled with a partial refund, one is closed for the shop. Every step goes through
// OrderService as the people would take it (the decisions audited), now, so the ledger stays
// balanced. Fewer when the demo has fewer delivered orders.
DemoDisputesSummary GenerateDemoDisputes(app::MarketplaceServices& services, core::UserId admin);

}  // namespace manmulsang::demo
