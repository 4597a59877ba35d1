#include "manmulsang/accounts/errors.hpp"

#include "manmulsang/accounts/accounts.hpp"

namespace manmulsang::accounts {

std::string_view ErrorCode(AccountError error) {
  switch (error) {
    case AccountError::invalid_email:
      return "invalid_email";
    case AccountError::password_too_short:
      return "password_too_short";
    case AccountError::password_too_long:
      return "password_too_long";
    case AccountError::invalid_name:
      return "invalid_name";
    case AccountError::email_taken:
      return "email_taken";
    case AccountError::wrong_credentials:
      return "wrong_credentials";
    case AccountError::too_many_attempts:
      return "too_many_attempts";
    case AccountError::invalid_phone:
      return "invalid_phone";
    case AccountError::account_suspended:
      return "account_suspended";
    case AccountError::member_not_found:
      return "member_not_found";
    case AccountError::not_allowed:
      return "not_allowed";
    case AccountError::cannot_change_self:
      return "cannot_change_self";
    case AccountError::last_admin:
      return "last_admin";
    case AccountError::already_suspended:
      return "already_suspended";
    case AccountError::not_suspended:
      return "not_suspended";
    case AccountError::same_role:
      return "same_role";
    case AccountError::reason_required:
      return "reason_required";
    case AccountError::reason_too_long:
      return "reason_too_long";
    case AccountError::invalid_reset_code:
      return "invalid_reset_code";
    case AccountError::wrong_password:
      return "wrong_password";
    case AccountError::session_not_found:
      return "session_not_found";
    case AccountError::orders_in_progress:
      return "orders_in_progress";
    case AccountError::wallet_not_empty:
      return "wallet_not_empty";
    case AccountError::shop_open:
      return "shop_open";
    case AccountError::payout_pending:
      return "payout_pending";
  }
  return "invalid_input";
}

std::string_view SessionKindName(SessionKind kind) { return kind == SessionKind::api ? "api" : "browser"; }

}  // namespace manmulsang::accounts
