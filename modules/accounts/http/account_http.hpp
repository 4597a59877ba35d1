#pragma once

#include <boost/json/object.hpp>
#include <string>
#include <string_view>

#include "manmulsang/accounts/accounts.hpp"
#include "manmulsang/html/renderer.hpp"
#include "manmulsang/http/request.hpp"
#include "manmulsang/http/response.hpp"
#include "manmulsang/http/router.hpp"

// What the JSON API and the HTML pages of accounts share.
namespace manmulsang::accounts {

// Auth bodies are a few hundred bytes; nothing larger is worth reading.
inline constexpr std::size_t kAuthBodyLimit = 16 * 1024;

http::Status StatusOf(AccountError error);
// The form or JSON field an error is about; empty when it concerns none.
std::string_view FieldOf(AccountError error);
// The message catalog key of an error code ("accounts.error.email_taken").
std::string MessageKey(std::string_view code);

// Where to go after signing in: next if it is a path on this site ("/cart"), else "/".
std::string SafeNext(std::string_view next);
// True when the request reached us over TLS (directly or through the proxy, X-Forwarded-Proto).
// The token of "Authorization: Bearer <token>" (the scheme is case-insensitive); empty otherwise.
std::string_view BearerToken(std::string_view authorization);
bool CameOverTls(const http::Request& request);
void SetSessionCookie(http::Response& response, const http::Request& request, std::string_view token);
void ClearSessionCookie(http::Response& response, const http::Request& request);

boost::json::object UserJson(const User& user);
// UserJson plus what an admin sees: phone, created_at, suspended, suspended_at, suspension_reason.
boost::json::object MemberJson(const User& member);

void AddAccountApiRoutes(http::Router& router, const html::Renderer& renderer, AccountService& accounts);
void AddAccountPages(http::Router& router, const html::Renderer& renderer, AccountService& accounts);
void AddMemberAdminApi(http::Router& router, const html::Renderer& renderer, AccountService& accounts);
void AddMemberAdminPages(http::Router& router, const html::Renderer& renderer, AccountService& accounts);
// The member's own security page (/account/...) and its JSON twins (/api/v1/account/...).
void AddAccountSecurityPages(http::Router& router, const html::Renderer& renderer, AccountService& accounts);
void AddAccountSecurityApi(http::Router& router, const html::Renderer& renderer, AccountService& accounts);
// The token of the request's own session: the bearer token, else the session cookie; empty if none.
std::string_view CurrentSessionToken(const http::Request& request);

}  // namespace manmulsang::accounts
