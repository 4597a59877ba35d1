#include "manmulsang/analytics/http/visit_counting.hpp"

#include <sodium.h>

#include <array>
#include <charconv>
#include <optional>
#include <string>

#include "manmulsang/core/sodium.hpp"

namespace manmulsang::analytics {
namespace {

constexpr long kVisitorMaxAge = 365L * 24 * 60 * 60;
constexpr long kLastSeenMaxAge = std::chrono::duration_cast<std::chrono::seconds>(kVisitIdleTimeout).count();
constexpr std::size_t kVisitorIdBytes = 16;

// Machine endpoints and files: none of them is a person looking at a page.
constexpr std::array<std::string_view, 5> kUncountedPrefixes = {"/api", "/assets", "/media", "/metrics", "/healthz"};

bool HasPrefixSegment(std::string_view path, std::string_view prefix) {
  return path.starts_with(prefix) && (path.size() == prefix.size() || path[prefix.size()] == '/');
}

bool IsCountedPath(std::string_view path) {
  for (std::string_view prefix : kUncountedPrefixes) {
    if (HasPrefixSegment(path, prefix)) return false;
  }
  return true;
}

bool IsCountedAnswer(const http::Response& response) {
  if (response.status == http::Status::not_modified) return true;
  unsigned code = static_cast<unsigned>(response.status);
  return code >= 200 && code < 300 && response.content_type.starts_with("text/html");
}

std::optional<core::TimePoint> ParseLastSeen(std::optional<std::string_view> cookie) {
  if (!cookie || cookie->empty()) return std::nullopt;
  std::int64_t seconds = 0;
  auto [end, error] = std::from_chars(cookie->data(), cookie->data() + cookie->size(), seconds);
  // A forged value past what a time point holds (year 2262) would overflow the conversion.
  constexpr std::int64_t kLatestSeconds =
      std::chrono::duration_cast<std::chrono::seconds>(core::TimePoint::max().time_since_epoch()).count();
  if (error != std::errc() || end != cookie->data() + cookie->size()) return std::nullopt;
  if (seconds <= 0 || seconds > kLatestSeconds) return std::nullopt;
  return core::FromUnixSeconds(seconds);
}

std::string NewVisitorId() {
  core::EnsureSodium();
  std::array<unsigned char, kVisitorIdBytes> bytes;
  randombytes_buf(bytes.data(), bytes.size());
  std::array<char, kVisitorIdBytes * 2 + 1> hex;
  sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
  return std::string(hex.data(), kVisitorIdBytes * 2);
}

}  // namespace

bool IsVisitorId(std::string_view id) {
  if (id.size() != kVisitorIdBytes * 2) return false;
  for (char c : id) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

http::Middleware VisitCounting(AnalyticsService& analytics) {
  return [&analytics](http::Request& request, const http::Handler& next) {
    http::Response response = next(request);
    if (request.method() != http::Method::get || !IsCountedPath(request.path()) || !IsCountedAnswer(response)) {
      return response;
    }
    core::TimePoint now = analytics.clock().Now();
    std::optional<std::string_view> visitor = request.Cookie(kVisitorCookie);
    bool known_visitor = visitor && IsVisitorId(*visitor);
    std::optional<core::TimePoint> last_seen =
        known_visitor ? ParseLastSeen(request.Cookie(kLastSeenCookie)) : std::nullopt;
    analytics.RecordPageView(StartsVisit(last_seen, now));

    // Both cookies are sent again so that their lifetimes slide with each view.
    http::CookieOptions visitor_options;
    visitor_options.max_age_seconds = kVisitorMaxAge;
    response.SetCookie(kVisitorCookie, known_visitor ? std::string(*visitor) : NewVisitorId(), visitor_options);
    http::CookieOptions visit_options;
    visit_options.max_age_seconds = kLastSeenMaxAge;
    response.SetCookie(kLastSeenCookie, std::to_string(core::ToUnixSeconds(now)), visit_options);
    return response;
  };
}

}  // namespace manmulsang::analytics
