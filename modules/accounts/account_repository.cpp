#include "account_repository.hpp"

#include <algorithm>

namespace manmulsang::accounts {
namespace {

constexpr std::string_view kSelectUserByEmail =
    "SELECT id, email, name, role, created_at, phone, suspended_at, suspension_reason, password_hash FROM users WHERE "
    "email = $1";
constexpr std::string_view kSelectUserById =
    "SELECT id, email, name, role, created_at, phone, suspended_at, suspension_reason FROM users WHERE id = $1";
// Batched lookups go 32 ids at a time; unused places are padded with 0, which is never an id.
// A fixed list keeps the SQL one constant and one prepared statement for both drivers.
constexpr std::size_t kIdsPerLookup = 32;
constexpr std::string_view kSelectUsersByIds =
    "SELECT id, email, name, role, created_at, phone, suspended_at, suspension_reason FROM users WHERE id IN ("
    "$1, $2, $3, $4, $5, $6, $7, $8, "
    "$9, $10, $11, $12, $13, $14, $15, $16, "
    "$17, $18, $19, $20, $21, $22, $23, $24, "
    "$25, $26, $27, $28, $29, $30, $31, $32)";
constexpr std::string_view kSelectEmailExists = "SELECT 1 FROM users WHERE email = $1";
constexpr std::string_view kCountUsers = "SELECT COUNT(*) FROM users";
constexpr std::string_view kInsertUserIfNew =
    "INSERT INTO users (email, name, password_hash, role, created_at, phone) VALUES ($1, $2, $3, $4, $5, $6) "
    "ON CONFLICT (email) DO NOTHING RETURNING id";
constexpr std::string_view kSelectUserIdByEmail = "SELECT id FROM users WHERE email = $1";
constexpr std::string_view kUpdatePasswordHash = "UPDATE users SET password_hash = $2 WHERE id = $1";
constexpr std::string_view kPromoteBuyerToSeller = "UPDATE users SET role = 'seller' WHERE id = $1 AND role = 'buyer'";

constexpr std::string_view kInsertSession =
    "INSERT INTO sessions (token_hash, user_id, kind, created_at, last_seen_at, expires_at, remote_address, "
    "user_agent) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
constexpr std::string_view kSelectSession =
    "SELECT u.id, u.email, u.name, u.role, u.created_at, u.phone, u.suspended_at, u.suspension_reason, "
    "s.kind, s.last_seen_at, s.expires_at "
    "FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1";
constexpr std::string_view kTouchSession = "UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1";
constexpr std::string_view kDeleteSession = "DELETE FROM sessions WHERE token_hash = $1";
constexpr std::string_view kDeleteExpiredSessions =
    "DELETE FROM sessions WHERE expires_at <= $1 OR (kind = 'browser' AND last_seen_at <= $2)";

SessionKind ParseSessionKind(std::string_view name) { return name == "api" ? SessionKind::api : SessionKind::browser; }

}  // namespace

User ReadUser(const db::Row& row) {
  const auto role = core::ParseRole(row.Text(3));
  if (!role) throw db::DatabaseError("users row with an unknown role: " + row.Text(3));
  std::optional<core::TimePoint> suspended_at;
  if (const auto seconds = row.OptionalInt(6)) suspended_at = core::FromUnixSeconds(*seconds);
  return User{
      .id = core::UserId{row.Int(0)},
      .email = row.Text(1),
      .name = row.Text(2),
      .role = *role,
      .created_at = core::FromUnixSeconds(row.Int(4)),
      .phone = row.Text(5),
      .suspended_at = suspended_at,
      .suspension_reason = row.Text(7),
  };
}

std::optional<UserRecord> AccountRepository::FindByEmail(std::string_view email) {
  auto row = connection_.QueryOne(kSelectUserByEmail, {email});
  if (!row) return std::nullopt;
  return UserRecord{.user = ReadUser(*row), .password_hash = row->Text(8)};
}

std::optional<User> AccountRepository::FindById(core::UserId id) {
  auto row = connection_.QueryOne(kSelectUserById, {id.value});
  if (!row) return std::nullopt;
  return ReadUser(*row);
}

std::vector<User> AccountRepository::FindByIds(std::span<const core::UserId> ids) {
  std::vector<core::UserId> unique(ids.begin(), ids.end());
  std::sort(unique.begin(), unique.end());
  unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
  std::vector<User> users;
  users.reserve(unique.size());
  std::vector<db::Parameter> parameters(kIdsPerLookup);
  for (std::size_t start = 0; start < unique.size(); start += kIdsPerLookup) {
    for (std::size_t index = 0; index < kIdsPerLookup; ++index) {
      const std::size_t position = start + index;
      parameters[index] = position < unique.size() ? unique[position].value : std::int64_t{0};
    }
    for (const db::Row& row : connection_.Query(kSelectUsersByIds, parameters)) users.push_back(ReadUser(row));
  }
  return users;
}

bool AccountRepository::EmailExists(std::string_view email) {
  return connection_.QueryOne(kSelectEmailExists, {email}).has_value();
}

std::int64_t AccountRepository::CountUsers() {
  auto row = connection_.QueryOne(kCountUsers);
  return row ? row->Int(0) : 0;
}

std::optional<core::UserId> AccountRepository::Insert(const NewUser& user) {
  // Insert-first with ON CONFLICT: a taken email returns no row instead of an error, which on
  // PostgreSQL would spoil the rest of the transaction.
  auto row = connection_.QueryOne(kInsertUserIfNew, {user.email, user.name, user.password_hash,
                                                     core::RoleName(user.role), user.created_at, user.phone});
  if (!row) return std::nullopt;
  return core::UserId{row->Int(0)};
}

core::UserId AccountRepository::InsertOrFind(const NewUser& user) {
  auto inserted = connection_.QueryOne(kInsertUserIfNew, {user.email, user.name, user.password_hash,
                                                          core::RoleName(user.role), user.created_at, user.phone});
  if (inserted) return core::UserId{inserted->Int(0)};
  auto existing = connection_.QueryOne(kSelectUserIdByEmail, {user.email});
  if (!existing) throw db::DatabaseError("user neither inserted nor found: " + std::string(user.email));
  return core::UserId{existing->Int(0)};
}

void AccountRepository::UpdatePasswordHash(core::UserId id, std::string_view password_hash) {
  connection_.Execute(kUpdatePasswordHash, {id.value, password_hash});
}

void AccountRepository::PromoteBuyerToSeller(core::UserId id) {
  connection_.Execute(kPromoteBuyerToSeller, {id.value});
}

void AccountRepository::InsertSession(const NewSession& session) {
  connection_.Execute(kInsertSession, {session.token_hash, session.user.value, SessionKindName(session.kind),
                                       session.created_at, session.created_at, session.expires_at,
                                       session.remote_address, session.user_agent});
}

std::optional<SessionRecord> AccountRepository::FindSession(std::string_view token_hash) {
  auto row = connection_.QueryOne(kSelectSession, {token_hash});
  if (!row) return std::nullopt;
  return SessionRecord{
      .user = ReadUser(*row),
      .kind = ParseSessionKind(row->Text(8)),
      .last_seen_at = row->Int(9),
      .expires_at = row->Int(10),
  };
}

void AccountRepository::TouchSession(std::string_view token_hash, std::int64_t last_seen_at) {
  connection_.Execute(kTouchSession, {token_hash, last_seen_at});
}

void AccountRepository::DeleteSession(std::string_view token_hash) {
  connection_.Execute(kDeleteSession, {token_hash});
}

std::int64_t AccountRepository::DeleteExpiredSessions(std::int64_t now, std::int64_t idle_cutoff) {
  return connection_.Execute(kDeleteExpiredSessions, {now, idle_cutoff});
}

}  // namespace manmulsang::accounts
