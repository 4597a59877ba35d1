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
  invalid_phone,      // digits (with optional spaces, dashes, dots, parentheses, a leading +), 3 to 20 of them
  account_suspended,  // 403: the member is suspended and cannot sign in
  // The members console (AccountService's admin operations).
  member_not_found,    // 404
  not_allowed,         // 403: the acting member is not an active admin
  cannot_change_self,  // 409: an admin may not suspend, or change the role of, themself
  last_admin,          // 409: the marketplace would be left without an active admin
  already_suspended,   // 409
  not_suspended,       // 409
  same_role,           // 409: the member already has that role
  reason_required,     // 400: a suspension needs a reason
  reason_too_long,     // 400: at most audit::kMaxReasonBytes
  invalid_reset_code,  // 400: wrong, used, replaced or expired (one answer for all)
};

// snake_case code for the JSON API ("email_taken").
std::string_view ErrorCode(AccountError error);

}  // namespace manmulsang::accounts
