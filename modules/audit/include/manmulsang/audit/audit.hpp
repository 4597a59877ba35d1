#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "manmulsang/core/clock.hpp"
#include "manmulsang/core/embedded_file.hpp"
#include "manmulsang/core/ids.hpp"
#include "manmulsang/db/database.hpp"

namespace manmulsang::audit {

// What an admin did, as the module that did it describes it. The log is append-only, like the
// ledger: a wrong entry is never edited, a later action says what changed.
struct AuditEntry {
  core::UserId admin;
  // "<module>.<verb>", lower case: "wallet.credit", "member.suspend", "payout.paid",
  // "product.take_down", "category.rename", "settings.update", ...
  std::string action;
  // What it touched and its id as text ("member" "42", "shop" "7", "product" "1001", "review",
  // "question", "order", "payout", "category", "settings", "voucher_batch", "exchange_rate" "USD").
  std::string subject_kind;
  std::string subject_id;
  // The state before and after, short and readable ("active" → "suspended", "300 bp" → "250 bp",
  // or a small JSON object); empty when there was nothing before (a new row) or after.
  std::string before;
  std::string after;
  std::string reason;  // the admin's words, empty when the action asks for none
};

struct AuditRecord {
  std::int64_t id = 0;
  core::TimePoint created_at;
  AuditEntry entry;
};

// Appends entry inside the caller's write transaction, so the action and its record commit (or
// roll back) together. Safe to run again with the transaction. Throws std::invalid_argument when
// action or subject_kind is empty or longer than 64 bytes, or a text field is longer than 4 KiB:
// those are programmer errors, since admins' reasons are checked by the services first.
void RecordIn(db::Connection& connection, core::TimePoint at, const AuditEntry& entry);

inline constexpr std::size_t kMaxReasonBytes = 500;  // what services accept from an admin's form

struct AuditFilter {
  std::optional<core::UserId> admin;
  std::string action_prefix;  // "wallet." or "wallet.credit"; empty: every action
  std::string subject_kind;   // empty: every kind
  std::string subject_id;     // only with subject_kind
  std::string text;           // a substring of before, after or reason; empty: no text filter
  int page = 1;
  int per_page = 50;  // 1..100
};

struct AuditPage {
  std::vector<AuditRecord> items;  // newest first
  std::int64_t total = 0;
  int page = 1;
  int per_page = 50;
};

// Reading the log: the admin console's audit page and the "history" box on the items it touched.
class AuditLog {
 public:
  explicit AuditLog(db::Database& database);
  ~AuditLog();

  AuditPage Search(const AuditFilter& filter);
  // The newest entries about one subject ("member", "42"), at most limit.
  std::vector<AuditRecord> ForSubject(std::string_view subject_kind, std::string_view subject_id, int limit = 20);

 private:
  db::Database& database_;
};

std::span<const core::EmbeddedFile> Migrations();

}  // namespace manmulsang::audit
