#pragma once

#include <chrono>
#include <cstdint>
#include <string_view>

#include "manmulsang/core/clock.hpp"
#include "manmulsang/db/database.hpp"

namespace manmulsang::accounts {

// Failed logins in a sliding window, per account (normalised email) and per remote address,
// kept in the store (login_failures): every node reads and adds to the same counts, so several
// nodes behind nginx allow what one would. The table stays bounded: a failure deletes the rows
// that have left the window.
struct LoginLimits {
  int account_failures = 5;
  int address_failures = 20;
  std::chrono::seconds window = std::chrono::minutes(15);
};

class LoginThrottle {
 public:
  explicit LoginThrottle(db::Database& database, LoginLimits limits = {});

  // How long until account/address may try again; zero when an attempt is allowed now.
  std::chrono::seconds RetryAfter(std::string_view account, std::string_view address, core::TimePoint now);
  void RecordFailure(std::string_view account, std::string_view address, core::TimePoint now);
  // A successful login forgives the account's failures (not the address's: one right password
  // must not reset a guessing run over many accounts).
  void ClearAccount(std::string_view account);
  // Accounts plus addresses currently remembered (for the bound's tests).
  std::int64_t TrackedKeys();

 private:
  db::Database& database_;
  LoginLimits limits_;
};

}  // namespace manmulsang::accounts
