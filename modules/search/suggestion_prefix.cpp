#include "suggestion_prefix.hpp"

#include <algorithm>

#include "manmulsang/text/initial_consonants.hpp"
#include "manmulsang/text/jamo.hpp"
#include "manmulsang/text/keyboard_layout.hpp"
#include "manmulsang/text/normalize.hpp"
#include "manmulsang/text/utf8.hpp"

namespace manmulsang::search {
namespace {

// Longest prefix looked up, in code points: suggestions are for the first few letters.
constexpr std::size_t kMaxPrefix = 40;

void AddHangulLookups(const std::string& prefix, std::vector<SuggestionLookup>& lookups) {
  if (text::IsInitialConsonantString(prefix)) {
    lookups.push_back({true, text::SplitInitialConsonants(prefix), std::nullopt});
    return;
  }
  lookups.push_back({false, prefix, std::nullopt});
  std::u32string code_points = text::DecodeUtf8(prefix);
  const char32_t last = code_points.back();
  if (auto jamo = text::DecomposeSyllable(last); jamo && jamo->final_consonant != 0) {
    // 노틉: the ㅂ may be the start of the next syllable (노트북), or half of a compound final.
    char32_t kept = 0;
    char32_t moving = jamo->final_consonant;
    if (auto parts = text::SplitCompoundJamo(jamo->final_consonant)) {
      kept = parts->first;
      moving = parts->second;
    }
    code_points.back() = text::ComposeSyllable(jamo->initial, jamo->medial, kept).value_or(last);
    if (text::CanBeInitial(moving)) lookups.push_back({false, text::EncodeUtf8(code_points), moving});
  } else if (code_points.size() >= 2 && text::IsConsonantJamo(last) && text::CanBeInitial(last)) {
    code_points.pop_back();
    lookups.push_back({false, text::EncodeUtf8(code_points), last});
  }
}

}  // namespace

bool SuggestionLookup::Accepts(std::string_view word) const {
  if (by_initials) return true;  // the range over the initials was the whole condition
  if (!word.starts_with(low)) return false;
  if (!next_initial) return true;
  const std::u32string rest = text::DecodeUtf8(word.substr(low.size()));
  if (rest.empty()) return false;
  auto jamo = text::DecomposeSyllable(rest.front());
  return jamo && jamo->initial == *next_initial;
}

std::vector<SuggestionLookup> SuggestionLookups(std::string_view raw_prefix) {
  std::vector<SuggestionLookup> lookups;
  const std::string trimmed = text::Trim(text::Truncate(raw_prefix, kMaxPrefix));
  const std::string prefix = text::FoldCase(trimmed);
  if (prefix.empty()) return lookups;
  AddHangulLookups(prefix, lookups);
  const bool letters_only =
      std::ranges::all_of(trimmed, [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
  if (letters_only) {
    // The same keys in Korean mode; Shift matters (Q is ㅃ), so convert what was typed.
    const std::string hangul = text::KeystrokesToHangul(trimmed);
    if (hangul != prefix) AddHangulLookups(hangul, lookups);
  }
  return lookups;
}

}  // namespace manmulsang::search
