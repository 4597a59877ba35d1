#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "manmulsang/db/database.hpp"
#include "manmulsang/reviews/review.hpp"

namespace manmulsang::reviews {

// All the SQL of product questions.
class QuestionRepository {
 public:
  static std::optional<Question> Find(db::Connection& connection, QuestionId id);
  static QuestionId Insert(db::Connection& connection, const Question& question, std::int64_t now);
  static void SetAnswer(db::Connection& connection, QuestionId id, std::string_view answer, std::int64_t now);

  // A product's questions as viewer sees them: the public ones, the viewer's own private ones,
  // and every one when sees_private (the shop's owner). Newest first.
  static std::vector<Question> ForProduct(db::Connection& connection, core::ProductId product,
                                          std::optional<core::UserId> viewer, bool sees_private, std::int64_t limit,
                                          std::int64_t offset);
  static std::int64_t CountForProduct(db::Connection& connection, core::ProductId product,
                                      std::optional<core::UserId> viewer, bool sees_private);
  // A shop's questions: unanswered ones oldest first (the queue to work through), or all newest first.
  static std::vector<Question> ForShop(db::Connection& connection, core::SellerId shop, bool unanswered_only,
                                       std::int64_t limit, std::int64_t offset);
  static std::int64_t CountForShop(db::Connection& connection, core::SellerId shop, bool unanswered_only);
};

}  // namespace manmulsang::reviews
