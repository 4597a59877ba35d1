#include "message_text.hpp"

#include "manmulsang/text/characters.hpp"
#include "manmulsang/text/normalize.hpp"
#include "manmulsang/text/utf8.hpp"

namespace manmulsang::messages {

std::optional<std::string> CleanText(std::string_view text, std::size_t minimum, std::size_t maximum) {
  // Checked on the raw bytes first, so a huge body costs no normalisation (4 bytes per code point at most).
  if (text.size() > maximum * 4 + 1024 || !text::IsValidUtf8(text)) return std::nullopt;
  std::string without_carriage_returns;
  without_carriage_returns.reserve(text.size());
  for (char character : text) {
    if (character != '\r') without_carriage_returns.push_back(character);  // forms send CRLF
  }
  std::string cleaned = text::Trim(text::NormalizeNfc(without_carriage_returns));
  std::size_t code_points = 0;
  for (char32_t code_point : text::DecodeUtf8(cleaned)) {
    if (text::IsControlCharacter(code_point) && code_point != '\n' && code_point != '\t') return std::nullopt;
    ++code_points;
  }
  if (code_points < minimum || code_points > maximum) return std::nullopt;
  return cleaned;
}

}  // namespace manmulsang::messages
