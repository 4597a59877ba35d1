#include <algorithm>

#include "manmulsang/reviews/member_reviews.hpp"
#include "review_repository.hpp"

namespace manmulsang::reviews {
namespace {

constexpr std::string_view kNewestByAuthor =
    "SELECT id FROM reviews WHERE author_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2";
constexpr std::string_view kCountByAuthor = "SELECT COUNT(*) FROM reviews WHERE author_id = $1";

}  // namespace

MemberReviews ReviewsByAuthor(db::Database& database, core::UserId author, int limit) {
  limit = std::clamp(limit, 1, kMaxMemberReviews);
  return database.Read([&](db::Connection& connection) {
    MemberReviews reviews;
    auto counted = connection.QueryOne(kCountByAuthor, {author.value});
    reviews.total = counted ? counted->Int(0) : 0;
    // A page of at most kMaxMemberReviews, each read whole (photos too) as the product page reads it.
    for (const db::Row& row : connection.Query(kNewestByAuthor, {author.value, static_cast<std::int64_t>(limit)})) {
      if (auto review = ReviewRepository::Find(connection, ReviewId{row.Int(0)})) {
        reviews.items.push_back(std::move(*review));
      }
    }
    return reviews;
  });
}

}  // namespace manmulsang::reviews
