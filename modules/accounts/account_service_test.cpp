#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "manmulsang/accounts/accounts.hpp"
#include "manmulsang/audit/audit.hpp"
#include "test_database.hpp"

namespace manmulsang::accounts {
namespace {

using namespace std::chrono_literals;

class AccountServiceTest : public ::testing::Test {
 protected:
  static std::vector<db::Database::ModuleMigrations> AccountMigrations() {
    return {{"audit", audit::Migrations()}, {"accounts", Migrations()}};
  }

  AccountServiceTest()
      : store_(AccountMigrations()), clock_(core::FromUnixSeconds(1'790'000'000)), accounts_(*store_, clock_) {}

  User RegisterKim(core::Role role = core::Role::buyer) {
    auto user = accounts_.Register(
        {.email = "kim@example.com", .password = std::string(kPassword), .name = "김철수", .role = role});
    EXPECT_TRUE(user) << (user ? "" : ErrorCode(user.error()));
    return *user;
  }

  std::int64_t CountSessions() {
    return store_->Read(
        [](db::Connection& connection) { return connection.QueryOne("SELECT COUNT(*) FROM sessions")->Int(0); });
  }

  static constexpr std::string_view kPassword = "correct horse battery";

  testing::TestDatabase store_;
  core::ManualClock clock_;
  AccountService accounts_;
};

TEST_F(AccountServiceTest, RegisterNormalisesAndStoresOnlyAHash) {
  auto user = accounts_.Register({.email = "  Kim@Example.COM ",
                                  .password = std::string(kPassword),
                                  .name = "  김철수\xE3\x80\x80",
                                  .role = core::Role::seller});
  ASSERT_TRUE(user);
  EXPECT_GT(user->id.value, 0);
  EXPECT_EQ(user->email, "kim@example.com");
  EXPECT_EQ(user->name, "김철수");
  EXPECT_EQ(user->role, core::Role::seller);
  EXPECT_EQ(user->created_at, clock_.Now());

  const auto stored = store_->Read(
      [](db::Connection& connection) { return connection.QueryOne("SELECT password_hash, role FROM users")->Text(0); });
  EXPECT_TRUE(stored.starts_with("$argon2id$"));
  EXPECT_EQ(stored.find(kPassword), std::string::npos);

  const auto found = accounts_.FindUser(user->id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->email, "kim@example.com");
  EXPECT_EQ(found->role, core::Role::seller);
  EXPECT_EQ(accounts_.CountMembers(), 1);
}

TEST_F(AccountServiceTest, RegisterRejectsBadInputWithoutWriting) {
  EXPECT_EQ(accounts_.Register({.email = "kim@example.com", .password = "123456789", .name = "Kim"}).error(),
            AccountError::password_too_short);
  EXPECT_EQ(accounts_.Register({.email = "kim@example.com", .password = std::string(1025, 'x'), .name = "Kim"}).error(),
            AccountError::password_too_long);
  EXPECT_EQ(accounts_.Register({.email = "kim at example", .password = std::string(kPassword), .name = "Kim"}).error(),
            AccountError::invalid_email);
  EXPECT_EQ(accounts_.Register({.email = "kim@example.com", .password = std::string(kPassword), .name = " "}).error(),
            AccountError::invalid_name);
  EXPECT_EQ(accounts_.CountMembers(), 0);
}

TEST_F(AccountServiceTest, DuplicateEmailIsTakenWhateverItsCase) {
  RegisterKim();
  auto again = accounts_.Register({.email = "KIM@example.com ", .password = "another password", .name = "Kim"});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error(), AccountError::email_taken);
  EXPECT_EQ(ErrorCode(again.error()), "email_taken");
  EXPECT_EQ(accounts_.CountMembers(), 1);
}

TEST_F(AccountServiceTest, SignUpRegistersAndOpensASession) {
  auto signed_in = accounts_.SignUp({.email = "lee@example.com", .password = std::string(kPassword), .name = "이영희"},
                                    SessionKind::api);
  ASSERT_TRUE(signed_in);
  EXPECT_EQ(signed_in->token.size(), 43u);
  const auto user = accounts_.Authenticate(signed_in->token, SessionKind::api);
  ASSERT_TRUE(user);
  EXPECT_EQ(user->id, signed_in->user.id);
  EXPECT_FALSE(accounts_.SignUp({.email = "lee@example.com", .password = std::string(kPassword), .name = "이영희"},
                                SessionKind::api));
  EXPECT_EQ(CountSessions(), 1);
}

TEST_F(AccountServiceTest, LoginWithTheRightPasswordOpensASessionAndStoresOnlyItsHash) {
  const User kim = RegisterKim();
  auto signed_in = accounts_.Login(" KIM@example.com", kPassword, "10.0.0.1", SessionKind::browser);
  ASSERT_TRUE(signed_in);
  EXPECT_EQ(signed_in->user.id, kim.id);
  EXPECT_EQ(signed_in->token.size(), 43u);
  const auto stored = store_->Read(
      [](db::Connection& connection) { return connection.QueryOne("SELECT token_hash FROM sessions")->Text(0); });
  EXPECT_NE(stored, signed_in->token);
  EXPECT_EQ(stored.size(), 64u);

  const auto user = accounts_.Authenticate(signed_in->token, SessionKind::browser);
  ASSERT_TRUE(user);
  EXPECT_EQ(user->name, "김철수");
  // A browser cookie is not a bearer token, and the other way round.
  EXPECT_FALSE(accounts_.Authenticate(signed_in->token, SessionKind::api));
  EXPECT_FALSE(accounts_.Authenticate("not a token", SessionKind::browser));
  EXPECT_FALSE(accounts_.Authenticate(std::string(43, 'A'), SessionKind::browser));
}

TEST_F(AccountServiceTest, WrongPasswordAndUnknownEmailGiveTheSameError) {
  RegisterKim();
  auto wrong_password = accounts_.Login("kim@example.com", "not the password", "10.0.0.1", SessionKind::api);
  auto unknown_email = accounts_.Login("nobody@example.com", kPassword, "10.0.0.1", SessionKind::api);
  auto malformed_email = accounts_.Login("nobody", kPassword, "10.0.0.1", SessionKind::api);
  auto huge_password = accounts_.Login("kim@example.com", std::string(5000, 'x'), "10.0.0.1", SessionKind::api);
  EXPECT_EQ(wrong_password.error(), AccountError::wrong_credentials);
  EXPECT_EQ(unknown_email.error(), AccountError::wrong_credentials);
  EXPECT_EQ(malformed_email.error(), AccountError::wrong_credentials);
  EXPECT_EQ(huge_password.error(), AccountError::wrong_credentials);
  EXPECT_EQ(CountSessions(), 0);
}

TEST_F(AccountServiceTest, FiveFailuresLockTheAccountForFifteenMinutes) {
  RegisterKim();
  for (int attempt = 0; attempt < 5; ++attempt) {
    EXPECT_EQ(
        accounts_.Login("kim@example.com", "wrong password", "10.0.0." + std::to_string(attempt), SessionKind::browser)
            .error(),
        AccountError::wrong_credentials);
  }
  // Even the right password, from another address, waits.
  auto locked = accounts_.Login("kim@example.com", kPassword, "10.9.9.9", SessionKind::browser);
  ASSERT_FALSE(locked);
  EXPECT_EQ(locked.error(), AccountError::too_many_attempts);
  EXPECT_EQ(accounts_.LoginRetryAfter("KIM@example.com", "10.9.9.9"), 15min);
  // Unknown accounts are throttled alike, so locking tells nothing about who is a member.
  for (int attempt = 0; attempt < 5; ++attempt) {
    (void)accounts_.Login("ghost@example.com", "wrong password", "10.1.0." + std::to_string(attempt), SessionKind::api);
  }
  EXPECT_EQ(accounts_.Login("ghost@example.com", "x", "10.9.9.8", SessionKind::api).error(),
            AccountError::too_many_attempts);

  clock_.Advance(15min);
  EXPECT_TRUE(accounts_.Login("kim@example.com", kPassword, "10.9.9.9", SessionKind::browser));
}

TEST_F(AccountServiceTest, ASuccessfulLoginClearsTheAccountsFailures) {
  RegisterKim();
  for (int attempt = 0; attempt < 4; ++attempt) {
    (void)accounts_.Login("kim@example.com", "wrong password", "10.0.0.1", SessionKind::browser);
  }
  ASSERT_TRUE(accounts_.Login("kim@example.com", kPassword, "10.0.0.1", SessionKind::browser));
  for (int attempt = 0; attempt < 4; ++attempt) {
    EXPECT_EQ(accounts_.Login("kim@example.com", "wrong password", "10.0.0.1", SessionKind::browser).error(),
              AccountError::wrong_credentials);
  }
  EXPECT_TRUE(accounts_.Login("kim@example.com", kPassword, "10.0.0.1", SessionKind::browser));
}

TEST_F(AccountServiceTest, TwentyFailuresFromOneAddressLockThatAddress) {
  RegisterKim();
  for (int attempt = 0; attempt < 20; ++attempt) {
    (void)accounts_.Login("user" + std::to_string(attempt) + "@example.com", "wrong password", "10.6.6.6",
                          SessionKind::api);
    clock_.Advance(10s);
  }
  EXPECT_EQ(accounts_.Login("kim@example.com", kPassword, "10.6.6.6", SessionKind::api).error(),
            AccountError::too_many_attempts);
  EXPECT_EQ(accounts_.LoginRetryAfter("kim@example.com", "10.6.6.6"), 15min - 200s);
  EXPECT_TRUE(accounts_.Login("kim@example.com", kPassword, "10.0.0.2", SessionKind::api));
}

TEST_F(AccountServiceTest, BrowserSessionEndsAfterTwoIdleHours) {
  RegisterKim();
  const std::string token = accounts_.Login("kim@example.com", kPassword, "10.0.0.1", SessionKind::browser)->token;
  clock_.Advance(2h - 1s);
  EXPECT_TRUE(accounts_.Authenticate(token, SessionKind::browser));  // slides the idle timeout
  clock_.Advance(2h - 1s);
  EXPECT_TRUE(accounts_.Authenticate(token, SessionKind::browser));
  clock_.Advance(2h);
  EXPECT_FALSE(accounts_.Authenticate(token, SessionKind::browser));
  EXPECT_EQ(CountSessions(), 0);  // the dead session is gone, not just refused
}

TEST_F(AccountServiceTest, ActivityWritesLastSeenAtMostOncePerMinute) {
  RegisterKim();
  const std::string token = accounts_.Login("kim@example.com", kPassword, "10.0.0.1", SessionKind::browser)->token;
  const auto last_seen = [&] {
    return store_->Read(
        [](db::Connection& connection) { return connection.QueryOne("SELECT last_seen_at FROM sessions")->Int(0); });
  };
  const std::int64_t opened = last_seen();
  clock_.Advance(59s);
  ASSERT_TRUE(accounts_.Authenticate(token, SessionKind::browser));
  EXPECT_EQ(last_seen(), opened);
  clock_.Advance(1s);
  ASSERT_TRUE(accounts_.Authenticate(token, SessionKind::browser));
  EXPECT_EQ(last_seen(), opened + 60);
}

TEST_F(AccountServiceTest, BrowserSessionEndsAfterThirtyDaysEvenWhenActive) {
  RegisterKim();
  const std::string token = accounts_.Login("kim@example.com", kPassword, "10.0.0.1", SessionKind::browser)->token;
  // Active every 119 minutes: never idle for two hours, yet the thirty days still end it.
  auto elapsed = std::chrono::minutes(0);
  while (elapsed + 119min < std::chrono::days(30)) {
    clock_.Advance(119min);
    elapsed += 119min;
    ASSERT_TRUE(accounts_.Authenticate(token, SessionKind::browser)) << elapsed.count();
  }
  clock_.Advance(std::chrono::days(30) - elapsed);
  EXPECT_FALSE(accounts_.Authenticate(token, SessionKind::browser));
}

TEST_F(AccountServiceTest, ApiTokenLastsThirtyDaysWithoutUse) {
  RegisterKim();
  const std::string token = accounts_.Login("kim@example.com", kPassword, "10.0.0.1", SessionKind::api)->token;
  clock_.Advance(std::chrono::days(30) - 1s);
  EXPECT_TRUE(accounts_.Authenticate(token, SessionKind::api));
  clock_.Advance(1s);
  EXPECT_FALSE(accounts_.Authenticate(token, SessionKind::api));
}

TEST_F(AccountServiceTest, EveryLoginGetsANewTokenAndLogoutEndsOnlyItsOwn) {
  RegisterKim();
  const std::string first = accounts_.Login("kim@example.com", kPassword, "10.0.0.1", SessionKind::browser)->token;
  const std::string second = accounts_.Login("kim@example.com", kPassword, "10.0.0.1", SessionKind::browser)->token;
  EXPECT_NE(first, second);
  EXPECT_EQ(CountSessions(), 2);
  accounts_.Logout(first);
  EXPECT_FALSE(accounts_.Authenticate(first, SessionKind::browser));
  EXPECT_TRUE(accounts_.Authenticate(second, SessionKind::browser));
  accounts_.Logout(first);  // twice is harmless
  accounts_.Logout("garbage");
  EXPECT_EQ(CountSessions(), 1);
}

TEST_F(AccountServiceTest, ExpiredSessionsArePurgedByLaterLogins) {
  RegisterKim();
  (void)accounts_.Login("kim@example.com", kPassword, "10.0.0.1", SessionKind::browser);
  (void)accounts_.Login("kim@example.com", kPassword, "10.0.0.1", SessionKind::api);
  clock_.Advance(3h);
  (void)accounts_.Login("kim@example.com", kPassword, "10.0.0.1", SessionKind::api);
  EXPECT_EQ(CountSessions(), 2);  // the idle browser session went; both API tokens live
}

TEST_F(AccountServiceTest, GeneratedMembersShareOneHashAndCanLogIn) {
  std::vector<RegisterCommand> members;
  for (int index = 0; index < 300; ++index) {
    members.push_back({.email = "Member" + std::to_string(index) + "@demo.kp",
                       .password = "demo-password",
                       .name = "회원 " + std::to_string(index),
                       .role = index == 0 ? core::Role::seller : core::Role::buyer});
  }
  const auto ids = accounts_.InsertGeneratedMembers(members);
  ASSERT_EQ(ids.size(), 300u);
  EXPECT_EQ(accounts_.CountMembers(), 300);
  const auto distinct_hashes = store_->Read([](db::Connection& connection) {
    return connection.QueryOne("SELECT COUNT(DISTINCT password_hash) FROM users")->Int(0);
  });
  EXPECT_EQ(distinct_hashes, 1);
  EXPECT_TRUE(accounts_.Login("member7@demo.kp", "demo-password", "10.0.0.1", SessionKind::api));

  // Running it again adds nobody and returns the same ids.
  EXPECT_EQ(accounts_.InsertGeneratedMembers(members), ids);
  EXPECT_EQ(accounts_.CountMembers(), 300);

  // Batched lookup across several chunks of ids, unknown ids and duplicates ignored.
  std::vector<core::UserId> wanted(ids.begin(), ids.begin() + 70);
  wanted.push_back(ids[3]);
  wanted.push_back(core::UserId{999999});
  const auto users = accounts_.FindUsers(wanted);
  EXPECT_EQ(users.size(), 70u);
  EXPECT_EQ(accounts_.FindUser(ids[0])->role, core::Role::seller);
}

}  // namespace
}  // namespace manmulsang::accounts
