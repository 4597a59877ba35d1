#include "manmulsang/html/date_text.hpp"

#include <ctime>

namespace manmulsang::html {

std::string DateTimeText(core::TimePoint time) {
  const std::time_t local = static_cast<std::time_t>(core::ToUnixSeconds(time) + core::kMarketplaceUtcOffsetSeconds);
  std::tm parts{};
  gmtime_r(&local, &parts);
  char text[32];
  const std::size_t length = std::strftime(text, sizeof text, "%Y-%m-%d %H:%M", &parts);
  return std::string(text, length);
}

}  // namespace manmulsang::html
