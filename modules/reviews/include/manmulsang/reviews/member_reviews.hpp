#pragma once

#include <cstdint>
#include <vector>

#include "manmulsang/core/ids.hpp"
#include "manmulsang/db/database.hpp"
#include "manmulsang/reviews/review.hpp"

namespace manmulsang::reviews {

// The most reviews one read returns.
inline constexpr int kMaxMemberReviews = 100;

struct MemberReviews {
  std::vector<Review> items;  // newest first, hidden ones too (with the admin's reason)
  std::int64_t total = 0;     // every review the member wrote
};

// The reviews `author` wrote, the newest `limit` (1..kMaxMemberReviews, clamped): the admin
// console's member page. A read of its own beside ReviewService, which its commands need not know
// about; the caller (an admin's route) decides who may see hidden reviews.
MemberReviews ReviewsByAuthor(db::Database& database, core::UserId author, int limit);

}  // namespace manmulsang::reviews
