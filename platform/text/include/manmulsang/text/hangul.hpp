#pragma once

#include "manmulsang/text/utf8.hpp"

namespace manmulsang::text {

// Hangul building blocks. The search folds (초성 extraction, jamo decomposition, 두음 법칙
// North/South spelling, 2-set keyboard mapping) build on these and live beside this file.

inline constexpr char32_t kFirstHangulSyllable = U'\uAC00';  // 가
inline constexpr char32_t kLastHangulSyllable = U'\uD7A3';   // 힣

// A precomposed syllable of the Hangul Syllables block (가..힣).
constexpr bool IsHangulSyllable(char32_t code_point) {
  return code_point >= kFirstHangulSyllable && code_point <= kLastHangulSyllable;
}

// A Hangul Compatibility Jamo (ㄱ..ㅣ, U+3131..U+318E): what a user types for 초성 search.
constexpr bool IsCompatibilityJamo(char32_t code_point) { return code_point >= U'\u3131' && code_point <= U'\u318E'; }

// A conjoining jamo of the Hangul Jamo block (U+1100..U+11FF), as found in NFD text.
constexpr bool IsConjoiningJamo(char32_t code_point) { return code_point >= U'\u1100' && code_point <= U'\u11FF'; }

constexpr bool IsHangul(char32_t code_point) {
  return IsHangulSyllable(code_point) || IsCompatibilityJamo(code_point) || IsConjoiningJamo(code_point);
}

}  // namespace manmulsang::text
