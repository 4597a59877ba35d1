#pragma once

#include <string>

#include "manmulsang/core/clock.hpp"

namespace manmulsang::html {

// A moment as people read it on a page: the marketplace's local time (UTC+9) to the minute,
// "2026-11-27 06:38". Pages put the exact moment in <time datetime="…"> beside it
// (core::FormatIso8601) for machines.
std::string DateTimeText(core::TimePoint time);

}  // namespace manmulsang::html
