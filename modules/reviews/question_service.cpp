#include <algorithm>

#include "manmulsang/audit/audit.hpp"
#include "manmulsang/notifications/notifications.hpp"
#include "manmulsang/reviews/questions.hpp"
#include "manmulsang/text/typed_text.hpp"
#include "question_repository.hpp"
#include "report_queue.hpp"
#include "report_repository.hpp"

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
  std::optional<std::string> body =
      text::CleanTypedText(question.body, {.minimum = 1, .maximum = kMaxQuestion, .multiline = true});
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
  std::optional<std::string> answer =
      text::CleanTypedText(text, {.minimum = 1, .maximum = kMaxReply, .multiline = true});
  if (!answer) return std::unexpected(ReviewError::invalid_text);
  auto question =
      impl_->database.Read([&](db::Connection& connection) { return QuestionRepository::Find(connection, id); });
  // Another shop's question is answered as if it did not exist.
  if (!question || question->hidden || !impl_->OwnsShop(actor, question->shop)) {
    return std::unexpected(ReviewError::question_not_found);
  }
  const std::int64_t now = core::ToUnixSeconds(impl_->clock.Now());
  // The asker hears of the first answer with it; a second answer replaces the first quietly.
  const bool first_answer = !question->answer.has_value();
  auto product = impl_->catalog.GetProduct(question->product);
  const std::string product_name = product ? product->name : "#" + std::to_string(question->product.value);
  impl_->database.Write([&](db::Connection& connection) {
    QuestionRepository::SetAnswer(connection, id, *answer, now);
    if (first_answer) {
      notifications::RecordIn(connection, core::FromUnixSeconds(now),
                              {question->asker, notifications::Kind::question_answered, product_name,
                               "/p/" + std::to_string(question->product.value)});
    }
  });
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

std::expected<Question, ReviewError> QuestionService::Report(const core::Actor& actor, QuestionId id,
                                                             std::string_view reason) {
  if (!actor.signed_in()) return std::unexpected(ReviewError::question_not_found);
  std::optional<std::string> cleaned =
      text::CleanTypedText(reason, {.minimum = 0, .maximum = kMaxReportReason, .multiline = true});
  if (!cleaned) return std::unexpected(ReviewError::invalid_text);
  const std::int64_t now = core::ToUnixSeconds(impl_->clock.Now());
  std::optional<Question> reported;
  auto added = impl_->database.Write([&](db::Connection& connection) -> std::expected<void, ReviewError> {
    reported = QuestionRepository::Find(connection, id);
    // What the member cannot see, they cannot report: a hidden question, another's private one.
    if (!reported || reported->hidden) return std::unexpected(ReviewError::question_not_found);
    if (reported->is_private && reported->asker != *actor.user && !impl_->OwnsShop(actor, reported->shop)) {
      return std::unexpected(ReviewError::question_not_found);
    }
    if (!ReportRepository::AddQuestionReport(connection, id, *actor.user, *cleaned, now)) {
      return std::unexpected(ReviewError::already_reported);
    }
    return {};
  });
  if (!added) return std::unexpected(added.error());
  return std::move(*reported);
}

std::expected<Question, ReviewError> QuestionService::SetHidden(const core::Actor& actor, QuestionId id, bool hidden,
                                                                std::string_view reason) {
  if (!actor.is(core::Role::admin)) return std::unexpected(ReviewError::forbidden);
  std::optional<std::string> cleaned = text::CleanTypedText(
      reason,
      {.minimum = hidden ? std::size_t{1} : std::size_t{0}, .maximum = kMaxModerationReason, .multiline = true});
  if (!cleaned) return std::unexpected(ReviewError::invalid_reason);
  const core::TimePoint now = impl_->clock.Now();
  auto changed = impl_->database.Write([&](db::Connection& connection) -> std::expected<Question, ReviewError> {
    if (!QuestionRepository::Find(connection, id)) return std::unexpected(ReviewError::question_not_found);
    // Conditional: of two admins at once, the second changes nothing and records nothing.
    if (ReportRepository::SetHidden(connection, ReportRepository::Subject::question, id.value, hidden, *cleaned,
                                    core::ToUnixSeconds(now))) {
      if (hidden) {
        ReportRepository::Resolve(connection, ReportRepository::Subject::question, id.value,
                                  ReportRepository::Outcome::hidden);
      }
      audit::RecordIn(connection, now,
                      audit::AuditEntry{*actor.user, hidden ? "question.hide" : "question.restore", "question",
                                        std::to_string(id.value), hidden ? "shown" : "hidden",
                                        hidden ? "hidden" : "shown", *cleaned});
    }
    return *QuestionRepository::Find(connection, id);
  });
  return changed;
}

std::expected<void, ReviewError> QuestionService::DismissReports(const core::Actor& actor, QuestionId id,
                                                                 std::string_view reason) {
  if (!actor.is(core::Role::admin)) return std::unexpected(ReviewError::forbidden);
  std::optional<std::string> cleaned =
      text::CleanTypedText(reason, {.minimum = 0, .maximum = kMaxModerationReason, .multiline = true});
  if (!cleaned) return std::unexpected(ReviewError::invalid_reason);
  const core::TimePoint now = impl_->clock.Now();
  return impl_->database.Write([&](db::Connection& connection) -> std::expected<void, ReviewError> {
    if (!QuestionRepository::Find(connection, id)) return std::unexpected(ReviewError::question_not_found);
    const std::int64_t closed = ReportRepository::Resolve(connection, ReportRepository::Subject::question, id.value,
                                                          ReportRepository::Outcome::dismissed);
    if (closed == 0) return std::unexpected(ReviewError::no_open_reports);
    audit::RecordIn(connection, now,
                    audit::AuditEntry{*actor.user, "report.dismiss", "question", std::to_string(id.value),
                                      std::to_string(closed) + " open reports", "dismissed", *cleaned});
    return {};
  });
}

std::expected<ReportQueuePage<ReportedQuestion>, ReviewError> QuestionService::ReportQueue(
    const core::Actor& actor, const ReportQueueFilter& filter) {
  if (!actor.is(core::Role::admin)) return std::unexpected(ReviewError::forbidden);
  if (!ValidQueueFilter(filter)) return std::unexpected(ReviewError::invalid_query);
  return ReadReportQueue<ReportedQuestion>(
      impl_->database, impl_->catalog, ReportRepository::Subject::question, filter,
      [](db::Connection& connection, std::int64_t id) -> std::optional<ReportedQuestion> {
        auto question = QuestionRepository::Find(connection, QuestionId{id});
        if (!question) return std::nullopt;
        ReportedQuestion item;
        item.question = std::move(*question);
        return item;
      },
      [](const ReportedQuestion& item) { return item.question.product; });
}

std::int64_t QuestionService::CountOpenReports() {
  return impl_->database.Read([](db::Connection& connection) {
    return ReportRepository::CountWithOpenReports(connection, ReportRepository::Subject::question);
  });
}

}  // namespace manmulsang::reviews
