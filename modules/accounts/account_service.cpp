#include <stdexcept>

#include "account_service_impl.hpp"
#include "embedded/accounts_migrations.hpp"

namespace manmulsang::accounts {

AccountService::AccountService(db::Database& database, const core::Clock& clock)
    : impl_(std::make_unique<Impl>(database, clock)) {}

AccountService::~AccountService() = default;

std::expected<User, AccountError> AccountService::Register(const RegisterCommand& command) {
  auto created = impl_->Create(command, std::nullopt);
  if (!created) return std::unexpected(created.error());
  return std::move(created->user);
}

std::expected<SignedIn, AccountError> AccountService::SignUp(const RegisterCommand& command, SessionKind kind,
                                                             SessionOrigin origin) {
  return impl_->Create(command, kind, origin);
}

std::expected<SignedIn, AccountError> AccountService::Login(std::string_view email, std::string_view password,
                                                            std::string_view remote_address, SessionKind kind,
                                                            std::string_view user_agent) {
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
  // Said only to someone who knows the password, so it tells a guesser nothing.
  if (record->user.suspended()) return std::unexpected(AccountError::account_suspended);

  // Settings raised since this hash was made: replace it now that the password is at hand.
  std::optional<std::string> new_hash;
  if (impl_->hasher.NeedsRehash(record->password_hash)) new_hash = impl_->hasher.Hash(password);
  const std::int64_t now_seconds = core::ToUnixSeconds(now);
  const bool purge = impl_->ClaimPurge(now_seconds);
  auto token = impl_->database.Write([&](db::Connection& connection) -> std::expected<std::string, AccountError> {
    AccountRepository repository(connection);
    // A suspension committed since the password was checked wins: no session opens after it.
    const auto current = repository.FindById(record->user.id);
    if (!current) return std::unexpected(AccountError::wrong_credentials);
    if (current->suspended()) return std::unexpected(AccountError::account_suspended);
    if (new_hash) repository.UpdatePasswordHash(record->user.id, *new_hash);
    return impl_->OpenSession(repository, record->user.id, kind, now_seconds, purge,
                              {.remote_address = remote_address, .user_agent = user_agent});
  });
  if (!token) return std::unexpected(token.error());
  return SignedIn{.user = std::move(record->user), .token = std::move(*token)};
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
  // Suspending ends the member's sessions; this also refuses one that a racing login opened.
  if (session->user.suspended()) return std::nullopt;

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

std::optional<User> AccountService::FindUserByEmail(std::string_view email) {
  const auto normalised = NormaliseEmail(email);
  if (!normalised) return std::nullopt;
  auto record = impl_->database.Read(
      [&](db::Connection& connection) { return AccountRepository(connection).FindByEmail(*normalised); });
  if (!record) return std::nullopt;
  return std::move(record->user);
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
                                             .created_at = now,
                                             .phone = member.valid.phone}));
    }
    return ids;
  });
}

std::span<const core::EmbeddedFile> Migrations() { return embedded::accounts_migrations(); }

}  // namespace manmulsang::accounts
