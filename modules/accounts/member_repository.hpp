#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "manmulsang/accounts/accounts.hpp"
#include "manmulsang/db/database.hpp"

namespace manmulsang::accounts {

// What the search box asked for, already classified by the service. An empty pattern or a zero
// id takes no part; with match_all the text filter is off.
struct MemberSearch {
  bool match_all = true;
  std::int64_t id = 0;
  std::string phone_pattern;  // LIKE pattern over users.phone
  std::string email_pattern;  // LIKE pattern over users.email (stored lower-case)
  std::string name_pattern;   // LIKE pattern over lower(users.name)
  std::string role;           // a role name, or empty for any
  bool suspended_only = false;
  std::int64_t limit = 20;
  std::int64_t offset = 0;
};

struct NewResetCode {
  core::UserId member;
  std::string_view code_hash;
  std::optional<core::UserId> issued_by;
  std::int64_t created_at = 0;
  std::int64_t expires_at = 0;
};

// The SQL of the members console: search, sessions as an admin sees them, suspension, roles and
// reset codes. Writes are conditional, so a retried or raced transaction changes a row once.
class MemberRepository {
 public:
  explicit MemberRepository(db::Connection& connection) : connection_(connection) {}

  std::vector<User> Search(const MemberSearch& search);
  std::int64_t Count(const MemberSearch& search);
  std::vector<SessionInfo> LiveSessions(core::UserId user, std::int64_t now, std::int64_t idle_cutoff);

  // Each returns whether it changed the row.
  bool Suspend(core::UserId member, std::string_view reason, std::int64_t now);
  bool Unsuspend(core::UserId member);
  // from → to, only while the member still has role from; leaving the admin role only while
  // another active admin remains.
  bool ChangeRole(core::UserId member, core::Role from, core::Role to);
  // Active admins other than member.
  std::int64_t CountOtherActiveAdmins(core::UserId member);
  std::int64_t DeleteSessionsOf(core::UserId member);

  // Drops every earlier code of the member, then stores this one.
  void ReplaceResetCode(const NewResetCode& code);
  // Marks the code used if it is the member's, unused and not expired; false otherwise.
  bool UseResetCode(core::UserId member, std::string_view code_hash, std::int64_t now);

 private:
  db::Connection& connection_;
};

// "50%_off" → "%50\%\_off%": a LIKE pattern matching text anywhere, its wildcards escaped with \.
std::string ContainsPattern(std::string_view text);

}  // namespace manmulsang::accounts
