#pragma once

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

// Members, passwords (Argon2id), sessions and API tokens, login throttling.
class AccountService {
 public:
  AccountService(db::Database& database, const core::Clock& clock);
  ~AccountService();

  std::expected<User, AccountError> Register(const RegisterCommand& command);
  std::expected<SignedIn, AccountError> Login(std::string_view email, std::string_view password,
                                              std::string_view remote_address, SessionKind kind);
  // The user behind a session token, if the session is alive (sliding idle + absolute timeout).
  std::optional<User> Authenticate(std::string_view token, SessionKind kind);
  void Logout(std::string_view token);

  std::optional<User> FindUser(core::UserId id);
  // Batched lookup: the users that exist among ids, in no particular order.
  std::vector<User> FindUsers(std::span<const core::UserId> ids);
  std::int64_t CountMembers();

  // The demo generator's bulk path: inserts members that all share one precomputed password
  // hash (hashing thousands of passwords with Argon2id would take minutes). Returns their ids.
  std::vector<core::UserId> InsertDemoMembers(std::span<const RegisterCommand> members);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Migrations of this module, for Database::Migrate.
std::span<const core::EmbeddedFile> Migrations();

}  // namespace manmulsang::accounts
