#include "manmulsang/analytics/http/search_referral.hpp"

#include <algorithm>
#include <optional>

#include "manmulsang/http/form.hpp"
#include "manmulsang/text/characters.hpp"
#include "manmulsang/text/normalize.hpp"
#include "manmulsang/text/utf8.hpp"

namespace manmulsang::analytics {
namespace {

constexpr std::string_view kSearchPath = "/search";

bool EqualsIgnoringAsciiCase(std::string_view left, std::string_view right) {
  if (left.size() != right.size()) return false;
  for (std::size_t i = 0; i < left.size(); ++i) {
    char a = left[i], b = right[i];
    if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
    if (b >= 'A' && b <= 'Z') b = static_cast<char>(b - 'A' + 'a');
    if (a != b) return false;
  }
  return true;
}

// The path-and-query of a same-site Referer: "http(s)://<host>/..." where <host> is the
// request's Host (with its port, if any), or a path alone. nullopt for anything else.
std::optional<std::string_view> SameSiteTarget(std::string_view referer, std::string_view host) {
  if (referer.starts_with('/')) {
    if (referer.starts_with("//")) return std::nullopt;  // another host, scheme-relative
    return referer;
  }
  std::string_view rest;
  if (referer.starts_with("https://")) {
    rest = referer.substr(8);
  } else if (referer.starts_with("http://")) {
    rest = referer.substr(7);
  } else {
    return std::nullopt;
  }
  std::size_t authority_end = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, authority_end);
  // user@host is how "http://our.host@evil.example/" hides another host.
  if (host.empty() || authority.find('@') != std::string_view::npos || !EqualsIgnoringAsciiCase(authority, host)) {
    return std::nullopt;
  }
  if (authority_end == std::string_view::npos) return std::string_view("/");
  return rest.substr(authority_end);
}

// Strict decoding of a query value: '+' is a space, a malformed escape or a NUL byte refuses it.
std::optional<std::string> DecodeQueryValue(std::string_view value) {
  std::string spaced;
  spaced.reserve(value.size());
  for (char c : value) {
    if (c == '+') {
      spaced += "%20";
    } else {
      spaced += c;
    }
  }
  return http::DecodePath(spaced);
}

// At most max_bytes of text, never cutting a UTF-8 sequence in half (text is valid UTF-8).
std::string_view CutAtCharacter(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  std::size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

}  // namespace

std::string SearchQueryOfReferer(std::string_view referer, std::string_view host) {
  if (referer.empty() || referer.size() > kMaxRefererBytes) return {};
  std::optional<std::string_view> target = SameSiteTarget(referer, host);
  if (!target) return {};
  std::string_view path_and_query = target->substr(0, target->find('#'));
  std::size_t question = path_and_query.find('?');
  if (question == std::string_view::npos || path_and_query.substr(0, question) != kSearchPath) {
    return {};
  }
  std::string_view query = path_and_query.substr(question + 1);
  while (!query.empty()) {
    std::size_t ampersand = query.find('&');
    std::string_view pair = query.substr(0, ampersand);
    query = ampersand == std::string_view::npos ? std::string_view() : query.substr(ampersand + 1);
    if (!pair.starts_with("q=")) continue;
    std::optional<std::string> decoded = DecodeQueryValue(pair.substr(2));
    if (!decoded || !text::IsValidUtf8(*decoded)) return {};
    // Control characters and line breaks become spaces, then runs of space become one.
    std::ranges::replace_if(*decoded, text::IsAsciiControl, ' ');
    std::string words = text::CollapseWhitespace(text::NormalizeNfc(*decoded));
    return text::Trim(CutAtCharacter(words, kMaxSearchQueryBytes));
  }
  return {};
}

std::string SearchQueryOf(const http::Request& request) {
  return SearchQueryOfReferer(request.Header("Referer"), request.Header("Host"));
}

}  // namespace manmulsang::analytics
