#pragma once

#include <cstddef>
#include <expected>
#include <string>
#include <string_view>

#include "manmulsang/accounts/errors.hpp"

namespace manmulsang::accounts {

inline constexpr std::size_t kMaxEmailBytes = 254;
inline constexpr std::size_t kMinPasswordCodePoints = 10;
inline constexpr std::size_t kMaxPasswordBytes = 1024;
inline constexpr std::size_t kMaxNameCodePoints = 60;

// Trimmed, NFC, lower-cased, and shaped like local@domain.tld; invalid_email otherwise.
std::expected<std::string, AccountError> NormaliseEmail(std::string_view email);
// Trimmed and NFC, 1..60 code points, no control characters; invalid_name otherwise.
std::expected<std::string, AccountError> NormaliseName(std::string_view name);
// At least 10 code points and at most 1024 bytes. Passwords are never normalised: what the
// member typed is what is hashed.
std::expected<void, AccountError> CheckPassword(std::string_view password);
// The digits of a phone number: spaces, dashes, dots, parentheses and one leading + are dropped;
// 3 to 20 digits ("010-1234-5678" → "01012345678", an extension "1234"). Empty stays empty (no
// phone); anything else is invalid_phone.
std::expected<std::string, AccountError> NormalisePhone(std::string_view phone);
// An admin's reason: trimmed, NFC, at most 500 bytes (reason_too_long), no control characters but
// line breaks. required: empty is reason_required.
std::expected<std::string, AccountError> NormaliseReason(std::string_view reason, bool required);

}  // namespace manmulsang::accounts
