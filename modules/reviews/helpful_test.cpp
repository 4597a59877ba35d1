// "Most helpful" reviews: a member marks a review helpful once, never their own; the count kept on
// the review follows the marks exactly, however many press at once; the sort puts the most marked
// first.

#include <atomic>
#include <thread>

#include "reviews_test_store.hpp"

namespace manmulsang::reviews {
namespace {

class HelpfulTest : public ReviewsTest {
 protected:
  Review Reviewed(core::UserId author, std::string body) {
    Bought(author, product_, kOwner);
    auto written = reviews_.Write(Buyer(author), {product_, std::nullopt, 4, std::move(body)});
    EXPECT_TRUE(written.has_value());
    return *written;
  }
  static core::Actor Member(std::int64_t id) { return Buyer(core::UserId{id}); }
  std::int64_t Marks(ReviewId review) {
    return Count("SELECT COUNT(*) FROM review_helpful_marks WHERE review_id = " + std::to_string(review.value));
  }
};

TEST_F(HelpfulTest, AMemberMarksAReviewOnceAndNeverTheirOwn) {
  const Review review = Reviewed(kBuyer, "튼튼합니다");
  auto marked = reviews_.MarkHelpful(Member(500), review.id);
  ASSERT_TRUE(marked.has_value());
  EXPECT_EQ(marked->helpful_count, 1);
  EXPECT_EQ(reviews_.MarkHelpful(Member(500), review.id).error(), ReviewError::already_marked);
  EXPECT_EQ(reviews_.MarkHelpful(Buyer(kBuyer), review.id).error(), ReviewError::own_review);
  EXPECT_EQ(reviews_.MarkHelpful(core::Actor{}, review.id).error(), ReviewError::review_not_found);
  EXPECT_EQ(reviews_.MarkHelpful(Member(500), ReviewId{999'999}).error(), ReviewError::review_not_found);
  EXPECT_EQ(reviews_.VisibleReview(review.id)->helpful_count, 1);
  EXPECT_EQ(Marks(review.id), 1);
  const std::vector<ReviewId> ids{review.id};
  EXPECT_EQ(reviews_.MarkedHelpful(Member(500), ids), ids);
  EXPECT_TRUE(reviews_.MarkedHelpful(Member(501), ids).empty());
  EXPECT_TRUE(reviews_.MarkedHelpful(core::Actor{}, ids).empty());
  // A hidden review takes no marks.
  ASSERT_TRUE(reviews_.SetHidden(Admin(), review.id, true, "광고").has_value());
  EXPECT_EQ(reviews_.MarkHelpful(Member(502), review.id).error(), ReviewError::review_not_found);
  EXPECT_EQ(Marks(review.id), 1);
}

TEST_F(HelpfulTest, ConcurrentMarksCountEachMemberOnce) {
  const Review review = Reviewed(kBuyer, "따뜻합니다");
  constexpr int kMembers = 6;
  constexpr int kPressesEach = 3;
  std::atomic<int> accepted = 0;
  std::vector<std::thread> threads;
  for (int member = 0; member < kMembers; ++member) {
    for (int press = 0; press < kPressesEach; ++press) {
      threads.emplace_back([&, member] {
        if (reviews_.MarkHelpful(Member(600 + member), review.id)) ++accepted;
      });
    }
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(accepted.load(), kMembers);
  EXPECT_EQ(Marks(review.id), kMembers);
  EXPECT_EQ(reviews_.VisibleReview(review.id)->helpful_count, kMembers);
}

TEST_F(HelpfulTest, TheMostHelpfulComeFirstThenTheNewest) {
  const Review first = Reviewed(kBuyer, "첫째");
  clock_.Advance(std::chrono::hours(1));
  const Review second = Reviewed(kOtherBuyer, "둘째");
  clock_.Advance(std::chrono::hours(1));
  const Review third = Reviewed(core::UserId{102}, "셋째");
  for (std::int64_t member : {700, 701}) ASSERT_TRUE(reviews_.MarkHelpful(Member(member), first.id));
  ASSERT_TRUE(reviews_.MarkHelpful(Member(700), second.id));
  auto helpful = reviews_.ForProduct(product_, ReviewSort::helpful, 1, 10);
  ASSERT_TRUE(helpful.has_value());
  ASSERT_EQ(helpful->items.size(), 3u);
  EXPECT_EQ(helpful->items[0].id, first.id);
  EXPECT_EQ(helpful->items[0].helpful_count, 2);
  EXPECT_EQ(helpful->items[1].id, second.id);
  EXPECT_EQ(helpful->items[2].id, third.id);
  auto newest = reviews_.ForProduct(product_, ReviewSort::newest, 1, 10);
  EXPECT_EQ(newest->items.front().id, third.id);
  EXPECT_EQ(ParseReviewSort("helpful"), ReviewSort::helpful);
  EXPECT_EQ(ReviewSortName(ReviewSort::helpful), "helpful");
}

}  // namespace
}  // namespace manmulsang::reviews
