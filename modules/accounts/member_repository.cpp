#include "member_repository.hpp"

#include "account_repository.hpp"

namespace manmulsang::accounts {
namespace {

// $1 match_all, $2 id, $3 phone, $4 email, $5 name patterns, $6 role, $7 suspended_only: the page and
// its count share the same WHERE, word for word. The member whose id was typed comes first.
constexpr std::string_view kSearchMembers =
    "SELECT id, email, name, role, created_at, phone, suspended_at, suspension_reason FROM users"
    " WHERE ($1 = 1 OR id = $2 OR ($3 <> '' AND phone LIKE $3 ESCAPE '\\') "
    "OR ($4 <> '' AND email LIKE $4 ESCAPE '\\') OR ($5 <> '' AND lower(name) LIKE $5 ESCAPE '\\')) "
    "AND ($6 = '' OR role = $6) AND ($7 = 0 OR suspended_at IS NOT NULL)"
    " ORDER BY CASE WHEN id = $2 THEN 0 ELSE 1 END, created_at DESC, id DESC LIMIT $8 OFFSET $9";
constexpr std::string_view kCountMembers =
    "SELECT COUNT(*) FROM users"
    " WHERE ($1 = 1 OR id = $2 OR ($3 <> '' AND phone LIKE $3 ESCAPE '\\') "
    "OR ($4 <> '' AND email LIKE $4 ESCAPE '\\') OR ($5 <> '' AND lower(name) LIKE $5 ESCAPE '\\')) "
    "AND ($6 = '' OR role = $6) AND ($7 = 0 OR suspended_at IS NOT NULL)";

constexpr std::string_view kLiveSessions =
    "SELECT id, kind, created_at, last_seen_at, expires_at FROM sessions "
    "WHERE user_id = $1 AND expires_at > $2 AND (kind = 'api' OR last_seen_at > $3) "
    "ORDER BY last_seen_at DESC, id DESC LIMIT 100";

constexpr std::string_view kSuspend =
    "UPDATE users SET suspended_at = $2, suspension_reason = $3 WHERE id = $1 AND suspended_at IS NULL";
constexpr std::string_view kUnsuspend =
    "UPDATE users SET suspended_at = NULL, suspension_reason = '' WHERE id = $1 AND suspended_at IS NOT NULL";
// The count in the statement itself keeps "not the last admin" true however writers interleave.
constexpr std::string_view kChangeRole =
    "UPDATE users SET role = $3 WHERE id = $1 AND role = $2 AND ($2 <> 'admin' OR "
    "(SELECT COUNT(*) FROM users other WHERE other.role = 'admin' AND other.suspended_at IS NULL "
    "AND other.id <> $1) > 0)";
constexpr std::string_view kCountOtherActiveAdmins =
    "SELECT COUNT(*) FROM users WHERE role = 'admin' AND suspended_at IS NULL AND id <> $1";
constexpr std::string_view kDeleteSessionsOf = "DELETE FROM sessions WHERE user_id = $1";

constexpr std::string_view kDeleteResetCodes = "DELETE FROM password_reset_codes WHERE user_id = $1";
constexpr std::string_view kInsertResetCode =
    "INSERT INTO password_reset_codes (user_id, code_hash, created_at, expires_at, issued_by) "
    "VALUES ($1, $2, $3, $4, $5)";
constexpr std::string_view kUseResetCode =
    "UPDATE password_reset_codes SET used_at = $3 "
    "WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL AND expires_at > $3";

SessionKind ReadSessionKind(const std::string& name) {
  if (name == "api") return SessionKind::api;
  if (name == "browser") return SessionKind::browser;
  throw db::DatabaseError("sessions row with an unknown kind: " + name);
}

}  // namespace

std::string ContainsPattern(std::string_view text) {
  std::string pattern = "%";
  for (const char character : text) {
    if (character == '%' || character == '_' || character == '\\') pattern.push_back('\\');
    pattern.push_back(character);
  }
  pattern.push_back('%');
  return pattern;
}

std::vector<User> MemberRepository::Search(const MemberSearch& search) {
  std::vector<User> users;
  for (const db::Row& row :
       connection_.Query(kSearchMembers, {std::int64_t{search.match_all ? 1 : 0}, search.id, search.phone_pattern,
                                          search.email_pattern, search.name_pattern, search.role,
                                          std::int64_t{search.suspended_only ? 1 : 0}, search.limit, search.offset})) {
    users.push_back(ReadUser(row));
  }
  return users;
}

std::int64_t MemberRepository::Count(const MemberSearch& search) {
  auto row = connection_.QueryOne(
      kCountMembers, {std::int64_t{search.match_all ? 1 : 0}, search.id, search.phone_pattern, search.email_pattern,
                      search.name_pattern, search.role, std::int64_t{search.suspended_only ? 1 : 0}});
  return row ? row->Int(0) : 0;
}

std::vector<SessionInfo> MemberRepository::LiveSessions(core::UserId user, std::int64_t now, std::int64_t idle_cutoff) {
  std::vector<SessionInfo> sessions;
  for (const db::Row& row : connection_.Query(kLiveSessions, {user.value, now, idle_cutoff})) {
    sessions.push_back(SessionInfo{.id = row.Int(0),
                                   .kind = ReadSessionKind(row.Text(1)),
                                   .created_at = core::FromUnixSeconds(row.Int(2)),
                                   .last_seen_at = core::FromUnixSeconds(row.Int(3)),
                                   .expires_at = core::FromUnixSeconds(row.Int(4))});
  }
  return sessions;
}

bool MemberRepository::Suspend(core::UserId member, std::string_view reason, std::int64_t now) {
  return connection_.Execute(kSuspend, {member.value, now, reason}) == 1;
}

bool MemberRepository::Unsuspend(core::UserId member) { return connection_.Execute(kUnsuspend, {member.value}) == 1; }

bool MemberRepository::ChangeRole(core::UserId member, core::Role from, core::Role to) {
  return connection_.Execute(kChangeRole, {member.value, core::RoleName(from), core::RoleName(to)}) == 1;
}

std::int64_t MemberRepository::CountOtherActiveAdmins(core::UserId member) {
  auto row = connection_.QueryOne(kCountOtherActiveAdmins, {member.value});
  return row ? row->Int(0) : 0;
}

std::int64_t MemberRepository::DeleteSessionsOf(core::UserId member) {
  return connection_.Execute(kDeleteSessionsOf, {member.value});
}

void MemberRepository::ReplaceResetCode(const NewResetCode& code) {
  connection_.Execute(kDeleteResetCodes, {code.member.value});
  const db::Parameter issued_by = code.issued_by ? db::Parameter{code.issued_by->value} : db::Parameter{nullptr};
  connection_.Execute(kInsertResetCode,
                      {code.member.value, code.code_hash, code.created_at, code.expires_at, issued_by});
}

bool MemberRepository::UseResetCode(core::UserId member, std::string_view code_hash, std::int64_t now) {
  return connection_.Execute(kUseResetCode, {member.value, code_hash, now}) == 1;
}

}  // namespace manmulsang::accounts
