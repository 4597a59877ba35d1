#include "demo/demo_disputes.hpp"

#include <gtest/gtest.h>

#include "demo/demo_orders.hpp"
#include "demo/demo_test_store.hpp"

namespace manmulsang::demo {
namespace {

// The demo's orders, then its disputes: one waits, one is refunded in part, one is closed, all
// through the services, so the queue counts one and the ledger balances.
TEST(DemoDisputes, OneWaitsOneIsRefundedInPartOneIsClosedForTheShop) {
  DemoTestStore store;
  const DemoSummary marketplace = store.Marketplace(2000, 3);
  const DemoOrdersSummary orders =
      GenerateDemoOrders(store.database.database(), store.accounts, store.sellers, store.catalog, store.clock,
                         marketplace, DemoTestStore::Options(2000, 3));
  app::MarketplaceServices& services = store.database.services();
  const DemoDisputesSummary disputes = GenerateDemoDisputes(services, orders.admin);
  EXPECT_EQ(disputes.waiting, 1);
  EXPECT_EQ(disputes.partly_refunded, 1);
  EXPECT_EQ(disputes.closed_for_shop, 1);
  EXPECT_EQ(services.orders.CountDisputed(), 1);
  EXPECT_EQ(store.Count("SELECT COUNT(*) FROM audit_entries WHERE action = 'order.resolve_partial_refund'"), 1);
  EXPECT_EQ(store.Count("SELECT COUNT(*) FROM audit_entries WHERE action = 'order.close_dispute'"), 1);
  const payments::LedgerAudit ledger = services.payments.Audit();
  EXPECT_EQ(ledger.sum, 0);
  EXPECT_EQ(ledger.unbalanced_transfers, 0);
  EXPECT_EQ(ledger.negative_wallets, 0);
}

}  // namespace
}  // namespace manmulsang::demo
