#pragma once

#include <string_view>

#include "manmulsang/accounts/accounts.hpp"
#include "manmulsang/html/renderer.hpp"
#include "manmulsang/http/router.hpp"

namespace manmulsang::accounts {

// The browser session cookie: HttpOnly, SameSite=Lax, Path=/, Secure behind TLS.
inline constexpr std::string_view kSessionCookie = "mm_session";

// JSON: POST /api/v1/auth/register, POST /api/v1/auth/login, POST /api/v1/auth/logout,
// GET /api/v1/me. HTML: GET|POST /login, GET|POST /register, POST /logout.
// Also registers this module's templates ("accounts/login", "accounts/register") and its
// messages (t.accounts.*) with renderer. The app's CSRF middleware guards the form POSTs.
void AddAccountRoutes(http::Router& router, html::Renderer& renderer, AccountService& accounts);

// Fills request.context().actor from the mm_session cookie (a browser session) or from
// "Authorization: Bearer <token>" (an API token); anonymous otherwise. A cookie whose session has
// ended is deleted in the response, so the browser stops sending it.
http::Middleware Authentication(AccountService& accounts);

}  // namespace manmulsang::accounts
