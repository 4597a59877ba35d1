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

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace manmulsang::reviews
