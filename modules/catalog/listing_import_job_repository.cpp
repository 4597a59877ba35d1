#include "listing_import_job_repository.hpp"

namespace manmulsang::catalog {
namespace {

constexpr std::string_view kInsertJob =
    "INSERT INTO listing_import_jobs (id, owner_id, file_name, status, rows_total, rows_refused_on_reading, "
    "created_at) VALUES ($1, $2, $3, 'waiting', $4, $5, $6)";
constexpr std::string_view kInsertListing =
    "INSERT INTO listing_import_job_listings (job_id, listing_index, input, row_count) VALUES ($1, $2, $3, $4)";
constexpr std::string_view kInsertError =
    "INSERT INTO listing_import_job_errors (job_id, file_row, code, field) VALUES ($1, $2, $3, $4) "
    "ON CONFLICT (job_id, file_row) DO NOTHING";
constexpr std::string_view kDeleteFinishedBefore =
    "DELETE FROM listing_import_jobs WHERE status IN ('finished', 'failed') AND finished_at < $1";
constexpr std::string_view kDeleteOldestFinished =
    "DELETE FROM listing_import_jobs WHERE id = (SELECT id FROM listing_import_jobs "
    "WHERE status IN ('finished', 'failed') ORDER BY finished_at, id LIMIT 1)";
constexpr std::string_view kCountJobs = "SELECT COUNT(*) FROM listing_import_jobs";
constexpr std::string_view kCountUnfinishedOf =
    "SELECT COUNT(*) FROM listing_import_jobs WHERE owner_id = $1 AND status IN ('waiting', 'running')";
constexpr std::string_view kFind =
    "SELECT j.file_name, j.status, j.rows_total, j.rows_refused_on_reading + "
    "(SELECT COALESCE(SUM(l.row_count), 0) FROM listing_import_job_listings l "
    "WHERE l.job_id = j.id AND l.status <> 'waiting'), "
    "(SELECT COUNT(*) FROM listing_import_job_listings l WHERE l.job_id = j.id AND l.status = 'created'), "
    "(SELECT COUNT(*) FROM listing_import_job_errors e WHERE e.job_id = j.id) "
    "FROM listing_import_jobs j WHERE j.id = $1 AND j.owner_id = $2 AND (j.finished_at IS NULL OR j.finished_at >= $3)";
constexpr std::string_view kErrors =
    "SELECT file_row, code, field FROM listing_import_job_errors WHERE job_id = $1 ORDER BY file_row";
constexpr std::string_view kAnyClaimable =
    "SELECT 1 FROM listing_import_jobs WHERE status = 'waiting' OR (status = 'running' AND lease_until < $1) LIMIT 1";
// The oldest job that waits, or whose node stopped renewing its lease (it died).
constexpr std::string_view kClaimSqlite =
    "UPDATE listing_import_jobs SET status = 'running', claimed_by = $1, lease_until = $2 "
    "WHERE id = (SELECT id FROM listing_import_jobs WHERE status = 'waiting' OR (status = 'running' AND "
    "lease_until < $3) ORDER BY created_at, id LIMIT 1) RETURNING id, owner_id";
// The same; a row another node's claim has locked is passed over rather than waited for.
constexpr std::string_view kClaimPostgres =
    "UPDATE listing_import_jobs SET status = 'running', claimed_by = $1, lease_until = $2 "
    "WHERE id = (SELECT id FROM listing_import_jobs WHERE status = 'waiting' OR (status = 'running' AND "
    "lease_until < $3) ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING id, owner_id";
constexpr std::string_view kRenew =
    "UPDATE listing_import_jobs SET lease_until = $1 WHERE id = $2 AND claimed_by = $3 AND status = 'running'";
constexpr std::string_view kWaitingListings =
    "SELECT listing_index, input FROM listing_import_job_listings WHERE job_id = $1 AND status = 'waiting' "
    "ORDER BY listing_index";
constexpr std::string_view kMarkListing =
    "UPDATE listing_import_job_listings SET status = $1, product_id = $2 "
    "WHERE job_id = $3 AND listing_index = $4 AND status = 'waiting'";
constexpr std::string_view kFinish =
    "UPDATE listing_import_jobs SET status = 'finished', finished_at = $1, claimed_by = NULL, lease_until = NULL "
    "WHERE id = $2 AND claimed_by = $3 AND status = 'running' AND NOT EXISTS "
    "(SELECT 1 FROM listing_import_job_listings WHERE job_id = $2 AND status = 'waiting')";
constexpr std::string_view kFail =
    "UPDATE listing_import_jobs SET status = 'failed', finished_at = $1, claimed_by = NULL, lease_until = NULL "
    "WHERE id = $2 AND claimed_by = $3 AND status = 'running'";
constexpr std::string_view kRelease =
    "UPDATE listing_import_jobs SET status = 'waiting', claimed_by = NULL, lease_until = NULL "
    "WHERE id = $1 AND claimed_by = $2 AND status = 'running'";

void InsertError(db::Connection& connection, std::string_view id, const ListingCsvRowError& error) {
  connection.Execute(kInsertError, {id, static_cast<std::int64_t>(error.row), error.code, error.field});
}

}  // namespace

void ListingImportJobRepository::Insert(db::Connection& connection, const NewJob& job, std::int64_t now) {
  connection.Execute(kInsertJob, {job.id, job.owner.value, job.file_name, job.rows_total,
                                  static_cast<std::int64_t>(job.errors.size()), now});
  for (std::size_t index = 0; index < job.listings.size(); ++index) {
    connection.Execute(kInsertListing, {job.id, static_cast<std::int64_t>(index), job.listings[index].input,
                                        job.listings[index].row_count});
  }
  for (const ListingCsvRowError& error : job.errors) InsertError(connection, job.id, error);
}

void ListingImportJobRepository::DeleteFinishedBefore(db::Connection& connection, std::int64_t cutoff) {
  connection.Execute(kDeleteFinishedBefore, {cutoff});
}

bool ListingImportJobRepository::DeleteOldestFinished(db::Connection& connection) {
  return connection.Execute(kDeleteOldestFinished) > 0;
}

std::int64_t ListingImportJobRepository::CountJobs(db::Connection& connection) {
  return connection.QueryOne(kCountJobs)->Int(0);
}

std::int64_t ListingImportJobRepository::CountUnfinishedOf(db::Connection& connection, core::UserId owner) {
  return connection.QueryOne(kCountUnfinishedOf, {owner.value})->Int(0);
}

std::optional<ListingImportJobRepository::Progress> ListingImportJobRepository::Find(db::Connection& connection,
                                                                                     std::string_view id,
                                                                                     core::UserId owner,
                                                                                     std::int64_t kept_since) {
  auto row = connection.QueryOne(kFind, {id, owner.value, kept_since});
  if (!row) return std::nullopt;
  return Progress{row->Text(0), row->Text(1), row->Int(2), row->Int(3), row->Int(4), row->Int(5)};
}

std::vector<ListingCsvRowError> ListingImportJobRepository::Errors(db::Connection& connection, std::string_view id) {
  std::vector<ListingCsvRowError> errors;
  for (const db::Row& row : connection.Query(kErrors, {id})) {
    errors.push_back({static_cast<std::size_t>(row.Int(0)), row.Text(1), row.Text(2)});
  }
  return errors;
}

bool ListingImportJobRepository::AnyClaimable(db::Connection& connection, std::int64_t now) {
  return connection.QueryOne(kAnyClaimable, {now}).has_value();
}

std::optional<ListingImportJobRepository::Claimed> ListingImportJobRepository::Claim(db::Connection& connection,
                                                                                     std::string_view node,
                                                                                     std::int64_t now,
                                                                                     std::int64_t lease_until) {
  const std::string_view sql = connection.dialect() == db::Dialect::postgres ? kClaimPostgres : kClaimSqlite;
  auto row = connection.QueryOne(sql, {node, lease_until, now});
  if (!row) return std::nullopt;
  return Claimed{row->Text(0), core::UserId{row->Int(1)}};
}

bool ListingImportJobRepository::Renew(db::Connection& connection, std::string_view id, std::string_view node,
                                       std::int64_t lease_until) {
  return connection.Execute(kRenew, {lease_until, id, node}) == 1;
}

std::vector<ListingImportJobRepository::WaitingListing> ListingImportJobRepository::WaitingListings(
    db::Connection& connection, std::string_view id) {
  std::vector<WaitingListing> listings;
  for (const db::Row& row : connection.Query(kWaitingListings, {id})) listings.push_back({row.Int(0), row.Text(1)});
  return listings;
}

bool ListingImportJobRepository::MarkCreated(db::Connection& connection, std::string_view id, std::int64_t index,
                                             core::ProductId product) {
  return connection.Execute(kMarkListing, {"created", product.value, id, index}) == 1;
}

bool ListingImportJobRepository::MarkRefused(db::Connection& connection, std::string_view id, std::int64_t index,
                                             std::span<const ListingCsvRowError> errors) {
  if (connection.Execute(kMarkListing, {"refused", nullptr, id, index}) != 1) return false;
  for (const ListingCsvRowError& error : errors) InsertError(connection, id, error);
  return true;
}

bool ListingImportJobRepository::Finish(db::Connection& connection, std::string_view id, std::string_view node,
                                        std::int64_t now) {
  return connection.Execute(kFinish, {now, id, node}) == 1;
}

bool ListingImportJobRepository::Fail(db::Connection& connection, std::string_view id, std::string_view node,
                                      std::int64_t now) {
  return connection.Execute(kFail, {now, id, node}) == 1;
}

void ListingImportJobRepository::Release(db::Connection& connection, std::string_view id, std::string_view node) {
  connection.Execute(kRelease, {id, node});
}

}  // namespace manmulsang::catalog
