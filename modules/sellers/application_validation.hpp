#pragma once

#include <cstddef>
#include <expected>
#include <optional>
#include <string>
#include <string_view>

#include "manmulsang/sellers/applications.hpp"

namespace manmulsang::sellers {

// Text a member typed, made ready to store: valid UTF-8, carriage returns dropped (forms send
// CRLF), NFC, trimmed, between minimum and maximum code points, no control characters (a line
// break and a tab only where multiline) and no bidirectional overrides, which could make a shop's
// name read as another's. nullopt for anything else.
std::optional<std::string> CleanText(std::string_view text, std::size_t minimum, std::size_t maximum, bool multiline);

// A phone number as people write it: an optional leading +, then digits with spaces, hyphens or
// parentheses between them; 7 to 15 digits, at most kMaxPhone characters. Returned trimmed.
std::optional<std::string> CleanPhone(std::string_view phone);

// The whole application, cleaned, or the first field that is wrong.
std::expected<Application, ApplicationError> ValidateApplication(const Application& application);

}  // namespace manmulsang::sellers
