#include "manmulsang/core/grouped_number.hpp"

namespace manmulsang::core {

std::string GroupThousands(std::uint64_t value) {
  const std::string digits = std::to_string(value);
  std::string grouped;
  grouped.reserve(digits.size() + digits.size() / 3);
  for (std::size_t index = 0; index < digits.size(); ++index) {
    if (index > 0 && (digits.size() - index) % 3 == 0) grouped.push_back(',');
    grouped.push_back(digits[index]);
  }
  return grouped;
}

std::string FormatCount(std::int64_t count) {
  auto magnitude = static_cast<std::uint64_t>(count);
  if (count < 0) magnitude = 0ULL - magnitude;  // well defined even for the most negative value
  return count < 0 ? "-" + GroupThousands(magnitude) : GroupThousands(magnitude);
}

}  // namespace manmulsang::core
