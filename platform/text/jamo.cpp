#include "manmulsang/text/jamo.hpp"

#include <array>

#include "manmulsang/text/hangul.hpp"

namespace manmulsang::text {
namespace {

// The Unicode order of the syllable block: syllable = 0xAC00 + (initial * 21 + medial) * 28 + final.
constexpr std::array<char32_t, 19> kInitials = {U'ㄱ', U'ㄲ', U'ㄴ', U'ㄷ', U'ㄸ', U'ㄹ', U'ㅁ', U'ㅂ', U'ㅃ', U'ㅅ',
                                                U'ㅆ', U'ㅇ', U'ㅈ', U'ㅉ', U'ㅊ', U'ㅋ', U'ㅌ', U'ㅍ', U'ㅎ'};
constexpr std::array<char32_t, 21> kMedials = {U'ㅏ', U'ㅐ', U'ㅑ', U'ㅒ', U'ㅓ', U'ㅔ', U'ㅕ',
                                               U'ㅖ', U'ㅗ', U'ㅘ', U'ㅙ', U'ㅚ', U'ㅛ', U'ㅜ',
                                               U'ㅝ', U'ㅞ', U'ㅟ', U'ㅠ', U'ㅡ', U'ㅢ', U'ㅣ'};
constexpr std::array<char32_t, 28> kFinals = {0,     U'ㄱ', U'ㄲ', U'ㄳ', U'ㄴ', U'ㄵ', U'ㄶ', U'ㄷ', U'ㄹ', U'ㄺ',
                                              U'ㄻ', U'ㄼ', U'ㄽ', U'ㄾ', U'ㄿ', U'ㅀ', U'ㅁ', U'ㅂ', U'ㅄ', U'ㅅ',
                                              U'ㅆ', U'ㅇ', U'ㅈ', U'ㅊ', U'ㅋ', U'ㅌ', U'ㅍ', U'ㅎ'};

struct Compound {
  char32_t first;
  char32_t second;
  char32_t joined;
};
constexpr std::array<Compound, 7> kCompoundVowels = {{{U'ㅗ', U'ㅏ', U'ㅘ'},
                                                      {U'ㅗ', U'ㅐ', U'ㅙ'},
                                                      {U'ㅗ', U'ㅣ', U'ㅚ'},
                                                      {U'ㅜ', U'ㅓ', U'ㅝ'},
                                                      {U'ㅜ', U'ㅔ', U'ㅞ'},
                                                      {U'ㅜ', U'ㅣ', U'ㅟ'},
                                                      {U'ㅡ', U'ㅣ', U'ㅢ'}}};
constexpr std::array<Compound, 11> kCompoundFinals = {{{U'ㄱ', U'ㅅ', U'ㄳ'},
                                                       {U'ㄴ', U'ㅈ', U'ㄵ'},
                                                       {U'ㄴ', U'ㅎ', U'ㄶ'},
                                                       {U'ㄹ', U'ㄱ', U'ㄺ'},
                                                       {U'ㄹ', U'ㅁ', U'ㄻ'},
                                                       {U'ㄹ', U'ㅂ', U'ㄼ'},
                                                       {U'ㄹ', U'ㅅ', U'ㄽ'},
                                                       {U'ㄹ', U'ㅌ', U'ㄾ'},
                                                       {U'ㄹ', U'ㅍ', U'ㄿ'},
                                                       {U'ㄹ', U'ㅎ', U'ㅀ'},
                                                       {U'ㅂ', U'ㅅ', U'ㅄ'}}};

template <std::size_t N>
int IndexOf(const std::array<char32_t, N>& table, char32_t value) {
  for (std::size_t index = 0; index < N; ++index) {
    if (table[index] == value) return static_cast<int>(index);
  }
  return -1;
}

}  // namespace

std::optional<SyllableJamo> DecomposeSyllable(char32_t syllable) {
  if (!IsHangulSyllable(syllable)) return std::nullopt;
  const char32_t offset = syllable - kFirstHangulSyllable;
  return SyllableJamo{kInitials[offset / (21 * 28)], kMedials[(offset / 28) % 21], kFinals[offset % 28]};
}

std::optional<char32_t> ComposeSyllable(char32_t initial, char32_t medial, char32_t final_consonant) {
  const int initial_index = IndexOf(kInitials, initial);
  const int medial_index = IndexOf(kMedials, medial);
  const int final_index = IndexOf(kFinals, final_consonant);  // 0 (none) is entry 0
  if (initial_index < 0 || medial_index < 0 || final_index < 0) return std::nullopt;
  return kFirstHangulSyllable + static_cast<char32_t>((initial_index * 21 + medial_index) * 28 + final_index);
}

bool IsConsonantJamo(char32_t code_point) { return code_point >= U'ㄱ' && code_point <= U'ㅎ'; }
bool IsVowelJamo(char32_t code_point) { return code_point >= U'ㅏ' && code_point <= U'ㅣ'; }
bool CanBeInitial(char32_t consonant) { return IndexOf(kInitials, consonant) >= 0; }
bool CanBeFinal(char32_t consonant) { return consonant != 0 && IndexOf(kFinals, consonant) > 0; }

std::optional<char32_t> CombineVowels(char32_t first, char32_t second) {
  for (const Compound& compound : kCompoundVowels) {
    if (compound.first == first && compound.second == second) return compound.joined;
  }
  return std::nullopt;
}

std::optional<char32_t> CombineFinals(char32_t first, char32_t second) {
  for (const Compound& compound : kCompoundFinals) {
    if (compound.first == first && compound.second == second) return compound.joined;
  }
  return std::nullopt;
}

std::optional<std::pair<char32_t, char32_t>> SplitCompoundJamo(char32_t jamo) {
  for (const Compound& compound : kCompoundVowels) {
    if (compound.joined == jamo) return std::pair{compound.first, compound.second};
  }
  for (const Compound& compound : kCompoundFinals) {
    if (compound.joined == jamo) return std::pair{compound.first, compound.second};
  }
  return std::nullopt;
}

std::u32string ToKeystrokeJamo(std::u32string_view text) {
  std::u32string out;
  out.reserve(text.size() * 3);
  const auto append_letter = [&out](char32_t letter) {
    if (auto parts = SplitCompoundJamo(letter)) {
      out.push_back(parts->first);
      out.push_back(parts->second);
    } else {
      out.push_back(letter);
    }
  };
  for (char32_t code_point : text) {
    if (auto jamo = DecomposeSyllable(code_point)) {
      append_letter(jamo->initial);
      append_letter(jamo->medial);
      if (jamo->final_consonant != 0) append_letter(jamo->final_consonant);
    } else if (IsConsonantJamo(code_point) || IsVowelJamo(code_point)) {
      append_letter(code_point);
    } else {
      out.push_back(code_point);
    }
  }
  return out;
}

}  // namespace manmulsang::text
