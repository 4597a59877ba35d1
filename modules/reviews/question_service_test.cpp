#include "reviews_test_store.hpp"

namespace manmulsang::reviews {
namespace {

class QuestionServiceTest : public ReviewsTest {
 protected:
  Question Ask(core::UserId asker, core::ProductId product, std::string body, bool is_private = false) {
    auto asked = questions_.Ask(Buyer(asker), {product, std::move(body), is_private});
    EXPECT_TRUE(asked.has_value());
    clock_.Advance(std::chrono::minutes(1));
    return asked.value_or(Question{});
  }
  std::vector<std::string> Seen(const core::Actor& viewer, core::ProductId product) {
    std::vector<std::string> bodies;
    const QuestionPage page = questions_.ForProduct(viewer, product).value();
    for (const Question& question : page.items) bodies.push_back(question.body);
    EXPECT_EQ(page.total, static_cast<std::int64_t>(bodies.size()));
    return bodies;
  }
};

TEST_F(QuestionServiceTest, PrivateQuestionsAreSeenOnlyByTheAskerAndTheShopOwner) {
  Ask(kBuyer, product_, "배송은 언제?");
  Ask(kBuyer, product_, "제 주소로 보내 주세요", true);
  Ask(kOtherBuyer, product_, "다른 사람 비밀", true);
  using Bodies = std::vector<std::string>;
  EXPECT_EQ(Seen(core::Actor{}, product_), (Bodies{"배송은 언제?"}));
  EXPECT_EQ(Seen(Buyer(kBuyer), product_), (Bodies{"제 주소로 보내 주세요", "배송은 언제?"}));
  EXPECT_EQ(Seen(Buyer(kOtherBuyer), product_), (Bodies{"다른 사람 비밀", "배송은 언제?"}));
  EXPECT_EQ(Seen(Seller(kOwner), product_), (Bodies{"다른 사람 비밀", "제 주소로 보내 주세요", "배송은 언제?"}));
  // The owner of another shop is just another visitor here.
  EXPECT_EQ(Seen(Seller(kOtherOwner), product_), (Bodies{"배송은 언제?"}));
  EXPECT_EQ(questions_.ForProduct(core::Actor{}, core::ProductId{999'999}).error(), ReviewError::product_not_found);
}

TEST_F(QuestionServiceTest, OnlyTheShopOwnerAnswersAndSeesWhatIsUnanswered) {
  const Question first = Ask(kBuyer, product_, "크기는?");
  const Question second = Ask(kOtherBuyer, product_, "색상은?", true);
  const Question elsewhere = Ask(kBuyer, other_product_, "다른 상점 문의");
  EXPECT_EQ(first.shop, shop_);

  EXPECT_EQ(questions_.Answer(Seller(kOtherOwner), first.id, "남의 답").error(), ReviewError::question_not_found);
  EXPECT_EQ(questions_.Answer(Buyer(kBuyer), first.id, "본인 답").error(), ReviewError::question_not_found);
  EXPECT_EQ(questions_.Answer(core::Actor{}, first.id, "손님").error(), ReviewError::question_not_found);
  EXPECT_EQ(questions_.Answer(Seller(kOwner), elsewhere.id, "남의 상점").error(), ReviewError::question_not_found);
  EXPECT_EQ(questions_.Answer(Seller(kOwner), first.id, "").error(), ReviewError::invalid_text);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM questions WHERE answer IS NOT NULL"), 0);

  auto unanswered = questions_.ForShop(Seller(kOwner), std::nullopt, true).value();
  ASSERT_EQ(unanswered.total, 2);
  EXPECT_EQ(unanswered.items.front().id, first.id);  // oldest first: the queue to work through
  auto answered = questions_.Answer(Seller(kOwner), first.id, "230mm부터 있습니다");
  ASSERT_TRUE(answered.has_value());
  EXPECT_EQ(answered->answer, "230mm부터 있습니다");
  EXPECT_EQ(questions_.Answer(Seller(kOwner), first.id, "220mm부터 있습니다")->answer, "220mm부터 있습니다");
  unanswered = questions_.ForShop(Seller(kOwner), shop_, true).value();
  ASSERT_EQ(unanswered.total, 1);
  EXPECT_EQ(unanswered.items.front().id, second.id);
  EXPECT_EQ(questions_.ForShop(Seller(kOwner), std::nullopt, false)->total, 2);

  EXPECT_EQ(questions_.ForShop(Seller(kOwner), other_shop_, true).error(), ReviewError::shop_not_found);
  EXPECT_EQ(questions_.ForShop(Buyer(kBuyer), std::nullopt, true).error(), ReviewError::shop_not_found);
  EXPECT_EQ(questions_.ForShop(Seller(kOtherOwner), std::nullopt, true)->total, 1);
}

TEST_F(QuestionServiceTest, HostileQuestionsAreRefusedAndWriteNothing) {
  const auto ask = [&](std::string body) { return questions_.Ask(Buyer(kBuyer), {product_, std::move(body), false}); };
  EXPECT_EQ(ask("").error(), ReviewError::invalid_text);
  EXPECT_EQ(ask(" \n\t ").error(), ReviewError::invalid_text);
  EXPECT_EQ(ask(std::string(kMaxQuestion + 1, 'q')).error(), ReviewError::invalid_text);
  EXPECT_EQ(ask(std::string(5'000'000, 'q')).error(), ReviewError::invalid_text);
  EXPECT_EQ(ask(std::string("a\0b", 3)).error(), ReviewError::invalid_text);
  EXPECT_EQ(questions_.Ask(Buyer(kBuyer), {core::ProductId{999'999}, "있나요?", false}).error(),
            ReviewError::product_not_found);
  EXPECT_EQ(questions_.Ask(core::Actor{}, {product_, "손님", false}).error(), ReviewError::question_not_found);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM questions"), 0);
}

}  // namespace
}  // namespace manmulsang::reviews
