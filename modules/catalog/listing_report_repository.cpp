#include "listing_report_repository.hpp"

#include <algorithm>

#include "manmulsang/db/readable.hpp"
#include "statement.hpp"

namespace manmulsang::catalog {
namespace {

constexpr std::string_view kInsertReport =
    "INSERT INTO listing_reports (product_id, reporter_id, reason, details, status, created_at) "
    "VALUES ($1, $2, $3, $4, 'open', $5) ON CONFLICT (product_id, reporter_id) DO NOTHING";
constexpr std::string_view kResolve =
    "UPDATE listing_reports SET status = $1, resolved_at = $2, resolved_by = $3 "
    "WHERE product_id = $4 AND status = 'open'";
constexpr std::string_view kCountOpen = "SELECT COUNT(DISTINCT product_id) FROM listing_reports WHERE status = 'open'";
constexpr std::string_view kQueue =
    "SELECT product_id, SUM(CASE WHEN status = 'open' THEN 1 ELSE 0 END) AS open_reports, COUNT(*), "
    "MAX(created_at) AS last_reported FROM listing_reports GROUP BY product_id";
constexpr std::string_view kQueueOpenOnly = " HAVING SUM(CASE WHEN status = 'open' THEN 1 ELSE 0 END) > 0";
constexpr std::string_view kQueueOrder =
    " ORDER BY CASE WHEN SUM(CASE WHEN status = 'open' THEN 1 ELSE 0 END) > 0 THEN 0 ELSE 1 END, "
    "MAX(created_at) DESC, product_id DESC";
constexpr std::string_view kCountQueueAll = "SELECT COUNT(DISTINCT product_id) FROM listing_reports";
constexpr std::string_view kReportsOf =
    "SELECT id, product_id, reporter_id, reason, details, status, created_at FROM listing_reports "
    "WHERE product_id IN (";
constexpr std::string_view kReportsOrder = ") ORDER BY created_at DESC, id DESC";
constexpr std::string_view kInsertTakeDown =
    "INSERT INTO listing_take_downs (product_id, reason, admin_id, status_before, taken_down_at) "
    "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (product_id) DO NOTHING";
constexpr std::string_view kDeleteTakeDown =
    "DELETE FROM listing_take_downs WHERE product_id = $1 RETURNING status_before";
constexpr std::string_view kIsTakenDown = "SELECT 1 FROM listing_take_downs WHERE product_id = $1";
// A listing restored while its shop is suspended joins the listings the suspension hid (0007),
// so that the suspension's end shows it.
constexpr std::string_view kHoldForSuspension =
    "INSERT INTO shop_suspended_listings (product_id, seller_id) VALUES ($1, $2) ON CONFLICT (product_id) DO NOTHING";
constexpr std::string_view kTakeDownsOf =
    "SELECT product_id, reason, admin_id, taken_down_at FROM listing_take_downs WHERE product_id IN (";

std::optional<ReportStatus> ParseReportStatus(std::string_view name) {
  if (name == "open") return ReportStatus::open;
  if (name == "dismissed") return ReportStatus::dismissed;
  if (name == "taken_down") return ReportStatus::taken_down;
  return std::nullopt;
}

}  // namespace

bool ListingReportRepository::Insert(db::Connection& connection, core::ProductId product, core::UserId reporter,
                                     ReportReason reason, std::string_view details, std::int64_t now) {
  return connection.Execute(kInsertReport, {product.value, reporter.value, ReportReasonName(reason), details, now}) > 0;
}

std::int64_t ListingReportRepository::Resolve(db::Connection& connection, core::ProductId product, ReportStatus status,
                                              core::UserId admin, std::int64_t now) {
  return connection.Execute(kResolve, {ReportStatusName(status), now, admin.value, product.value});
}

std::int64_t ListingReportRepository::CountListingsWithOpenReports(db::Connection& connection) {
  auto row = connection.QueryOne(kCountOpen);
  return row ? row->Int(0) : 0;
}

std::vector<ListingReportRepository::QueueRow> ListingReportRepository::Queue(db::Connection& connection,
                                                                              bool open_only, std::int64_t limit,
                                                                              std::int64_t offset) {
  Statement statement(kQueue);
  if (open_only) statement.Append(kQueueOpenOnly);
  statement.Append(kQueueOrder);
  statement.Append(kLimit, limit).Append(kOffset, offset);
  std::vector<QueueRow> rows;
  for (const db::Row& row : connection.Query(statement.sql(), statement.parameters())) {
    rows.push_back({core::ProductId{row.Int(0)}, row.Int(1), row.Int(2), row.Int(3)});
  }
  return rows;
}

std::int64_t ListingReportRepository::CountQueue(db::Connection& connection, bool open_only) {
  auto row = connection.QueryOne(open_only ? kCountOpen : kCountQueueAll);
  return row ? row->Int(0) : 0;
}

std::vector<ListingReport> ListingReportRepository::ReportsOf(db::Connection& connection,
                                                              std::span<const core::ProductId> products) {
  std::vector<ListingReport> reports;
  for (std::size_t start = 0; start < products.size(); start += kMaxPerPage) {
    Statement statement(kReportsOf);
    statement.AppendIdList(products.subspan(start, std::min<std::size_t>(kMaxPerPage, products.size() - start)));
    statement.Append(kReportsOrder);
    for (const db::Row& row : connection.Query(statement.sql(), statement.parameters())) {
      ListingReport report;
      report.id = row.Int(0);
      report.product = core::ProductId{row.Int(1)};
      report.reporter = core::UserId{row.Int(2)};
      report.reason = db::Readable(ParseReportReason(row.Text(3)), "listing_reports.reason", row.Text(3));
      report.details = row.Text(4);
      report.status = db::Readable(ParseReportStatus(row.Text(5)), "listing_reports.status", row.Text(5));
      report.created_at = core::FromUnixSeconds(row.Int(6));
      reports.push_back(std::move(report));
    }
  }
  return reports;
}

bool ListingReportRepository::InsertTakeDown(db::Connection& connection, core::ProductId product,
                                             std::string_view reason, core::UserId admin, ProductStatus status_before,
                                             std::int64_t now) {
  return connection.Execute(kInsertTakeDown,
                            {product.value, reason, admin.value, ProductStatusName(status_before), now}) > 0;
}

std::optional<ProductStatus> ListingReportRepository::DeleteTakeDown(db::Connection& connection,
                                                                     core::ProductId product) {
  auto row = connection.QueryOne(kDeleteTakeDown, {product.value});
  if (!row) return std::nullopt;
  return db::Readable(ParseProductStatus(row->Text(0)), "listing_take_downs.status_before", row->Text(0));
}

bool ListingReportRepository::IsTakenDown(db::Connection& connection, core::ProductId product) {
  return connection.QueryOne(kIsTakenDown, {product.value}).has_value();
}

void ListingReportRepository::HoldForSuspension(db::Connection& connection, core::ProductId product,
                                                core::SellerId shop) {
  connection.Execute(kHoldForSuspension, {product.value, shop.value});
}

std::map<core::ProductId, TakeDown> ListingReportRepository::TakeDownsOf(db::Connection& connection,
                                                                         std::span<const core::ProductId> products) {
  std::map<core::ProductId, TakeDown> take_downs;
  for (std::size_t start = 0; start < products.size(); start += kMaxPerPage) {
    Statement statement(kTakeDownsOf);
    statement.AppendIdList(products.subspan(start, std::min<std::size_t>(kMaxPerPage, products.size() - start)));
    statement.Append(")");
    for (const db::Row& row : connection.Query(statement.sql(), statement.parameters())) {
      take_downs[core::ProductId{row.Int(0)}] =
          TakeDown{row.Text(1), core::UserId{row.Int(2)}, core::FromUnixSeconds(row.Int(3))};
    }
  }
  return take_downs;
}

}  // namespace manmulsang::catalog
