#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "manmulsang/db/database.hpp"
#include "manmulsang/reviews/review.hpp"

namespace manmulsang::reviews {

// The SQL of reports and admin hiding, for reviews (review_reports) and questions
// (question_reports): the two tables have the same shape, so one repository serves both.
class ReportRepository {
 public:
  enum class Subject { review, question };
  enum class Outcome { dismissed, hidden };

  struct QueueRow {
    std::int64_t id = 0;  // the review's or the question's
    std::int64_t open_reports = 0;
  };

  // Insert-first: false when the member reported it before (nothing changed).
  static bool AddQuestionReport(db::Connection& connection, QuestionId id, core::UserId reporter,
                                std::string_view reason, std::int64_t now);
  // Closes every open report of the item; returns how many it closed.
  static std::int64_t Resolve(db::Connection& connection, Subject subject, std::int64_t id, Outcome outcome);
  // Items with at least one open report.
  static std::int64_t CountWithOpenReports(db::Connection& connection, Subject subject);
  // Reported items, those with open reports first, then the newest report first.
  static std::vector<QueueRow> Queue(db::Connection& connection, Subject subject, bool open_only, std::int64_t limit,
                                     std::int64_t offset);
  static std::int64_t CountQueue(db::Connection& connection, Subject subject, bool open_only);
  // The reports of the items as (item id, report), newest first.
  static std::vector<std::pair<std::int64_t, ReportNote>> ReportsOf(db::Connection& connection, Subject subject,
                                                                    std::span<const std::int64_t> ids);

  // Conditional: changes only an item whose hidden flag is not `hidden` yet; false when another
  // admin's change landed first (nothing changed).
  static bool SetHidden(db::Connection& connection, Subject subject, std::int64_t id, bool hidden,
                        std::string_view reason, std::int64_t now);
  // The ids of the author's hidden reviews of the product, newest first.
  static std::vector<ReviewId> HiddenReviewsOf(db::Connection& connection, core::UserId author,
                                               core::ProductId product);
};

}  // namespace manmulsang::reviews
