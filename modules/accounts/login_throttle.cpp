#include "login_throttle.hpp"

#include <algorithm>

namespace manmulsang::accounts {
namespace {

constexpr std::size_t kMinimumPruneSize = 1024;

}  // namespace

LoginThrottle::LoginThrottle(LoginLimits limits)
    : limits_(limits), accounts_prune_at_(kMinimumPruneSize), addresses_prune_at_(kMinimumPruneSize) {}

std::chrono::seconds LoginThrottle::RetryAfter(std::string_view account, std::string_view address,
                                               core::TimePoint now) {
  std::lock_guard lock(mutex_);
  return std::max(Wait(accounts_, account, limits_.account_failures, now),
                  Wait(addresses_, address, limits_.address_failures, now));
}

void LoginThrottle::RecordFailure(std::string_view account, std::string_view address, core::TimePoint now) {
  std::lock_guard lock(mutex_);
  Record(accounts_, accounts_prune_at_, account, limits_.account_failures, now);
  Record(addresses_, addresses_prune_at_, address, limits_.address_failures, now);
}

void LoginThrottle::ClearAccount(std::string_view account) {
  std::lock_guard lock(mutex_);
  if (const auto found = accounts_.find(std::string(account)); found != accounts_.end()) accounts_.erase(found);
}

std::size_t LoginThrottle::TrackedKeys() {
  std::lock_guard lock(mutex_);
  return accounts_.size() + addresses_.size();
}

std::chrono::seconds LoginThrottle::Wait(FailureMap& map, std::string_view key, int limit, core::TimePoint now) {
  const auto found = map.find(std::string(key));
  if (found == map.end()) return std::chrono::seconds(0);
  Failures& failures = found->second;
  while (!failures.empty() && failures.front() + limits_.window <= now) failures.pop_front();
  if (failures.size() < static_cast<std::size_t>(limit)) return std::chrono::seconds(0);
  // Blocked until the oldest failure that still counts leaves the window; round up so that a
  // client waiting exactly Retry-After seconds is let in.
  const auto wait = failures.front() + limits_.window - now;
  return std::chrono::ceil<std::chrono::seconds>(wait);
}

void LoginThrottle::Record(FailureMap& map, std::size_t& prune_at, std::string_view key, int limit,
                           core::TimePoint now) {
  Failures& failures = map[std::string(key)];
  failures.push_back(now);
  while (failures.size() > static_cast<std::size_t>(limit)) failures.pop_front();
  if (map.size() >= prune_at) {
    Prune(map, now);
    // Doubling keeps pruning cheap on average when many keys are genuinely active.
    prune_at = std::max(kMinimumPruneSize, map.size() * 2);
  }
}

void LoginThrottle::Prune(FailureMap& map, core::TimePoint now) {
  std::erase_if(map,
                [&](const auto& entry) { return entry.second.empty() || entry.second.back() + limits_.window <= now; });
}

}  // namespace manmulsang::accounts
