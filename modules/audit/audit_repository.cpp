#include "audit_repository.hpp"

#include <string>

namespace manmulsang::audit {
namespace {

constexpr std::string_view kInsert =
    "INSERT INTO audit_entries (admin_id, action, subject_kind, subject_id, before, after, reason, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";

constexpr std::string_view kColumns =
    "SELECT id, created_at, admin_id, action, subject_kind, subject_id, before, after, reason FROM audit_entries ";

// Each filter is off when its parameter is 0 or '': one statement, prepared once, for every
// combination. The text filter is a LIKE pattern the caller escaped ('\' escapes % and _).
constexpr std::string_view kFilter =
    "WHERE ($1 = 0 OR admin_id = $1) AND ($2 = '' OR action LIKE $2 ESCAPE '\\') "
    "AND ($3 = '' OR subject_kind = $3) AND ($4 = '' OR subject_id = $4) "
    "AND ($5 = '' OR before LIKE $5 ESCAPE '\\' OR after LIKE $5 ESCAPE '\\' OR reason LIKE $5 ESCAPE '\\') ";

const std::string kSearch = std::string(kColumns) + std::string(kFilter) + "ORDER BY id DESC LIMIT $6 OFFSET $7";
const std::string kCount = "SELECT COUNT(*) FROM audit_entries " + std::string(kFilter);

const std::string kForSubject =
    std::string(kColumns) + "WHERE subject_kind = $1 AND subject_id = $2 ORDER BY id DESC LIMIT $3";

AuditRecord ReadRecord(const db::Row& row) {
  AuditRecord record;
  record.id = row.Int(0);
  record.created_at = core::FromUnixSeconds(row.Int(1));
  record.entry.admin = core::UserId{row.Int(2)};
  record.entry.action = row.Text(3);
  record.entry.subject_kind = row.Text(4);
  record.entry.subject_id = row.Text(5);
  record.entry.before = row.Text(6);
  record.entry.after = row.Text(7);
  record.entry.reason = row.Text(8);
  return record;
}

// text → a LIKE pattern matching it anywhere; prefix → matching it at the start.
std::string LikePattern(std::string_view text, bool anywhere) {
  if (text.empty()) return {};
  std::string pattern = anywhere ? "%" : "";
  for (char character : text) {
    if (character == '%' || character == '_' || character == '\\') pattern += '\\';
    pattern += character;
  }
  pattern += '%';
  return pattern;
}

}  // namespace

void AuditRepository::Insert(db::Connection& connection, std::int64_t created_at, const AuditEntry& entry) {
  connection.Execute(kInsert, {entry.admin.value, entry.action, entry.subject_kind, entry.subject_id, entry.before,
                               entry.after, entry.reason, created_at});
}

AuditPage AuditRepository::Search(db::Connection& connection, const AuditFilter& filter) {
  const std::int64_t admin = filter.admin ? filter.admin->value : 0;
  const std::string action = LikePattern(filter.action_prefix, false);
  const std::string text = LikePattern(filter.text, true);
  const std::string_view subject_id = filter.subject_kind.empty() ? std::string_view{} : filter.subject_id;
  AuditPage page;
  page.page = filter.page;
  page.per_page = filter.per_page;
  if (auto row = connection.QueryOne(kCount, {admin, action, filter.subject_kind, subject_id, text})) {
    page.total = row->Int(0);
  }
  const std::int64_t offset = static_cast<std::int64_t>(filter.page - 1) * filter.per_page;
  for (const db::Row& row : connection.Query(
           kSearch, {admin, action, filter.subject_kind, subject_id, text, std::int64_t{filter.per_page}, offset})) {
    page.items.push_back(ReadRecord(row));
  }
  return page;
}

std::vector<AuditRecord> AuditRepository::ForSubject(db::Connection& connection, std::string_view subject_kind,
                                                     std::string_view subject_id, int limit) {
  std::vector<AuditRecord> records;
  for (const db::Row& row : connection.Query(kForSubject, {subject_kind, subject_id, std::int64_t{limit}})) {
    records.push_back(ReadRecord(row));
  }
  return records;
}

}  // namespace manmulsang::audit
