#include "demo/demo_messages.hpp"

#include <gtest/gtest.h>

#include "demo/demo_orders.hpp"
#include "demo/demo_test_store.hpp"

namespace manmulsang::demo {
namespace {

TEST(DemoMessages, BuyersWriteToShopsAboutOrdersAndListingsAndSomeWaitForAnAnswer) {
  DemoTestStore store;
  const DemoOptions options = DemoTestStore::Options(300, 3);
  const DemoSummary marketplace = store.Marketplace(300, 3);
  GenerateDemoOrders(store.database.database(), store.accounts, store.sellers, store.catalog, store.clock, marketplace,
                     options);
  const DemoMessagesSummary summary = GenerateDemoMessages(store.database.services(), marketplace, options);
  EXPECT_GE(summary.conversations, 5);
  EXPECT_EQ(summary.refused, 0);
  EXPECT_GT(summary.messages, summary.conversations);
  EXPECT_EQ(store.Count("SELECT COUNT(*) FROM conversations"), summary.conversations);
  EXPECT_EQ(store.Count("SELECT COUNT(*) FROM messages"), summary.messages);
  // The shops' inboxes have unanswered conversations: their last message is the buyer's.
  EXPECT_EQ(store.Count("SELECT COUNT(*) FROM conversations c WHERE (SELECT m.from_shop FROM messages m WHERE "
                        "m.conversation_id = c.id ORDER BY m.id DESC LIMIT 1) = 0 AND NOT EXISTS (SELECT 1 FROM "
                        "messages m WHERE m.conversation_id = c.id AND m.from_shop = 1)"),
            summary.unanswered);
}

}  // namespace
}  // namespace manmulsang::demo
