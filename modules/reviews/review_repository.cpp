#include "review_repository.hpp"

namespace manmulsang::reviews {
namespace {

constexpr std::string_view kFind =
    "SELECT id, product_id, seller_id, author_id, author_name, order_id, rating, body, hidden, report_count, "
    "reply, replied_at, created_at, hidden_reason, helpful_count FROM reviews WHERE id = $1";
constexpr std::string_view kExistsForLine = "SELECT 1 FROM reviews WHERE order_id = $1 AND order_position = $2";
constexpr std::string_view kInsert =
    "INSERT INTO reviews (product_id, seller_id, author_id, author_name, order_id, order_position, rating, body, "
    "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id";
// One statement per order, each served by an index on (product_id, hidden, ...).
constexpr std::string_view kVisibleNewest =
    "SELECT id, product_id, seller_id, author_id, author_name, order_id, rating, body, hidden, report_count, "
    "reply, replied_at, created_at, hidden_reason, helpful_count FROM reviews WHERE product_id = $1 AND hidden = 0 "
    "ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3";
constexpr std::string_view kVisibleHighest =
    "SELECT id, product_id, seller_id, author_id, author_name, order_id, rating, body, hidden, report_count, "
    "reply, replied_at, created_at, hidden_reason, helpful_count FROM reviews WHERE product_id = $1 AND hidden = 0 "
    "ORDER BY rating DESC, created_at DESC, id DESC LIMIT $2 OFFSET $3";
constexpr std::string_view kVisibleLowest =
    "SELECT id, product_id, seller_id, author_id, author_name, order_id, rating, body, hidden, report_count, "
    "reply, replied_at, created_at, hidden_reason, helpful_count FROM reviews WHERE product_id = $1 AND hidden = 0 "
    "ORDER BY rating ASC, created_at DESC, id DESC LIMIT $2 OFFSET $3";
constexpr std::string_view kVisibleHelpful =
    "SELECT id, product_id, seller_id, author_id, author_name, order_id, rating, body, hidden, report_count, "
    "reply, replied_at, created_at, hidden_reason, helpful_count FROM reviews WHERE product_id = $1 AND hidden = 0 "
    "ORDER BY helpful_count DESC, created_at DESC, id DESC LIMIT $2 OFFSET $3";
constexpr std::string_view kVisibleRating =
    "SELECT COALESCE(CAST(AVG(rating) AS DOUBLE PRECISION), 0), COUNT(*) FROM reviews "
    "WHERE product_id = $1 AND hidden = 0";
constexpr std::string_view kVisibleDistribution =
    "SELECT rating, COUNT(*) FROM reviews WHERE product_id = $1 AND hidden = 0 GROUP BY rating";
constexpr std::string_view kSetReply = "UPDATE reviews SET reply = $1, replied_at = $2, updated_at = $2 WHERE id = $3";
constexpr std::string_view kInsertReport =
    "INSERT INTO review_reports (review_id, reporter_id, reason, created_at) VALUES ($1, $2, $3, $4) "
    "ON CONFLICT (review_id, reporter_id) DO NOTHING";
constexpr std::string_view kPhotosIn = "SELECT review_id, url, thumbnail_url FROM review_photos WHERE review_id IN (";
constexpr std::string_view kPhotosOrder = ") ORDER BY review_id, position";
constexpr std::string_view kPhotoCount = "SELECT COUNT(*) FROM review_photos WHERE review_id = $1";
constexpr std::string_view kInsertPhoto =
    "INSERT INTO review_photos (review_id, position, url, thumbnail_url) VALUES ($1, $2, $3, $4)";
// Insert-first: the primary key (review_id, member_id) lets one mark in, and only an inserted
// mark bumps the count, so marks and count never disagree however many members press at once.
constexpr std::string_view kInsertHelpfulMark =
    "INSERT INTO review_helpful_marks (review_id, member_id, created_at) VALUES ($1, $2, $3) "
    "ON CONFLICT (review_id, member_id) DO NOTHING";
constexpr std::string_view kCountHelpfulMark = "UPDATE reviews SET helpful_count = helpful_count + 1 WHERE id = $1";
constexpr std::string_view kMarkedHelpfulIn =
    "SELECT review_id FROM review_helpful_marks WHERE member_id = $1 AND review_id IN (";
constexpr std::string_view kCountReport = "UPDATE reviews SET report_count = report_count + 1 WHERE id = $1";

Review FromRow(const db::Row& row) {
  Review review;
  review.id = ReviewId{row.Int(0)};
  review.product = core::ProductId{row.Int(1)};
  review.shop = core::SellerId{row.Int(2)};
  review.author = core::UserId{row.Int(3)};
  review.author_name = row.Text(4);
  review.order = core::OrderId{row.Int(5)};
  review.rating = static_cast<int>(row.Int(6));
  review.body = row.Text(7);
  review.hidden = row.Int(8) != 0;
  review.report_count = row.Int(9);
  review.reply = row.OptionalText(10);
  if (auto replied = row.OptionalInt(11)) review.replied_at = core::FromUnixSeconds(*replied);
  review.created_at = core::FromUnixSeconds(row.Int(12));
  review.hidden_reason = row.Text(13);
  review.helpful_count = row.Int(14);
  return review;
}

}  // namespace

std::optional<Review> ReviewRepository::Find(db::Connection& connection, ReviewId id) {
  auto row = connection.QueryOne(kFind, {id.value});
  if (!row) return std::nullopt;
  Review review = FromRow(*row);
  LoadPhotos(connection, std::span<Review>(&review, 1));
  return review;
}

bool ReviewRepository::ExistsForLine(db::Connection& connection, Line line) {
  return connection.QueryOne(kExistsForLine, {line.order.value, static_cast<std::int64_t>(line.position)}).has_value();
}

ReviewId ReviewRepository::Insert(db::Connection& connection, const NewRow& row, std::int64_t now) {
  auto inserted = connection.QueryOne(
      kInsert, {row.product.value, row.shop.value, row.author.value, row.author_name, row.line.order.value,
                static_cast<std::int64_t>(row.line.position), static_cast<std::int64_t>(row.rating), row.body, now});
  if (!inserted) throw db::DatabaseError("insert into reviews returned no id");
  return ReviewId{inserted->Int(0)};
}

std::vector<Review> ReviewRepository::Visible(db::Connection& connection, core::ProductId product, ReviewSort sort,
                                              std::int64_t limit, std::int64_t offset) {
  std::string_view sql = kVisibleNewest;
  if (sort == ReviewSort::highest) sql = kVisibleHighest;
  if (sort == ReviewSort::lowest) sql = kVisibleLowest;
  if (sort == ReviewSort::helpful) sql = kVisibleHelpful;
  std::vector<Review> reviews;
  for (const db::Row& row : connection.Query(sql, {product.value, limit, offset})) reviews.push_back(FromRow(row));
  LoadPhotos(connection, reviews);
  return reviews;
}

std::pair<double, std::int64_t> ReviewRepository::VisibleRating(db::Connection& connection, core::ProductId product) {
  auto row = connection.QueryOne(kVisibleRating, {product.value});
  if (!row) return {0, 0};
  return {row->Real(0), row->Int(1)};
}

std::array<std::int64_t, 5> ReviewRepository::VisibleDistribution(db::Connection& connection, core::ProductId product) {
  std::array<std::int64_t, 5> distribution{};
  for (const db::Row& row : connection.Query(kVisibleDistribution, {product.value})) {
    const std::int64_t stars = row.Int(0);
    // Ratings are 1..5 by the service's rule; a row outside it is not counted rather than misfiled.
    if (stars >= 1 && stars <= static_cast<std::int64_t>(distribution.size())) distribution[stars - 1] = row.Int(1);
  }
  return distribution;
}

void ReviewRepository::SetReply(db::Connection& connection, ReviewId id, std::string_view reply, std::int64_t now) {
  connection.Execute(kSetReply, {reply, now, id.value});
}

void ReviewRepository::LoadPhotos(db::Connection& connection, std::span<Review> reviews) {
  if (reviews.empty()) return;
  std::string sql(kPhotosIn);
  std::vector<db::Parameter> parameters;
  parameters.reserve(reviews.size());
  for (const Review& review : reviews) {
    if (!parameters.empty()) sql += ", ";
    parameters.emplace_back(review.id.value);
    sql += "$" + std::to_string(parameters.size());
  }
  sql += kPhotosOrder;
  for (const db::Row& row : connection.Query(sql, parameters)) {
    const ReviewId id{row.Int(0)};
    for (Review& review : reviews) {
      if (review.id == id) review.photos.push_back({row.Text(1), row.Text(2)});
    }
  }
}

std::size_t ReviewRepository::AddPhotos(db::Connection& connection, ReviewId id, std::span<const ReviewPhoto> photos) {
  auto counted = connection.QueryOne(kPhotoCount, {id.value});
  std::int64_t position = counted ? counted->Int(0) : 0;
  for (const ReviewPhoto& photo : photos) {
    connection.Execute(kInsertPhoto,
                       {id.value, position++, std::string_view(photo.url), std::string_view(photo.thumbnail_url)});
  }
  return static_cast<std::size_t>(position);
}

bool ReviewRepository::AddReport(db::Connection& connection, ReviewId id, core::UserId reporter,
                                 std::string_view reason, std::int64_t now) {
  if (connection.Execute(kInsertReport, {id.value, reporter.value, reason, now}) == 0) return false;
  connection.Execute(kCountReport, {id.value});
  return true;
}

bool ReviewRepository::AddHelpfulMark(db::Connection& connection, ReviewId id, core::UserId member, std::int64_t now) {
  if (connection.Execute(kInsertHelpfulMark, {id.value, member.value, now}) == 0) return false;
  connection.Execute(kCountHelpfulMark, {id.value});
  return true;
}

std::vector<ReviewId> ReviewRepository::MarkedHelpfulBy(db::Connection& connection, core::UserId member,
                                                        std::span<const ReviewId> reviews) {
  if (reviews.empty()) return {};
  std::string sql(kMarkedHelpfulIn);
  std::vector<db::Parameter> parameters{member.value};
  for (ReviewId review : reviews) {
    if (parameters.size() > 1) sql += ", ";
    parameters.emplace_back(review.value);
    sql += "$" + std::to_string(parameters.size());
  }
  sql += ")";
  std::vector<ReviewId> marked;
  for (const db::Row& row : connection.Query(sql, parameters)) marked.push_back(ReviewId{row.Int(0)});
  return marked;
}

}  // namespace manmulsang::reviews
