#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace manmulsang::text {

// Every function here accepts any bytes. Text from outside (forms, URLs, CSV imports) may be
// broken UTF-8; a broken sequence never crashes and never leaks through: it becomes one
// U+FFFD REPLACEMENT CHARACTER per maximal invalid subpart (the WHATWG/Unicode "best practice").
inline constexpr char32_t kReplacementCharacter = U'\uFFFD';

// True when text is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool IsValidUtf8(std::string_view text);

// The code points of text; invalid sequences decode to U+FFFD.
std::u32string DecodeUtf8(std::string_view text);

// UTF-8 of code points; surrogates and values above U+10FFFF are written as U+FFFD.
std::string EncodeUtf8(std::u32string_view code_points);
void AppendUtf8(std::string& out, char32_t code_point);

// text with every invalid sequence replaced by U+FFFD; valid text comes back unchanged.
std::string SanitizeUtf8(std::string_view text);

// How many code points text holds (an invalid sequence counts as the one U+FFFD it decodes to).
std::size_t CodePointCount(std::string_view text);

// At most max_code_points code points of text, never cutting a character in half. When text was
// longer, ellipsis is appended (and counts toward the limit when it fits), e.g.
// Truncate("만물상 노트북", 4, "…") == "만물상…". Invalid input is sanitized first.
std::string Truncate(std::string_view text, std::size_t max_code_points, std::string_view ellipsis = {});

}  // namespace manmulsang::text
