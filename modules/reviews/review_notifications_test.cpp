// The shop's words reach the buyer: the asker hears of the first answer to a question, the
// reviewer of the shop's first reply, in the same transaction, linked to the product's page.

#include "manmulsang/notifications/notifications.hpp"
#include "reviews_test_store.hpp"

namespace manmulsang::reviews {
namespace {

using notifications::Kind;

class ReviewNotificationsTest : public ReviewsTest {
 protected:
  std::vector<notifications::Notification> Of(core::UserId member) {
    return store_.services().notifications.List(member).items;
  }
};

TEST_F(ReviewNotificationsTest, TheAskerHearsOfTheFirstAnswerOnly) {
  auto question = questions_.Ask(Buyer(kBuyer), {product_, "배터리는 몇 시간 갑니까?"});
  ASSERT_TRUE(question.has_value());
  EXPECT_EQ(questions_.Answer(Seller(kOtherOwner), question->id, "남의 상점").error(), ReviewError::question_not_found);
  EXPECT_TRUE(Of(kBuyer).empty());

  ASSERT_TRUE(questions_.Answer(Seller(kOwner), question->id, "열 시간입니다.").has_value());
  ASSERT_TRUE(questions_.Answer(Seller(kOwner), question->id, "열두 시간입니다.").has_value());
  const auto notices = Of(kBuyer);
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_EQ(notices[0].kind, Kind::question_answered);
  EXPECT_EQ(notices[0].subject, Listing(product_).name);
  EXPECT_EQ(notices[0].link, "/p/" + std::to_string(product_.value));
}

TEST_F(ReviewNotificationsTest, TheReviewerHearsOfTheShopsFirstReply) {
  const core::OrderId order = Bought(kBuyer, product_, kOwner);
  auto review = reviews_.Write(Buyer(kBuyer), {product_, order, 5, "좋습니다"});
  ASSERT_TRUE(review.has_value());
  EXPECT_EQ(reviews_.Reply(Seller(kOtherOwner), review->id, "남의 상점").error(), ReviewError::review_not_found);
  const auto before = Of(kBuyer).size();  // the order's own notifications

  ASSERT_TRUE(reviews_.Reply(Seller(kOwner), review->id, "감사합니다").has_value());
  ASSERT_TRUE(reviews_.Reply(Seller(kOwner), review->id, "고맙습니다").has_value());
  const auto notices = Of(kBuyer);
  ASSERT_EQ(notices.size(), before + 1);
  EXPECT_EQ(notices[0].kind, Kind::review_replied);
  EXPECT_EQ(notices[0].subject, Listing(product_).name);
}

}  // namespace
}  // namespace manmulsang::reviews
