#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "manmulsang/accounts/accounts.hpp"
#include "manmulsang/accounts/user.hpp"
#include "manmulsang/db/database.hpp"

namespace manmulsang::accounts {

struct UserRecord {
  User user;
  std::string password_hash;
};

struct NewUser {
  std::string_view email;
  std::string_view name;
  std::string_view password_hash;
  core::Role role = core::Role::buyer;
  std::int64_t created_at = 0;
  std::string_view phone;  // digits or empty
};

struct NewSession {
  std::string_view token_hash;
  core::UserId user;
  SessionKind kind = SessionKind::browser;
  std::int64_t created_at = 0;
  std::int64_t expires_at = 0;
  std::string_view remote_address;  // already cut to kMaxRemoteAddressBytes
  std::string_view user_agent;      // already cut to kMaxUserAgentBytes
};

struct SessionRecord {
  User user;
  SessionKind kind = SessionKind::browser;
  std::int64_t last_seen_at = 0;
  std::int64_t expires_at = 0;
};

// Columns 0..7 of a users select: id, email, name, role, created_at, phone, suspended_at,
// suspension_reason. An unknown role is a db::DatabaseError.
User ReadUser(const db::Row& row);

// The SQL of members and sessions (the console's is in member_repository.cpp). Works on whatever connection the service
// hands it, inside or outside a write transaction.
class AccountRepository {
 public:
  explicit AccountRepository(db::Connection& connection) : connection_(connection) {}

  std::optional<UserRecord> FindByEmail(std::string_view email);
  std::optional<User> FindById(core::UserId id);
  std::vector<User> FindByIds(std::span<const core::UserId> ids);
  bool EmailExists(std::string_view email);
  std::int64_t CountUsers();

  // nullopt when the email is taken (the UNIQUE constraint said so).
  std::optional<core::UserId> Insert(const NewUser& user);
  // The demo path: an existing email keeps its row and yields its id.
  core::UserId InsertOrFind(const NewUser& user);
  void UpdatePasswordHash(core::UserId id, std::string_view password_hash);
  // buyer → seller; any other role is left as it is.
  void PromoteBuyerToSeller(core::UserId id);

  void InsertSession(const NewSession& session);
  std::optional<SessionRecord> FindSession(std::string_view token_hash);
  void TouchSession(std::string_view token_hash, std::int64_t last_seen_at);
  void DeleteSession(std::string_view token_hash);
  // Sessions past their absolute end, and browser sessions idle since before idle_cutoff.
  std::int64_t DeleteExpiredSessions(std::int64_t now, std::int64_t idle_cutoff);

 private:
  db::Connection& connection_;
};

}  // namespace manmulsang::accounts
