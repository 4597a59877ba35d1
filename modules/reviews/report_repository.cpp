#include "report_repository.hpp"

#include <algorithm>
#include <string>

namespace manmulsang::reviews {
namespace {

constexpr std::string_view kInsertQuestionReport =
    "INSERT INTO question_reports (question_id, reporter_id, reason, status, created_at) "
    "VALUES ($1, $2, $3, 'open', $4) ON CONFLICT (question_id, reporter_id) DO NOTHING";

// The statements of one reports table.
struct ReportTable {
  std::string_view resolve;
  std::string_view count_open;
  std::string_view count_all;
  std::string_view queue_all;
  std::string_view queue_open;
  std::string_view reports_of;  // followed by the id list and kReportsOrder
  std::string_view set_hidden;
};

constexpr std::string_view kReportsOrder = ") ORDER BY created_at DESC";

constexpr ReportTable kReviewReports{
    "UPDATE review_reports SET status = $1 WHERE review_id = $2 AND status = 'open'",
    "SELECT COUNT(DISTINCT review_id) FROM review_reports WHERE status = 'open'",
    "SELECT COUNT(DISTINCT review_id) FROM review_reports",
    "SELECT review_id, SUM(CASE WHEN status = 'open' THEN 1 ELSE 0 END) FROM review_reports GROUP BY review_id "
    "ORDER BY CASE WHEN SUM(CASE WHEN status = 'open' THEN 1 ELSE 0 END) > 0 THEN 0 ELSE 1 END, "
    "MAX(created_at) DESC, review_id DESC LIMIT $1 OFFSET $2",
    "SELECT review_id, SUM(CASE WHEN status = 'open' THEN 1 ELSE 0 END) FROM review_reports GROUP BY review_id "
    "HAVING SUM(CASE WHEN status = 'open' THEN 1 ELSE 0 END) > 0 "
    "ORDER BY MAX(created_at) DESC, review_id DESC LIMIT $1 OFFSET $2",
    "SELECT review_id, reporter_id, reason, status, created_at FROM review_reports WHERE review_id IN (",
    "UPDATE reviews SET hidden = $1, hidden_reason = $2, updated_at = $3 WHERE id = $4 AND hidden <> $1",
};

constexpr ReportTable kQuestionReports{
    "UPDATE question_reports SET status = $1 WHERE question_id = $2 AND status = 'open'",
    "SELECT COUNT(DISTINCT question_id) FROM question_reports WHERE status = 'open'",
    "SELECT COUNT(DISTINCT question_id) FROM question_reports",
    "SELECT question_id, SUM(CASE WHEN status = 'open' THEN 1 ELSE 0 END) FROM question_reports "
    "GROUP BY question_id ORDER BY CASE WHEN SUM(CASE WHEN status = 'open' THEN 1 ELSE 0 END) > 0 THEN 0 ELSE 1 END, "
    "MAX(created_at) DESC, question_id DESC LIMIT $1 OFFSET $2",
    "SELECT question_id, SUM(CASE WHEN status = 'open' THEN 1 ELSE 0 END) FROM question_reports "
    "GROUP BY question_id HAVING SUM(CASE WHEN status = 'open' THEN 1 ELSE 0 END) > 0 "
    "ORDER BY MAX(created_at) DESC, question_id DESC LIMIT $1 OFFSET $2",
    "SELECT question_id, reporter_id, reason, status, created_at FROM question_reports WHERE question_id IN (",
    "UPDATE questions SET hidden = $1, hidden_reason = $2 WHERE id = $3 AND hidden <> $1",
};

constexpr std::string_view kHiddenReviewsOf =
    "SELECT id FROM reviews WHERE product_id = $1 AND author_id = $2 AND hidden = 1 ORDER BY created_at DESC, id DESC "
    "LIMIT 20";

const ReportTable& TableOf(ReportRepository::Subject subject) {
  return subject == ReportRepository::Subject::review ? kReviewReports : kQuestionReports;
}

std::int64_t CountOf(db::Connection& connection, std::string_view sql) {
  auto row = connection.QueryOne(sql);
  return row ? row->Int(0) : 0;
}

}  // namespace

bool ReportRepository::AddQuestionReport(db::Connection& connection, QuestionId id, core::UserId reporter,
                                         std::string_view reason, std::int64_t now) {
  return connection.Execute(kInsertQuestionReport, {id.value, reporter.value, reason, now}) > 0;
}

std::int64_t ReportRepository::Resolve(db::Connection& connection, Subject subject, std::int64_t id, Outcome outcome) {
  const std::string_view status = outcome == Outcome::hidden ? "hidden" : "dismissed";
  return connection.Execute(TableOf(subject).resolve, {status, id});
}

std::int64_t ReportRepository::CountWithOpenReports(db::Connection& connection, Subject subject) {
  return CountOf(connection, TableOf(subject).count_open);
}

std::vector<ReportRepository::QueueRow> ReportRepository::Queue(db::Connection& connection, Subject subject,
                                                                bool open_only, std::int64_t limit,
                                                                std::int64_t offset) {
  const ReportTable& table = TableOf(subject);
  std::vector<QueueRow> rows;
  for (const db::Row& row : connection.Query(open_only ? table.queue_open : table.queue_all, {limit, offset})) {
    rows.push_back({row.Int(0), row.Int(1)});
  }
  return rows;
}

std::int64_t ReportRepository::CountQueue(db::Connection& connection, Subject subject, bool open_only) {
  const ReportTable& table = TableOf(subject);
  return CountOf(connection, open_only ? table.count_open : table.count_all);
}

std::vector<std::pair<std::int64_t, ReportNote>> ReportRepository::ReportsOf(db::Connection& connection,
                                                                             Subject subject,
                                                                             std::span<const std::int64_t> ids) {
  std::vector<std::pair<std::int64_t, ReportNote>> reports;
  constexpr std::size_t kBatch = kMaxPerPage;
  for (std::size_t start = 0; start < ids.size(); start += kBatch) {
    const std::span<const std::int64_t> batch = ids.subspan(start, std::min(kBatch, ids.size() - start));
    std::string sql(TableOf(subject).reports_of);
    std::vector<db::Parameter> parameters;
    for (std::size_t index = 0; index < batch.size(); ++index) {
      if (index > 0) sql += ", ";
      sql += "$" + std::to_string(index + 1);
      parameters.emplace_back(batch[index]);
    }
    sql += kReportsOrder;
    for (const db::Row& row : connection.Query(sql, parameters)) {
      reports.emplace_back(row.Int(0), ReportNote{core::UserId{row.Int(1)}, row.Text(2), row.Text(3) == "open",
                                                  core::FromUnixSeconds(row.Int(4))});
    }
  }
  return reports;
}

bool ReportRepository::SetHidden(db::Connection& connection, Subject subject, std::int64_t id, bool hidden,
                                 std::string_view reason, std::int64_t now) {
  const std::int64_t flag = hidden ? 1 : 0;
  const std::string_view kept_reason = hidden ? reason : std::string_view{};
  // Questions keep no updated_at.
  if (subject == Subject::question) return connection.Execute(TableOf(subject).set_hidden, {flag, kept_reason, id}) > 0;
  return connection.Execute(TableOf(subject).set_hidden, {flag, kept_reason, now, id}) > 0;
}

std::vector<ReviewId> ReportRepository::HiddenReviewsOf(db::Connection& connection, core::UserId author,
                                                        core::ProductId product) {
  std::vector<ReviewId> ids;
  for (const db::Row& row : connection.Query(kHiddenReviewsOf, {product.value, author.value})) {
    ids.push_back(ReviewId{row.Int(0)});
  }
  return ids;
}

}  // namespace manmulsang::reviews
