#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace manmulsang::text {

// How long a field that people type may be, in code points, and whether it may hold several lines.
struct TypedTextLimits {
  std::size_t minimum = 0;
  std::size_t maximum = 0;
  bool multiline = false;
};

// What members type (a review, a message, a shop's name, a listing's description, an admin's
// reason), made safe to keep and show: valid UTF-8, NFC, trimmed, line ends as \n, between
// limits.minimum and limits.maximum code points. nullopt when it cannot be: broken UTF-8, a
// control character (newline and tab are allowed only in multiline text), or a character that
// hides or reorders what is shown (the line and paragraph separators, the bidirectional
// embeddings, overrides and isolates, a byte order mark inside the text), since a NUL, an escape
// sequence or a right-to-left override has no business in what another member reads.
// Huge input is refused on its byte length before the work of normalising it.
std::optional<std::string> CleanTypedText(std::string_view raw, TypedTextLimits limits);

}  // namespace manmulsang::text
