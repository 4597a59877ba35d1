#include "manmulsang/search/analyzer.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <optional>

#include "manmulsang/text/dueum.hpp"
#include "manmulsang/text/hangul.hpp"
#include "manmulsang/text/initial_consonants.hpp"
#include "manmulsang/text/jamo.hpp"
#include "manmulsang/text/keyboard_layout.hpp"
#include "manmulsang/text/normalize.hpp"
#include "manmulsang/text/utf8.hpp"

namespace manmulsang::search {
namespace {

enum class SegmentKind { hangul, jamo, latin, other };

// A run of one kind of characters. after_space: the previous segment ended at white space only
// (no punctuation between), so Hangul runs on both sides form one phrase.
struct Segment {
  SegmentKind kind;
  std::u32string text;
  bool after_space = false;
  bool after_separator = true;  // false when glued to the previous segment (A4용지)
};

bool IsAsciiAlnum(char32_t code_point) {
  return (code_point >= U'a' && code_point <= U'z') || (code_point >= U'0' && code_point <= U'9');
}
bool IsAsciiDigit(char32_t code_point) { return code_point >= U'0' && code_point <= U'9'; }
bool IsConnector(char32_t code_point) {
  return code_point == U'-' || code_point == U'.' || code_point == U'/' || code_point == U'_' || code_point == U'+';
}

std::optional<SegmentKind> KindOf(char32_t code_point) {
  if (text::IsHangulSyllable(code_point)) return SegmentKind::hangul;
  if (text::IsConsonantJamo(code_point) || text::IsVowelJamo(code_point)) return SegmentKind::jamo;
  if (IsAsciiAlnum(code_point)) return SegmentKind::latin;
  if (code_point >= 0x80 && u_isalnum(static_cast<UChar32>(code_point))) return SegmentKind::other;
  return std::nullopt;
}

// Case-folded, NFC text cut into segments.
std::vector<Segment> SplitSegments(std::u32string_view text) {
  std::vector<Segment> segments;
  bool saw_space = false;
  bool saw_other = false;
  for (std::size_t index = 0; index < text.size(); ++index) {
    const char32_t code_point = text[index];
    auto kind = KindOf(code_point);
    // A connector inside a Latin token belongs to it: i5-8250u, 12v/24v, 10.1.
    if (!kind && IsConnector(code_point) && !segments.empty() && !saw_space && !saw_other &&
        segments.back().kind == SegmentKind::latin && index + 1 < text.size() && IsAsciiAlnum(text[index + 1]) &&
        !IsConnector(segments.back().text.back())) {
      segments.back().text.push_back(code_point);
      continue;
    }
    if (!kind) {
      if (text::IsWhitespace(code_point))
        saw_space = true;
      else
        saw_other = true;
      continue;
    }
    const bool glued = !saw_space && !saw_other;
    if (glued && !segments.empty() && segments.back().kind == *kind) {
      segments.back().text.push_back(code_point);
    } else {
      segments.push_back({*kind, std::u32string(1, code_point), saw_space && !saw_other, !glued || segments.empty()});
    }
    saw_space = saw_other = false;
  }
  return segments;
}

std::u32string Prepare(std::string_view text) { return text::DecodeUtf8(text::FoldCase(text)); }

std::string Utf8(std::u32string_view code_points) { return text::EncodeUtf8(code_points); }

// The run with the 두음 fold on its first syllable.
std::u32string FoldRun(std::u32string_view run) {
  std::u32string folded(run);
  if (!folded.empty()) folded[0] = text::FoldInitialSound(folded[0]);
  return folded;
}

void AppendBigrams(std::u32string_view run, std::vector<std::string>& terms) {
  for (std::size_t index = 0; index + 1 < run.size(); ++index) terms.push_back(Utf8(run.substr(index, 2)));
}

// The Latin terms of one token; `parts` receives the connector-separated parts.
void AppendLatinTerms(std::u32string_view token, std::vector<std::string>& terms, std::vector<std::string>* parts) {
  std::vector<std::u32string_view> pieces;
  std::size_t start = 0;
  for (std::size_t index = 0; index <= token.size(); ++index) {
    if (index == token.size() || IsConnector(token[index])) {
      if (index > start) pieces.push_back(token.substr(start, index - start));
      start = index + 1;
    }
  }
  if (pieces.size() > 1) terms.push_back(Utf8(token));
  for (std::u32string_view piece : pieces) {
    if (parts)
      parts->push_back(Utf8(piece));
    else
      terms.push_back(Utf8(piece));
    const bool has_digit = std::ranges::any_of(piece, IsAsciiDigit);
    const bool has_letter = !std::ranges::all_of(piece, IsAsciiDigit);
    if (!has_digit || !has_letter || parts) continue;
    std::size_t run_start = 0;
    for (std::size_t index = 1; index <= piece.size(); ++index) {
      if (index == piece.size() || IsAsciiDigit(piece[index]) != IsAsciiDigit(piece[run_start])) {
        std::u32string_view run = piece.substr(run_start, index - run_start);
        if (IsAsciiDigit(run[0]) || run.size() >= 2) terms.push_back(Utf8(run));
        run_start = index;
      }
    }
  }
}

void AppendDistinct(std::vector<std::string>& terms, std::string term) {
  if (std::ranges::find(terms, term) == terms.end()) terms.push_back(std::move(term));
}

}  // namespace

std::vector<std::string> AnalyzeForIndex(std::string_view text) {
  std::vector<std::string> terms;
  const std::vector<Segment> segments = SplitSegments(Prepare(text));
  const Segment* previous = nullptr;
  for (const Segment& segment : segments) {
    switch (segment.kind) {
      case SegmentKind::hangul: {
        const std::u32string folded = FoldRun(segment.text);
        if (folded.size() == 1) terms.push_back(Utf8(folded));
        AppendBigrams(folded, terms);
        if (previous && previous->kind == SegmentKind::hangul && segment.after_space) {
          terms.push_back(Utf8(std::u32string{previous->text.back(), folded.front()}));
        }
        if (segment.text.size() >= 2) {
          std::string initials = text::InitialConsonants(Utf8(segment.text));
          std::string folded_initials = text::InitialConsonants(Utf8(folded));
          if (folded_initials != initials) terms.push_back(std::move(folded_initials));
          terms.push_back(std::move(initials));
        }
        break;
      }
      case SegmentKind::latin:
        AppendLatinTerms(segment.text, terms, nullptr);
        break;
      case SegmentKind::other:
        terms.push_back(Utf8(segment.text));
        break;
      case SegmentKind::jamo:
        break;  // loose letters in a listing (ㅋㅋ) are not worth a term
    }
    previous = &segment;
  }
  return terms;
}

AnalyzedQuery AnalyzeQuery(std::string_view raw_text) {
  AnalyzedQuery query;
  const std::string cut = text::Truncate(raw_text, kMaxQueryCodePoints);
  const std::vector<Segment> segments = SplitSegments(Prepare(cut));

  std::u32string normalized;
  std::u32string phrase;  // Hangul runs joined across white space
  const auto flush_phrase = [&] {
    if (phrase.size() == 1) AppendDistinct(query.required, Utf8(phrase));
    std::vector<std::string> bigrams;
    AppendBigrams(phrase, bigrams);
    for (std::string& bigram : bigrams) AppendDistinct(query.required, std::move(bigram));
    phrase.clear();
  };

  for (const Segment& segment : segments) {
    if (!normalized.empty()) {
      if (segment.after_separator) normalized.push_back(U' ');
    }
    normalized += segment.text;
    if (segment.kind != SegmentKind::hangul || !segment.after_space) flush_phrase();
    switch (segment.kind) {
      case SegmentKind::hangul: {
        const std::u32string folded = FoldRun(segment.text);
        phrase += folded;
        if (folded.size() == 1) AppendDistinct(query.word_terms, Utf8(folded));
        std::vector<std::string> bigrams;
        AppendBigrams(folded, bigrams);
        for (std::string& bigram : bigrams) AppendDistinct(query.word_terms, std::move(bigram));
        break;
      }
      case SegmentKind::jamo: {
        std::string letters = text::SplitInitialConsonants(Utf8(segment.text));
        if (text::IsInitialConsonantString(letters) && text::CodePointCount(letters) >= 2) {
          AppendDistinct(query.word_terms, letters);
          AppendDistinct(query.required, std::move(letters));
        }
        break;
      }
      case SegmentKind::latin: {
        std::vector<std::string> whole;
        std::vector<std::string> parts;
        AppendLatinTerms(segment.text, whole, &parts);
        for (std::string& part : parts) {
          AppendDistinct(query.word_terms, part);
          AppendDistinct(query.required, std::move(part));
        }
        for (std::string& term : whole) {
          if (std::ranges::find(query.required, term) == query.required.end()) AppendDistinct(query.optional, term);
        }
        break;
      }
      case SegmentKind::other:
        AppendDistinct(query.word_terms, Utf8(segment.text));
        AppendDistinct(query.required, Utf8(segment.text));
        break;
    }
  }
  flush_phrase();
  if (query.required.size() > kMaxQueryTerms) query.required.resize(kMaxQueryTerms);
  if (query.word_terms.size() > kMaxQueryTerms) query.word_terms.resize(kMaxQueryTerms);
  query.normalized = Utf8(normalized);
  return query;
}

std::string KeyboardCorrectedQuery(std::string_view raw_text) {
  const std::string cut = text::CollapseWhitespace(text::Truncate(raw_text, kMaxQueryCodePoints));
  for (char32_t code_point : text::DecodeUtf8(cut)) {
    if (text::IsHangul(code_point)) return {};
  }
  std::string corrected;
  bool converted = false;
  std::size_t start = 0;
  while (start <= cut.size()) {
    std::size_t end = cut.find(' ', start);
    if (end == std::string::npos) end = cut.size();
    std::string_view word = std::string_view(cut).substr(start, end - start);
    const bool letters_only = !word.empty() && std::ranges::all_of(word, [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    });
    if (!corrected.empty()) corrected.push_back(' ');
    if (letters_only && text::LooksLikeKoreanTypedInLatin(word)) {
      corrected += text::KeystrokesToHangul(word);
      converted = true;
    } else {
      corrected += word;
    }
    start = end + 1;
  }
  return converted ? corrected : std::string();
}

}  // namespace manmulsang::search
