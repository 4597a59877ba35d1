// Reports of reviews and questions and the admin's answers to them: hide with a reason the author
// reads, show again, dismiss; each audited, the queues in context and their counts.

#include <atomic>
#include <thread>
#include <vector>

#include "manmulsang/audit/audit.hpp"
#include "reviews_test_store.hpp"

namespace manmulsang::reviews {
namespace {

class ModerationTest : public ReviewsTest {
 protected:
  void SetUp() override {
    Bought(kBuyer, product_, kOwner);
    auto written = reviews_.Write(Buyer(kBuyer), {product_, std::nullopt, 1, "최악입니다"});
    ASSERT_TRUE(written.has_value());
    review_ = written->id;
    auto asked = questions_.Ask(Buyer(kBuyer), {product_, "광고 문의", false});
    ASSERT_TRUE(asked.has_value());
    question_ = asked->id;
  }

  std::vector<audit::AuditRecord> History(std::string_view kind, std::int64_t id) {
    audit::AuditLog log(store_.database());
    return log.ForSubject(kind, std::to_string(id));
  }

  std::vector<std::string> QuestionBodies(const core::Actor& viewer) {
    std::vector<std::string> bodies;
    // Kept: a range-for over a member of value()'s answer would outlive the expected holding it.
    const QuestionPage page = questions_.ForProduct(viewer, product_).value();
    for (const Question& question : page.items) {
      bodies.push_back(question.body);
    }
    return bodies;
  }

  ReviewId review_;
  QuestionId question_;
};

TEST_F(ModerationTest, HidingAReviewClosesItsReportsTellsTheAuthorWhyAndIsAudited) {
  ASSERT_TRUE(reviews_.Report(Buyer(kOtherBuyer), review_, "욕설").has_value());
  ASSERT_TRUE(reviews_.Report(Seller(kOwner), review_, "").has_value());
  EXPECT_EQ(reviews_.CountOpenReports(), 1);

  EXPECT_EQ(reviews_.SetHidden(Admin(), review_, true, "").error(), ReviewError::invalid_reason);
  EXPECT_EQ(reviews_.SetHidden(Admin(), review_, true, std::string(501, 'x')).error(), ReviewError::invalid_reason);
  EXPECT_EQ(reviews_.SetHidden(Buyer(kOtherBuyer), review_, true, "욕설").error(), ReviewError::forbidden);
  EXPECT_EQ(Listing(product_).rating_count, 1);
  EXPECT_TRUE(History("review", review_.value).empty());

  auto hidden = reviews_.SetHidden(Admin(), review_, true, "욕설이 있습니다");
  ASSERT_TRUE(hidden.has_value());
  EXPECT_TRUE(hidden->hidden);
  EXPECT_EQ(hidden->hidden_reason, "욕설이 있습니다");
  EXPECT_EQ(reviews_.CountOpenReports(), 0);
  EXPECT_EQ(Listing(product_).rating_count, 0);
  // Its author reads why; nobody else finds it.
  auto mine = reviews_.HiddenOf(Buyer(kBuyer), product_);
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine.front().hidden_reason, "욕설이 있습니다");
  EXPECT_TRUE(reviews_.HiddenOf(Buyer(kOtherBuyer), product_).empty());
  EXPECT_TRUE(reviews_.HiddenOf(core::Actor{}, product_).empty());
  // A second hide changes nothing and records nothing more.
  ASSERT_TRUE(reviews_.SetHidden(Admin(), review_, true, "다시").has_value());
  auto history = History("review", review_.value);
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history.front().entry.action, "review.hide");
  EXPECT_EQ(history.front().entry.reason, "욕설이 있습니다");

  auto shown = reviews_.SetHidden(Admin(), review_, false, "");
  ASSERT_TRUE(shown.has_value());
  EXPECT_FALSE(shown->hidden);
  EXPECT_TRUE(shown->hidden_reason.empty());
  EXPECT_EQ(Listing(product_).rating_count, 1);
  EXPECT_EQ(History("review", review_.value).front().entry.action, "review.restore");
}

