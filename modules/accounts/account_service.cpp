#include <atomic>
#include <chrono>
#include <mutex>
#include <stdexcept>
#include <unordered_map>

#include "account_repository.hpp"
#include "account_validation.hpp"
#include "embedded/accounts_migrations.hpp"
#include "login_throttle.hpp"
#include "manmulsang/accounts/accounts.hpp"
#include "password_hasher.hpp"
#include "session_token.hpp"

namespace manmulsang::accounts {
namespace {

constexpr std::int64_t kBrowserIdleSeconds = 2 * 60 * 60;
constexpr std::int64_t kBrowserLifetimeSeconds = 30 * 24 * 60 * 60;
constexpr std::int64_t kApiLifetimeSeconds = 30 * 24 * 60 * 60;
// Sliding the idle timeout writes last_seen_at at most this often, not on every request.
constexpr std::int64_t kTouchIntervalSeconds = 60;
// Expired sessions are deleted by a login at most this often.
constexpr std::int64_t kPurgeIntervalSeconds = 10 * 60;

struct ValidCommand {
  std::string email;
  std::string name;
};

std::expected<ValidCommand, AccountError> Validate(const RegisterCommand& command) {
  auto email = NormaliseEmail(command.email);
  if (!email) return std::unexpected(email.error());
  if (auto password = CheckPassword(command.password); !password) return std::unexpected(password.error());
  auto name = NormaliseName(command.name);
  if (!name) return std::unexpected(name.error());
  return ValidCommand{.email = std::move(*email), .name = std::move(*name)};
}

}  // namespace

struct AccountService::Impl {
  Impl(db::Database& database, const core::Clock& clock) : database(database), clock(clock) {}

  std::int64_t NowSeconds() const { return core::ToUnixSeconds(clock.Now()); }

  // Unknown emails are checked against this hash so that they cost what a wrong password costs.
  const std::string& DummyHash() {
    std::call_once(dummy_once, [&] { dummy_hash = hasher.Hash(NewSessionToken()); });
    return dummy_hash;
  }

  // Opens a session on the caller's write connection; returns the token to show once.
  std::string OpenSession(AccountRepository& repository, core::UserId user, SessionKind kind, std::int64_t now) {
    std::string token = NewSessionToken();
    const std::string token_hash = HashSessionToken(token);
    const std::int64_t lifetime = kind == SessionKind::browser ? kBrowserLifetimeSeconds : kApiLifetimeSeconds;
    repository.InsertSession(
        {.token_hash = token_hash, .user = user, .kind = kind, .created_at = now, .expires_at = now + lifetime});
    std::int64_t purge_at = next_purge_at.load();
    if (now >= purge_at && next_purge_at.compare_exchange_strong(purge_at, now + kPurgeIntervalSeconds)) {
      repository.DeleteExpiredSessions(now, now - kBrowserIdleSeconds);
    }
    return token;
  }

