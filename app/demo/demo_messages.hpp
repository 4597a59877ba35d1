#pragma once

#include <cstdint>

#include "demo/demo_generator.hpp"
#include "wiring/marketplace_services.hpp"

namespace manmulsang::demo {

struct DemoMessagesSummary {
  std::int64_t conversations = 0;
  std::int64_t messages = 0;
  std::int64_t unanswered = 0;  // conversations whose last word is the buyer's: the shop's inbox has work
  std::int64_t refused = 0;     // writes the service refused (none on a fresh demo)
};

// A demo step after the orders: some of the demo's buyers write to the shop about one of their
// orders (when it comes, a wrong size, a receipt) or about a listing they are looking at
// (stock, sizes, pickup), in Korean; most shops answer, some conversations go back and forth,
// and some wait for an answer, so the seller center's inbox and the header's unread counts show
// something. Everything goes through messages::MessageService, now. The same seed gives the same
// conversations.
DemoMessagesSummary GenerateDemoMessages(app::MarketplaceServices& services, const DemoSummary& marketplace,
                                         const DemoOptions& options);

}  // namespace manmulsang::demo
