#pragma once

#include <cstddef>
#include <string>

#include "manmulsang/http/request.hpp"

namespace manmulsang::analytics {

// Search words longer than this are cut (at a character boundary).
inline constexpr std::size_t kMaxSearchQueryBytes = 200;

// The search words that led to this page: the q of a same-site /search?q=… Referer, NFC,
// trimmed, at most kMaxSearchQueryBytes bytes; empty when none (no Referer, another site's,
// another page, bad percent-encoding or bad UTF-8).
std::string SearchQueryOf(const http::Request& request);

}  // namespace manmulsang::analytics
