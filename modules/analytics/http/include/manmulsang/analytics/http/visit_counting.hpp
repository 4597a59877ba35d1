#pragma once

#include <string_view>

#include "manmulsang/analytics/analytics.hpp"
#include "manmulsang/http/router.hpp"

namespace manmulsang::analytics {

// Cookies the middleware keeps in the browser: a random visitor id (a year) and the Unix second
// of the last counted view (thirty minutes, the idle time that ends a visit).
inline constexpr std::string_view kVisitorCookie = "mm_visitor";
inline constexpr std::string_view kLastSeenCookie = "mm_visit";

// The shape of a visitor id the middleware issues: 16 random bytes in lower-case hex. Anything
// else in the cookie is not a visitor (search's once-per-visitor count trusts only this shape).
bool IsVisitorId(std::string_view id);

// Counts page views and visits: only GETs of HTML pages answered 2xx or 304 — never /api,
// /assets, /media, /metrics or /healthz. No cookie, or a last view more than 30 minutes ago,
// starts a new visit. Never fails a request.
http::Middleware VisitCounting(AnalyticsService& analytics);

}  // namespace manmulsang::analytics
