#include <algorithm>

#include "manmulsang/reviews/questions.hpp"
#include "question_repository.hpp"
#include "review_text.hpp"

namespace manmulsang::reviews {

struct QuestionService::Impl {
  db::Database& database;
  const core::Clock& clock;
  sellers::SellerService& sellers;
  catalog::CatalogService& catalog;

  bool OwnsShop(const core::Actor& actor, core::SellerId shop) { return sellers.OwnShop(actor, shop).has_value(); }
};

QuestionService::QuestionService(db::Database& database, const core::Clock& clock, sellers::SellerService& sellers,
                                 catalog::CatalogService& catalog)
    : impl_(std::make_unique<Impl>(Impl{database, clock, sellers, catalog})) {}

QuestionService::~QuestionService() = default;

std::expected<Question, ReviewError> QuestionService::Ask(const core::Actor& actor, const NewQuestion& question) {
  if (!actor.signed_in()) return std::unexpected(ReviewError::question_not_found);
  std::optional<std::string> body = CleanText(question.body, 1, kMaxQuestion);
  if (!body) return std::unexpected(ReviewError::invalid_text);
  auto product = impl_->catalog.GetProduct(question.product);
  if (!product) return std::unexpected(ReviewError::product_not_found);
  Question asked;
  asked.product = question.product;
  asked.shop = product->seller;
  asked.asker = *actor.user;
  asked.asker_name = actor.display_name;
  asked.body = std::move(*body);
  asked.is_private = question.is_private;
  asked.created_at = impl_->clock.Now();
  const std::int64_t now = core::ToUnixSeconds(asked.created_at);
  asked.id = impl_->database.Write(
      [&](db::Connection& connection) { return QuestionRepository::Insert(connection, asked, now); });
  asked.created_at = core::FromUnixSeconds(now);
  return asked;
}

std::expected<QuestionPage, ReviewError> QuestionService::ForProduct(const core::Actor& viewer, core::ProductId product,
                                                                     int page, int per_page) {
  auto listed = impl_->catalog.GetProduct(product);
  if (!listed) return std::unexpected(ReviewError::product_not_found);
  const bool sees_private = impl_->OwnsShop(viewer, listed->seller);
  QuestionPage result;
  result.product_name = listed->name;
  result.shop = listed->seller;
  result.viewer_owns_shop = sees_private;
  result.page = std::max(page, 1);
  result.per_page = std::clamp(per_page, 1, kMaxPerPage);
  impl_->database.Read([&](db::Connection& connection) {
    const std::int64_t offset = static_cast<std::int64_t>(result.page - 1) * result.per_page;
    result.items =
        QuestionRepository::ForProduct(connection, product, viewer.user, sees_private, result.per_page, offset);
    result.total = QuestionRepository::CountForProduct(connection, product, viewer.user, sees_private);
  });
  return result;
}

std::expected<Question, ReviewError> QuestionService::Answer(const core::Actor& actor, QuestionId id,
                                                             std::string_view text) {
  std::optional<std::string> answer = CleanText(text, 1, kMaxReply);
  if (!answer) return std::unexpected(ReviewError::invalid_text);
  auto question =
      impl_->database.Read([&](db::Connection& connection) { return QuestionRepository::Find(connection, id); });
  // Another shop's question is answered as if it did not exist.
  if (!question || !impl_->OwnsShop(actor, question->shop)) return std::unexpected(ReviewError::question_not_found);
  const std::int64_t now = core::ToUnixSeconds(impl_->clock.Now());
  impl_->database.Write(
      [&](db::Connection& connection) { QuestionRepository::SetAnswer(connection, id, *answer, now); });
  question->answer = std::move(*answer);
  question->answered_at = core::FromUnixSeconds(now);
  return std::move(*question);
}

std::expected<QuestionPage, ReviewError> QuestionService::ForShop(const core::Actor& actor,
                                                                  std::optional<core::SellerId> shop,
                                                                  bool unanswered_only, int page, int per_page) {
  auto own = impl_->sellers.OwnShop(actor, shop);
  if (!own) return std::unexpected(ReviewError::shop_not_found);
  QuestionPage result;
  result.shop = own->id;
  result.viewer_owns_shop = true;
  result.page = std::max(page, 1);
  result.per_page = std::clamp(per_page, 1, kMaxPerPage);
  impl_->database.Read([&](db::Connection& connection) {
    const std::int64_t offset = static_cast<std::int64_t>(result.page - 1) * result.per_page;
    result.items = QuestionRepository::ForShop(connection, own->id, unanswered_only, result.per_page, offset);
    result.total = QuestionRepository::CountForShop(connection, own->id, unanswered_only);
  });
  return result;
}

}  // namespace manmulsang::reviews
