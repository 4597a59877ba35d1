#pragma once

#include <cstddef>
#include <expected>
#include <optional>
#include <string>
#include <string_view>

#include "manmulsang/sellers/applications.hpp"

namespace manmulsang::sellers {

// A phone number as people write it: an optional leading +, then digits with spaces, hyphens or
// parentheses between them; 7 to 15 digits, at most kMaxPhone characters. Returned trimmed.
std::optional<std::string> CleanPhone(std::string_view phone);

// The whole application, cleaned, or the first field that is wrong.
std::expected<Application, ApplicationError> ValidateApplication(const Application& application);

}  // namespace manmulsang::sellers
