#include "read_your_writes.hpp"

#include <charconv>
#include <optional>
#include <string>

#include "manmulsang/db/database.hpp"

namespace manmulsang::app {

namespace {

bool MayWrite(const http::Request& request) {
  return request.method() != http::Method::get && request.method() != http::Method::head;
}

bool WroteRecently(const http::Request& request, std::int64_t now) {
  const std::optional<std::string_view> value = request.Cookie(ReadYourWrites::kCookie);
  if (!value) return false;
  std::int64_t until = 0;
  const auto [end, error] = std::from_chars(value->data(), value->data() + value->size(), until);
  return error == std::errc() && end == value->data() + value->size() && until > now;
}

}  // namespace

http::Middleware ReadYourWrites::Middleware(const core::Clock& clock) {
  return [&clock](http::Request& request, const http::Handler& next) {
    const std::int64_t now = core::ToUnixSeconds(clock.Now());
    if (MayWrite(request)) {
      db::PrimaryReads primary;
      http::Response response = next(request);
      response.SetCookie(kCookie, std::to_string(now + kWindow.count()),
                         http::CookieOptions{.max_age_seconds = kWindow.count()});
      return response;
    }
    if (WroteRecently(request, now)) {
      db::PrimaryReads primary;
      return next(request);
    }
    return next(request);
  };
}

}  // namespace manmulsang::app
