#include "manmulsang/text/dueum.hpp"

#include "manmulsang/text/hangul.hpp"
#include "manmulsang/text/jamo.hpp"
#include "manmulsang/text/utf8.hpp"

namespace manmulsang::text {
namespace {

// The vowels that begin with a y-glide or are ㅣ: before them ㄹ and ㄴ become silent (ㅇ).
bool IsIotizedVowel(char32_t medial) {
  return medial == U'ㅑ' || medial == U'ㅕ' || medial == U'ㅖ' || medial == U'ㅛ' || medial == U'ㅠ' ||
         medial == U'ㅣ' || medial == U'ㅒ';
}

}  // namespace

char32_t FoldInitialSound(char32_t syllable) {
  auto jamo = DecomposeSyllable(syllable);
  if (!jamo) return syllable;
  char32_t initial = jamo->initial;
  if (initial == U'ㄹ') {
    initial = IsIotizedVowel(jamo->medial) ? U'ㅇ' : U'ㄴ';
  } else if (initial == U'ㄴ' && IsIotizedVowel(jamo->medial)) {
    initial = U'ㅇ';
  } else {
    return syllable;
  }
  return ComposeSyllable(initial, jamo->medial, jamo->final_consonant).value_or(syllable);
}

std::string FoldInitialSounds(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool at_word_start = true;
  for (char32_t code_point : DecodeUtf8(text)) {
    if (IsHangulSyllable(code_point)) {
      AppendUtf8(out, at_word_start ? FoldInitialSound(code_point) : code_point);
      at_word_start = false;
    } else {
      AppendUtf8(out, code_point);
      at_word_start = true;
    }
  }
  return out;
}

}  // namespace manmulsang::text
