#include "demo/demo_wishlists.hpp"

#include <gtest/gtest.h>

#include "demo/demo_test_store.hpp"

namespace manmulsang::demo {
namespace {

TEST(DemoWishlists, BuyersSaveAndFollowAndSomeSavedListingsGetCheaper) {
  DemoTestStore store;
  const DemoOptions options = DemoTestStore::Options(300, 3);
  const DemoSummary marketplace = store.Marketplace(300, 3);
  const DemoWishlistsSummary summary = GenerateDemoWishlists(store.database.services(), marketplace, options);
  EXPECT_GE(summary.members, 5);
  EXPECT_EQ(summary.refused, 0);
  EXPECT_EQ(store.Count("SELECT COUNT(*) FROM wishlist_items"), summary.saved);
  EXPECT_EQ(store.Count("SELECT COUNT(*) FROM shop_follows"), summary.follows);
  EXPECT_GT(summary.views, 0);
  // A saved listing sold for less than when it was saved shows its drop.
  EXPECT_EQ(store.Count("SELECT COUNT(DISTINCT w.product_id) FROM wishlist_items w JOIN products p ON "
                        "p.id = w.product_id WHERE p.price_amount < w.saved_price_amount"),
            summary.price_drops);
}

}  // namespace
}  // namespace manmulsang::demo
