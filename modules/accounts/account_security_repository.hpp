#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "manmulsang/accounts/accounts.hpp"
#include "manmulsang/db/database.hpp"

namespace manmulsang::accounts {

// The password hash and e-mail of an open account (the e-mail counts failed attempts).
struct PasswordRecord {
  std::string email;
  std::string password_hash;
};

// The SQL of the member's own security page: their sessions with where they were opened, contact
// changes and closing. Every write is conditional on the member (another member's session id
// changes nothing) and safe to run again.
class AccountSecurityRepository {
 public:
  explicit AccountSecurityRepository(db::Connection& connection) : connection_(connection) {}

  // Live sessions and tokens of member (at most 100), most recently used first; the one whose
  // token hash is current_token_hash is marked current. device is left for the service.
  std::vector<SessionInfo> LiveSessions(core::UserId member, std::int64_t now, std::int64_t idle_cutoff,
                                        std::string_view current_token_hash);
  // Whether a session with this id belonged to member (and is now gone).
  bool DeleteSession(core::UserId member, std::int64_t session);
  // Every session of member but the one with keep_token_hash; how many ended.
  std::int64_t DeleteSessionsExcept(core::UserId member, std::string_view keep_token_hash);
  std::optional<PasswordRecord> FindOpenAccount(core::UserId member);
  // False when another member has the e-mail (or the account is closed or gone).
  bool UpdateContact(core::UserId member, std::string_view email, std::string_view phone);
  // Anonymises the row once (and drops its role to buyer, so a closed admin counts as no admin):
  // false when it is gone or already closed.
  bool Close(core::UserId member, std::string_view placeholder_email, std::string_view placeholder_name,
             std::int64_t now);
  void DeleteResetCodes(core::UserId member);

 private:
  db::Connection& connection_;
};

}  // namespace manmulsang::accounts
