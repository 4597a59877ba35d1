#pragma once

#include <cstdint>
#include <vector>

#include "manmulsang/audit/audit.hpp"
#include "manmulsang/db/database.hpp"

namespace manmulsang::audit {

// All of this module's SQL.
class AuditRepository {
 public:
  static void Insert(db::Connection& connection, std::int64_t created_at, const AuditEntry& entry);
  // filter's page and per_page already checked; fills items and total.
  static AuditPage Search(db::Connection& connection, const AuditFilter& filter);
  static std::vector<AuditRecord> ForSubject(db::Connection& connection, std::string_view subject_kind,
                                             std::string_view subject_id, int limit);
};

}  // namespace manmulsang::audit
