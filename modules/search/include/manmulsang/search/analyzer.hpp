#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace manmulsang::search {

// The analyzer turns text into index terms, the same way for listings and for queries, so that
// Korean is found without a dictionary:
// - Hangul: each run of syllables gives its syllable bigrams (노트북 → 노트 트북); a run of one
//   syllable gives that syllable (쌀). Runs separated only by white space also give the bigram
//   across the space (노트북 가방 → 북가), so spacing does not matter (노트북가방, 노트 북).
//   The first syllable of a run is folded by the 두음 rule (로동 → 노동; see text/dueum.hpp).
// - 초성: each run of two or more syllables also gives its initial consonants (ㄴㅌㅂ), as typed
//   and, when the fold changes them, folded (로동 → ㄹㄷ and ㄴㄷ).
// - Latin letters and digits, lower-cased: a token may hold connectors (- . / _ +) between letters
//   or digits. It gives itself whole, its connector-separated parts, and for a part that mixes
//   letters and digits its digit runs and its letter runs of two or more letters (one letter
//   alone is too common to search by): i5-8250U → i5-8250u i5 8250u 5 8250; 300W → 300w 300;
//   A4 → a4 4.
// - Other letters (Cyrillic, Han, ...) give their lower-cased runs whole.
// Input is NFC-normalised and case-folded first; invalid UTF-8 is sanitized; nothing throws.
// The terms never contain white space, quotes or operators.

// Terms in text order, repeated as often as they occur (the index counts frequencies).
std::vector<std::string> AnalyzeForIndex(std::string_view text);

// A query, analyzed. A listing matches when it holds every required term; optional terms only
// add to the score (the whole model number "i5-8250u" when the parts are required).
struct AnalyzedQuery {
  std::vector<std::string> required;  // distinct, in query order
  std::vector<std::string> optional;  // distinct, none of them required
  // The terms of each word on its own, without the bigrams across spaces (노트북 방수 가방 →
  // 노트 트북 방수 가방): what a looser match counts when no listing holds every required term.
  std::vector<std::string> word_terms;
  // The query lower-cased and NFC, punctuation dropped, one space between words, at most
  // kMaxQueryCodePoints long: the key for trending and the text shown back to the user.
  std::string normalized;

  bool empty() const { return required.empty(); }
};

// Longest query text analyzed, in code points; the rest is ignored (a query is a few words).
inline constexpr std::size_t kMaxQueryCodePoints = 100;
// Most required terms a query keeps; a pasted paragraph must not become 500 index lookups.
inline constexpr std::size_t kMaxQueryTerms = 32;

// Never fails: FTS syntax, quotes, *, NEAR(, NUL, lone jamo and any length are only text.
AnalyzedQuery AnalyzeQuery(std::string_view text);

// When some query word is Latin that reads as Hangul typed with the keyboard in English mode
// (shxmqnr → 노트북) — and no word is Hangul already — the query with those words converted;
// otherwise empty. Words like "usb" or "i5" that make no syllables stay as typed.
std::string KeyboardCorrectedQuery(std::string_view text);

}  // namespace manmulsang::search
