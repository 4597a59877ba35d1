#include "manmulsang/audit/audit.hpp"

#include <algorithm>
#include <stdexcept>

#include "audit_repository.hpp"
#include "embedded/audit_migrations.hpp"

namespace manmulsang::audit {
namespace {

constexpr std::size_t kMaxNameBytes = 64;
constexpr std::size_t kMaxTextBytes = 4096;

void CheckEntry(const AuditEntry& entry) {
  if (entry.action.empty() || entry.action.size() > kMaxNameBytes || entry.subject_kind.empty() ||
      entry.subject_kind.size() > kMaxNameBytes) {
    throw std::invalid_argument("audit entry without a valid action or subject kind");
  }
  for (const std::string* text : {&entry.subject_id, &entry.before, &entry.after, &entry.reason}) {
    if (text->size() > kMaxTextBytes) throw std::invalid_argument("audit entry text too long");
  }
  if (!entry.admin) throw std::invalid_argument("audit entry without an admin");
}

}  // namespace

void RecordIn(db::Connection& connection, core::TimePoint at, const AuditEntry& entry) {
  CheckEntry(entry);
  AuditRepository::Insert(connection, core::ToUnixSeconds(at), entry);
}

AuditLog::AuditLog(db::Database& database) : database_(database) {}
AuditLog::~AuditLog() = default;

AuditPage AuditLog::Search(const AuditFilter& filter) {
  AuditFilter checked = filter;
  checked.page = std::max(1, filter.page);
  checked.per_page = std::clamp(filter.per_page, 1, 100);
  return database_.Read([&](db::Connection& connection) { return AuditRepository::Search(connection, checked); });
}

std::vector<AuditRecord> AuditLog::ForSubject(std::string_view subject_kind, std::string_view subject_id, int limit) {
  const int checked = std::clamp(limit, 1, 100);
  return database_.Read([&](db::Connection& connection) {
    return AuditRepository::ForSubject(connection, subject_kind, subject_id, checked);
  });
}

std::span<const core::EmbeddedFile> Migrations() { return embedded::audit_migrations(); }

}  // namespace manmulsang::audit
