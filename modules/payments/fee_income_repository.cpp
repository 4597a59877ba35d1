#include <algorithm>

#include "manmulsang/payments/fee_income.hpp"

namespace manmulsang::payments {
namespace {

constexpr std::int64_t kSecondsPerDay = 86400;

// Day numbers in the marketplace's zone: (unix seconds + offset) / 86,400, integer division in
// both dialects. The cast keeps PostgreSQL's SUM(bigint) an integer rather than a numeric.
constexpr std::string_view kPlatformFeesPerDay =
    "SELECT (t.created_at + $2) / 86400, CAST(SUM(e.amount) AS BIGINT) FROM ledger_entries e "
    "JOIN ledger_accounts a ON a.id = e.account_id JOIN ledger_transfers t ON t.id = e.transfer_id "
    "WHERE a.kind = 'platform_fees' AND t.created_at >= $1 GROUP BY 1";

}  // namespace

std::vector<std::int64_t> PlatformFeesPerDay(db::Database& database, core::TimePoint now, int days) {
  days = std::clamp(days, 1, kMaxFeeIncomeDays);
  constexpr std::int64_t offset = core::kMarketplaceUtcOffsetSeconds;
  const std::int64_t first_day = (core::ToUnixSeconds(now) + offset) / kSecondsPerDay - (days - 1);
  const std::int64_t since = first_day * kSecondsPerDay - offset;
  std::vector<std::int64_t> fees(static_cast<std::size_t>(days), 0);
  database.Read([&](db::Connection& connection) {
    for (const db::Row& row : connection.Query(kPlatformFeesPerDay, {since, offset})) {
      const std::int64_t index = row.Int(0) - first_day;
      if (index >= 0 && index < days) fees[static_cast<std::size_t>(index)] = row.Int(1);
    }
  });
  return fees;
}

}  // namespace manmulsang::payments
