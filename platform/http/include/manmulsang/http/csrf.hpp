#pragma once

#include <string_view>

#include "manmulsang/http/router.hpp"

namespace manmulsang::http {

// The cookie that carries the visitor's CSRF token, and the form field / header that repeat it.
inline constexpr std::string_view kCsrfCookie = "mm_csrf";
inline constexpr std::string_view kCsrfField = "_csrf";
inline constexpr std::string_view kCsrfHeader = "X-CSRF-Token";

// Double-submit CSRF protection for the HTML forms (docs/ARCHITECTURE.md, security model).
//
// Every request gets request.csrf_token(): the visitor's mm_csrf cookie when it holds a valid
// token (64 hex digits), else a fresh 256-bit random token that is set as that cookie on the
// response (HttpOnly, SameSite=Lax, Path=/). Templates put it in a hidden _csrf field.
//
// An unsafe request (POST, PUT, PATCH, DELETE) must then show the same token in its _csrf form
// field or X-CSRF-Token header (constant-time comparison), else it gets 403 — unless it cannot
// have come from a cross-site page at all:
//   - it carries Authorization: Bearer (API clients; browsers never add it on their own), or
//   - its Content-Type is not one a plain HTML form can send (application/json, text/csv, ...):
//     such a request from another site needs a CORS preflight, which this server never grants.
// A form request without a token is still accepted when the browser itself vouches that it comes
// from our own pages (Sec-Fetch-Site: same-origin, or an Origin equal to the Host): that is what
// lets pages from the PageCache, which never hold a visitor's token, keep working forms.
Middleware CsrfProtection();

}  // namespace manmulsang::http
