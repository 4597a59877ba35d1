#include "day_key.hpp"

#include <cstdio>

namespace manmulsang::analytics {

int DayKey(std::string_view local_date) {
  int key = 0;
  for (char c : local_date) {
    if (c >= '0' && c <= '9') key = key * 10 + (c - '0');
  }
  return key;
}

int DayKeyOf(core::TimePoint moment) { return DayKey(core::LocalDate(moment)); }

std::string DayText(int key) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", key / 10000, key / 100 % 100, key % 100);
  return text;
}

}  // namespace manmulsang::analytics
