#pragma once

#include <expected>
#include <memory>
#include <optional>
#include <string_view>

#include "manmulsang/catalog/catalog.hpp"
#include "manmulsang/core/clock.hpp"
#include "manmulsang/core/context.hpp"
#include "manmulsang/db/database.hpp"
#include "manmulsang/reviews/errors.hpp"
#include "manmulsang/reviews/review.hpp"
#include "manmulsang/sellers/sellers.hpp"

namespace manmulsang::reviews {

// Product Q&A. Any signed-in member asks, publicly or privately; the owner of the product's
// shop answers (a second answer replaces the first). A private question exists only for its
// asker and the shop's owner: everyone else gets question_not_found, and lists leave it out.
class QuestionService {
 public:
  QuestionService(db::Database& database, const core::Clock& clock, sellers::SellerService& sellers,
                  catalog::CatalogService& catalog);
  ~QuestionService();

  // invalid_text: blank, longer than kMaxQuestion code points, control characters, bad UTF-8.
  std::expected<Question, ReviewError> Ask(const core::Actor& actor, const NewQuestion& question);

  // Newest first: the public questions, and the private ones the viewer may see.
  std::expected<QuestionPage, ReviewError> ForProduct(const core::Actor& viewer, core::ProductId product, int page = 1,
                                                      int per_page = 20);

  std::expected<Question, ReviewError> Answer(const core::Actor& actor, QuestionId id, std::string_view text);

  // The questions of the actor's shop (the one named, else their first), oldest unanswered
  // first when unanswered_only, else newest first. shop_not_found for another's shop.
  std::expected<QuestionPage, ReviewError> ForShop(const core::Actor& actor, std::optional<core::SellerId> shop,
                                                   bool unanswered_only, int page = 1, int per_page = 20);

  // Moderation (question_moderation.cpp). A signed-in member who can see the question reports it
  // once (already_reported); reason may be empty.
  std::expected<Question, ReviewError> Report(const core::Actor& actor, QuestionId id, std::string_view reason);
  // An admin hides (reason required) or shows a question again; its open reports close, a hidden
  // question leaves every list but its asker's, who reads the reason; audited ("question.hide",
  // "question.restore").
  std::expected<Question, ReviewError> SetHidden(const core::Actor& actor, QuestionId id, bool hidden,
                                                 std::string_view reason);
  std::expected<void, ReviewError> DismissReports(const core::Actor& actor, QuestionId id, std::string_view reason);
  std::expected<ReportQueuePage<ReportedQuestion>, ReviewError> ReportQueue(const core::Actor& actor,
                                                                            const ReportQueueFilter& filter);
  // Questions with at least one open report (the admin home's queue count).
  std::int64_t CountOpenReports();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace manmulsang::reviews
