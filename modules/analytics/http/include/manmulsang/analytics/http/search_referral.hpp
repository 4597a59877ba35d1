#pragma once

#include <string>
#include <string_view>

#include "manmulsang/analytics/analytics.hpp"
#include "manmulsang/http/request.hpp"

namespace manmulsang::analytics {

// Referers longer than this are not read at all.
inline constexpr std::size_t kMaxRefererBytes = 4096;

// The search words that led to this page: the q of a same-site /search?q=… Referer, NFC,
// trimmed, at most kMaxSearchQueryBytes bytes; empty when none (no Referer, another site's,
// another page, bad percent-encoding or bad UTF-8).
std::string SearchQueryOf(const http::Request& request);

// The same from the header values, for tests: `referer` as sent, `host` the request's Host.
std::string SearchQueryOfReferer(std::string_view referer, std::string_view host);

}  // namespace manmulsang::analytics
