#include "manmulsang/text/normalize.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdint>

namespace manmulsang::text {
namespace {

bool IsAscii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<std::uint8_t>(c) < 0x80; });
}

// ICU's NFC instance is a process-wide immutable singleton, safe to share between threads.
const icu::Normalizer2* NfcInstance() {
  static const icu::Normalizer2* const instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    return U_SUCCESS(status) ? nfc : nullptr;
  }();
  return instance;
}

std::string ToUtf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

icu::UnicodeString Nfc(const icu::UnicodeString& text) {
  const icu::Normalizer2* nfc = NfcInstance();
  if (nfc == nullptr) return text;  // ICU data missing: unnormalised beats no text at all
  UErrorCode status = U_ZERO_ERROR;
  if (nfc->isNormalized(text, status) && U_SUCCESS(status)) return text;
  status = U_ZERO_ERROR;
  icu::UnicodeString normalized = nfc->normalize(text, status);
  return U_SUCCESS(status) ? normalized : text;
}

// fromUTF8 would also replace invalid bytes, but with its own idea of how many; sanitizing
// first keeps one rule (utf8.hpp) for the whole project.
icu::UnicodeString FromUtf8(std::string_view text) {
  if (IsValidUtf8(text))
    return icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  const std::string clean = SanitizeUtf8(text);
  return icu::UnicodeString::fromUTF8(icu::StringPiece(clean.data(), static_cast<int32_t>(clean.size())));
}

}  // namespace

std::string NormalizeNfc(std::string_view text) {
  if (IsAscii(text)) return std::string(text);
  return ToUtf8(Nfc(FromUtf8(text)));
}

std::string FoldCase(std::string_view text) {
  if (IsAscii(text)) {
    std::string out(text);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  icu::UnicodeString folded = FromUtf8(text);
  folded.foldCase(U_FOLD_CASE_DEFAULT);
  return ToUtf8(Nfc(folded));
}

bool IsWhitespace(char32_t code_point) {
  if (code_point == U'\u200B' || code_point == U'\uFEFF') return true;
  return u_isUWhiteSpace(static_cast<UChar32>(code_point)) != 0;
}

std::string Trim(std::string_view text) {
  const std::u32string code_points = DecodeUtf8(text);
  std::size_t begin = 0;
  std::size_t end = code_points.size();
  while (begin < end && IsWhitespace(code_points[begin])) ++begin;
  while (end > begin && IsWhitespace(code_points[end - 1])) --end;
  return EncodeUtf8(std::u32string_view(code_points).substr(begin, end - begin));
}

std::string CollapseWhitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (const char32_t code_point : DecodeUtf8(text)) {
    if (IsWhitespace(code_point)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    AppendUtf8(out, code_point);
  }
  return out;
}

}  // namespace manmulsang::text
