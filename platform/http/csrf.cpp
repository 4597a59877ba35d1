#include "manmulsang/http/csrf.hpp"

#include <sodium.h>

#include <array>

#include "header_values.hpp"
#include "manmulsang/core/sodium.hpp"

namespace manmulsang::http {
namespace {

constexpr std::size_t kTokenBytes = 32;
constexpr std::size_t kTokenLength = kTokenBytes * 2;  // hex

bool IsValidToken(std::string_view token) {
  if (token.size() != kTokenLength) return false;
  for (const char character : token) {
    const bool hex = (character >= '0' && character <= '9') || (character >= 'a' && character <= 'f');
    if (!hex) return false;
  }
  return true;
}

std::string NewToken() {
  core::EnsureSodium();
  std::array<unsigned char, kTokenBytes> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  std::array<char, kTokenLength + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
  return std::string(hex.data(), kTokenLength);
}

bool IsUnsafe(Method method) {
  return method == Method::post || method == Method::put || method == Method::patch || method == Method::delete_;
}

// The content types an HTML form (or a no-cors fetch) can send cross-site without a preflight;
// a missing type counts too, since a body-less POST is as easy to forge.
bool IsCrossSiteSendable(std::string_view content_type) {
  const std::string_view media_type = MediaType(content_type);
  return media_type.empty() || EqualsIgnoringCase(media_type, "application/x-www-form-urlencoded") ||
         EqualsIgnoringCase(media_type, "multipart/form-data") || EqualsIgnoringCase(media_type, "text/plain");
}

bool TokensEqual(std::string_view left, std::string_view right) {
  return left.size() == right.size() && left.size() == kTokenLength &&
         sodium_memcmp(left.data(), right.data(), left.size()) == 0;
}

// Browsers set these headers themselves and never let a page forge them.
bool BrowserSaysSameOrigin(const Request& request) {
  const std::string_view fetch_site = request.Header("Sec-Fetch-Site");
  if (!fetch_site.empty()) return EqualsIgnoringCase(fetch_site, "same-origin");
  const std::string_view origin = request.Header("Origin");
  const std::string_view host = request.Header("Host");
  if (origin.empty() || origin == "null" || host.empty()) return false;
  const std::size_t scheme_end = origin.find("://");
  return scheme_end != std::string_view::npos && EqualsIgnoringCase(origin.substr(scheme_end + 3), host);
}

Response Forbidden(const Request& request) {
  if (request.WantsJson()) {
    return Response::JsonError(Status::forbidden, "csrf_failed",
                               "The form's security token is missing or out of date. Reload the page and try again.",
                               kCsrfField);
  }
  return Response::Html(
      "<!doctype html><html lang=\"ko\"><meta charset=\"utf-8\"><title>403</title>"
      "<h1>보안 토큰이 맞지 않습니다 (403)</h1>"
      "<p>양식의 보안 토큰이 없거나 만료되었습니다. 페이지를 새로 고친 뒤 다시 시도해 주세요.</p>"
      "<p>The form's security token is missing or out of date. Reload the page and try again.</p>"
      "<p><a href=\"/\">처음으로 / Home</a></p></html>",
      Status::forbidden);
}

}  // namespace

Middleware CsrfProtection() {
  return [](Request& request, const Handler& next) -> Response {
    const std::optional<std::string_view> cookie = request.Cookie(kCsrfCookie);
    const bool has_valid_cookie = cookie && IsValidToken(*cookie);
    request.csrf_token() = has_valid_cookie ? std::string(*cookie) : NewToken();

    if (IsUnsafe(request.method())) {
      const bool bearer = StartsWithIgnoringCase(request.Header("Authorization"), "Bearer ");
      const bool form_like = IsCrossSiteSendable(request.Header("Content-Type"));
      if (!bearer && form_like) {
        std::string_view presented = request.Header(kCsrfHeader);
        if (presented.empty()) presented = request.form().GetOr(kCsrfField);
        bool accepted = false;
        if (!presented.empty()) {
          accepted = has_valid_cookie && TokensEqual(presented, *cookie);
        } else {
          accepted = BrowserSaysSameOrigin(request);
        }
        if (!accepted) {
          Response response = Forbidden(request);
          if (!has_valid_cookie) response.SetCookie(kCsrfCookie, request.csrf_token());
          return response;
        }
      }
    }

    Response response = next(request);
    // A cacheable page was rendered without the token (it is shared by every visitor), so it
    // has no form the cookie could pair with; hot anonymous pages stay free of Set-Cookie.
    if (!has_valid_cookie && !response.cacheable) response.SetCookie(kCsrfCookie, request.csrf_token());
    return response;
  };
}

}  // namespace manmulsang::http
