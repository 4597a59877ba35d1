#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "manmulsang/accounts/accounts.hpp"
#include "manmulsang/audit/audit.hpp"
#include "test_database.hpp"

namespace manmulsang::accounts {
namespace {

using namespace std::chrono_literals;

constexpr std::string_view kPassword = "correct horse battery";
constexpr std::string_view kNewPassword = "a brand new passphrase";

class MemberConsoleTest : public ::testing::Test {
 protected:
  static std::vector<db::Database::ModuleMigrations> Modules() {
    return {{"audit", audit::Migrations()}, {"accounts", Migrations()}};
  }

  MemberConsoleTest() : store_(Modules()), clock_(core::FromUnixSeconds(1'790'000'000)), accounts_(*store_, clock_) {
    admin_ = Add("admin@example.com", "관리자", core::Role::admin);
  }

  core::UserId Add(std::string email, std::string name, core::Role role = core::Role::buyer, std::string phone = "") {
    auto user = accounts_.Register({.email = std::move(email),
                                    .password = std::string(kPassword),
                                    .name = std::move(name),
                                    .role = role,
                                    .phone = std::move(phone)});
    EXPECT_TRUE(user) << (user ? "" : ErrorCode(user.error()));
    clock_.Advance(1s);  // newest first is then a strict order
    return user->id;
  }

  std::vector<std::string> Emails(const MemberQuery& query) {
    std::vector<std::string> emails;
    for (const User& user : accounts_.SearchMembers(query).items) emails.push_back(user.email);
    return emails;
  }

  std::int64_t Count(std::string_view sql) {
    return store_->Read([&](db::Connection& connection) { return connection.QueryOne(sql)->Int(0); });
  }

  // "action before→after reason" of every audit entry, oldest first.
  std::vector<std::string> AuditTrail() {
    return store_->Read([](db::Connection& connection) {
      std::vector<std::string> trail;
      for (const auto& row :
           connection.Query("SELECT action, subject_id, before, after, reason FROM audit_entries ORDER BY id")) {
        trail.push_back(row.Text(0) + " " + row.Text(1) + " " + row.Text(2) + "→" + row.Text(3) + " " + row.Text(4));
      }
      return trail;
    });
  }

  testing::TestDatabase store_;
  core::ManualClock clock_;
  AccountService accounts_;
  core::UserId admin_;
};

TEST_F(MemberConsoleTest, SearchFindsAMemberByIdEmailNameOrPhone) {
  const auto kim = Add("kim@example.com", "김철수", core::Role::buyer, "010-1234-5678");
  const auto lee = Add("lee.young@corp.example", "Lee Young", core::Role::seller, "02 555 0199");
  EXPECT_EQ(accounts_.FindUser(kim)->phone, "01012345678");

  // Bare digits are an id or part of a phone ("2" is in lee's number): the member with the id comes first.
  const auto by_id = Emails({.text = std::to_string(kim.value)});
  ASSERT_FALSE(by_id.empty());
  EXPECT_EQ(by_id.front(), "kim@example.com");
  EXPECT_EQ(Emails({.text = "#" + std::to_string(lee.value)}), std::vector<std::string>{"lee.young@corp.example"});
  EXPECT_EQ(Emails({.text = "KIM@"}), std::vector<std::string>{"kim@example.com"});
  EXPECT_EQ(Emails({.text = "corp.example"}), std::vector<std::string>{"lee.young@corp.example"});
  EXPECT_EQ(Emails({.text = "철수"}), std::vector<std::string>{"kim@example.com"});
  EXPECT_EQ(Emails({.text = "young"}), std::vector<std::string>{"lee.young@corp.example"});
  EXPECT_EQ(Emails({.text = "1234-5678"}), std::vector<std::string>{"kim@example.com"});
  EXPECT_EQ(Emails({.text = "5550199"}), std::vector<std::string>{"lee.young@corp.example"});
  // Wildcards are plain characters; nothing matches.
  EXPECT_TRUE(Emails({.text = "%"}).empty());
  EXPECT_TRUE(Emails({.text = "_"}).empty());
  EXPECT_TRUE(Emails({.text = "#99999"}).empty());
  EXPECT_TRUE(Emails({.text = std::string(5000, 'x')}).empty());
}

TEST_F(MemberConsoleTest, SearchFiltersByRoleAndSuspensionAndPagesNewestFirst) {
  std::vector<core::UserId> buyers;
  for (int index = 0; index < 5; ++index) {
    buyers.push_back(Add("buyer" + std::to_string(index) + "@example.com", "구매자 " + std::to_string(index)));
  }
  Add("seller@example.com", "판매자", core::Role::seller);
  ASSERT_TRUE(accounts_.Suspend(admin_, buyers[1], "욕설"));

  auto all = accounts_.SearchMembers({});
  EXPECT_EQ(all.total, 7);
  EXPECT_EQ(all.items.front().email, "seller@example.com");

  auto buyer_page = accounts_.SearchMembers({.role = core::Role::buyer, .page = 2, .per_page = 2});
  EXPECT_EQ(buyer_page.total, 5);
  ASSERT_EQ(buyer_page.items.size(), 2u);
  EXPECT_EQ(buyer_page.items[0].email, "buyer2@example.com");
  EXPECT_EQ(buyer_page.items[1].email, "buyer1@example.com");

  EXPECT_EQ(Emails({.suspended_only = true}), std::vector<std::string>{"buyer1@example.com"});
  EXPECT_EQ(accounts_.SearchMembers({.page = -3, .per_page = 1000}).per_page, 100);
}

TEST_F(MemberConsoleTest, SuspendingEndsEverySessionAndRefusesSignInUntilUnsuspended) {
  const auto kim = Add("kim@example.com", "김철수");
  const auto browser = accounts_.Login("kim@example.com", kPassword, "10.0.0.1", SessionKind::browser)->token;
  const auto api = accounts_.Login("kim@example.com", kPassword, "10.0.0.1", SessionKind::api)->token;
  EXPECT_EQ(accounts_.ActiveSessions(kim).size(), 2u);

  auto suspended = accounts_.Suspend(admin_, kim, "  사기 거래 신고 3건  ");
  ASSERT_TRUE(suspended) << ErrorCode(suspended.error());
  EXPECT_TRUE(suspended->suspended());
  EXPECT_EQ(suspended->suspension_reason, "사기 거래 신고 3건");
  EXPECT_FALSE(accounts_.Authenticate(browser, SessionKind::browser));
  EXPECT_FALSE(accounts_.Authenticate(api, SessionKind::api));
  EXPECT_TRUE(accounts_.ActiveSessions(kim).empty());
  EXPECT_EQ(accounts_.Login("kim@example.com", kPassword, "10.0.0.1", SessionKind::browser).error(),
            AccountError::account_suspended);
  // A wrong password still says only that: the suspension is told to the password's holder.
  EXPECT_EQ(accounts_.Login("kim@example.com", "wrong password", "10.0.0.1", SessionKind::browser).error(),
            AccountError::wrong_credentials);
  EXPECT_EQ(accounts_.Suspend(admin_, kim, "again").error(), AccountError::already_suspended);

  auto restored = accounts_.Unsuspend(admin_, kim, "소명 확인");
  ASSERT_TRUE(restored);
  EXPECT_FALSE(restored->suspended());
  EXPECT_TRUE(accounts_.Login("kim@example.com", kPassword, "10.0.0.1", SessionKind::browser));
  EXPECT_EQ(accounts_.Unsuspend(admin_, kim, "").error(), AccountError::not_suspended);

  const std::string id = std::to_string(kim.value);
  EXPECT_EQ(AuditTrail(), (std::vector<std::string>{"member.suspend " + id + " active→suspended 사기 거래 신고 3건",
                                                    "member.unsuspend " + id + " suspended→active 소명 확인"}));
}

TEST_F(MemberConsoleTest, BadRequestsChangeNothing) {
  const auto kim = Add("kim@example.com", "김철수");
  const auto other_admin = Add("admin2@example.com", "부관리자", core::Role::admin);
  EXPECT_EQ(accounts_.Suspend(admin_, admin_, "myself").error(), AccountError::cannot_change_self);
  EXPECT_EQ(accounts_.Suspend(admin_, kim, " \n ").error(), AccountError::reason_required);
  EXPECT_EQ(accounts_.Suspend(admin_, kim, std::string(501, 'x')).error(), AccountError::reason_too_long);
  EXPECT_EQ(accounts_.Suspend(admin_, core::UserId{9999}, "reason").error(), AccountError::member_not_found);
  EXPECT_EQ(accounts_.Suspend(kim, other_admin, "a buyer tries").error(), AccountError::not_allowed);
  EXPECT_EQ(accounts_.ChangeRole(kim, kim, core::Role::admin, "").error(), AccountError::cannot_change_self);
  EXPECT_EQ(accounts_.ChangeRole(kim, other_admin, core::Role::buyer, "").error(), AccountError::not_allowed);
  EXPECT_EQ(accounts_.ChangeRole(admin_, kim, core::Role::buyer, "").error(), AccountError::same_role);
  EXPECT_EQ(accounts_.IssueResetCode(kim, other_admin).error(), AccountError::not_allowed);
  EXPECT_EQ(accounts_.IssueResetCode(admin_, core::UserId{9999}).error(), AccountError::member_not_found);
  EXPECT_EQ(
      accounts_
          .Register({.email = "p@example.com", .password = std::string(kPassword), .name = "P", .phone = "010-CALL-ME"})
          .error(),
      AccountError::invalid_phone);

  EXPECT_FALSE(accounts_.FindUser(kim)->suspended());
  EXPECT_EQ(accounts_.FindUser(other_admin)->role, core::Role::admin);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM password_reset_codes"), 0);
  EXPECT_TRUE(AuditTrail().empty());
}

TEST_F(MemberConsoleTest, RolesChangeButTheLastActiveAdminStays) {
  const auto kim = Add("kim@example.com", "김철수");
  const auto other_admin = Add("admin2@example.com", "부관리자", core::Role::admin);
  auto seller = accounts_.ChangeRole(admin_, kim, core::Role::seller, "매장 승인");
  ASSERT_TRUE(seller);
  EXPECT_EQ(seller->role, core::Role::seller);

  EXPECT_EQ(accounts_.ChangeRole(admin_, admin_, core::Role::buyer, "").error(), AccountError::cannot_change_self);
  ASSERT_TRUE(accounts_.ChangeRole(admin_, other_admin, core::Role::buyer, "퇴사"));
  // other_admin is no admin now: it cannot take the role of the last one.
  EXPECT_EQ(accounts_.ChangeRole(other_admin, admin_, core::Role::buyer, "").error(), AccountError::not_allowed);
  EXPECT_EQ(accounts_.FindUser(admin_)->role, core::Role::admin);

  // Two admins: suspending one leaves one active, who then is the last.
  ASSERT_TRUE(accounts_.ChangeRole(admin_, other_admin, core::Role::admin, "복귀"));
  ASSERT_TRUE(accounts_.Suspend(admin_, other_admin, "휴직"));
  EXPECT_EQ(accounts_.ChangeRole(other_admin, admin_, core::Role::buyer, "").error(), AccountError::not_allowed);
  const std::string id = std::to_string(kim.value);
  EXPECT_EQ(AuditTrail().front(), "member.role " + id + " buyer→seller 매장 승인");
  EXPECT_EQ(AuditTrail().size(), 4u);
}

TEST_F(MemberConsoleTest, AResetCodeWorksOnceAndEndsTheMembersSessions) {
  const auto kim = Add("kim@example.com", "김철수");
  const auto old_session = accounts_.Login("kim@example.com", kPassword, "10.0.0.1", SessionKind::api)->token;
  auto issued = accounts_.IssueResetCode(admin_, kim);
  ASSERT_TRUE(issued);
  ASSERT_EQ(issued->code.size(), 11u);
  EXPECT_EQ(issued->code[5], '-');
  EXPECT_EQ(issued->expires_at, clock_.Now() + 24h);
  EXPECT_EQ(store_
                ->Read([&](db::Connection& connection) {
                  return connection.QueryOne("SELECT code_hash FROM password_reset_codes")->Text(0);
                })
                .find(issued->code.substr(0, 5)),
            std::string::npos);

  // Typed in lower case and without the dash, it is the same code.
  std::string typed = issued->code.substr(0, 5) + " " + issued->code.substr(6);
  for (char& character : typed) character = static_cast<char>(std::tolower(character));
  EXPECT_EQ(accounts_.ResetPassword("kim@example.com", typed, "short", "10.0.0.1").error(),
            AccountError::password_too_short);
  auto reset = accounts_.ResetPassword(" Kim@Example.com", typed, kNewPassword, "10.0.0.1");
  ASSERT_TRUE(reset) << ErrorCode(reset.error());
  EXPECT_FALSE(accounts_.Authenticate(old_session, SessionKind::api));
  EXPECT_EQ(accounts_.Login("kim@example.com", kPassword, "10.0.0.1", SessionKind::api).error(),
            AccountError::wrong_credentials);
  EXPECT_TRUE(accounts_.Login("kim@example.com", kNewPassword, "10.0.0.1", SessionKind::api));
  EXPECT_EQ(accounts_.ResetPassword("kim@example.com", issued->code, "yet another password", "10.0.0.1").error(),
            AccountError::invalid_reset_code);
  EXPECT_EQ(AuditTrail(),
            std::vector<std::string>{"member.reset_code " + std::to_string(kim.value) + " →reset code issued "});
}

TEST_F(MemberConsoleTest, ACodeExpiresAfterADayAndANewerCodeReplacesTheOlder) {
  const auto kim = Add("kim@example.com", "김철수");
  const auto first = accounts_.IssueResetCode(admin_, kim)->code;
  const auto second = accounts_.IssueResetCode(std::nullopt, kim)->code;  // the command line: not audited
  EXPECT_EQ(accounts_.ResetPassword("kim@example.com", first, kNewPassword, "10.0.0.1").error(),
            AccountError::invalid_reset_code);
  clock_.Advance(24h);
  EXPECT_EQ(accounts_.ResetPassword("kim@example.com", second, kNewPassword, "10.0.0.2").error(),
            AccountError::invalid_reset_code);
  EXPECT_TRUE(accounts_.Login("kim@example.com", kPassword, "10.0.0.3", SessionKind::api));
  EXPECT_EQ(AuditTrail().size(), 1u);
}

TEST_F(MemberConsoleTest, GuessingCodesIsThrottledLikeSignIn) {
  const auto kim = Add("kim@example.com", "김철수");
  const auto code = accounts_.IssueResetCode(admin_, kim)->code;
  for (int attempt = 0; attempt < 5; ++attempt) {
    EXPECT_EQ(accounts_
                  .ResetPassword("kim@example.com", "AAAAA-AAAA" + std::to_string(attempt + 2), kNewPassword,
                                 "10.0.1." + std::to_string(attempt))
                  .error(),
              AccountError::invalid_reset_code);
  }
  // Unknown members and malformed codes answer the same.
  EXPECT_EQ(accounts_.ResetPassword("ghost@example.com", code, kNewPassword, "10.0.2.1").error(),
            AccountError::invalid_reset_code);
  EXPECT_EQ(accounts_.ResetPassword("ghost@example.com", "not a code", kNewPassword, "10.0.2.1").error(),
            AccountError::invalid_reset_code);
  EXPECT_EQ(accounts_.ResetPassword("kim@example.com", code, kNewPassword, "10.0.9.9").error(),
            AccountError::too_many_attempts);
  clock_.Advance(15min);
  EXPECT_TRUE(accounts_.ResetPassword("kim@example.com", code, kNewPassword, "10.0.9.9"));
}

TEST_F(MemberConsoleTest, TwoRacingUsesOfOneCodeSucceedOnce) {
  const auto kim = Add("kim@example.com", "김철수");
  for (int round = 0; round < 3; ++round) {
    const auto code = accounts_.IssueResetCode(admin_, kim)->code;
    std::atomic<int> succeeded{0};
    std::vector<std::thread> threads;
    for (int index = 0; index < 2; ++index) {
      threads.emplace_back([&, index] {
        if (accounts_.ResetPassword("kim@example.com", code, "racing password " + std::to_string(index),
                                    "10.3.0." + std::to_string(index))) {
          ++succeeded;
        }
      });
    }
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(succeeded.load(), 1);
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM password_reset_codes WHERE used_at IS NOT NULL"), 1);
}

TEST_F(MemberConsoleTest, SessionsAreListedWithoutTheirTokens) {
  const auto kim = Add("kim@example.com", "김철수");
  ASSERT_TRUE(accounts_.Login("kim@example.com", kPassword, "10.0.0.1", SessionKind::browser));
  clock_.Advance(1min);
  ASSERT_TRUE(accounts_.Login("kim@example.com", kPassword, "10.0.0.1", SessionKind::api));
  auto sessions = accounts_.ActiveSessions(kim);
  ASSERT_EQ(sessions.size(), 2u);
  EXPECT_EQ(sessions[0].kind, SessionKind::api);
  EXPECT_EQ(sessions[0].expires_at, sessions[0].created_at + 30 * 24h);
  EXPECT_EQ(sessions[1].kind, SessionKind::browser);
  clock_.Advance(3h);  // the browser session is idle past its end
  EXPECT_EQ(accounts_.ActiveSessions(kim).size(), 1u);
}

TEST_F(MemberConsoleTest, SetPasswordReplacesItAndEndsSessions) {
  const auto kim = Add("kim@example.com", "김철수");
  const auto token = accounts_.Login("kim@example.com", kPassword, "10.0.0.1", SessionKind::api)->token;
  EXPECT_EQ(accounts_.SetPassword(kim, "short").error(), AccountError::password_too_short);
  EXPECT_TRUE(accounts_.Authenticate(token, SessionKind::api));
  ASSERT_TRUE(accounts_.SetPassword(kim, kNewPassword));
  EXPECT_FALSE(accounts_.Authenticate(token, SessionKind::api));
  EXPECT_TRUE(accounts_.Login("kim@example.com", kNewPassword, "10.0.0.1", SessionKind::api));
  EXPECT_EQ(accounts_.FindUserByEmail("KIM@example.com")->id, kim);
}

}  // namespace
}  // namespace manmulsang::accounts
