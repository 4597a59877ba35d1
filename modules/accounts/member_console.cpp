// AccountService's members console: the admin's search, sessions list, suspension, role changes
// and one-time password reset codes, and the member's side of a reset. Every admin action checks
// the admin inside its transaction and records its audit entry there.

#include <algorithm>

#include "account_service_impl.hpp"
#include "manmulsang/audit/audit.hpp"
#include "manmulsang/text/normalize.hpp"
#include "member_repository.hpp"
#include "reset_code.hpp"

namespace manmulsang::accounts {
namespace {

constexpr int kMaxPage = 100'000;
constexpr int kMaxPerPage = 100;
// Nothing longer is an id, an address, a name or a phone number.
constexpr std::size_t kMaxSearchBytes = 4 * kMaxEmailBytes;
constexpr std::size_t kMaxIdDigits = 18;

bool AllDigits(std::string_view text) {
  return !text.empty() &&
         std::ranges::all_of(text, [](char character) { return character >= '0' && character <= '9'; });
}

// Digits with the punctuation people write phone numbers with ("010-1234-5678", "(02) 123.4567").
bool LooksLikePhone(std::string_view text) {
  return std::ranges::any_of(text, [](char character) { return character >= '0' && character <= '9'; }) &&
         std::ranges::all_of(text, [](char character) {
           return (character >= '0' && character <= '9') || character == '-' || character == ' ' || character == '.' ||
                  character == '(' || character == ')' || character == '+';
         });
}

std::string DigitsOf(std::string_view text) {
  std::string digits;
  std::ranges::copy_if(text, std::back_inserter(digits),
                       [](char character) { return character >= '0' && character <= '9'; });
  return digits;
}

// The search box's text as the repository's filters: "#42" an id; bare digits an id or part of a
// phone; digits with dashes part of a phone; with an @ part of an e-mail; else part of a name or
// an e-mail. Case never matters.
MemberSearch Classify(std::string_view typed) {
  MemberSearch search;
  const std::string text = text::FoldCase(text::Trim(typed));
  if (text.empty()) return search;
  search.match_all = false;
  if (text.size() > 1 && text.front() == '#' && AllDigits(std::string_view(text).substr(1))) {
    if (text.size() - 1 <= kMaxIdDigits) search.id = std::stoll(text.substr(1));
  } else if (AllDigits(text)) {
    if (text.size() <= kMaxIdDigits) search.id = std::stoll(text);
    search.phone_pattern = ContainsPattern(text);
  } else if (LooksLikePhone(text)) {
    search.phone_pattern = ContainsPattern(DigitsOf(text));
  } else if (text.find('@') != std::string::npos) {
    search.email_pattern = ContainsPattern(text);
  } else {
    search.email_pattern = ContainsPattern(text);
    search.name_pattern = ContainsPattern(text);
  }
  return search;
}

// The acting member, read inside the transaction: only an admin who is not suspended may act.
std::expected<User, AccountError> ActingAdmin(AccountRepository& repository, core::UserId admin) {
  auto user = repository.FindById(admin);
  if (!user || user->role != core::Role::admin || user->suspended()) {
    return std::unexpected(AccountError::not_allowed);
  }
  return *user;
}

std::string StatusWord(const User& user) { return user.suspended() ? "suspended" : "active"; }

}  // namespace

MemberPage AccountService::SearchMembers(const MemberQuery& query) {
  MemberPage page{.page = std::clamp(query.page, 1, kMaxPage), .per_page = std::clamp(query.per_page, 1, kMaxPerPage)};
  if (query.text.size() > kMaxSearchBytes) return page;
  MemberSearch search = Classify(query.text);
  if (query.role) search.role = std::string(core::RoleName(*query.role));
  search.suspended_only = query.suspended_only;
  search.limit = page.per_page;
  search.offset = static_cast<std::int64_t>(page.page - 1) * page.per_page;
  impl_->database.Read([&](db::Connection& connection) {
    MemberRepository repository(connection);
    page.items = repository.Search(search);
    page.total = repository.Count(search);
  });
  return page;
}

std::vector<SessionInfo> AccountService::ActiveSessions(core::UserId user) {
  const std::int64_t now = impl_->NowSeconds();
  return impl_->database.Read([&](db::Connection& connection) {
    return MemberRepository(connection).LiveSessions(user, now, now - kBrowserIdleSeconds);
  });
}

std::expected<User, AccountError> AccountService::Suspend(core::UserId admin, core::UserId member,
                                                          std::string_view reason) {
  if (admin == member) return std::unexpected(AccountError::cannot_change_self);
  auto words = NormaliseReason(reason, true);
  if (!words) return std::unexpected(words.error());
  const core::TimePoint now = impl_->clock.Now();
  return impl_->database.Write([&](db::Connection& connection) -> std::expected<User, AccountError> {
    AccountRepository accounts(connection);
    MemberRepository members(connection);
    if (auto acting = ActingAdmin(accounts, admin); !acting) return std::unexpected(acting.error());
    const auto target = accounts.FindById(member);
    if (!target) return std::unexpected(AccountError::member_not_found);
    if (target->suspended()) return std::unexpected(AccountError::already_suspended);
    if (target->role == core::Role::admin && members.CountOtherActiveAdmins(member) == 0) {
      return std::unexpected(AccountError::last_admin);
    }
    if (!members.Suspend(member, *words, core::ToUnixSeconds(now))) {
      return std::unexpected(AccountError::already_suspended);
    }
    // In the same transaction: no session of the member outlives the suspension's commit.
    members.DeleteSessionsOf(member);
    audit::RecordIn(connection, now,
                    audit::AuditEntry{admin, "member.suspend", "member", std::to_string(member.value), "active",
                                      "suspended", *words});
    return *accounts.FindById(member);
  });
}

std::expected<User, AccountError> AccountService::Unsuspend(core::UserId admin, core::UserId member,
                                                            std::string_view reason) {
  if (admin == member) return std::unexpected(AccountError::cannot_change_self);
  auto words = NormaliseReason(reason, false);
  if (!words) return std::unexpected(words.error());
  const core::TimePoint now = impl_->clock.Now();
  return impl_->database.Write([&](db::Connection& connection) -> std::expected<User, AccountError> {
    AccountRepository accounts(connection);
    MemberRepository members(connection);
    if (auto acting = ActingAdmin(accounts, admin); !acting) return std::unexpected(acting.error());
    const auto target = accounts.FindById(member);
    if (!target) return std::unexpected(AccountError::member_not_found);
    if (!members.Unsuspend(member)) return std::unexpected(AccountError::not_suspended);
    audit::RecordIn(connection, now,
                    audit::AuditEntry{admin, "member.unsuspend", "member", std::to_string(member.value),
                                      StatusWord(*target), "active", *words});
    return *accounts.FindById(member);
  });
}

std::expected<User, AccountError> AccountService::ChangeRole(core::UserId admin, core::UserId member, core::Role role,
                                                             std::string_view reason) {
  if (admin == member) return std::unexpected(AccountError::cannot_change_self);
  auto words = NormaliseReason(reason, false);
  if (!words) return std::unexpected(words.error());
  const core::TimePoint now = impl_->clock.Now();
  return impl_->database.Write([&](db::Connection& connection) -> std::expected<User, AccountError> {
    AccountRepository accounts(connection);
    MemberRepository members(connection);
    if (auto acting = ActingAdmin(accounts, admin); !acting) return std::unexpected(acting.error());
    const auto target = accounts.FindById(member);
    if (!target) return std::unexpected(AccountError::member_not_found);
    if (target->role == role) return std::unexpected(AccountError::same_role);
    // The statement itself refuses to take the admin role from the last active admin.
    if (!members.ChangeRole(member, target->role, role)) return std::unexpected(AccountError::last_admin);
    audit::RecordIn(
        connection, now,
        audit::AuditEntry{admin, "member.role", "member", std::to_string(member.value),
                          std::string(core::RoleName(target->role)), std::string(core::RoleName(role)), *words});
    return *accounts.FindById(member);
  });
}

std::expected<IssuedResetCode, AccountError> AccountService::IssueResetCode(std::optional<core::UserId> admin,
                                                                            core::UserId member) {
  // Made before the transaction, so a retried transaction stores the code that is shown.
  const std::string code = NewResetCode();
  const std::string code_hash = HashResetCode(member, *CanonicalResetCode(code));
  const core::TimePoint now = impl_->clock.Now();
  const core::TimePoint expires_at = now + kResetCodeLifetime;
  return impl_->database.Write([&](db::Connection& connection) -> std::expected<IssuedResetCode, AccountError> {
    AccountRepository accounts(connection);
    if (admin) {
      if (auto acting = ActingAdmin(accounts, *admin); !acting) return std::unexpected(acting.error());
    }
    auto target = accounts.FindById(member);
    if (!target) return std::unexpected(AccountError::member_not_found);
    MemberRepository(connection)
        .ReplaceResetCode({.member = member,
                           .code_hash = code_hash,
                           .issued_by = admin,
                           .created_at = core::ToUnixSeconds(now),
                           .expires_at = core::ToUnixSeconds(expires_at)});
    if (admin) {
      // The code itself is never recorded: the log is read by every admin.
      audit::RecordIn(connection, now,
                      audit::AuditEntry{*admin, "member.reset_code", "member", std::to_string(member.value), "",
                                        "reset code issued", ""});
    }
    return IssuedResetCode{.member = std::move(*target), .code = code, .expires_at = expires_at};
  });
}

std::expected<User, AccountError> AccountService::ResetPassword(std::string_view email, std::string_view code,
                                                                std::string_view new_password,
                                                                std::string_view remote_address) {
  if (auto password = CheckPassword(new_password); !password) return std::unexpected(password.error());
  const auto normalised = NormaliseEmail(email);
  // Throttled exactly as sign-in is, so a code cannot be guessed faster than a password.
  const std::string account = normalised ? *normalised : std::string(email.substr(0, 4 * kMaxEmailBytes));
  const core::TimePoint now = impl_->clock.Now();
  if (impl_->throttle.RetryAfter(account, remote_address, now).count() > 0) {
    return std::unexpected(AccountError::too_many_attempts);
  }
  std::optional<UserRecord> record;
  if (normalised) {
    record = impl_->database.Read(
        [&](db::Connection& connection) { return AccountRepository(connection).FindByEmail(*normalised); });
  }
  // Every attempt hashes and writes, whether the email, the code or both are wrong: the answer
  // and the work are the same, so neither says which was wrong. Member 0 and an empty hash match
  // no code.
  const std::string password_hash = impl_->hasher.Hash(new_password);
  const core::UserId member = record ? record->user.id : core::UserId{0};
  const auto canonical = CanonicalResetCode(code);
  const std::string code_hash = canonical ? HashResetCode(member, *canonical) : std::string();
  const std::int64_t now_seconds = core::ToUnixSeconds(now);
  auto reset = impl_->database.Write([&](db::Connection& connection) -> std::expected<User, AccountError> {
    MemberRepository members(connection);
    // Conditional on used_at IS NULL and expires_at: of two racing uses, one changes the row.
    if (!members.UseResetCode(member, code_hash, now_seconds)) return std::unexpected(AccountError::invalid_reset_code);
    AccountRepository accounts(connection);
    accounts.UpdatePasswordHash(member, password_hash);
    members.DeleteSessionsOf(member);
    auto user = accounts.FindById(member);
    if (!user) return std::unexpected(AccountError::invalid_reset_code);
    return *user;
  });
  if (!reset) {
    impl_->throttle.RecordFailure(account, remote_address, now);
    return reset;
  }
  impl_->throttle.ClearAccount(account);
  return reset;
}

std::expected<User, AccountError> AccountService::SetPassword(core::UserId member, std::string_view new_password) {
  if (auto password = CheckPassword(new_password); !password) return std::unexpected(password.error());
  const std::string password_hash = impl_->hasher.Hash(new_password);
  return impl_->database.Write([&](db::Connection& connection) -> std::expected<User, AccountError> {
    AccountRepository accounts(connection);
    if (!accounts.FindById(member)) return std::unexpected(AccountError::member_not_found);
    accounts.UpdatePasswordHash(member, password_hash);
    MemberRepository(connection).DeleteSessionsOf(member);
    return *accounts.FindById(member);
  });
}

}  // namespace manmulsang::accounts
