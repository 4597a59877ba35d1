#pragma once

#include <cstdint>
#include <vector>

#include "manmulsang/core/clock.hpp"
#include "manmulsang/db/database.hpp"

namespace manmulsang::accounts {

// The most days a count per day covers.
inline constexpr int kMaxJoinedDays = 366;

// How many members joined on each of the `days` days (1..kMaxJoinedDays, clamped) ending on the
// marketplace's day of `now`, oldest first, today last, zeros too: the admin console's "new
// members". A read of its own beside AccountService, which its commands need not know about.
std::vector<std::int64_t> MembersJoinedPerDay(db::Database& database, core::TimePoint now, int days);

}  // namespace manmulsang::accounts
