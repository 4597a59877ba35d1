#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

namespace manmulsang::core {

using TimePoint = std::chrono::system_clock::time_point;

// Time comes from a Clock so that expiry, throttling and "today" can be tested without sleeping.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint Now() const = 0;
};

class SystemClock final : public Clock {
 public:
  TimePoint Now() const override { return std::chrono::system_clock::now(); }
};

class ManualClock final : public Clock {
 public:
  explicit ManualClock(TimePoint start) : now_(start.time_since_epoch().count()) {}
  TimePoint Now() const override { return TimePoint(TimePoint::duration(now_.load())); }
  void Advance(std::chrono::system_clock::duration by) { now_ += by.count(); }

 private:
  std::atomic<TimePoint::rep> now_;
};

std::int64_t ToUnixSeconds(TimePoint time);
TimePoint FromUnixSeconds(std::int64_t seconds);
// "2026-11-26T14:49:50Z"
std::string FormatIso8601(TimePoint time);
// The marketplace's calendar is Korean time (UTC+9, no daylight saving): "today" for the visit
// counter and daily totals turns over at local midnight, not UTC midnight.
inline constexpr std::int64_t kMarketplaceUtcOffsetSeconds = 9 * 3600;
// The calendar day in the marketplace's zone (UTC+9), as "2026-11-26": what "today" means to users.
std::string LocalDate(TimePoint time);

}  // namespace manmulsang::core
