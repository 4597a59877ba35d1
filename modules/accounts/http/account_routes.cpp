#include "manmulsang/accounts/http/account_routes.hpp"

#include <algorithm>

#include "account_http.hpp"
#include "embedded/accounts_i18n.hpp"
#include "embedded/accounts_templates.hpp"
#include "manmulsang/text/characters.hpp"

namespace manmulsang::accounts {

http::Status StatusOf(AccountError error) {
  switch (error) {
    case AccountError::email_taken:
      return http::Status::conflict;
    case AccountError::wrong_credentials:
      return http::Status::unauthorized;
    case AccountError::too_many_attempts:
      return http::Status::too_many_requests;
    case AccountError::account_suspended:
    case AccountError::not_allowed:
      return http::Status::forbidden;
    case AccountError::member_not_found:
    case AccountError::session_not_found:
      return http::Status::not_found;
    case AccountError::cannot_change_self:
    case AccountError::last_admin:
    case AccountError::already_suspended:
    case AccountError::not_suspended:
    case AccountError::same_role:
    case AccountError::orders_in_progress:
    case AccountError::wallet_not_empty:
    case AccountError::shop_open:
    case AccountError::payout_pending:
      return http::Status::conflict;
    case AccountError::invalid_phone:
    case AccountError::reason_required:
    case AccountError::reason_too_long:
    case AccountError::invalid_reset_code:
    case AccountError::wrong_password:
    case AccountError::invalid_email:
    case AccountError::password_too_short:
    case AccountError::password_too_long:
    case AccountError::invalid_name:
      return http::Status::bad_request;
  }
  return http::Status::bad_request;
}

std::string_view FieldOf(AccountError error) {
  switch (error) {
    case AccountError::invalid_email:
    case AccountError::email_taken:
      return "email";
    case AccountError::password_too_short:
    case AccountError::password_too_long:
      return "password";
    case AccountError::invalid_name:
      return "name";
    case AccountError::invalid_phone:
      return "phone";
    case AccountError::reason_required:
    case AccountError::reason_too_long:
      return "reason";
    case AccountError::invalid_reset_code:
      return "code";
    case AccountError::wrong_password:
      return "current_password";
    case AccountError::wrong_credentials:
    case AccountError::too_many_attempts:
    case AccountError::account_suspended:
    case AccountError::member_not_found:
    case AccountError::not_allowed:
    case AccountError::cannot_change_self:
    case AccountError::last_admin:
    case AccountError::already_suspended:
    case AccountError::not_suspended:
    case AccountError::same_role:
    case AccountError::session_not_found:
    case AccountError::orders_in_progress:
    case AccountError::wallet_not_empty:
    case AccountError::shop_open:
    case AccountError::payout_pending:
      return {};
  }
  return {};
}

std::string MessageKey(std::string_view code) { return "accounts.error." + std::string(code); }

std::string SafeNext(std::string_view next) {
  // "//host/x" and "/\host" are read by browsers as another host; control characters could split
  // the Location header.
  if (next.empty() || next.size() > 2048 || next.front() != '/') return "/";
  if (next.size() > 1 && (next[1] == '/' || next[1] == '\\')) return "/";
  if (std::ranges::any_of(next, text::IsAsciiControl)) return "/";
  return std::string(next);
}

bool CameOverTls(const http::Request& request) {
  const std::string_view protocol = request.Header("X-Forwarded-Proto");
  return protocol.size() == 5 && (protocol[0] | 0x20) == 'h' && (protocol[1] | 0x20) == 't' &&
         (protocol[2] | 0x20) == 't' && (protocol[3] | 0x20) == 'p' && (protocol[4] | 0x20) == 's';
}

void SetSessionCookie(http::Response& response, const http::Request& request, std::string_view token) {
  // A browser-session cookie (no Max-Age): the server's idle and absolute limits decide the rest.
  response.SetCookie(kSessionCookie, token, {.path = "/", .http_only = true, .secure = CameOverTls(request)});
  response.cacheable = false;
}

void ClearSessionCookie(http::Response& response, const http::Request& request) {
  response.SetCookie(kSessionCookie, "",
                     {.path = "/", .max_age_seconds = 0, .http_only = true, .secure = CameOverTls(request)});
  response.cacheable = false;
}

boost::json::object UserJson(const User& user) {
  return {{"id", user.id.value}, {"email", user.email}, {"name", user.name}, {"role", core::RoleName(user.role)}};
}

void AddAccountRoutes(http::Router& router, html::Renderer& renderer, AccountService& accounts) {
  renderer.AddTemplates("accounts", embedded::accounts_templates());
  renderer.AddMessages(embedded::accounts_i18n());
  AddAccountApiRoutes(router, renderer, accounts);
  AddAccountPages(router, renderer, accounts);
  AddMemberAdminApi(router, renderer, accounts);
  AddMemberAdminPages(router, renderer, accounts);
  AddAccountSecurityPages(router, renderer, accounts);
  AddAccountSecurityApi(router, renderer, accounts);
}

}  // namespace manmulsang::accounts
