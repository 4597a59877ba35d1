#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace manmulsang::messages {

// What members type, made safe to keep and show: valid UTF-8, NFC, line ends as \n, trimmed,
// between minimum and maximum code points, and no control characters but newline and tab.
// nullopt when it cannot be.
std::optional<std::string> CleanText(std::string_view text, std::size_t minimum, std::size_t maximum);

}  // namespace manmulsang::messages
