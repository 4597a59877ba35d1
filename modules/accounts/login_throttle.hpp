#pragma once

#include <chrono>
#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "manmulsang/core/clock.hpp"

namespace manmulsang::accounts {

// Failed logins in a sliding window, per account (normalised email) and per remote address,
// kept in this process's memory. Memory stays bounded: each key keeps at most its limit of
// timestamps, and keys whose failures have all left the window are dropped as the maps grow.
struct LoginLimits {
  int account_failures = 5;
  int address_failures = 20;
  std::chrono::seconds window = std::chrono::minutes(15);
};

class LoginThrottle {
 public:
  explicit LoginThrottle(LoginLimits limits = {});

  // How long until account/address may try again; zero when an attempt is allowed now.
  std::chrono::seconds RetryAfter(std::string_view account, std::string_view address, core::TimePoint now);
  void RecordFailure(std::string_view account, std::string_view address, core::TimePoint now);
  // A successful login forgives the account's failures (not the address's: one right password
  // must not reset a guessing run over many accounts).
  void ClearAccount(std::string_view account);
  // Accounts plus addresses currently remembered (for the memory bound's tests and metrics).
  std::size_t TrackedKeys();

 private:
  using Failures = std::deque<core::TimePoint>;
  using FailureMap = std::unordered_map<std::string, Failures>;

  std::chrono::seconds Wait(FailureMap& map, std::string_view key, int limit, core::TimePoint now);
  void Record(FailureMap& map, std::size_t& prune_at, std::string_view key, int limit, core::TimePoint now);
  void Prune(FailureMap& map, core::TimePoint now);

  LoginLimits limits_;
  std::mutex mutex_;
  FailureMap accounts_;
  FailureMap addresses_;
  std::size_t accounts_prune_at_;
  std::size_t addresses_prune_at_;
};

}  // namespace manmulsang::accounts