  // Register and SignUp: the slow hash runs before the write transaction, so the single writer
  // is never held for it.
  std::expected<SignedIn, AccountError> Create(const RegisterCommand& command, std::optional<SessionKind> kind) {
    auto valid = Validate(command);
    if (!valid) return std::unexpected(valid.error());
    const bool taken = database.Read(
        [&](db::Connection& connection) { return AccountRepository(connection).EmailExists(valid->email); });
    if (taken) return std::unexpected(AccountError::email_taken);
    const std::string password_hash = hasher.Hash(command.password);
    const std::int64_t now = NowSeconds();
    return database.Write([&](db::Connection& connection) -> std::expected<SignedIn, AccountError> {
      AccountRepository repository(connection);
      const auto id = repository.Insert({.email = valid->email,
                                         .name = valid->name,
                                         .password_hash = password_hash,
                                         .role = command.role,
                                         .created_at = now});
      // Someone else took the email between the check and the insert.
      if (!id) return std::unexpected(AccountError::email_taken);
      SignedIn signed_in{.user = User{.id = *id,
                                      .email = valid->email,
                                      .name = valid->name,
                                      .role = command.role,
                                      .created_at = core::FromUnixSeconds(now)}};
      if (kind) signed_in.token = OpenSession(repository, *id, *kind, now);
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
};

AccountService::AccountService(db::Database& database, const core::Clock& clock)
    : impl_(std::make_unique<Impl>(database, clock)) {}

AccountService::~AccountService() = default;

std::expected<User, AccountError> AccountService::Register(const RegisterCommand& command) {
  auto created = impl_->Create(command, std::nullopt);
  if (!created) return std::unexpected(created.error());
  return std::move(created->user);
}

std::expected<SignedIn, AccountError> AccountService::SignUp(const RegisterCommand& command, SessionKind kind) {
  return impl_->Create(command, kind);
}

std::expected<SignedIn, AccountError> AccountService::Login(std::string_view email, std::string_view password,
                                                            std::string_view remote_address, SessionKind kind) {
  const auto normalised = NormaliseEmail(email);
  // An address that cannot be normalised still counts against itself, so that junk is throttled too.
  const std::string account = normalised ? *normalised : std::string(email.substr(0, 4 * kMaxEmailBytes));
  const core::TimePoint now = impl_->clock.Now();
  if (impl_->throttle.RetryAfter(account, remote_address, now) > std::chrono::seconds(0)) {
    return std::unexpected(AccountError::too_many_attempts);
  }

  std::optional<UserRecord> record;
  if (normalised) {
    record = impl_->database.Read(
        [&](db::Connection& connection) { return AccountRepository(connection).FindByEmail(*normalised); });
  }
  // The same Argon2id work whether or not the member exists: the answer's timing tells nothing.
  const std::string_view checked_password = password.substr(0, kMaxPasswordBytes);
  bool matches = false;
  if (record && password.size() <= kMaxPasswordBytes) {
    matches = impl_->hasher.Verify(record->password_hash, checked_password);
  } else {
    impl_->hasher.Verify(impl_->DummyHash(), checked_password);
  }
  if (!matches) {
    impl_->throttle.RecordFailure(account, remote_address, now);
    return std::unexpected(AccountError::wrong_credentials);
  }
  impl_->throttle.ClearAccount(account);

  // Settings raised since this hash was made: replace it now that the password is at hand.
  std::optional<std::string> new_hash;
  if (impl_->hasher.NeedsRehash(record->password_hash)) new_hash = impl_->hasher.Hash(password);
  const std::int64_t now_seconds = core::ToUnixSeconds(now);
  std::string token = impl_->database.Write([&](db::Connection& connection) {
    AccountRepository repository(connection);
    if (new_hash) repository.UpdatePasswordHash(record->user.id, *new_hash);
    return impl_->OpenSession(repository, record->user.id, kind, now_seconds);
  });
  return SignedIn{.user = std::move(record->user), .token = std::move(token)};
}

std::chrono::seconds AccountService::LoginRetryAfter(std::string_view email, std::string_view remote_address) {
  const auto normalised = NormaliseEmail(email);
  const std::string account = normalised ? *normalised : std::string(email.substr(0, 4 * kMaxEmailBytes));
  return impl_->throttle.RetryAfter(account, remote_address, impl_->clock.Now());
}

std::optional<User> AccountService::Authenticate(std::string_view token, SessionKind kind) {
  if (!LooksLikeSessionToken(token)) return std::nullopt;
  const std::string token_hash = HashSessionToken(token);
  auto session = impl_->database.Read(
      [&](db::Connection& connection) { return AccountRepository(connection).FindSession(token_hash); });
  if (!session || session->kind != kind) return std::nullopt;

  const std::int64_t now = impl_->NowSeconds();
  const bool idle_too_long = kind == SessionKind::browser && now >= session->last_seen_at + kBrowserIdleSeconds;
  if (now >= session->expires_at || idle_too_long) {
    impl_->database.Write([&](db::Connection& connection) { AccountRepository(connection).DeleteSession(token_hash); });
    return std::nullopt;
  }
  if (now - session->last_seen_at >= kTouchIntervalSeconds) {
    impl_->database.Write(
        [&](db::Connection& connection) { AccountRepository(connection).TouchSession(token_hash, now); });
  }
  return std::move(session->user);
}

void AccountService::Logout(std::string_view token) {
  if (!LooksLikeSessionToken(token)) return;
  const std::string token_hash = HashSessionToken(token);
  impl_->database.Write([&](db::Connection& connection) { AccountRepository(connection).DeleteSession(token_hash); });
}

std::optional<User> AccountService::FindUser(core::UserId id) {
  return impl_->database.Read([&](db::Connection& connection) { return AccountRepository(connection).FindById(id); });
}

std::vector<User> AccountService::FindUsers(std::span<const core::UserId> ids) {
  if (ids.empty()) return {};
  return impl_->database.Read([&](db::Connection& connection) { return AccountRepository(connection).FindByIds(ids); });
}

std::int64_t AccountService::CountMembers() {
  return impl_->database.Read([&](db::Connection& connection) { return AccountRepository(connection).CountUsers(); });
}

std::optional<User> AccountService::GrantSellerRole(db::Connection& connection, core::UserId user) {
  AccountRepository repository(connection);
  repository.PromoteBuyerToSeller(user);
  return repository.FindById(user);
}

std::vector<core::UserId> AccountService::InsertGeneratedMembers(std::span<const RegisterCommand> members) {
  struct Prepared {
    ValidCommand valid;
    const std::string* password_hash;
    core::Role role;
  };
  std::vector<Prepared> prepared;
  prepared.reserve(members.size());
  for (const RegisterCommand& member : members) {
    auto valid = Validate(member);
    // A program makes these; a bad one is a bug in it, not user input.
    if (!valid) {
      throw std::invalid_argument("generated member " + member.email + ": " + std::string(ErrorCode(valid.error())));
    }
    prepared.push_back({std::move(*valid), &impl_->SharedHash(member.password), member.role});
  }
  const std::int64_t now = impl_->NowSeconds();
  return impl_->database.Write([&](db::Connection& connection) {
    AccountRepository repository(connection);
    std::vector<core::UserId> ids;
    ids.reserve(prepared.size());
    for (const Prepared& member : prepared) {
      ids.push_back(repository.InsertOrFind({.email = member.valid.email,
                                             .name = member.valid.name,
                                             .password_hash = *member.password_hash,
                                             .role = member.role,
                                             .created_at = now}));
    }
    return ids;
  });
}

std::span<const core::EmbeddedFile> Migrations() { return embedded::accounts_migrations(); }

}  // namespace manmulsang::accounts
