#pragma once

#include <chrono>
#include <cstdint>
#include <expected>
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
};

// A signed-in session: the token is shown once (cookie value or bearer token); only its hash is stored.
struct SignedIn {
  User user;
  std::string token;
};

enum class SessionKind { browser, api };

std::string_view SessionKindName(SessionKind kind);  // "browser", "api"

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
  std::expected<SignedIn, AccountError> SignUp(const RegisterCommand& command, SessionKind kind);
  // Unknown email and wrong password give the same error (wrong_credentials) after the same work.
  std::expected<SignedIn, AccountError> Login(std::string_view email, std::string_view password,
                                              std::string_view remote_address, SessionKind kind);
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
