#include "account_validation.hpp"

#include "manmulsang/text/characters.hpp"
#include "manmulsang/text/normalize.hpp"
#include "manmulsang/text/utf8.hpp"

namespace manmulsang::accounts {
namespace {

constexpr std::size_t kMaxEmailLocalBytes = 64;

// Characters that must not appear in a name shown to other members: controls, line breaks, and
// the bidirectional overrides that can make a name read as something else.
bool IsForbiddenInName(char32_t code_point) {
  return text::IsControlCharacter(code_point) || code_point == 0x2028 || code_point == 0x2029 ||
         (code_point >= 0x202A && code_point <= 0x202E) || (code_point >= 0x2066 && code_point <= 0x2069) ||
         code_point == 0xFEFF;
}

// Characters no plausible address contains: whitespace, controls, and the punctuation that
// only quoted local parts (which we do not accept) may hold.
bool IsForbiddenInEmail(char32_t code_point) {
  constexpr std::u32string_view kForbidden = U"\"(),:;<>[]\\\u00A0\u2028\u2029\u3000\uFEFF";
  if (code_point == U' ' || text::IsControlCharacter(code_point)) return true;
  return kForbidden.find(code_point) != std::u32string_view::npos;
}

bool IsPlausibleDomain(std::string_view domain) {
  const std::size_t last_dot = domain.rfind('.');
  if (last_dot == std::string_view::npos) return false;  // local@domain.tld: a dot is needed
  // Each label is non-empty and neither starts nor ends with a hyphen.
  std::size_t start = 0;
  while (start <= domain.size()) {
    std::size_t end = domain.find('.', start);
    if (end == std::string_view::npos) end = domain.size();
    const std::string_view label = domain.substr(start, end - start);
    if (label.empty() || label.front() == '-' || label.back() == '-') return false;
    if (label.find_first_of("@_") != std::string_view::npos) return false;
    start = end + 1;
  }
  // A top-level domain has two or more characters and is not a number (no bare IP addresses).
  const std::string_view top_level = domain.substr(last_dot + 1);
  if (text::CodePointCount(top_level) < 2) return false;
  return top_level.find_first_not_of("0123456789") != std::string_view::npos;
}

}  // namespace

std::expected<std::string, AccountError> NormaliseEmail(std::string_view email) {
  // Bound the work before normalising: nothing this long can become a valid address.
  if (email.size() > 4 * kMaxEmailBytes || !text::IsValidUtf8(email)) {
    return std::unexpected(AccountError::invalid_email);
  }
  // FoldCase also composes to NFC.
  std::string normalised = text::FoldCase(text::Trim(email));
  if (normalised.empty() || normalised.size() > kMaxEmailBytes) {
    return std::unexpected(AccountError::invalid_email);
  }
  for (const char32_t code_point : text::DecodeUtf8(normalised)) {
    if (IsForbiddenInEmail(code_point)) return std::unexpected(AccountError::invalid_email);
  }
  const std::size_t at = normalised.find('@');
  if (at == std::string::npos || at == 0 || at > kMaxEmailLocalBytes) {
    return std::unexpected(AccountError::invalid_email);
  }
  const std::string_view local = std::string_view(normalised).substr(0, at);
  if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos) {
    return std::unexpected(AccountError::invalid_email);
  }
  if (!IsPlausibleDomain(std::string_view(normalised).substr(at + 1))) {
    return std::unexpected(AccountError::invalid_email);
  }
  return normalised;
}

std::expected<std::string, AccountError> NormaliseName(std::string_view name) {
  if (name.size() > 16 * kMaxNameCodePoints || !text::IsValidUtf8(name)) {
    return std::unexpected(AccountError::invalid_name);
  }
  std::string normalised = text::NormalizeNfc(text::Trim(name));
  const std::size_t code_points = text::CodePointCount(normalised);
  if (code_points == 0 || code_points > kMaxNameCodePoints) return std::unexpected(AccountError::invalid_name);
  for (const char32_t code_point : text::DecodeUtf8(normalised)) {
    if (IsForbiddenInName(code_point)) return std::unexpected(AccountError::invalid_name);
  }
  return normalised;
}

std::expected<void, AccountError> CheckPassword(std::string_view password) {
  if (password.size() > kMaxPasswordBytes) return std::unexpected(AccountError::password_too_long);
  if (text::CodePointCount(password) < kMinPasswordCodePoints) {
    return std::unexpected(AccountError::password_too_short);
  }
  return {};
}

std::expected<std::string, AccountError> NormalisePhone(std::string_view phone) {
  constexpr std::size_t kMinDigits = 3;
  constexpr std::size_t kMaxDigits = 20;
  const std::string trimmed = text::Trim(phone);
  if (trimmed.size() > 4 * kMaxDigits) return std::unexpected(AccountError::invalid_phone);
  std::string digits;
  for (std::size_t index = 0; index < trimmed.size(); ++index) {
    const char character = trimmed[index];
    if (character >= '0' && character <= '9') {
      digits.push_back(character);
    } else if (character == '+' && index == 0) {
      continue;
    } else if (character != ' ' && character != '-' && character != '.' && character != '(' && character != ')') {
      return std::unexpected(AccountError::invalid_phone);
    }
  }
  if (trimmed.empty()) return std::string{};
  if (digits.size() < kMinDigits || digits.size() > kMaxDigits) return std::unexpected(AccountError::invalid_phone);
  return digits;
}

std::expected<std::string, AccountError> NormaliseReason(std::string_view reason, bool required) {
  constexpr std::size_t kMaxReasonBytes = 500;  // audit::kMaxReasonBytes
  if (reason.size() > 4 * kMaxReasonBytes) return std::unexpected(AccountError::reason_too_long);
  if (!text::IsValidUtf8(reason)) return std::unexpected(AccountError::reason_required);
  std::string normalised = text::NormalizeNfc(text::Trim(reason));
  if (normalised.size() > kMaxReasonBytes) return std::unexpected(AccountError::reason_too_long);
  if (required && normalised.empty()) return std::unexpected(AccountError::reason_required);
  // Line breaks are kept (a reason may have several lines); other controls are dropped.
  std::string cleaned;
  cleaned.reserve(normalised.size());
  for (const char character : normalised) {
    if (character == '\n' || !text::IsAsciiControl(character)) cleaned.push_back(character);
  }
  return cleaned;
}

}  // namespace manmulsang::accounts
