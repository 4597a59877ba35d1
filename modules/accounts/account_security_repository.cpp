#include "account_security_repository.hpp"

namespace manmulsang::accounts {
namespace {

// The same liveness as the admin's list (member_repository.cpp): not past the absolute end, and a
// browser session not idle since before $3.
constexpr std::string_view kLiveSessions =
    "SELECT id, kind, created_at, last_seen_at, expires_at, remote_address, user_agent, "
    "CASE WHEN token_hash = $4 THEN 1 ELSE 0 END FROM sessions "
    "WHERE user_id = $1 AND expires_at > $2 AND (kind = 'api' OR last_seen_at > $3) "
    "ORDER BY last_seen_at DESC, id DESC LIMIT 100";
constexpr std::string_view kDeleteSession = "DELETE FROM sessions WHERE id = $2 AND user_id = $1";
constexpr std::string_view kDeleteSessionsExcept = "DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2";
constexpr std::string_view kFindOpenAccount =
    "SELECT email, password_hash FROM users WHERE id = $1 AND closed_at IS NULL";
// The e-mail's owner is checked in the statement itself; a racing writer that takes it between
// the check and the write meets the UNIQUE constraint instead (the service answers email_taken).
constexpr std::string_view kUpdateContact =
    "UPDATE users SET email = $2, phone = $3 WHERE id = $1 AND closed_at IS NULL "
    "AND NOT EXISTS (SELECT 1 FROM users other WHERE other.email = $2 AND other.id <> $1)";
constexpr std::string_view kClose =
    "UPDATE users SET email = $2, name = $3, phone = '', password_hash = '', role = 'buyer', closed_at = $4 "
    "WHERE id = $1 AND closed_at IS NULL";
constexpr std::string_view kDeleteResetCodes = "DELETE FROM password_reset_codes WHERE user_id = $1";

SessionKind ReadKind(const std::string& name) {
  if (name == "api") return SessionKind::api;
  if (name == "browser") return SessionKind::browser;
  throw db::DatabaseError("sessions row with an unknown kind: " + name);
}

}  // namespace

std::vector<SessionInfo> AccountSecurityRepository::LiveSessions(core::UserId member, std::int64_t now,
                                                                 std::int64_t idle_cutoff,
                                                                 std::string_view current_token_hash) {
  std::vector<SessionInfo> sessions;
  for (const db::Row& row : connection_.Query(kLiveSessions, {member.value, now, idle_cutoff, current_token_hash})) {
    sessions.push_back(SessionInfo{.id = row.Int(0),
                                   .kind = ReadKind(row.Text(1)),
                                   .created_at = core::FromUnixSeconds(row.Int(2)),
                                   .last_seen_at = core::FromUnixSeconds(row.Int(3)),
                                   .expires_at = core::FromUnixSeconds(row.Int(4)),
                                   .remote_address = row.Text(5),
                                   .user_agent = row.Text(6),
                                   .current = row.Int(7) == 1});
  }
  return sessions;
}

bool AccountSecurityRepository::DeleteSession(core::UserId member, std::int64_t session) {
  return connection_.Execute(kDeleteSession, {member.value, session}) > 0;
}

std::int64_t AccountSecurityRepository::DeleteSessionsExcept(core::UserId member, std::string_view keep_token_hash) {
  return connection_.Execute(kDeleteSessionsExcept, {member.value, keep_token_hash});
}

std::optional<PasswordRecord> AccountSecurityRepository::FindOpenAccount(core::UserId member) {
  auto row = connection_.QueryOne(kFindOpenAccount, {member.value});
  if (!row) return std::nullopt;
  return PasswordRecord{.email = row->Text(0), .password_hash = row->Text(1)};
}

bool AccountSecurityRepository::UpdateContact(core::UserId member, std::string_view email, std::string_view phone) {
  return connection_.Execute(kUpdateContact, {member.value, email, phone}) > 0;
}

bool AccountSecurityRepository::Close(core::UserId member, std::string_view placeholder_email,
                                      std::string_view placeholder_name, std::int64_t now) {
  return connection_.Execute(kClose, {member.value, placeholder_email, placeholder_name, now}) > 0;
}

void AccountSecurityRepository::DeleteResetCodes(core::UserId member) {
  connection_.Execute(kDeleteResetCodes, {member.value});
}

}  // namespace manmulsang::accounts
