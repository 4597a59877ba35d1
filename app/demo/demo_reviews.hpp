#pragma once

#include <cstdint>

#include "demo/demo_generator.hpp"
#include "manmulsang/accounts/accounts.hpp"
#include "manmulsang/catalog/catalog.hpp"
#include "manmulsang/core/clock.hpp"
#include "manmulsang/db/database.hpp"
#include "manmulsang/sellers/sellers.hpp"

namespace manmulsang::demo {

struct DemoReviewsSummary {
  std::int64_t reviews = 0;
  std::int64_t replies = 0;    // shops' replies to reviews
  std::int64_t questions = 0;  // of which some private
  std::int64_t private_questions = 0;
  std::int64_t answers = 0;
  std::int64_t refused = 0;  // writes the services refused (none on a fresh demo)
};

// The third demo step, after GenerateDemoOrders: the demo's buyers review lines of their
// delivered and confirmed orders (Korean texts by the product's kind and the rating, a few days
// after the goods arrived), the shops reply to some (most of the poor ones), and buyers ask
// questions — publicly or privately — about the most popular listings, which their shops mostly
// answer. Everything goes through reviews::ReviewService and QuestionService on a clock of the
// demo's own that walks forward through the past, so every rating a listing shows is the average
// of real reviews; listings nobody reviewed show none. The same seed gives the same reviews.
DemoReviewsSummary GenerateDemoReviews(db::Database& database, accounts::AccountService& accounts,
                                       sellers::SellerService& sellers, catalog::CatalogService& catalog,
                                       const core::Clock& clock, const DemoSummary& marketplace,
                                       const DemoOptions& options);

}  // namespace manmulsang::demo
