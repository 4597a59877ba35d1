#include "login_throttle.hpp"

#include <gtest/gtest.h>

#include <string>

namespace manmulsang::accounts {
namespace {

using namespace std::chrono_literals;

const core::TimePoint kStart = core::FromUnixSeconds(1'790'000'000);

TEST(LoginThrottleTest, BlocksAnAccountAfterFiveFailuresUntilTheOldestLeavesTheWindow) {
  LoginThrottle throttle;
  for (int attempt = 0; attempt < 5; ++attempt) {
    EXPECT_EQ(throttle.RetryAfter("kim@example.com", "10.0.0.1", kStart + attempt * 1min), 0s);
    throttle.RecordFailure("kim@example.com", "10.0.0.1", kStart + attempt * 1min);
  }
  EXPECT_EQ(throttle.RetryAfter("kim@example.com", "10.0.0.9", kStart + 5min), 10min);
  EXPECT_EQ(throttle.RetryAfter("lee@example.com", "10.0.0.2", kStart + 5min), 0s);
  EXPECT_EQ(throttle.RetryAfter("kim@example.com", "10.0.0.9", kStart + 15min - 1s), 1s);
  EXPECT_EQ(throttle.RetryAfter("kim@example.com", "10.0.0.9", kStart + 15min), 0s);
}

TEST(LoginThrottleTest, BlocksAnAddressAfterTwentyFailuresOverManyAccounts) {
  LoginThrottle throttle;
  for (int attempt = 0; attempt < 20; ++attempt) {
    throttle.RecordFailure("user" + std::to_string(attempt) + "@example.com", "10.0.0.1", kStart);
  }
  EXPECT_EQ(throttle.RetryAfter("new@example.com", "10.0.0.1", kStart + 1min), 14min);
  EXPECT_EQ(throttle.RetryAfter("new@example.com", "10.0.0.2", kStart + 1min), 0s);
}

TEST(LoginThrottleTest, ClearingAnAccountKeepsTheAddressCount) {
  LoginThrottle throttle({.account_failures = 2, .address_failures = 3, .window = 15min});
  throttle.RecordFailure("kim@example.com", "10.0.0.1", kStart);
  throttle.RecordFailure("kim@example.com", "10.0.0.1", kStart);
  EXPECT_GT(throttle.RetryAfter("kim@example.com", "10.0.0.2", kStart), 0s);
  throttle.ClearAccount("kim@example.com");
  EXPECT_EQ(throttle.RetryAfter("kim@example.com", "10.0.0.2", kStart), 0s);
  throttle.RecordFailure("lee@example.com", "10.0.0.1", kStart);
  EXPECT_GT(throttle.RetryAfter("park@example.com", "10.0.0.1", kStart), 0s);
}

TEST(LoginThrottleTest, ForgetsOldKeysAsItGrows) {
  LoginThrottle throttle;
  for (int key = 0; key < 5000; ++key) {
    throttle.RecordFailure("user" + std::to_string(key), "10.1." + std::to_string(key), kStart);
  }
  // Long after the window, the same volume again: old keys are pruned, new ones count.
  for (int key = 0; key < 5000; ++key) {
    throttle.RecordFailure("other" + std::to_string(key), "10.2." + std::to_string(key), kStart + 1h);
  }
  EXPECT_EQ(throttle.RetryAfter("user1", "10.1.1", kStart + 1h), 0s);
  EXPECT_LT(throttle.TrackedKeys(), 2 * 5000 + 2 * 2048);
}

}  // namespace
}  // namespace manmulsang::accounts
