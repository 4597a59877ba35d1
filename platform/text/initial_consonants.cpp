#include "manmulsang/text/initial_consonants.hpp"

#include "manmulsang/text/jamo.hpp"
#include "manmulsang/text/utf8.hpp"

namespace manmulsang::text {

std::string InitialConsonants(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t code_point : DecodeUtf8(text)) {
    if (auto jamo = DecomposeSyllable(code_point)) {
      AppendUtf8(out, jamo->initial);
    } else {
      AppendUtf8(out, code_point);
    }
  }
  return out;
}

bool IsInitialConsonantString(std::string_view text) {
  if (text.empty()) return false;
  for (char32_t code_point : DecodeUtf8(text)) {
    if (!IsConsonantJamo(code_point)) return false;
  }
  return true;
}

std::string SplitInitialConsonants(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t code_point : DecodeUtf8(text)) {
    auto parts = IsConsonantJamo(code_point) ? SplitCompoundJamo(code_point) : std::nullopt;
    if (parts) {
      AppendUtf8(out, parts->first);
      AppendUtf8(out, parts->second);
    } else {
      AppendUtf8(out, code_point);
    }
  }
  return out;
}

}  // namespace manmulsang::text
