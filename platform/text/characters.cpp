#include "manmulsang/text/characters.hpp"

#include "manmulsang/text/utf8.hpp"

namespace manmulsang::text {

bool IsControlCharacter(char32_t code_point) { return code_point < 0x20 || (code_point >= 0x7F && code_point <= 0x9F); }

bool IsAsciiControl(char byte) {
  const auto value = static_cast<unsigned char>(byte);
  return value < 0x20 || value == 0x7F;
}

bool HasControlCharacter(std::string_view text, std::u32string_view allowed) {
  for (const char32_t code_point : DecodeUtf8(text)) {
    if (IsControlCharacter(code_point) && allowed.find(code_point) == std::u32string_view::npos) return true;
  }
  return false;
}

std::string_view TrimAscii(std::string_view text) {
  constexpr std::string_view kBlanks = " \t\r\n";
  const std::size_t first = text.find_first_not_of(kBlanks);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kBlanks) - first + 1);
}

}  // namespace manmulsang::text
