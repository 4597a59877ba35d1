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
  // The member's own security page.
  wrong_password,      // 400 (field "current_password"): the member's current password is not this
  session_not_found,   // 404: no live session of this member has that id (another member's too)
  // Closing the account is refused while the marketplace still owes or holds something (409).
  orders_in_progress,  // an order as a buyer is not yet confirmed, cancelled or returned
  wallet_not_empty,    // the wallet holds money: pay it out first
  shop_open,           // the member owns a shop that is pending, approved or suspended
  payout_pending,      // a payout request is still requested or approved
};

// snake_case code for the JSON API ("email_taken").
std::string_view ErrorCode(AccountError error);

}  // namespace manmulsang::accounts
