#include <algorithm>

#include "manmulsang/accounts/member_statistics.hpp"

namespace manmulsang::accounts {
namespace {

constexpr std::int64_t kSecondsPerDay = 86400;

// Day numbers in the marketplace's zone: (unix seconds + offset) / 86,400, integer division in
// both dialects.
constexpr std::string_view kJoinedPerDay =
    "SELECT (created_at + $2) / 86400, COUNT(*) FROM users WHERE created_at >= $1 GROUP BY 1";

}  // namespace

std::vector<std::int64_t> MembersJoinedPerDay(db::Database& database, core::TimePoint now, int days) {
  days = std::clamp(days, 1, kMaxJoinedDays);
  constexpr std::int64_t offset = core::kMarketplaceUtcOffsetSeconds;
  const std::int64_t first_day = (core::ToUnixSeconds(now) + offset) / kSecondsPerDay - (days - 1);
  const std::int64_t since = first_day * kSecondsPerDay - offset;
  std::vector<std::int64_t> joined(static_cast<std::size_t>(days), 0);
  database.Read([&](db::Connection& connection) {
    for (const db::Row& row : connection.Query(kJoinedPerDay, {since, offset})) {
      const std::int64_t index = row.Int(0) - first_day;
      if (index >= 0 && index < days) joined[static_cast<std::size_t>(index)] = row.Int(1);
    }
  });
  return joined;
}

}  // namespace manmulsang::accounts
