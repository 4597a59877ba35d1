#pragma once

#include <cstdio>
#include <ctime>
#include <string>

namespace manmulsang::http {

// "Sun, 06 Nov 1994 08:49:37 GMT" (RFC 9110 IMF-fixdate). Written by hand because strftime's
// day and month names follow the process locale.
inline std::string FormatHttpDate(std::time_t time) {
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::tm parts{};
  gmtime_r(&time, &parts);
  char text[32];
  const int length =
      std::snprintf(text, sizeof text, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[parts.tm_wday % 7], parts.tm_mday,
                    kMonths[parts.tm_mon % 12], parts.tm_year + 1900, parts.tm_hour, parts.tm_min, parts.tm_sec);
  return std::string(text, length > 0 ? static_cast<std::size_t>(length) : 0);
}

}  // namespace manmulsang::http
