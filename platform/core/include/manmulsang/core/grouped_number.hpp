#pragma once

#include <cstdint>
#include <string>

namespace manmulsang::core {

// Digits grouped by thousands, as prices and counts are shown on every page: 1234567 →
// "1,234,567". Korean and English both group in threes with a comma.
std::string GroupThousands(std::uint64_t value);
// The same for a signed count: -1234 → "-1,234" (the most negative value too).
std::string FormatCount(std::int64_t count);

}  // namespace manmulsang::core
