#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace manmulsang::search {

// Bytes that sort after the UTF-8 of every code point: [prefix, prefix + this) is every string
// that starts with prefix (byte order, which SQLite's BINARY and PostgreSQL's "C" collation use).
inline constexpr std::string_view kAfterEveryPrefix = "\xF4\x8F\xBF\xBF";

// One range look-up of the suggestion vocabulary that a typed prefix asks for.
struct SuggestionLookup {
  bool by_initials = false;  // range over the words' 초성 instead of the words
  std::string low;           // the prefix, case-folded
  // The syllable right after low must start with this consonant: the prefix ended in the middle
  // of typing a syllable (노틉 or 노트ㅂ on the way to 노트북).
  std::optional<char32_t> next_initial;

  bool Accepts(std::string_view word) const;
};

// What to look up for a prefix as typed: the prefix itself; 초성 (ㄴㅌ); a last syllable still
// being typed (노틉 → 노트 + ㅂ…); and, for ASCII letters, the Hangul the same keys type in
// Korean mode (shxm → 노트). Empty for a prefix with nothing to look up.
std::vector<SuggestionLookup> SuggestionLookups(std::string_view prefix);

}  // namespace manmulsang::search
