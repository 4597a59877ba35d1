#pragma once

#include <string>
#include <string_view>

#include "manmulsang/core/clock.hpp"

namespace manmulsang::analytics {

// A day as the integer YYYYMMDD, so that the day the in-memory counters belong to fits in one
// atomic and days compare in calendar order.
int DayKey(std::string_view local_date);
// The marketplace's local day of a moment, as a key.
int DayKeyOf(core::TimePoint moment);
// 'YYYY-MM-DD', as the tables store days.
std::string DayText(int key);

}  // namespace manmulsang::analytics
