#include "application_validation.hpp"

#include "manmulsang/text/characters.hpp"
#include "manmulsang/text/normalize.hpp"
#include "manmulsang/text/typed_text.hpp"
#include "manmulsang/text/utf8.hpp"

namespace manmulsang::sellers {
namespace {

bool IsDigit(char character) { return character >= '0' && character <= '9'; }

}  // namespace

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
  auto shop_name = text::CleanTypedText(application.shop_name,
                                        {.minimum = kMinShopName, .maximum = kMaxShopName, .multiline = false});
  if (!shop_name) return std::unexpected(ApplicationError::invalid_shop_name);
  cleaned.shop_name = std::move(*shop_name);
  auto description =
      text::CleanTypedText(application.description, {.minimum = 0, .maximum = kMaxShopDescription, .multiline = true});
  if (!description) return std::unexpected(ApplicationError::invalid_description);
  cleaned.description = std::move(*description);
  auto phone = CleanPhone(application.phone);
  if (!phone) return std::unexpected(ApplicationError::invalid_phone);
  cleaned.phone = std::move(*phone);
  auto city = text::CleanTypedText(application.city, {.minimum = 1, .maximum = kMaxCity, .multiline = false});
  if (!city) return std::unexpected(ApplicationError::invalid_city);
  cleaned.city = std::move(*city);
  return cleaned;
}

}  // namespace manmulsang::sellers
