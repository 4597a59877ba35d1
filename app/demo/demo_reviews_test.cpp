#include "demo/demo_reviews.hpp"

#include <gtest/gtest.h>

#include <array>
#include <string>
#include <vector>

#include "demo/demo_orders.hpp"
#include "demo/demo_test_store.hpp"
#include "manmulsang/orders/orders.hpp"
#include "manmulsang/reviews/reviews.hpp"

namespace manmulsang::demo {
namespace {

// The demo's members, shops and listings, then its orders, then its reviews.
struct ReviewedStore : DemoTestStore {
  DemoReviewsSummary Generate(std::int64_t products, std::uint64_t seed) {
    const DemoOptions options = Options(products, seed);
    const DemoSummary marketplace = Marketplace(products, seed);
    GenerateDemoOrders(database.database(), accounts, sellers, catalog, clock, marketplace, options);
    return GenerateDemoReviews(database.database(), accounts, sellers, catalog, clock, marketplace, options);
  }

  std::vector<std::string> Texts(std::string_view sql) {
    return database.database().Read([&](db::Connection& connection) {
      std::vector<std::string> texts;
      for (const db::Row& row : connection.Query(sql)) texts.push_back(row.Text(0));
      return texts;
    });
  }
};

TEST(DemoReviews, EveryRatingIsTheAverageOfRealReviewsByBuyersOfDeliveredGoods) {
  ReviewedStore store;
  const DemoReviewsSummary summary = store.Generate(800, 3);
  EXPECT_EQ(summary.refused, 0);
  EXPECT_GT(summary.reviews, 20);
  EXPECT_GT(summary.replies, 0);
  EXPECT_GT(summary.questions, 0);
  EXPECT_GT(summary.private_questions, 0);
  EXPECT_GT(summary.answers, 0);
  EXPECT_LT(summary.private_questions, summary.questions);
  EXPECT_EQ(store.Count("SELECT COUNT(*) FROM reviews"), summary.reviews);
  EXPECT_EQ(store.Count("SELECT COUNT(*) FROM questions"), summary.questions);
  EXPECT_EQ(store.Count("SELECT COUNT(*) FROM questions WHERE answer IS NOT NULL"), summary.answers);
  EXPECT_EQ(store.Count("SELECT COUNT(*) FROM reviews WHERE reply IS NOT NULL"), summary.replies);

  // No listing carries a rating that its reviews do not explain, and unreviewed ones carry none.
  EXPECT_EQ(store.Count("SELECT COUNT(*) FROM products p WHERE p.rating_count != "
                        "(SELECT COUNT(*) FROM reviews r WHERE r.product_id = p.id AND r.hidden = 0)"),
            0);
  EXPECT_EQ(store.Count("SELECT COUNT(*) FROM products p WHERE p.rating_count > 0 AND ABS(p.rating_average - "
                        "(SELECT AVG(r.rating) FROM reviews r WHERE r.product_id = p.id AND r.hidden = 0)) > 0.051"),
            0);
  EXPECT_EQ(store.Count("SELECT COUNT(*) FROM products WHERE rating_count = 0 AND rating_average != 0"), 0);
  EXPECT_GT(store.Count("SELECT COUNT(*) FROM products WHERE rating_count > 0"), 10);

  // Each review is by the buyer of a delivered or confirmed order holding the product, after it
  // arrived, and never in the future.
  EXPECT_EQ(
      store.Count("SELECT COUNT(*) FROM reviews r JOIN orders o ON o.id = r.order_id "
                  "WHERE o.buyer_id != r.author_id OR o.status NOT IN ('delivered', 'confirmed') "
                  "OR NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id AND l.product_id = r.product_id) "
                  "OR r.created_at < (SELECT MAX(s.created_at) FROM order_steps s WHERE s.order_id = o.id "
                  "AND s.to_status = 'delivered')"),
      0);
  const std::int64_t now = core::ToUnixSeconds(store.clock.Now());
  EXPECT_EQ(store.Count("SELECT COUNT(*) FROM reviews WHERE created_at > " + std::to_string(now) + " OR replied_at > " +
                        std::to_string(now)),
            0);
  EXPECT_EQ(store.Count("SELECT COUNT(*) FROM questions WHERE answered_at < created_at OR created_at > " +
                        std::to_string(now)),
            0);

  // The listings the home page leads with are reviewed, and the texts are varied Korean.
  int rated = 0;
  const auto popular = store.catalog.PopularProducts(8);
  for (const catalog::Product& product : popular) rated += product.rating_count > 0 ? 1 : 0;
  EXPECT_GE(rated, 5) << "of the 8 most popular listings";
  EXPECT_GT(store.Count("SELECT COUNT(DISTINCT body) FROM reviews WHERE body != ''"), 15);
  EXPECT_GE(store.Count("SELECT COUNT(DISTINCT rating) FROM reviews"), 4);
}

TEST(DemoReviews, TheSameSeedWritesTheSameReviews) {
  const std::string sql =
      "SELECT product_id || '|' || author_id || '|' || rating || '|' || body || '|' || created_at || '|' || "
      "COALESCE(reply, '') FROM reviews ORDER BY id";
  ReviewedStore first;
  first.Generate(300, 11);
  ReviewedStore second;
  second.Generate(300, 11);
  EXPECT_EQ(first.Texts(sql), second.Texts(sql));
  EXPECT_FALSE(first.Texts(sql).empty());
}

}  // namespace
}  // namespace manmulsang::demo
