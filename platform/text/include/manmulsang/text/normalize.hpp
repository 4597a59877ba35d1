#pragma once

#include <string>
#include <string_view>

#include "manmulsang/text/utf8.hpp"

namespace manmulsang::text {

// Unicode normalisation for everything we store and compare. Hangul typed on different systems
// arrives precomposed (NFC, Windows) or as loose jamo (NFD, macOS file names and some IMEs); the
// same word must be the same bytes, so every name, query and text field is NFC before it is
// stored or searched. Invalid UTF-8 becomes U+FFFD first (see utf8.hpp); nothing here throws.

// Canonical composition (NFC). "ᄒ ᅡ ᆫ" (U+1112 U+1161 U+11AB) → "한".
std::string NormalizeNfc(std::string_view text);

// Full Unicode case folding, then NFC: the key for case-insensitive equality of e-mail
// addresses and search terms ("Straße@Example.COM" → "strasse@example.com"). Not for display.
std::string FoldCase(std::string_view text);

// text without leading and trailing Unicode white space (the White_Space property: ASCII blanks,
// U+00A0, U+3000 IDEOGRAPHIC SPACE, ...), plus the invisible U+200B ZERO WIDTH SPACE and U+FEFF
// BYTE ORDER MARK that copy-paste drags along. Invalid UTF-8 is sanitized first.
std::string Trim(std::string_view text);

// Trim, and every inner run of white space (including newlines and tabs) becomes one ASCII
// space: for names and titles that must stay on one line.
std::string CollapseWhitespace(std::string_view text);

// True for a code point Trim removes.
bool IsWhitespace(char32_t code_point);

}  // namespace manmulsang::text
