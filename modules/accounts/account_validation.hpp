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

}  // namespace manmulsang::accounts
