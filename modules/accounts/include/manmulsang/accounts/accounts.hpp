#pragma once

#include <chrono>
#include <cstdint>
#include <expected>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "manmulsang/accounts/errors.hpp"
#include "manmulsang/accounts/user.hpp"
#include "manmulsang/core/clock.hpp"
#include "manmulsang/core/context.hpp"
#include "manmulsang/db/database.hpp"

namespace manmulsang::accounts {

struct RegisterCommand {
  std::string email;
  std::string password;
  std::string name;
  core::Role role = core::Role::buyer;
  std::string phone;  // optional: empty, or digits with spaces, dashes, dots, parentheses (kept as digits)
};

// A signed-in session: the token is shown once (cookie value or bearer token); only its hash is stored.
struct SignedIn {
  User user;
  std::string token;
};

enum class SessionKind { browser, api };

std::string_view SessionKindName(SessionKind kind);  // "browser", "api"

// The members console's search: one text box and two filters.
//   text: "42" or "#42" (an id; bare digits also match phones), an e-mail or part of one ("kim@",
//   "example.com"), part of a name (Hangul too), or phone digits ("010-1234" matches 01012345678).
//   Empty: every member.
struct MemberQuery {
  std::string text;
  std::optional<core::Role> role;  // only members of this role
  bool suspended_only = false;
  int page = 1;       // from 1; out of range is clamped
  int per_page = 20;  // 1..100; out of range is clamped
};

struct MemberPage {
  std::vector<User> items;  // newest first
  std::int64_t total = 0;   // matches over all pages
  int page = 1;
  int per_page = 20;
};

// Where a session was opened: the client's address (behind nginx the trusted X-Forwarded-For
// one) and its User-Agent. Either may be empty; both are cut to what the store keeps.
struct SessionOrigin {
  std::string_view remote_address;
  std::string_view user_agent;
};

// A live session as an admin or its member sees it: never its token or the token's hash.
struct SessionInfo {
  std::int64_t id = 0;
  SessionKind kind = SessionKind::browser;
  core::TimePoint created_at;
  core::TimePoint last_seen_at;
  core::TimePoint expires_at;
  std::string remote_address;  // as recorded at sign-in; "" for sessions older than the record
  std::string user_agent;
  std::string device;    // DescribeUserAgent(user_agent): "Chrome · Windows"; "" when unknown
  bool current = false;  // the session the request came with ("this device")
};

// A short description of a User-Agent for the sessions list: browser and system, such as
// "Chrome · Windows", "Safari · iPhone", "Samsung Internet · Android", "curl"; "" when unknown.
std::string DescribeUserAgent(std::string_view user_agent);

// What other modules say about closing an account, wired above the modules (app/wiring), since
// accounts depends on none of them. Either may be empty (then it does nothing).
struct AccountClosingHooks {
  // Why the member may not close now, read through the other modules' services:
  // orders_in_progress, wallet_not_empty, shop_open or payout_pending; nullopt when nothing holds
  // the account open.
  std::function<std::optional<AccountError>(core::UserId)> refusal;
  // Erases what other modules keep about the member as a person (the address book); orders and
  // ledger entries stay for the shop's and the marketplace's records.
  std::function<void(core::UserId)> erase_personal_data;
  // Anonymises, inside the close's own transaction (so it commits with it and is re-run with it),
  // what other modules copied of the member's name (a conversation's buyer name).
  std::function<void(db::Connection&, core::UserId)> anonymise_in_close;
};

// What a closed account's row keeps: the name every order and ledger page shows for it, and an
// e-mail without an @, which no one can register or sign in with, so the old one is free again.
inline constexpr std::string_view kClosedMemberName = "탈퇴한 회원";
std::string ClosedMemberEmail(core::UserId member);  // "closed-member-42"

// A one-time password reset code, shown once: only its hash is stored.
struct IssuedResetCode {
  User member;
  std::string code;  // "ABCDE-FGH23": 10 characters of an alphabet without 0/O, 1/I/L, in two groups
  core::TimePoint expires_at;
};

inline constexpr std::chrono::hours kResetCodeLifetime{24};

// Members, passwords (Argon2id), sessions and API tokens, login throttling.
//
// Sessions: a browser session ends after 2 idle hours (sliding) or 30 days, whichever is first;
// an API token ends 30 days after login. Every login opens a new session with a new token.
// Failed logins are limited per account (5 in 15 minutes) and per remote address (20 in 15
// minutes), counted in this process's memory: on several nodes each node counts on its own.
class AccountService {
 public:
  AccountService(db::Database& database, const core::Clock& clock);
  ~AccountService();

  // Validates and normalises the command, hashes the password, inserts the member. Also the
  // path of `manmulsang admin create-user` (with command.role).
  std::expected<User, AccountError> Register(const RegisterCommand& command);
  // Register, then a session of kind for the new member in the same transaction.
  std::expected<SignedIn, AccountError> SignUp(const RegisterCommand& command, SessionKind kind,
                                               SessionOrigin origin = {});
  // Unknown email and wrong password give the same error (wrong_credentials) after the same work.
  // The session records remote_address and user_agent (its origin in the member's sessions list).
  std::expected<SignedIn, AccountError> Login(std::string_view email, std::string_view password,
                                              std::string_view remote_address, SessionKind kind,
                                              std::string_view user_agent = {});
  // After too_many_attempts: how long until this email / address may try again (zero if now).
  std::chrono::seconds LoginRetryAfter(std::string_view email, std::string_view remote_address);
  // The user behind a session token, if the session is alive (sliding idle + absolute timeout).
  std::optional<User> Authenticate(std::string_view token, SessionKind kind);
  // Ends the session of token; an unknown token is ignored.
  void Logout(std::string_view token);

