#include "manmulsang/core/clock.hpp"
#include "manmulsang/core/local_time.hpp"

#include <ctime>

namespace manmulsang::core {

namespace {
std::string FormatUtc(std::int64_t seconds, const char* format) {
  const std::time_t time = static_cast<std::time_t>(seconds);
  std::tm parts{};
  gmtime_r(&time, &parts);
  char buffer[32];
  const std::size_t length = std::strftime(buffer, sizeof buffer, format, &parts);
  return std::string(buffer, length);
}
}  // namespace

std::int64_t ToUnixSeconds(TimePoint time) {
  return std::chrono::duration_cast<std::chrono::seconds>(time.time_since_epoch()).count();
}

TimePoint FromUnixSeconds(std::int64_t seconds) { return TimePoint(std::chrono::seconds(seconds)); }

std::string FormatIso8601(TimePoint time) { return FormatUtc(ToUnixSeconds(time), "%Y-%m-%dT%H:%M:%SZ"); }

std::string LocalDate(TimePoint time) {
  return FormatUtc(ToUnixSeconds(time) + kMarketplaceUtcOffsetSeconds, "%Y-%m-%d");
}

std::string LocalDateTime(TimePoint time) {
  return FormatUtc(ToUnixSeconds(time) + kMarketplaceUtcOffsetSeconds, "%Y-%m-%d %H:%M");
}

}  // namespace manmulsang::core
