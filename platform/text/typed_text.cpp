#include "manmulsang/text/typed_text.hpp"

#include "manmulsang/text/characters.hpp"
#include "manmulsang/text/normalize.hpp"
#include "manmulsang/text/utf8.hpp"

namespace manmulsang::text {
namespace {

bool IsForbidden(char32_t code_point, bool multiline) {
  if (multiline && (code_point == '\n' || code_point == '\t')) return false;
  return IsControlCharacter(code_point) || code_point == 0x2028 || code_point == 0x2029 ||
         (code_point >= 0x202A && code_point <= 0x202E) || (code_point >= 0x2066 && code_point <= 0x2069) ||
         code_point == 0xFEFF;
}

}  // namespace

std::optional<std::string> CleanTypedText(std::string_view raw, TypedTextLimits limits) {
  // A code point takes at most 4 bytes; the slack leaves room for text that NFC makes shorter.
  if (raw.size() > limits.maximum * 4 + 1024 || !IsValidUtf8(raw)) return std::nullopt;
  std::string without_carriage_returns;
  without_carriage_returns.reserve(raw.size());
  for (char character : raw) {
    // Forms send CRLF; a lone CR in one-line text stays, to be refused below as a control.
    if (character != '\r' || !limits.multiline) without_carriage_returns.push_back(character);
  }
  std::string cleaned = Trim(NormalizeNfc(without_carriage_returns));
  std::size_t code_points = 0;
  for (char32_t code_point : DecodeUtf8(cleaned)) {
    if (IsForbidden(code_point, limits.multiline)) return std::nullopt;
    ++code_points;
  }
  if (code_points < limits.minimum || code_points > limits.maximum) return std::nullopt;
  return cleaned;
}

}  // namespace manmulsang::text
