#include "demo/demo_generator.hpp"

#include <gtest/gtest.h>

#include <array>
#include <set>

#include "demo/demo_test_store.hpp"

namespace manmulsang::demo {
namespace {

using namespace std::chrono_literals;

struct Store : DemoTestStore {
  DemoSummary Generate(std::int64_t products, std::uint64_t seed) { return Marketplace(products, seed); }

  std::vector<catalog::Product> FirstProducts(int count) {
    catalog::ProductQuery query;
    query.per_page = count;
    query.sort = catalog::ProductSort::price_asc;
    return catalog.ListProducts(query).value().items;
  }
};

TEST(DemoGenerator, ThousandProductsRunAndCountsMatch) {
  Store store;
  EXPECT_TRUE(DemoNeeded(store.catalog));
  DemoSummary summary = store.Generate(1000, 7);
  EXPECT_EQ(summary.products, 1000);
  EXPECT_EQ(store.catalog.CountActiveProducts(), 1000);
  EXPECT_GE(summary.shops, 12);
  EXPECT_EQ(store.accounts.CountMembers(), summary.members);
  EXPECT_GT(store.sellers.CountApprovedShops(), 0);
  EXPECT_LE(store.sellers.CountApprovedShops(), summary.shops);
  EXPECT_FALSE(DemoNeeded(store.catalog));

  // Every top category got listings, and products are plausible.
  auto all = store.catalog.ListProducts({}).value();
  EXPECT_EQ(all.category_facets.size(), 12u);
  catalog::ProductQuery query;
  query.per_page = 100;
  catalog::ProductPage page = store.catalog.ListProducts(query).value();
  ASSERT_EQ(page.items.size(), 100u);
  for (const catalog::Product& product : page.items) {
    EXPECT_FALSE(product.name.empty());
    EXPECT_FALSE(product.description.empty());
    EXPECT_FALSE(product.seller_name.empty());
    EXPECT_GT(product.price.amount, 0);
    ASSERT_FALSE(product.images.empty());
    EXPECT_TRUE(product.images.front().starts_with("/media/demo/"));
    EXPECT_LE(product.created_at, store.clock.Now());
    EXPECT_GE(product.created_at, store.clock.Now() - std::chrono::hours(24 * 183));
    EXPECT_GE(product.rating_average, 0.0);
    EXPECT_LE(product.rating_average, 5.0);
  }
}

TEST(DemoGenerator, SameSeedGivesTheSameMarketplace) {
  Store first;
  Store second;
  Store other;
  first.Generate(300, 42);
  second.Generate(300, 42);
  other.Generate(300, 43);
  auto left = first.FirstProducts(20);
  auto right = second.FirstProducts(20);
  auto different = other.FirstProducts(20);
  ASSERT_EQ(left.size(), right.size());
  bool all_same_as_other = true;
  for (std::size_t index = 0; index < left.size(); ++index) {
    EXPECT_EQ(left[index].name, right[index].name);
    EXPECT_EQ(left[index].price, right[index].price);
    EXPECT_EQ(left[index].seller_name, right[index].seller_name);
    EXPECT_EQ(left[index].created_at, right[index].created_at);
    EXPECT_EQ(left[index].images, right[index].images);
    if (left[index].name != different[index].name) all_same_as_other = false;
  }
  EXPECT_FALSE(all_same_as_other);
}

TEST(DemoGenerator, RefusesAStoreThatHasProducts) {
  Store store;
  store.Generate(50, 1);
  EXPECT_THROW(store.Generate(50, 1), std::runtime_error);
  EXPECT_EQ(store.catalog.CountActiveProducts(), 50);
}

}  // namespace
}  // namespace manmulsang::demo
