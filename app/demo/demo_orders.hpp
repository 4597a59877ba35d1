#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "demo/demo_generator.hpp"
#include "manmulsang/orders/order.hpp"

namespace manmulsang::demo {

struct DemoOrdersSummary {
  std::int64_t orders = 0;
  std::int64_t wallets = 0;  // buyers whose wallet got a cash top-up
  std::int64_t dropped = 0;  // planned checkouts the services refused (none on a fresh demo)
  std::map<orders::OrderStatus, std::int64_t> by_status;
  // The admin login that opens /admin: a fresh random password, for the terminal only (the store
  // holds its hash). Lost: `manmulsang admin reset-password --email <admin_email>`.
  core::UserId admin;
  std::string admin_email;
  std::string admin_password;
};

// How many orders the demo places for a marketplace of that many products: a few hundred for
// 10,000, never more than 2,000, and enough for every status even in a tiny store.
std::int64_t DemoOrderCount(std::int64_t products);

// The second demo step, after GenerateDemoMarketplace made `marketplace`: an admin cashier sets
// the exchange rates and tops up buyer wallets against cash deposits; buyers save an address,
// fill carts and check out with the wallet, cash on delivery or a bank transfer; shops, the
// cashier, the buyers and the system then move each order through its lifecycle to one of every
// status (docs/BUYING.md §3). Everything goes through the payments, cart and orders services,
// one move at a time in the order it happened, on a clock of its own that walks through the
// past six months: the ledger, stock and timelines are what real use would have left. Orders
// that the server's jobs would move (an unpaid bank transfer, a delivered order) are recent
// enough that they do not. Never sells a listing out. The same seed gives the same orders.
DemoOrdersSummary GenerateDemoOrders(db::Database& database, accounts::AccountService& accounts,
                                     sellers::SellerService& sellers, catalog::CatalogService& catalog,
                                     const core::Clock& clock, const DemoSummary& marketplace,
                                     const DemoOptions& options);

}  // namespace manmulsang::demo
