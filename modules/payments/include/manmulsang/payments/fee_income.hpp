#pragma once

#include <cstdint>
#include <vector>

#include "manmulsang/core/clock.hpp"
#include "manmulsang/db/database.hpp"

namespace manmulsang::payments {

// The most days a count per day covers.
inline constexpr int kMaxFeeIncomeDays = 366;

// The platform's fees (won) credited on each of the `days` days (1..kMaxFeeIncomeDays, clamped)
// ending on the marketplace's day of `now`, oldest first, today last, zeros too: what the ledger's
// platform_fees account received, by its transfers' dates. The admin console's "fee income".
std::vector<std::int64_t> PlatformFeesPerDay(db::Database& database, core::TimePoint now, int days);

}  // namespace manmulsang::payments
