#include "typo_correction.hpp"

#include <algorithm>
#include <set>
#include <unordered_set>

#include "manmulsang/text/hangul.hpp"
#include "manmulsang/text/keyboard_layout.hpp"
#include "manmulsang/text/utf8.hpp"
#include "suggestion_prefix.hpp"

namespace manmulsang::search {
namespace {

// The keys of the 2-set keyboard: every lower-case letter is a jamo, and Shift types the doubles
// (ㅃ ㅉ ㄸ ㄲ ㅆ) and ㅒ ㅖ; other capitals type the same jamo as their lower case.
constexpr std::string_view kHangulKeys = "abcdefghijklmnopqrstuvwxyzQWERTOP";
constexpr std::string_view kLatinCharacters = "abcdefghijklmnopqrstuvwxyz0123456789";
// Latin words this long may hold two mistakes.
constexpr std::size_t kLongLatinWord = 8;
// Latin words shorter than this have too many neighbours to guess from ("usb" → "usd").
constexpr std::size_t kShortestCorrectedLatinWord = 4;
// Vocabulary words read from the range sharing a long word's first two characters.
constexpr int kLongWordRangeRows = 1000;

enum class WordKind { hangul, latin, other };

WordKind KindOf(std::u32string_view word) {
  if (word.empty()) return WordKind::other;
  if (std::ranges::all_of(word, text::IsHangulSyllable)) return WordKind::hangul;
  const bool latin = std::ranges::all_of(word, [](char32_t code_point) {
    return (code_point >= U'a' && code_point <= U'z') || (code_point >= U'0' && code_point <= U'9');
  });
  const bool has_letter = std::ranges::any_of(word, [](char32_t code_point) { return code_point >= U'a'; });
  return latin && has_letter ? WordKind::latin : WordKind::other;
}

// Calls each(edited) for every string one deletion, swap of neighbours, substitution or
// insertion (from alphabet) away from word; repeats are the caller's to drop.
template <typename Each>
void ForEachOneEdit(std::string_view word, std::string_view alphabet, Each&& each) {
  std::string edited;
  for (std::size_t index = 0; index < word.size(); ++index) {
    edited.assign(word).erase(index, 1);
    each(edited);
  }
  for (std::size_t index = 0; index + 1 < word.size(); ++index) {
    if (word[index] == word[index + 1]) continue;
    edited.assign(word);
    std::swap(edited[index], edited[index + 1]);
    each(edited);
  }
  for (std::size_t index = 0; index < word.size(); ++index) {
    for (char letter : alphabet) {
      if (letter == word[index]) continue;
      edited.assign(word);
      edited[index] = letter;
      each(edited);
    }
  }
  for (std::size_t index = 0; index <= word.size(); ++index) {
    for (char letter : alphabet) {
      edited.assign(word).insert(index, 1, letter);
      each(edited);
    }
  }
}

std::u32string Ascii32(std::string_view ascii) { return std::u32string(ascii.begin(), ascii.end()); }

// How far a vocabulary word is from the typed one. Every Hangul candidate is one mistake (a key
// or a swap of syllables); Latin ones from the long-word range may be two.
std::size_t Distance(WordKind kind, std::string_view typed, std::string_view candidate) {
  return kind == WordKind::latin ? EditDistance(Ascii32(typed), Ascii32(candidate)) : 1;
}

std::vector<std::string> SplitWords(std::string_view query) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start < query.size()) {
    std::size_t end = query.find(' ', start);
    if (end == std::string_view::npos) end = query.size();
    if (end > start) words.emplace_back(query.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

}  // namespace

std::size_t EditDistance(std::u32string_view left, std::u32string_view right) {
  // Three rows of the optimal-string-alignment table: words are short (≤ 12 letters, ~20 keys).
  std::vector<std::size_t> before(right.size() + 1);
  std::vector<std::size_t> previous(right.size() + 1);
  std::vector<std::size_t> current(right.size() + 1);
  for (std::size_t column = 0; column <= right.size(); ++column) previous[column] = column;
  for (std::size_t row = 1; row <= left.size(); ++row) {
    current[0] = row;
    for (std::size_t column = 1; column <= right.size(); ++column) {
      const std::size_t cost = left[row - 1] == right[column - 1] ? 0 : 1;
      current[column] = std::min({previous[column] + 1, current[column - 1] + 1, previous[column - 1] + cost});
      if (row > 1 && column > 1 && left[row - 1] == right[column - 2] && left[row - 2] == right[column - 1]) {
        current[column] = std::min(current[column], before[column - 2] + 1);
      }
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[right.size()];
}

std::vector<std::string> OneEditCandidates(std::string_view word) {
  const std::u32string code_points = text::DecodeUtf8(word);
  std::set<std::string> candidates;
  switch (KindOf(code_points)) {
    case WordKind::hangul: {
      if (code_points.size() < 2 || code_points.size() > kMaxCorrectedSyllables) return {};
      ForEachOneEdit(text::HangulToKeystrokes(word), kHangulKeys, [&](const std::string& keys) {
        std::string hangul = text::KeystrokesToHangul(keys);
        const std::u32string syllables = text::DecodeUtf8(hangul);
        // Keys that leave a lone jamo make no word of the vocabulary.
        if (syllables.size() >= 2 && std::ranges::all_of(syllables, text::IsHangulSyllable)) {
          candidates.insert(std::move(hangul));
        }
      });
      for (std::size_t index = 0; index + 1 < code_points.size(); ++index) {
        std::u32string swapped = code_points;
        std::swap(swapped[index], swapped[index + 1]);
        candidates.insert(text::EncodeUtf8(swapped));
      }
      break;
    }
    case WordKind::latin:
      if (code_points.size() < kShortestCorrectedLatinWord || code_points.size() > kMaxCorrectedLatinLength) return {};
      ForEachOneEdit(word, kLatinCharacters, [&](const std::string& edited) {
        if (!edited.empty()) candidates.insert(edited);
      });
      break;
    case WordKind::other:
      return {};
  }
  candidates.erase(std::string(word));
  return {candidates.begin(), candidates.end()};
}

std::string TypoCorrectedQuery(std::string_view normalized_query, SearchRepository& repository) {
  std::vector<std::string> words = SplitWords(normalized_query);
  if (words.empty()) return {};
  std::unordered_set<std::string> known;
  for (Suggestion& word : repository.WordsAmong(words)) known.insert(std::move(word.text));
  bool corrected = false;
  std::size_t attempts = 0;
  std::size_t lookups = 0;
  for (std::string& word : words) {
    if (known.contains(word) || attempts == kMaxCorrectedWords) continue;
    const std::vector<std::string> candidates = OneEditCandidates(word);
    if (candidates.empty() || lookups + candidates.size() > kMaxCandidateLookups) continue;
    ++attempts;
    lookups += candidates.size();
    const WordKind kind = KindOf(text::DecodeUtf8(word));
    std::vector<Suggestion> found = repository.WordsAmong(candidates);
    if (kind == WordKind::latin && word.size() >= kLongLatinWord) {
      // Two mistakes: the vocabulary words sharing the first two characters, in index order.
      const std::string low = word.substr(0, 2);
      for (Suggestion& near :
           repository.WordsInRangeByWord(low, low + std::string(kAfterEveryPrefix), kLongWordRangeRows)) {
        if (near.text != word && EditDistance(Ascii32(word), text::DecodeUtf8(near.text)) <= 2) {
          found.push_back(std::move(near));
        }
      }
    }
    if (found.empty()) continue;
    // The word most listings hold; then the nearer one; then the first in order, so it is stable.
    const auto best = std::ranges::min_element(found, [&](const Suggestion& left, const Suggestion& right) {
      if (left.listings != right.listings) return left.listings > right.listings;
      const std::size_t left_distance = Distance(kind, word, left.text);
      const std::size_t right_distance = Distance(kind, word, right.text);
      if (left_distance != right_distance) return left_distance < right_distance;
      return left.text < right.text;
    });
    word = best->text;
    corrected = true;
  }
  if (!corrected) return {};
  std::string query;
  for (const std::string& word : words) {
    if (!query.empty()) query.push_back(' ');
    query += word;
  }
  return query;
}

}  // namespace manmulsang::search
