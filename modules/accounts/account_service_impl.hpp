#pragma once

// The state AccountService's operations share: account_service.cpp (members, passwords,
// sessions) and member_console.cpp (the admin's members console) both work on it.

#include <atomic>
#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "account_repository.hpp"
#include "account_validation.hpp"
#include "login_throttle.hpp"
#include "manmulsang/accounts/accounts.hpp"
#include "password_hasher.hpp"
#include "session_token.hpp"

namespace manmulsang::accounts {

inline constexpr std::int64_t kBrowserIdleSeconds = 2 * 60 * 60;
inline constexpr std::int64_t kBrowserLifetimeSeconds = 30 * 24 * 60 * 60;
inline constexpr std::int64_t kApiLifetimeSeconds = 30 * 24 * 60 * 60;
// Sliding the idle timeout writes last_seen_at at most this often, not on every request.
inline constexpr std::int64_t kTouchIntervalSeconds = 60;
// Expired sessions are deleted by a login at most this often.
inline constexpr std::int64_t kPurgeIntervalSeconds = 10 * 60;
// What a session keeps of its origin: an IPv6 address fits in 45 bytes; a User-Agent names the
// browser and system within its first few hundred.
inline constexpr std::size_t kMaxRemoteAddressBytes = 64;
inline constexpr std::size_t kMaxUserAgentBytes = 512;

// text cut to at most max_bytes without splitting a UTF-8 sequence.
std::string_view CutUtf8(std::string_view text, std::size_t max_bytes);

struct ValidCommand {
  std::string email;
  std::string name;
  std::string phone;
};

inline std::expected<ValidCommand, AccountError> Validate(const RegisterCommand& command) {
  auto email = NormaliseEmail(command.email);
  if (!email) return std::unexpected(email.error());
  if (auto password = CheckPassword(command.password); !password) return std::unexpected(password.error());
  auto name = NormaliseName(command.name);
  if (!name) return std::unexpected(name.error());
  auto phone = NormalisePhone(command.phone);
  if (!phone) return std::unexpected(phone.error());
  return ValidCommand{.email = std::move(*email), .name = std::move(*name), .phone = std::move(*phone)};
}

struct AccountService::Impl {
  Impl(db::Database& database, const core::Clock& clock) : database(database), clock(clock), throttle(database) {}

  std::int64_t NowSeconds() const { return core::ToUnixSeconds(clock.Now()); }

  // Unknown emails are checked against this hash so that they cost what a wrong password costs.
  const std::string& DummyHash() {
    std::call_once(dummy_once, [&] { dummy_hash = hasher.Hash(NewSessionToken()); });
    return dummy_hash;
  }

  // Whether this login also deletes the expired sessions: decided before the write transaction,
  // since a transaction body must not touch memory (PostgreSQL may run it twice).
  bool ClaimPurge(std::int64_t now) {
    std::int64_t purge_at = next_purge_at.load();
    return now >= purge_at && next_purge_at.compare_exchange_strong(purge_at, now + kPurgeIntervalSeconds);
  }

  // Opens a session on the caller's write connection; returns the token to show once.
  std::string OpenSession(AccountRepository& repository, core::UserId user, SessionKind kind, std::int64_t now,
                          bool purge, SessionOrigin origin = {}) {
    std::string token = NewSessionToken();
    const std::string token_hash = HashSessionToken(token);
    const std::int64_t lifetime = kind == SessionKind::browser ? kBrowserLifetimeSeconds : kApiLifetimeSeconds;
    repository.InsertSession({.token_hash = token_hash,
                              .user = user,
                              .kind = kind,
                              .created_at = now,
                              .expires_at = now + lifetime,
                              .remote_address = CutUtf8(origin.remote_address, kMaxRemoteAddressBytes),
                              .user_agent = CutUtf8(origin.user_agent, kMaxUserAgentBytes)});
    if (purge) repository.DeleteExpiredSessions(now, now - kBrowserIdleSeconds);
    return token;
  }

  // Register and SignUp: the slow hash runs before the write transaction, so the single writer
  // is never held for it.
  std::expected<SignedIn, AccountError> Create(const RegisterCommand& command, std::optional<SessionKind> kind,
                                               SessionOrigin origin = {}) {
    auto valid = Validate(command);
    if (!valid) return std::unexpected(valid.error());
    const bool taken = database.Read(
        [&](db::Connection& connection) { return AccountRepository(connection).EmailExists(valid->email); });
    if (taken) return std::unexpected(AccountError::email_taken);
    const std::string password_hash = hasher.Hash(command.password);
    const std::int64_t now = NowSeconds();
    const bool purge = kind && ClaimPurge(now);
    return database.Write([&](db::Connection& connection) -> std::expected<SignedIn, AccountError> {
      AccountRepository repository(connection);
      const auto id = repository.Insert({.email = valid->email,
                                         .name = valid->name,
                                         .password_hash = password_hash,
                                         .role = command.role,
                                         .created_at = now,
                                         .phone = valid->phone});
      // Someone else took the email between the check and the insert.
      if (!id) return std::unexpected(AccountError::email_taken);
      SignedIn signed_in{.user = User{.id = *id,
                                      .email = valid->email,
                                      .name = valid->name,
                                      .role = command.role,
                                      .created_at = core::FromUnixSeconds(now),
                                      .phone = valid->phone}};
      if (kind) signed_in.token = OpenSession(repository, *id, *kind, now, purge, origin);
      return signed_in;
    });
  }

  const std::string& SharedHash(const std::string& password) {
    std::lock_guard lock(shared_hash_mutex);
    auto found = shared_hashes.find(password);
    if (found == shared_hashes.end()) found = shared_hashes.emplace(password, hasher.Hash(password)).first;
    return found->second;
  }

  db::Database& database;
  const core::Clock& clock;
  PasswordHasher hasher;
  LoginThrottle throttle;
  std::once_flag dummy_once;
  std::string dummy_hash;
  std::mutex shared_hash_mutex;
  std::unordered_map<std::string, std::string> shared_hashes;
  std::atomic<std::int64_t> next_purge_at{0};
  AccountClosingHooks closing_hooks;  // set by the wiring before serving
};

}  // namespace manmulsang::accounts
