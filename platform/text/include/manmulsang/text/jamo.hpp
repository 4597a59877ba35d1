#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace manmulsang::text {

// Hangul syllables and their letters (jamo). Everything here speaks Hangul Compatibility Jamo
// (ㄱ U+3131 .. ㅣ U+3163): it is what a keyboard produces, what a user types for 초성 search,
// and it is one code point per letter whichever position (initial or final) the letter takes.

// The three letters of a precomposed syllable; final_consonant is 0 when the syllable has none.
// Compound vowels and finals stay compound here (닭 → ㄷ ㅏ ㄺ).
struct SyllableJamo {
  char32_t initial = 0;
  char32_t medial = 0;
  char32_t final_consonant = 0;

  friend bool operator==(const SyllableJamo&, const SyllableJamo&) = default;
};

// 한 → {ㅎ, ㅏ, ㄴ}; nullopt for anything that is not a syllable of 가..힣.
std::optional<SyllableJamo> DecomposeSyllable(char32_t syllable);

// {ㄷ, ㅏ, ㄺ} → 닭. nullopt when the letters cannot form a syllable (ㄳ as initial, ㄸ as final,
// a consonant as medial, ...). final_consonant 0 means none.
std::optional<char32_t> ComposeSyllable(char32_t initial, char32_t medial, char32_t final_consonant = 0);

// Consonant letters ㄱ..ㅎ (including doubles ㄲ and compounds ㄳ) and vowel letters ㅏ..ㅣ of
// the compatibility block (the archaic letters after ㅣ are neither).
bool IsConsonantJamo(char32_t code_point);
bool IsVowelJamo(char32_t code_point);

// Letters that may start (ㄱ ㄲ ㄴ ... ㅎ, 19) or end (ㄱ ㄲ ㄳ ... ㅎ, 27) a syllable.
bool CanBeInitial(char32_t consonant);
bool CanBeFinal(char32_t consonant);

// Two letters typed one after the other that the 2-set keyboard joins into one:
// ㅗ+ㅏ → ㅘ, ㅡ+ㅣ → ㅢ (vowels); ㄹ+ㄱ → ㄺ, ㅂ+ㅅ → ㅄ (finals). nullopt when they do not join.
std::optional<char32_t> CombineVowels(char32_t first, char32_t second);
std::optional<char32_t> CombineFinals(char32_t first, char32_t second);

// The inverse: ㅘ → {ㅗ, ㅏ}, ㄺ → {ㄹ, ㄱ}; nullopt for a simple letter. Double consonants
// (ㄲ ㅆ) are one key with Shift, so they are not split.
std::optional<std::pair<char32_t, char32_t>> SplitCompoundJamo(char32_t jamo);

// Every syllable written out as the simple letters a 2-set keyboard types, compounds split:
// "닭 과자" → "ㄷㅏㄹㄱ ㄱㅗㅏㅈㅏ". Compatibility jamo are split the same way; anything else
// passes through unchanged.
std::u32string ToKeystrokeJamo(std::u32string_view text);

}  // namespace manmulsang::text
