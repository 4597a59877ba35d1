#include "question_repository.hpp"

namespace manmulsang::reviews {
namespace {

constexpr std::string_view kFind =
    "SELECT id, product_id, seller_id, asker_id, asker_name, body, is_private, answer, answered_at, created_at, "
    "hidden, hidden_reason "
    "FROM questions WHERE id = $1";
constexpr std::string_view kInsert =
    "INSERT INTO questions (product_id, seller_id, asker_id, asker_name, body, is_private, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
constexpr std::string_view kSetAnswer = "UPDATE questions SET answer = $1, answered_at = $2 WHERE id = $3";
// $2: the viewer's id (0 for nobody), $3: 1 when the viewer sees every private question.
constexpr std::string_view kForProduct =
    "SELECT id, product_id, seller_id, asker_id, asker_name, body, is_private, answer, answered_at, created_at, "
    "hidden, hidden_reason "
    "FROM questions WHERE product_id = $1 AND (is_private = 0 OR asker_id = $2 OR $3 = 1) AND (hidden = 0 OR asker_id "
    "= $2) "
    "ORDER BY created_at DESC, id DESC LIMIT $4 OFFSET $5";
constexpr std::string_view kCountForProduct =
    "SELECT COUNT(*) FROM questions WHERE product_id = $1 AND (is_private = 0 OR asker_id = $2 OR $3 = 1) AND (hidden "
    "= 0 OR asker_id = $2)";
constexpr std::string_view kUnansweredForShop =
    "SELECT id, product_id, seller_id, asker_id, asker_name, body, is_private, answer, answered_at, created_at, "
    "hidden, hidden_reason "
    "FROM questions WHERE seller_id = $1 AND hidden = 0 AND answered_at IS NULL ORDER BY created_at, id LIMIT $2 "
    "OFFSET $3";
constexpr std::string_view kAllForShop =
    "SELECT id, product_id, seller_id, asker_id, asker_name, body, is_private, answer, answered_at, created_at, "
    "hidden, hidden_reason "
    "FROM questions WHERE seller_id = $1 AND hidden = 0 ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3";
constexpr std::string_view kCountUnansweredForShop =
    "SELECT COUNT(*) FROM questions WHERE seller_id = $1 AND hidden = 0 AND answered_at IS NULL";
constexpr std::string_view kCountAllForShop = "SELECT COUNT(*) FROM questions WHERE seller_id = $1 AND hidden = 0";

Question FromRow(const db::Row& row) {
  Question question;
  question.id = QuestionId{row.Int(0)};
  question.product = core::ProductId{row.Int(1)};
  question.shop = core::SellerId{row.Int(2)};
  question.asker = core::UserId{row.Int(3)};
  question.asker_name = row.Text(4);
  question.body = row.Text(5);
  question.is_private = row.Int(6) != 0;
  question.answer = row.OptionalText(7);
  if (auto answered = row.OptionalInt(8)) question.answered_at = core::FromUnixSeconds(*answered);
  question.created_at = core::FromUnixSeconds(row.Int(9));
  question.hidden = row.Int(10) != 0;
  question.hidden_reason = row.Text(11);
  return question;
}

std::vector<Question> FromRows(const db::Rows& rows) {
  std::vector<Question> questions;
  questions.reserve(rows.size());
  for (const db::Row& row : rows) questions.push_back(FromRow(row));
  return questions;
}

}  // namespace

std::optional<Question> QuestionRepository::Find(db::Connection& connection, QuestionId id) {
  auto row = connection.QueryOne(kFind, {id.value});
  if (!row) return std::nullopt;
  return FromRow(*row);
}

QuestionId QuestionRepository::Insert(db::Connection& connection, const Question& question, std::int64_t now) {
  auto row = connection.QueryOne(kInsert, {question.product.value, question.shop.value, question.asker.value,
                                           std::string_view(question.asker_name), std::string_view(question.body),
                                           static_cast<std::int64_t>(question.is_private ? 1 : 0), now});
  if (!row) throw db::DatabaseError("insert into questions returned no id");
  return QuestionId{row->Int(0)};
}

void QuestionRepository::SetAnswer(db::Connection& connection, QuestionId id, std::string_view answer,
                                   std::int64_t now) {
  connection.Execute(kSetAnswer, {answer, now, id.value});
}

std::vector<Question> QuestionRepository::ForProduct(db::Connection& connection, core::ProductId product,
                                                     std::optional<core::UserId> viewer, bool sees_private,
                                                     std::int64_t limit, std::int64_t offset) {
  const std::int64_t viewer_id = viewer ? viewer->value : 0;
  return FromRows(connection.Query(
      kForProduct, {product.value, viewer_id, static_cast<std::int64_t>(sees_private ? 1 : 0), limit, offset}));
}

std::int64_t QuestionRepository::CountForProduct(db::Connection& connection, core::ProductId product,
                                                 std::optional<core::UserId> viewer, bool sees_private) {
  const std::int64_t viewer_id = viewer ? viewer->value : 0;
  auto row = connection.QueryOne(kCountForProduct,
                                 {product.value, viewer_id, static_cast<std::int64_t>(sees_private ? 1 : 0)});
  return row ? row->Int(0) : 0;
}

std::vector<Question> QuestionRepository::ForShop(db::Connection& connection, core::SellerId shop, bool unanswered_only,
                                                  std::int64_t limit, std::int64_t offset) {
  return FromRows(connection.Query(unanswered_only ? kUnansweredForShop : kAllForShop, {shop.value, limit, offset}));
}

std::int64_t QuestionRepository::CountForShop(db::Connection& connection, core::SellerId shop, bool unanswered_only) {
  auto row = connection.QueryOne(unanswered_only ? kCountUnansweredForShop : kCountAllForShop, {shop.value});
  return row ? row->Int(0) : 0;
}

}  // namespace manmulsang::reviews