  std::optional<User> FindUser(core::UserId id);
  // Batched lookup: the users that exist among ids, in no particular order.
  std::vector<User> FindUsers(std::span<const core::UserId> ids);
  std::int64_t CountMembers();
  std::optional<User> FindUserByEmail(std::string_view email);

  // --- The members console. `admin` must be an active admin (else not_allowed); each action
  // writes its audit entry ("member.suspend", "member.unsuspend", "member.role",
  // "member.reset_code") in its own transaction. Reasons are trimmed, at most audit::kMaxReasonBytes.
  MemberPage SearchMembers(const MemberQuery& query);
  // The member's live sessions and API tokens, most recently used first.
  std::vector<SessionInfo> ActiveSessions(core::UserId user);
  // Suspends the member (a reason is required) and ends every session of theirs in the same
  // transaction; Login and Authenticate refuse a suspended member. Not oneself, not the last
  // active admin.
  std::expected<User, AccountError> Suspend(core::UserId admin, core::UserId member, std::string_view reason);
  std::expected<User, AccountError> Unsuspend(core::UserId admin, core::UserId member, std::string_view reason);
  // Not one's own role; never the last active admin's.
  std::expected<User, AccountError> ChangeRole(core::UserId admin, core::UserId member, core::Role role,
                                               std::string_view reason);
  // A new one-time code for member, valid kResetCodeLifetime; it replaces any earlier code.
  // admin is nullopt on the command line (`manmulsang admin reset-password`), which writes no audit entry.
  std::expected<IssuedResetCode, AccountError> IssueResetCode(std::optional<core::UserId> admin, core::UserId member);
  // The member's side: email + code + new password. The code is used once (two racing uses
  // succeed once); the password is replaced and every session of the member ends. An unknown
  // email, a wrong, used, replaced or expired code all answer invalid_reset_code after the same
  // work and count as failed logins (too_many_attempts once throttled); a password the rules
  // refuse is refused first and leaves the code unused.
  std::expected<User, AccountError> ResetPassword(std::string_view email, std::string_view code,
                                                  std::string_view new_password, std::string_view remote_address = {});
  // The command line's `--password-file`: sets the password and ends every session.
  std::expected<User, AccountError> SetPassword(core::UserId member, std::string_view new_password);

  // --- The member's own security page (account_security.cpp). current_token is the token the
  // request came with (cookie or bearer), so that its session is marked and kept. A wrong current
  // password is wrong_password and counts as a failed login (too_many_attempts once throttled).
  // Live sessions and API tokens of member, most recently used first, the current one marked.
  std::vector<SessionInfo> MemberSessions(core::UserId member, std::string_view current_token);
  // The same password rules as Register; every other session and token of the member ends in the
  // same transaction, the current one stays.
  std::expected<void, AccountError> ChangePassword(core::UserId member, std::string_view current_password,
                                                   std::string_view new_password, std::string_view current_token,
                                                   std::string_view remote_address = {});
  // E-mail and phone, validated and normalised as Register does; email_taken when another member
  // has the e-mail.
  std::expected<User, AccountError> ChangeContact(core::UserId member, std::string_view email, std::string_view phone);
  // Ends one session or token of member; session_not_found for an unknown id or another member's.
  std::expected<void, AccountError> RevokeSession(core::UserId member, std::int64_t session);
  // Ends every session and token of member but the current one; returns how many ended.
  std::int64_t RevokeOtherSessions(core::UserId member, std::string_view current_token);
  // Set once by the wiring, before serving.
  void SetClosingHooks(AccountClosingHooks hooks);
  // Closes the member's account: the password is required, the hooks' refusal is asked first.
  // Then the other modules erase what they keep (the hooks), and one transaction anonymises the
  // row (ClosedMemberEmail, kClosedMemberName, no phone, no password, the buyer role), deletes
  // every session, token and reset code, and records "member.close" in the audit log (the member
  // as actor). The last active admin may not close (last_admin).
  std::expected<void, AccountError> CloseAccount(core::UserId member, std::string_view password,
                                                 std::string_view remote_address = {});

  // --- A step inside a caller's transaction (a seller application's approval) ---
  // The member becomes a seller; an admin stays an admin, since approving a shop must not take
  // away what a member could already do. nullopt when there is no such member. Sessions read the
  // role at every request, so the new role holds from the member's next request.
  std::optional<User> GrantSellerRole(db::Connection& connection, core::UserId user);

  // The bulk path for members a program makes (the demo's thousands, tests' fixtures), never for
  // people signing up: one transaction, each member checked as Register checks it (a bad one
  // throws: it is a bug in the caller), and members with the same password share one Argon2id
  // hash computed once (hashing thousands would take minutes). A member whose email exists is
  // kept as it is. Returns their ids in input order. Who the members are is the caller's business
  // (app/demo makes the demo's); the checks, the hashing and the SQL stay here.
  std::vector<core::UserId> InsertGeneratedMembers(std::span<const RegisterCommand> members);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Migrations of this module, for Database::Migrate.
std::span<const core::EmbeddedFile> Migrations();

}  // namespace manmulsang::accounts
