#include "application_validation.hpp"

#include "manmulsang/text/characters.hpp"
#include "manmulsang/text/normalize.hpp"
#include "manmulsang/text/utf8.hpp"

namespace manmulsang::sellers {
namespace {

bool IsForbidden(char32_t code_point, bool multiline) {
  if (multiline && (code_point == '\n' || code_point == '\t')) return false;
  return text::IsControlCharacter(code_point) || code_point == 0x2028 || code_point == 0x2029 ||
         (code_point >= 0x202A && code_point <= 0x202E) || (code_point >= 0x2066 && code_point <= 0x2069) ||
         code_point == 0xFEFF;
}

bool IsDigit(char character) { return character >= '0' && character <= '9'; }

}  // namespace

std::optional<std::string> CleanText(std::string_view text, std::size_t minimum, std::size_t maximum, bool multiline) {
  // Bounded on the raw bytes first, so a huge field costs no normalisation (4 bytes per code point at most).
  if (text.size() > maximum * 4 + 1024 || !text::IsValidUtf8(text)) return std::nullopt;
  std::string without_carriage_returns;
  without_carriage_returns.reserve(text.size());
  for (char character : text) {
    if (character != '\r' || !multiline) without_carriage_returns.push_back(character);
  }
  std::string cleaned = text::Trim(text::NormalizeNfc(without_carriage_returns));
  std::size_t code_points = 0;
  for (char32_t code_point : text::DecodeUtf8(cleaned)) {
    if (IsForbidden(code_point, multiline)) return std::nullopt;
    ++code_points;
  }
  if (code_points < minimum || code_points > maximum) return std::nullopt;
  return cleaned;
}

std::optional<std::string> CleanPhone(std::string_view phone) {
  if (phone.size() > kMaxPhone * 4) return std::nullopt;
  const std::string trimmed = text::Trim(phone);
  if (trimmed.empty() || trimmed.size() > kMaxPhone) return std::nullopt;
  std::size_t digits = 0;
  for (std::size_t index = 0; index < trimmed.size(); ++index) {
    const char character = trimmed[index];
    if (IsDigit(character)) {
      ++digits;
    } else if (character == '+') {
      if (index != 0) return std::nullopt;
    } else if (character != ' ' && character != '-' && character != '(' && character != ')') {
      return std::nullopt;
    }
  }
  // Digits first and last (parentheses aside): "-", "+" or "()" alone are no number.
  if (!IsDigit(trimmed.back()) || digits < kMinPhoneDigits || digits > kMaxPhoneDigits) return std::nullopt;
  return trimmed;
}

std::expected<Application, ApplicationError> ValidateApplication(const Application& application) {
  Application cleaned;
  auto shop_name = CleanText(application.shop_name, kMinShopName, kMaxShopName, false);
  if (!shop_name) return std::unexpected(ApplicationError::invalid_shop_name);
  cleaned.shop_name = std::move(*shop_name);
  auto description = CleanText(application.description, 0, kMaxShopDescription, true);
  if (!description) return std::unexpected(ApplicationError::invalid_description);
  cleaned.description = std::move(*description);
  auto phone = CleanPhone(application.phone);
  if (!phone) return std::unexpected(ApplicationError::invalid_phone);
  cleaned.phone = std::move(*phone);
  auto city = CleanText(application.city, 1, kMaxCity, false);
  if (!city) return std::unexpected(ApplicationError::invalid_city);
  cleaned.city = std::move(*city);
  return cleaned;
}

}  // namespace manmulsang::sellers
