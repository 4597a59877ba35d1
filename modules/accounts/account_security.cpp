// AccountService's member-facing security operations: the member's own sessions and tokens,
// password and contact changes, and closing the account. Each checks the member inside its
// transaction; a wrong current password counts as a failed login, so a stolen session cannot
// guess the password faster than the sign-in form could.

#include "account_security_repository.hpp"
#include "account_service_impl.hpp"
#include "manmulsang/audit/audit.hpp"
#include "member_repository.hpp"

namespace manmulsang::accounts {

std::string_view CutUtf8(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  std::size_t end = max_bytes;
  // Back off continuation bytes (10xxxxxx) so the cut falls before a sequence, not inside one.
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

std::string ClosedMemberEmail(core::UserId member) { return "closed-member-" + std::to_string(member.value); }

namespace {

// The current password of member checked under the login throttle: wrong_password, or
// too_many_attempts once the account or the address has failed too often.
struct PasswordCheck {
  db::Database& database;
  const core::Clock& clock;
  LoginThrottle& throttle;
  const PasswordHasher& hasher;
};

std::expected<PasswordRecord, AccountError> CheckCurrentPassword(const PasswordCheck& impl, core::UserId member,
                                                                 std::string_view password,
                                                                 std::string_view remote_address) {
  auto record = impl.database.Read(
      [&](db::Connection& connection) { return AccountSecurityRepository(connection).FindOpenAccount(member); });
  if (!record) return std::unexpected(AccountError::member_not_found);
  const core::TimePoint now = impl.clock.Now();
  if (impl.throttle.RetryAfter(record->email, remote_address, now).count() > 0) {
    return std::unexpected(AccountError::too_many_attempts);
  }
  if (password.size() > kMaxPasswordBytes || !impl.hasher.Verify(record->password_hash, password)) {
    impl.throttle.RecordFailure(record->email, remote_address, now);
    return std::unexpected(AccountError::wrong_password);
  }
  return std::move(*record);
}

}  // namespace

std::vector<SessionInfo> AccountService::MemberSessions(core::UserId member, std::string_view current_token) {
  const std::int64_t now = impl_->NowSeconds();
  const std::string current_hash = LooksLikeSessionToken(current_token) ? HashSessionToken(current_token) : "";
  auto sessions = impl_->database.Read([&](db::Connection& connection) {
    return AccountSecurityRepository(connection).LiveSessions(member, now, now - kBrowserIdleSeconds, current_hash);
  });
  for (SessionInfo& session : sessions) session.device = DescribeUserAgent(session.user_agent);
  return sessions;
}

std::expected<void, AccountError> AccountService::ChangePassword(core::UserId member, std::string_view current_password,
                                                                 std::string_view new_password,
                                                                 std::string_view current_token,
                                                                 std::string_view remote_address) {
  if (auto rules = CheckPassword(new_password); !rules) return std::unexpected(rules.error());
  auto record = CheckCurrentPassword({impl_->database, impl_->clock, impl_->throttle, impl_->hasher}, member,
                                     current_password, remote_address);
  if (!record) return std::unexpected(record.error());
  const std::string password_hash = impl_->hasher.Hash(new_password);
  // An empty hash matches no session, so without a current token every session ends.
  const std::string keep_hash = LooksLikeSessionToken(current_token) ? HashSessionToken(current_token) : "";
  return impl_->database.Write([&](db::Connection& connection) -> std::expected<void, AccountError> {
    AccountSecurityRepository security(connection);
    if (!security.FindOpenAccount(member)) return std::unexpected(AccountError::member_not_found);
    AccountRepository(connection).UpdatePasswordHash(member, password_hash);
    // In the same transaction: no other session outlives the new password's commit.
    security.DeleteSessionsExcept(member, keep_hash);
    return {};
  });
}

std::expected<User, AccountError> AccountService::ChangeContact(core::UserId member, std::string_view email,
                                                                std::string_view phone) {
  auto normalised_email = NormaliseEmail(email);
  if (!normalised_email) return std::unexpected(normalised_email.error());
  auto normalised_phone = NormalisePhone(phone);
  if (!normalised_phone) return std::unexpected(normalised_phone.error());
  try {
    return impl_->database.Write([&](db::Connection& connection) -> std::expected<User, AccountError> {
      AccountSecurityRepository security(connection);
      if (!security.FindOpenAccount(member)) return std::unexpected(AccountError::member_not_found);
      if (!security.UpdateContact(member, *normalised_email, *normalised_phone)) {
        return std::unexpected(AccountError::email_taken);
      }
      return *AccountRepository(connection).FindById(member);
    });
  } catch (const db::UniqueViolation&) {
    // Another member took the e-mail between the statement's check and its write.
    return std::unexpected(AccountError::email_taken);
  }
}

std::expected<void, AccountError> AccountService::RevokeSession(core::UserId member, std::int64_t session) {
  return impl_->database.Write([&](db::Connection& connection) -> std::expected<void, AccountError> {
    if (!AccountSecurityRepository(connection).DeleteSession(member, session)) {
      return std::unexpected(AccountError::session_not_found);
    }
    return {};
  });
}

std::int64_t AccountService::RevokeOtherSessions(core::UserId member, std::string_view current_token) {
  const std::string keep_hash = LooksLikeSessionToken(current_token) ? HashSessionToken(current_token) : "";
  return impl_->database.Write([&](db::Connection& connection) {
    return AccountSecurityRepository(connection).DeleteSessionsExcept(member, keep_hash);
  });
}

void AccountService::SetClosingHooks(AccountClosingHooks hooks) { impl_->closing_hooks = std::move(hooks); }

std::expected<void, AccountError> AccountService::CloseAccount(core::UserId member, std::string_view password,
                                                               std::string_view remote_address) {
  auto record = CheckCurrentPassword({impl_->database, impl_->clock, impl_->throttle, impl_->hasher}, member, password,
                                     remote_address);
  if (!record) return std::unexpected(record.error());
  if (impl_->closing_hooks.refusal) {
    if (auto refusal = impl_->closing_hooks.refusal(member)) return std::unexpected(*refusal);
  }
  // Before the row is anonymised: a closed member can no longer sign in to try again, so what
  // other modules keep must already be gone when the close commits.
  if (impl_->closing_hooks.erase_personal_data) impl_->closing_hooks.erase_personal_data(member);
  const core::TimePoint now = impl_->clock.Now();
  const std::string placeholder_email = ClosedMemberEmail(member);
  return impl_->database.Write([&](db::Connection& connection) -> std::expected<void, AccountError> {
    AccountSecurityRepository security(connection);
    MemberRepository members(connection);
    const auto user = AccountRepository(connection).FindById(member);
    if (!user) return std::unexpected(AccountError::member_not_found);
    // The marketplace is never left without an active admin.
    if (user->role == core::Role::admin && members.CountOtherActiveAdmins(member) == 0) {
      return std::unexpected(AccountError::last_admin);
    }
    if (!security.Close(member, placeholder_email, kClosedMemberName, core::ToUnixSeconds(now))) {
      return std::unexpected(AccountError::member_not_found);
    }
    members.DeleteSessionsOf(member);
    security.DeleteResetCodes(member);
    if (impl_->closing_hooks.anonymise_in_close) impl_->closing_hooks.anonymise_in_close(connection, member);
    // The member is the actor; the old e-mail is not recorded, since it is the data being erased.
    audit::RecordIn(
        connection, now,
        audit::AuditEntry{member, "member.close", "member", std::to_string(member.value), "active", "closed", ""});
    return {};
  });
}

}  // namespace manmulsang::accounts
