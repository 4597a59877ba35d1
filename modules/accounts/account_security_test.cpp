#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "manmulsang/accounts/accounts.hpp"
#include "manmulsang/audit/audit.hpp"
#include "test_database.hpp"

namespace manmulsang::accounts {
namespace {

using namespace std::chrono_literals;

constexpr std::string_view kPassword = "correct horse battery";
constexpr std::string_view kFirefox =
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:120.0) Gecko/20100101 Firefox/120.0";

class AccountSecurityTest : public ::testing::Test {
 protected:
  AccountSecurityTest()
      : store_(std::vector<db::Database::ModuleMigrations>{{"audit", audit::Migrations()}, {"accounts", Migrations()}}),
        clock_(core::FromUnixSeconds(1'790'000'000)),
        accounts_(*store_, clock_) {}

  SignedIn SignUp(std::string email) {
    auto signed_in = accounts_.SignUp({.email = std::move(email), .password = std::string(kPassword), .name = "김철수"},
                                      SessionKind::browser, {.remote_address = "10.1.2.3", .user_agent = kFirefox});
    EXPECT_TRUE(signed_in) << (signed_in ? "" : ErrorCode(signed_in.error()));
    return *signed_in;
  }

  std::string LogIn(std::string_view email, SessionKind kind = SessionKind::browser) {
    auto signed_in = accounts_.Login(email, kPassword, "10.9.9.9", kind, "curl/8.0");
    EXPECT_TRUE(signed_in) << (signed_in ? "" : ErrorCode(signed_in.error()));
    return signed_in ? signed_in->token : "";
  }

  testing::TestDatabase store_;
  core::ManualClock clock_;
  AccountService accounts_;
};

TEST_F(AccountSecurityTest, SessionsShowWhereTheyWereOpenedAndMarkTheCurrentOne) {
  const SignedIn kim = SignUp("kim@example.com");
  clock_.Advance(5min);
  const std::string token = LogIn("kim@example.com", SessionKind::api);

  const auto sessions = accounts_.MemberSessions(kim.user.id, kim.token);
  ASSERT_EQ(sessions.size(), 2u);
  const SessionInfo& newest = sessions[0];
  EXPECT_EQ(newest.kind, SessionKind::api);
  EXPECT_EQ(newest.remote_address, "10.9.9.9");
  EXPECT_EQ(newest.device, "curl");
  EXPECT_FALSE(newest.current);
  EXPECT_EQ(sessions[1].remote_address, "10.1.2.3");
  EXPECT_EQ(sessions[1].user_agent, kFirefox);
  EXPECT_EQ(sessions[1].device, "Firefox · Windows");
  EXPECT_TRUE(sessions[1].current);
  EXPECT_TRUE(accounts_.MemberSessions(kim.user.id, token)[0].current);
}

TEST_F(AccountSecurityTest, DescribesCommonUserAgents) {
  EXPECT_EQ(DescribeUserAgent("Mozilla/5.0 (Linux; Android 13; SM-S911N) AppleWebKit/537.36 (KHTML, like Gecko) "
                              "SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36"),
            "Samsung Internet · Android");
  EXPECT_EQ(DescribeUserAgent("Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, "
                              "like Gecko) Version/17.1 Mobile/15E148 Safari/604.1"),
            "Safari · iPhone");
  EXPECT_EQ(DescribeUserAgent("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                              "Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0"),
            "Edge · Windows");
  EXPECT_EQ(DescribeUserAgent(""), "");
  EXPECT_EQ(DescribeUserAgent("something else"), "");
}

TEST_F(AccountSecurityTest, ChangingThePasswordEndsEveryOtherSession) {
  const SignedIn kim = SignUp("kim@example.com");
  const std::string other = LogIn("kim@example.com");
  const std::string token = LogIn("kim@example.com", SessionKind::api);

  ASSERT_TRUE(accounts_.ChangePassword(kim.user.id, kPassword, "a brand new password", kim.token));
  EXPECT_TRUE(accounts_.Authenticate(kim.token, SessionKind::browser));
  EXPECT_FALSE(accounts_.Authenticate(other, SessionKind::browser));
  EXPECT_FALSE(accounts_.Authenticate(token, SessionKind::api));
  EXPECT_EQ(accounts_.Login("kim@example.com", kPassword, "10.0.0.1", SessionKind::browser).error(),
            AccountError::wrong_credentials);
  EXPECT_TRUE(accounts_.Login("kim@example.com", "a brand new password", "10.0.0.1", SessionKind::browser));
}

TEST_F(AccountSecurityTest, ChangingThePasswordNeedsTheCurrentOneAndTheRules) {
  const SignedIn kim = SignUp("kim@example.com");
  const std::string other = LogIn("kim@example.com");
  EXPECT_EQ(accounts_.ChangePassword(kim.user.id, "not my password", "a brand new password", kim.token).error(),
            AccountError::wrong_password);
  EXPECT_EQ(accounts_.ChangePassword(kim.user.id, kPassword, "short", kim.token).error(),
            AccountError::password_too_short);
  // Nothing changed: the other session lives and the old password still signs in.
  EXPECT_TRUE(accounts_.Authenticate(other, SessionKind::browser));
  EXPECT_TRUE(accounts_.Login("kim@example.com", kPassword, "10.0.0.1", SessionKind::browser));
  // Guessing the current password is throttled as sign-in is.
  for (int attempt = 0; attempt < 5; ++attempt) {
    (void)accounts_.ChangePassword(kim.user.id, "guess " + std::to_string(attempt), "a brand new password", kim.token,
                                   "10.0.0.2");
  }
  EXPECT_EQ(accounts_.ChangePassword(kim.user.id, kPassword, "a brand new password", kim.token).error(),
            AccountError::too_many_attempts);
}

TEST_F(AccountSecurityTest, RevokingAnotherMembersSessionIsNotFoundAndChangesNothing) {
  const SignedIn kim = SignUp("kim@example.com");
  const SignedIn lee = SignUp("lee@example.com");
  const std::int64_t lee_session = accounts_.MemberSessions(lee.user.id, lee.token).at(0).id;

  EXPECT_EQ(accounts_.RevokeSession(kim.user.id, lee_session).error(), AccountError::session_not_found);
  EXPECT_EQ(accounts_.RevokeSession(kim.user.id, 999'999).error(), AccountError::session_not_found);
  EXPECT_TRUE(accounts_.Authenticate(lee.token, SessionKind::browser));

  ASSERT_TRUE(accounts_.RevokeSession(lee.user.id, lee_session));
  EXPECT_FALSE(accounts_.Authenticate(lee.token, SessionKind::browser));
  EXPECT_EQ(accounts_.RevokeSession(lee.user.id, lee_session).error(), AccountError::session_not_found);
}

TEST_F(AccountSecurityTest, RevokingTheOthersKeepsTheCurrentSession) {
  const SignedIn kim = SignUp("kim@example.com");
  const std::string other = LogIn("kim@example.com");
  const std::string token = LogIn("kim@example.com", SessionKind::api);
  const SignedIn lee = SignUp("lee@example.com");

  EXPECT_EQ(accounts_.RevokeOtherSessions(kim.user.id, kim.token), 2);
  EXPECT_TRUE(accounts_.Authenticate(kim.token, SessionKind::browser));
  EXPECT_FALSE(accounts_.Authenticate(other, SessionKind::browser));
  EXPECT_FALSE(accounts_.Authenticate(token, SessionKind::api));
  EXPECT_TRUE(accounts_.Authenticate(lee.token, SessionKind::browser));
  EXPECT_EQ(accounts_.RevokeOtherSessions(kim.user.id, kim.token), 0);
}

TEST_F(AccountSecurityTest, ContactChangesAreValidatedAsRegistrationIs) {
  const SignedIn kim = SignUp("kim@example.com");
  SignUp("lee@example.com");
  auto changed = accounts_.ChangeContact(kim.user.id, "  Kim.New@Example.com ", "010-1234-5678");
  ASSERT_TRUE(changed);
  EXPECT_EQ(changed->email, "kim.new@example.com");
  EXPECT_EQ(changed->phone, "01012345678");
  EXPECT_EQ(accounts_.ChangeContact(kim.user.id, "LEE@example.com", "").error(), AccountError::email_taken);
  EXPECT_EQ(accounts_.ChangeContact(kim.user.id, "not an email", "").error(), AccountError::invalid_email);
  EXPECT_EQ(accounts_.ChangeContact(kim.user.id, "kim@example.com", "phone?").error(), AccountError::invalid_phone);
  EXPECT_EQ(accounts_.FindUser(kim.user.id)->email, "kim.new@example.com");
  // The same e-mail again is no change, not a conflict.
  EXPECT_TRUE(accounts_.ChangeContact(kim.user.id, "kim.new@example.com", ""));
  EXPECT_EQ(accounts_.FindUser(kim.user.id)->phone, "");
}

TEST_F(AccountSecurityTest, ClosingAnonymisesTheRowAndFreesTheEmail) {
  const SignedIn kim = SignUp("kim@example.com");
  const std::string token = LogIn("kim@example.com", SessionKind::api);
  ASSERT_TRUE(accounts_.ChangeContact(kim.user.id, "kim@example.com", "010-1234-5678"));

  EXPECT_EQ(accounts_.CloseAccount(kim.user.id, "not my password").error(), AccountError::wrong_password);
  EXPECT_TRUE(accounts_.Authenticate(kim.token, SessionKind::browser));

  ASSERT_TRUE(accounts_.CloseAccount(kim.user.id, kPassword));
  const auto closed = accounts_.FindUser(kim.user.id);
  ASSERT_TRUE(closed);  // the row stays for orders and the ledger
  EXPECT_EQ(closed->email, ClosedMemberEmail(kim.user.id));
  EXPECT_EQ(closed->name, kClosedMemberName);
  EXPECT_EQ(closed->phone, "");
  EXPECT_FALSE(accounts_.Authenticate(kim.token, SessionKind::browser));
  EXPECT_FALSE(accounts_.Authenticate(token, SessionKind::api));
  EXPECT_EQ(accounts_.Login("kim@example.com", kPassword, "10.0.0.1", SessionKind::browser).error(),
            AccountError::wrong_credentials);
  EXPECT_EQ(accounts_.CloseAccount(kim.user.id, kPassword).error(), AccountError::member_not_found);

  const auto history = audit::AuditLog(*store_).ForSubject("member", std::to_string(kim.user.id.value), 10);
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history[0].entry.action, "member.close");
  EXPECT_EQ(history[0].entry.admin, kim.user.id);

  const SignedIn again = SignUp("kim@example.com");
  EXPECT_NE(again.user.id, kim.user.id);
}

TEST_F(AccountSecurityTest, ClosingAsksTheHooksFirst) {
  const SignedIn kim = SignUp("kim@example.com");
  std::vector<core::UserId> erased;
  std::optional<AccountError> refusal = AccountError::wallet_not_empty;
  accounts_.SetClosingHooks({.refusal = [&](core::UserId) { return refusal; },
                             .erase_personal_data = [&](core::UserId member) { erased.push_back(member); }});

  EXPECT_EQ(accounts_.CloseAccount(kim.user.id, kPassword).error(), AccountError::wallet_not_empty);
  EXPECT_TRUE(erased.empty());
  EXPECT_EQ(accounts_.FindUser(kim.user.id)->email, "kim@example.com");
  EXPECT_TRUE(accounts_.Authenticate(kim.token, SessionKind::browser));

  refusal.reset();
  ASSERT_TRUE(accounts_.CloseAccount(kim.user.id, kPassword));
  EXPECT_EQ(erased, std::vector<core::UserId>{kim.user.id});
}

TEST_F(AccountSecurityTest, TheLastAdminCannotClose) {
  auto admin = accounts_.Register(
      {.email = "admin@example.com", .password = std::string(kPassword), .name = "관리자", .role = core::Role::admin});
  ASSERT_TRUE(admin);
  EXPECT_EQ(accounts_.CloseAccount(admin->id, kPassword).error(), AccountError::last_admin);
  auto second = accounts_.Register({.email = "admin2@example.com",
                                    .password = std::string(kPassword),
                                    .name = "관리자2",
                                    .role = core::Role::admin});
  ASSERT_TRUE(second);
  ASSERT_TRUE(accounts_.CloseAccount(admin->id, kPassword));
  EXPECT_EQ(accounts_.FindUser(admin->id)->role, core::Role::buyer);
  // The closed one no longer counts: the other is now the last.
  EXPECT_EQ(accounts_.CloseAccount(second->id, kPassword).error(), AccountError::last_admin);
}

TEST_F(AccountSecurityTest, AClosedAccountChangesNothingMore) {
  const SignedIn kim = SignUp("kim@example.com");
  ASSERT_TRUE(accounts_.CloseAccount(kim.user.id, kPassword));
  EXPECT_EQ(accounts_.ChangeContact(kim.user.id, "kim2@example.com", "").error(), AccountError::member_not_found);
  EXPECT_EQ(accounts_.ChangePassword(kim.user.id, kPassword, "a brand new password", "").error(),
            AccountError::member_not_found);
}

}  // namespace
}  // namespace manmulsang::accounts
