#pragma once

#include <string>

#include "manmulsang/core/clock.hpp"

namespace manmulsang::core {

// The day and the minute in the marketplace's zone (UTC+9, like LocalDate), as
// "2026-11-26 23:50": when an admin acted, when a payout was asked for.
std::string LocalDateTime(TimePoint time);

}  // namespace manmulsang::core
