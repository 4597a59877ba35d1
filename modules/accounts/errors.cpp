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
  }
  return "invalid_input";
}

std::string_view SessionKindName(SessionKind kind) { return kind == SessionKind::api ? "api" : "browser"; }

}  // namespace manmulsang::accounts