TEST_F(ModerationTest, DismissingReviewReportsLeavesTheReviewAndIsAudited) {
  EXPECT_EQ(reviews_.DismissReports(Admin(), review_, "").error(), ReviewError::no_open_reports);
  ASSERT_TRUE(reviews_.Report(Buyer(kOtherBuyer), review_, "").has_value());
  EXPECT_EQ(reviews_.DismissReports(Seller(kOwner), review_, "").error(), ReviewError::forbidden);
  ASSERT_TRUE(reviews_.DismissReports(Admin(), review_, "문제없음").has_value());
  EXPECT_EQ(reviews_.CountOpenReports(), 0);
  EXPECT_EQ(Listing(product_).rating_count, 1);
  EXPECT_EQ(reviews_.Report(Buyer(kOtherBuyer), review_, "").error(), ReviewError::already_reported);
  EXPECT_EQ(History("review", review_.value).front().entry.action, "report.dismiss");
  EXPECT_EQ(reviews_.DismissReports(Admin(), ReviewId{424242}, "").error(), ReviewError::review_not_found);
}

TEST_F(ModerationTest, TheReviewQueueShowsReportedReviewsInContext) {
  ASSERT_TRUE(reviews_.Report(Buyer(kOtherBuyer), review_, "욕설").has_value());
  EXPECT_EQ(reviews_.ReportQueue(Buyer(kOtherBuyer), {}).error(), ReviewError::forbidden);
  EXPECT_EQ(reviews_.ReportQueue(Admin(), {.page = 0}).error(), ReviewError::invalid_query);
  auto queue = reviews_.ReportQueue(Admin(), {.open_only = true});
  ASSERT_TRUE(queue.has_value());
  ASSERT_EQ(queue->total, 1);
  ASSERT_EQ(queue->items.size(), 1u);
  EXPECT_EQ(queue->items[0].review.body, "최악입니다");
  EXPECT_EQ(queue->items[0].review.rating, 1);
  EXPECT_EQ(queue->items[0].product_name, Listing(product_).name);
  EXPECT_EQ(queue->items[0].open_reports, 1);
  ASSERT_EQ(queue->items[0].reports.size(), 1u);
  EXPECT_EQ(queue->items[0].reports[0].reason, "욕설");
  ASSERT_TRUE(reviews_.SetHidden(Admin(), review_, true, "욕설").has_value());
  EXPECT_EQ(reviews_.ReportQueue(Admin(), {.open_only = true})->total, 0);
  EXPECT_EQ(reviews_.ReportQueue(Admin(), {})->total, 1);
}

TEST_F(ModerationTest, AMemberReportsAQuestionOnceAndOnlyOneTheyCanSee) {
  ASSERT_TRUE(questions_.Report(Buyer(kOtherBuyer), question_, "광고").has_value());
  EXPECT_EQ(questions_.Report(Buyer(kOtherBuyer), question_, "").error(), ReviewError::already_reported);
  EXPECT_EQ(questions_.Report(core::Actor{}, question_, "").error(), ReviewError::question_not_found);
  EXPECT_EQ(questions_.Report(Buyer(kOtherBuyer), QuestionId{424242}, "").error(), ReviewError::question_not_found);
  EXPECT_EQ(questions_.Report(Buyer(kOtherBuyer), question_, std::string(301, 'x')).error(), ReviewError::invalid_text);
  auto secret = questions_.Ask(Buyer(kBuyer), {product_, "비밀 문의", true});
  ASSERT_TRUE(secret.has_value());
  EXPECT_EQ(questions_.Report(Buyer(kOtherBuyer), secret->id, "").error(), ReviewError::question_not_found);
  EXPECT_TRUE(questions_.Report(Seller(kOwner), secret->id, "").has_value());
  EXPECT_EQ(questions_.CountOpenReports(), 2);
}

