// The reviews a member wrote, as the admin console's member page reads them.

#include "manmulsang/reviews/member_reviews.hpp"
#include "reviews_test_store.hpp"

namespace manmulsang::reviews {
namespace {

using MemberReviewsTest = ReviewsTest;

TEST_F(MemberReviewsTest, TheMembersReviewsNewestFirstHiddenOnesTooOnlyTheirOwn) {
  Bought(kBuyer, product_, kOwner);
  Bought(kBuyer, other_product_, kOtherOwner);
  Bought(kOtherBuyer, product_, kOwner);
  const ReviewId first = reviews_.Write(Buyer(kBuyer), {product_, std::nullopt, 2, "별로"}).value().id;
  clock_.Advance(std::chrono::minutes(1));
  const ReviewId second = reviews_.Write(Buyer(kBuyer), {other_product_, std::nullopt, 5, "좋아요"}).value().id;
  ASSERT_TRUE(reviews_.Write(Buyer(kOtherBuyer), {product_, std::nullopt, 4, "남의 후기"}).has_value());
  ASSERT_TRUE(reviews_.SetHidden(Admin(), first, true, "욕설").has_value());

  const MemberReviews all = ReviewsByAuthor(store_.database(), kBuyer, 10);
  EXPECT_EQ(all.total, 2);
  ASSERT_EQ(all.items.size(), 2u);
  EXPECT_EQ(all.items[0].id, second);
  EXPECT_EQ(all.items[0].product, other_product_);
  EXPECT_EQ(all.items[1].id, first);
  EXPECT_TRUE(all.items[1].hidden);
  EXPECT_EQ(all.items[1].hidden_reason, "욕설");

  const MemberReviews newest = ReviewsByAuthor(store_.database(), kBuyer, 1);
  EXPECT_EQ(newest.total, 2);
  ASSERT_EQ(newest.items.size(), 1u);
  EXPECT_EQ(newest.items[0].id, second);
  // Out-of-range limits are clamped; a member without reviews has none.
  EXPECT_EQ(ReviewsByAuthor(store_.database(), kBuyer, 0).items.size(), 1u);
  EXPECT_EQ(ReviewsByAuthor(store_.database(), kBuyer, 100'000).items.size(), 2u);
  EXPECT_EQ(ReviewsByAuthor(store_.database(), core::UserId{999}, 10).total, 0);
}

}  // namespace
}  // namespace manmulsang::reviews
