#include "login_throttle.hpp"

#include <string_view>

namespace manmulsang::accounts {
namespace {

constexpr std::string_view kAccount = "account";
constexpr std::string_view kAddress = "address";

// Failures of one second share a row: two nodes recording at once add to it, neither is lost.
constexpr std::string_view kRecordFailure =
    "INSERT INTO login_failures (scope, subject, failed_at, failures) VALUES ($1, $2, $3, 1) "
    "ON CONFLICT (scope, subject, failed_at) DO UPDATE SET failures = login_failures.failures + 1";
constexpr std::string_view kForgetExpired = "DELETE FROM login_failures WHERE failed_at <= $1";
// The newest seconds that still count, at most limit of them (each holds at least one failure).
constexpr std::string_view kRecentFailures =
    "SELECT failed_at, failures FROM login_failures WHERE scope = $1 AND subject = $2 AND failed_at > $3 "
    "ORDER BY failed_at DESC LIMIT $4";
constexpr std::string_view kClearAccount = "DELETE FROM login_failures WHERE scope = 'account' AND subject = $1";
constexpr std::string_view kTrackedKeys =
    "SELECT COUNT(*) FROM (SELECT DISTINCT scope, subject FROM login_failures) AS tracked";

// Blocked until the oldest failure that still counts toward the limit leaves the window.
std::int64_t WaitSeconds(db::Connection& connection, std::string_view scope, std::string_view subject, int limit,
                         std::int64_t now, std::int64_t window) {
  std::int64_t counted = 0;
  for (const db::Row& row : connection.Query(kRecentFailures, {scope, subject, now - window, limit})) {
    counted += row.Int(1);
    if (counted >= limit) return row.Int(0) + window - now;
  }
  return 0;
}

}  // namespace

LoginThrottle::LoginThrottle(db::Database& database, LoginLimits limits) : database_(database), limits_(limits) {}

std::chrono::seconds LoginThrottle::RetryAfter(std::string_view account, std::string_view address,
                                               core::TimePoint now) {
  const std::int64_t seconds = core::ToUnixSeconds(now);
  const std::int64_t window = limits_.window.count();
  const std::int64_t wait = database_.Read([&](db::Connection& connection) {
    return std::max(WaitSeconds(connection, kAccount, account, limits_.account_failures, seconds, window),
                    WaitSeconds(connection, kAddress, address, limits_.address_failures, seconds, window));
  });
  return std::chrono::seconds(wait);
}

void LoginThrottle::RecordFailure(std::string_view account, std::string_view address, core::TimePoint now) {
  const std::int64_t seconds = core::ToUnixSeconds(now);
  database_.Write([&](db::Connection& connection) {
    connection.Execute(kRecordFailure, {kAccount, account, seconds});
    connection.Execute(kRecordFailure, {kAddress, address, seconds});
    connection.Execute(kForgetExpired, {seconds - limits_.window.count()});
  });
}

void LoginThrottle::ClearAccount(std::string_view account) {
  database_.Write([&](db::Connection& connection) { connection.Execute(kClearAccount, {account}); });
}

std::int64_t LoginThrottle::TrackedKeys() {
  return database_.Read([](db::Connection& connection) {
    auto row = connection.QueryOne(kTrackedKeys);
    return row ? row->Int(0) : 0;
  });
}

}  // namespace manmulsang::accounts