TEST_F(ModerationTest, AHiddenQuestionLeavesEveryListButItsAskersWithTheReason) {
  ASSERT_TRUE(questions_.Report(Buyer(kOtherBuyer), question_, "광고").has_value());
  EXPECT_EQ(questions_.SetHidden(Seller(kOwner), question_, true, "광고").error(), ReviewError::forbidden);
  EXPECT_EQ(questions_.SetHidden(Admin(), question_, true, " ").error(), ReviewError::invalid_reason);
  auto hidden = questions_.SetHidden(Admin(), question_, true, "광고성 글");
  ASSERT_TRUE(hidden.has_value());
  EXPECT_TRUE(hidden->hidden);
  EXPECT_EQ(questions_.CountOpenReports(), 0);
  EXPECT_TRUE(QuestionBodies(core::Actor{}).empty());
  EXPECT_TRUE(QuestionBodies(Seller(kOwner)).empty());
  EXPECT_TRUE(questions_.ForShop(Seller(kOwner), std::nullopt, true).value().items.empty());
  auto mine = questions_.ForProduct(Buyer(kBuyer), product_).value();
  ASSERT_EQ(mine.items.size(), 1u);
  EXPECT_EQ(mine.items[0].hidden_reason, "광고성 글");
  EXPECT_EQ(questions_.Answer(Seller(kOwner), question_, "답").error(), ReviewError::question_not_found);
  EXPECT_EQ(questions_.Report(Buyer(kAdmin), question_, "").error(), ReviewError::question_not_found);
  EXPECT_EQ(History("question", question_.value).front().entry.action, "question.hide");

  ASSERT_TRUE(questions_.SetHidden(Admin(), question_, false, "").has_value());
  EXPECT_EQ(QuestionBodies(core::Actor{}), std::vector<std::string>{"광고 문의"});
  EXPECT_EQ(History("question", question_.value).front().entry.action, "question.restore");
}

TEST_F(ModerationTest, RacingAdminsHideOnceAndRacingReportsCountOnce) {
  std::atomic<int> reported = 0;
  {
    std::vector<std::jthread> members;
    for (int attempt = 0; attempt < 8; ++attempt) {
      members.emplace_back([&] {
        if (questions_.Report(Buyer(kOtherBuyer), question_, "")) ++reported;
      });
    }
  }
  EXPECT_EQ(reported.load(), 1);
  {
    std::vector<std::jthread> admins;
    for (int attempt = 0; attempt < 4; ++attempt) {
      admins.emplace_back([&] { EXPECT_TRUE(reviews_.SetHidden(Admin(), review_, true, "욕설").has_value()); });
    }
  }
  EXPECT_EQ(History("review", review_.value).size(), 1u);  // one change, one entry
  EXPECT_EQ(Listing(product_).rating_count, 0);
}

TEST_F(ModerationTest, TheQuestionQueueAndDismissal) {
  ASSERT_TRUE(questions_.Answer(Seller(kOwner), question_, "광고 아닙니다").has_value());
  ASSERT_TRUE(questions_.Report(Buyer(kOtherBuyer), question_, "광고").has_value());
  auto queue = questions_.ReportQueue(Admin(), {});
  ASSERT_TRUE(queue.has_value());
  ASSERT_EQ(queue->items.size(), 1u);
  EXPECT_EQ(queue->items[0].question.body, "광고 문의");
  EXPECT_EQ(queue->items[0].question.answer, std::optional<std::string>("광고 아닙니다"));
  EXPECT_EQ(queue->items[0].open_reports, 1);
  EXPECT_EQ(questions_.ReportQueue(Buyer(kBuyer), {}).error(), ReviewError::forbidden);
  ASSERT_TRUE(questions_.DismissReports(Admin(), question_, "").has_value());
  EXPECT_EQ(questions_.DismissReports(Admin(), question_, "").error(), ReviewError::no_open_reports);
  EXPECT_EQ(questions_.CountOpenReports(), 0);
  EXPECT_EQ(History("question", question_.value).front().entry.action, "report.dismiss");
}

}  // namespace
}  // namespace manmulsang::reviews
