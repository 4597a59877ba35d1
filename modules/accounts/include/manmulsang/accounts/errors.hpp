#pragma once

#include <string_view>

namespace manmulsang::accounts {

enum class AccountError {
  invalid_email,
  password_too_short,
  password_too_long,
  invalid_name,
  email_taken,        // 409
  wrong_credentials,  // 401
  too_many_attempts,  // 429
};

// snake_case code for the JSON API ("email_taken").
std::string_view ErrorCode(AccountError error);

}  // namespace manmulsang::accounts
