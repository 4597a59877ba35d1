#include "login_throttle.hpp"

#include <gtest/gtest.h>

#include <array>
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "manmulsang/accounts/accounts.hpp"
#include "manmulsang/audit/audit.hpp"
#include "test_database.hpp"

namespace manmulsang::accounts {
namespace {

using namespace std::chrono_literals;

const core::TimePoint kStart = core::FromUnixSeconds(1'790'000'000);

// The throttle keeps its counts in the store: every test stands on a fresh one.
class LoginThrottleTest : public ::testing::Test {
 protected:
  static std::array<db::Database::ModuleMigrations, 1> Modules() { return {{{"accounts", Migrations()}}}; }
  testing::TestDatabase store_{Modules()};
};

TEST_F(LoginThrottleTest, BlocksAnAccountAfterFiveFailuresUntilTheOldestLeavesTheWindow) {
  LoginThrottle throttle(store_.database());
  for (int attempt = 0; attempt < 5; ++attempt) {
    EXPECT_EQ(throttle.RetryAfter("kim@example.com", "10.0.0.1", kStart + attempt * 1min), 0s);
    throttle.RecordFailure("kim@example.com", "10.0.0.1", kStart + attempt * 1min);
  }
  EXPECT_EQ(throttle.RetryAfter("kim@example.com", "10.0.0.9", kStart + 5min), 10min);
  EXPECT_EQ(throttle.RetryAfter("lee@example.com", "10.0.0.2", kStart + 5min), 0s);
  EXPECT_EQ(throttle.RetryAfter("kim@example.com", "10.0.0.9", kStart + 15min - 1s), 1s);
  EXPECT_EQ(throttle.RetryAfter("kim@example.com", "10.0.0.9", kStart + 15min), 0s);
}

TEST_F(LoginThrottleTest, BlocksAnAddressAfterTwentyFailuresOverManyAccounts) {
  LoginThrottle throttle(store_.database());
  for (int attempt = 0; attempt < 20; ++attempt) {
    throttle.RecordFailure("user" + std::to_string(attempt) + "@example.com", "10.0.0.1", kStart);
  }
  EXPECT_EQ(throttle.RetryAfter("new@example.com", "10.0.0.1", kStart + 1min), 14min);
  EXPECT_EQ(throttle.RetryAfter("new@example.com", "10.0.0.2", kStart + 1min), 0s);
}

TEST_F(LoginThrottleTest, ClearingAnAccountKeepsTheAddressCount) {
  LoginThrottle throttle(store_.database(), {.account_failures = 2, .address_failures = 3, .window = 15min});
  throttle.RecordFailure("kim@example.com", "10.0.0.1", kStart);
  throttle.RecordFailure("kim@example.com", "10.0.0.1", kStart);
  EXPECT_GT(throttle.RetryAfter("kim@example.com", "10.0.0.2", kStart), 0s);
  throttle.ClearAccount("kim@example.com");
  EXPECT_EQ(throttle.RetryAfter("kim@example.com", "10.0.0.2", kStart), 0s);
  throttle.RecordFailure("lee@example.com", "10.0.0.1", kStart);
  EXPECT_GT(throttle.RetryAfter("park@example.com", "10.0.0.1", kStart), 0s);
}

TEST_F(LoginThrottleTest, ForgetsFailuresThatLeftTheWindow) {
  LoginThrottle throttle(store_.database());
  for (int key = 0; key < 50; ++key) {
    throttle.RecordFailure("user" + std::to_string(key), "10.1." + std::to_string(key), kStart);
  }
  EXPECT_EQ(throttle.TrackedKeys(), 100);
  // Long after the window, a new failure clears out what no longer counts.
  throttle.RecordFailure("other", "10.2.0", kStart + 1h);
  EXPECT_EQ(throttle.RetryAfter("user1", "10.1.1", kStart + 1h), 0s);
  EXPECT_EQ(throttle.TrackedKeys(), 2);
}

TEST_F(LoginThrottleTest, NodesOnOneStoreShareTheCount) {
  // Two nodes: two throttles on one store. Failures on either count toward the one limit.
  LoginThrottle first(store_.database());
  LoginThrottle second(store_.database());
  for (int attempt = 0; attempt < 3; ++attempt) first.RecordFailure("kim@example.com", "10.0.0.1", kStart);
  for (int attempt = 0; attempt < 2; ++attempt) second.RecordFailure("kim@example.com", "10.0.0.2", kStart);
  EXPECT_EQ(first.RetryAfter("kim@example.com", "10.0.0.3", kStart + 1min), 14min);
  EXPECT_EQ(second.RetryAfter("kim@example.com", "10.0.0.3", kStart + 1min), 14min);
  second.ClearAccount("kim@example.com");
  EXPECT_EQ(first.RetryAfter("kim@example.com", "10.0.0.3", kStart + 1min), 0s);
}

TEST_F(LoginThrottleTest, FailuresRecordedAtTheSameInstantAreAllCounted) {
  LoginThrottle first(store_.database());
  LoginThrottle second(store_.database());
  std::vector<std::thread> threads;
  for (int thread = 0; thread < 4; ++thread) {
    threads.emplace_back([&, thread] {
      for (int attempt = 0; attempt < 5; ++attempt) {
        (thread % 2 == 0 ? first : second).RecordFailure("user" + std::to_string(thread), "10.0.0.1", kStart);
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  // 20 failures from one address in one second, from two "nodes": the address is blocked.
  EXPECT_EQ(first.RetryAfter("new@example.com", "10.0.0.1", kStart), 15min);
}

TEST(AccountThrottleTest, TwoServicesOnOneStoreThrottleTogether) {
  testing::TestDatabase store(
      std::array<db::Database::ModuleMigrations, 2>{{{"audit", audit::Migrations()}, {"accounts", Migrations()}}});
  core::ManualClock clock(kStart);
  AccountService node_one(store.database(), clock);
  AccountService node_two(store.database(), clock);
  for (int attempt = 0; attempt < 5; ++attempt) {
    AccountService& node = attempt % 2 == 0 ? node_one : node_two;
    EXPECT_EQ(node.Login("kim@example.com", "wrong password 1234", "10.0.0.1", SessionKind::browser).error(),
              AccountError::wrong_credentials);
  }
  // The sixth try is refused on either node: five failures in all, not five per node.
  EXPECT_EQ(node_one.Login("kim@example.com", "wrong password 1234", "10.0.0.1", SessionKind::browser).error(),
            AccountError::too_many_attempts);
  EXPECT_EQ(node_two.Login("kim@example.com", "wrong password 1234", "10.0.0.1", SessionKind::browser).error(),
            AccountError::too_many_attempts);
}

}  // namespace
}  // namespace manmulsang::accounts
