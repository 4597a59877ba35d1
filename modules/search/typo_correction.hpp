#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "search_repository.hpp"

namespace manmulsang::search {

// "Did you mean" for typing mistakes, the last resort of a search that found nothing at all.
// Each query word that is not a word of some listing name (search_words) is replaced by the
// vocabulary word within one edit, the one most listings hold:
// - Hangul at the level of the keys the 2-set keyboard types (one jamo substituted, inserted or
//   deleted, or two adjacent keys swapped: 노트묵 → 노트북, 갸방 → 가방), and two adjacent
//   syllables swapped (트노북 → 노트북);
// - Latin letters and digits by Damerau-Levenshtein distance ≤ 1, ≤ 2 from 8 characters
//   (labtop → laptop, samsnug → samsung).
// The candidates are looked up by exact word (the primary key of search_words), plus for long
// Latin words one bounded range of the words sharing their first two characters; docs/SEARCH.md
// has the cost. Returns the corrected query, or empty when no word could be corrected.
std::string TypoCorrectedQuery(std::string_view normalized_query, SearchRepository& repository);

// The words one edit away from word that the vocabulary is asked for (distinct, word excluded);
// empty for words that are not corrected (too short, mixed scripts, too long).
std::vector<std::string> OneEditCandidates(std::string_view word);

// Damerau-Levenshtein distance (optimal string alignment) between two code-point strings.
std::size_t EditDistance(std::u32string_view left, std::u32string_view right);

// Longest words corrected: longer ones are compounds or codes, and their candidates grow with
// their length (a 6-syllable word makes about 1,200, a 12-letter Latin word about 900).
inline constexpr std::size_t kMaxCorrectedSyllables = 6;
inline constexpr std::size_t kMaxCorrectedLatinLength = 12;
// Most candidate words one query may look up, so a query of long made-up words costs a bounded
// number of index reads (docs/SEARCH.md has the time).
inline constexpr std::size_t kMaxCandidateLookups = 1'500;
// Most words of one query that get candidates, so a long query stays a bounded amount of work.
inline constexpr std::size_t kMaxCorrectedWords = 4;

}  // namespace manmulsang::search
