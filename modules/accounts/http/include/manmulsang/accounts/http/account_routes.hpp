#pragma once

#include <string>
#include <string_view>

#include "manmulsang/accounts/accounts.hpp"
#include "manmulsang/html/renderer.hpp"
#include "manmulsang/http/router.hpp"

namespace manmulsang::accounts {

// The browser session cookie: HttpOnly, SameSite=Lax, Path=/, Secure behind TLS.
inline constexpr std::string_view kSessionCookie = "mm_session";

// JSON: POST /api/v1/auth/register, POST /api/v1/auth/login, POST /api/v1/auth/logout,
// POST /api/v1/auth/reset-password, GET /api/v1/me; the admins' GET /api/v1/admin/members,
// GET /api/v1/admin/members/:id, POST /api/v1/admin/members/:id/{suspend,unsuspend,role,reset-code}.
// HTML: GET|POST /login, GET|POST /register, POST /logout, GET|POST /reset-password; the admins'
// GET /admin/members and POST /admin/members/:id/{suspend,unsuspend,role,reset-code} (the member
// page GET /admin/members/:id belongs to the admin console, which posts to these).
// Also registers this module's templates ("accounts/login", "accounts/register",
// "accounts/member_actions", ...) and its messages (t.accounts.*) with renderer. The app's CSRF
// middleware guards the form POSTs.
void AddAccountRoutes(http::Router& router, html::Renderer& renderer, AccountService& accounts);

// What the member page (/admin/members/:id) shows after one of the actions above redirected to
// it: ?done=suspended|unsuspended|role becomes notice, ?error=<code> the catalog's message of that
// code (t.accounts.error.<code>); either is empty when absent or unknown.
struct MemberActionFlash {
  std::string notice;
  std::string error;
};
MemberActionFlash ReadMemberActionFlash(const html::Renderer& renderer, const http::Request& request);

// The data of the partial {{> accounts/member_actions}} (the suspend or unsuspend form with a
// reason, the role form, the reset-code button) for member: render it inside
// {{#member_actions}}...{{/member_actions}} with data.set("member_actions", MemberActionsData(member)).
html::Data MemberActionsData(const User& member);

// Fills request.context().actor from the mm_session cookie (a browser session) or from
// "Authorization: Bearer <token>" (an API token); anonymous otherwise. A cookie whose session has
// ended is deleted in the response, so the browser stops sending it.
http::Middleware Authentication(AccountService& accounts);

}  // namespace manmulsang::accounts
