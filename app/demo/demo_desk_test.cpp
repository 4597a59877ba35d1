#include "demo/demo_desk.hpp"

#include <gtest/gtest.h>

#include "demo/demo_orders.hpp"
#include "demo/demo_reviews.hpp"
#include "demo/demo_test_store.hpp"

namespace manmulsang::demo {
namespace {

// The demo up to its reviews, then the desk.
struct DeskStore : DemoTestStore {
  DemoDeskSummary Generate(std::int64_t products, std::uint64_t seed) {
    const DemoOptions options = Options(products, seed);
    const DemoSummary marketplace = Marketplace(products, seed);
    const DemoOrdersSummary orders =
        GenerateDemoOrders(database.database(), accounts, sellers, catalog, clock, marketplace, options);
    GenerateDemoReviews(database.database(), accounts, sellers, catalog, clock, marketplace, options);
    admin = orders.admin;
    return GenerateDemoDesk(database.services(), orders.admin, marketplace, options);
  }

  core::UserId admin;
};

TEST(DemoDesk, EveryQueueOfTheConsoleHasSomethingInIt) {
  DeskStore store;
  const DemoDeskSummary desk = store.Generate(2000, 3);
  app::MarketplaceServices& services = store.database.services();
  // Payouts: waiting, approved and paid, as the queue and the ledger show them.
  EXPECT_GE(desk.payouts_requested, 2);
  EXPECT_EQ(desk.payouts_approved, 1);
  EXPECT_EQ(desk.payouts_paid, 1);
  EXPECT_EQ(services.payments.CountPayoutsAwaiting(), desk.payouts_requested + desk.payouts_approved);
  EXPECT_EQ(store.Count("SELECT COUNT(*) FROM payouts WHERE status = 'paid'"), 1);
  const payments::LedgerAudit ledger = services.payments.Audit();
  EXPECT_EQ(ledger.sum, 0);
  EXPECT_EQ(ledger.unbalanced_transfers, 0);
  EXPECT_EQ(ledger.negative_wallets, 0);
  // Reports of each kind wait in their queues.
  EXPECT_EQ(desk.listing_reports, 3);
  EXPECT_EQ(desk.review_reports, 3);
  EXPECT_EQ(desk.question_reports, 3);
  EXPECT_EQ(services.catalog.CountOpenReports(), 3);
  EXPECT_EQ(services.reviews.CountOpenReports(), 3);
  EXPECT_EQ(services.questions.CountOpenReports(), 3);
  // The admin's decisions are in the audit log under the demo's admin.
  EXPECT_GE(services.audit.Search({.admin = store.admin, .action_prefix = "payout."}).total, 3);
}

TEST(DemoDesk, TheSameSeedGivesTheSameDesk) {
  DeskStore first, second;
  const DemoDeskSummary one = first.Generate(600, 9);
  const DemoDeskSummary two = second.Generate(600, 9);
  EXPECT_EQ(one.payouts_requested, two.payouts_requested);
  EXPECT_EQ(one.listing_reports, two.listing_reports);
  EXPECT_EQ(first.Count("SELECT SUM(amount) FROM payouts"), second.Count("SELECT SUM(amount) FROM payouts"));
}

}  // namespace
}  // namespace manmulsang::demo
