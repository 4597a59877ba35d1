#include <string_view>

#include "account_http.hpp"
#include "manmulsang/accounts/http/account_routes.hpp"

namespace manmulsang::accounts {
namespace {

bool SetsSessionCookie(const http::Response& response) {
  for (const auto& [name, value] : response.headers) {
    if (name == "Set-Cookie" && value.starts_with(kSessionCookie) && value.size() > kSessionCookie.size() &&
        value[kSessionCookie.size()] == '=') {
      return true;
    }
  }
  return false;
}

}  // namespace

// The token of "Authorization: Bearer <token>" (the scheme is case-insensitive); empty otherwise.
std::string_view BearerToken(std::string_view authorization) {
  constexpr std::string_view kScheme = "bearer ";
  if (authorization.size() <= kScheme.size()) return {};
  for (std::size_t index = 0; index < kScheme.size(); ++index) {
    if ((authorization[index] | 0x20) != kScheme[index]) return {};
  }
  std::string_view token = authorization.substr(kScheme.size());
  while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
  while (!token.empty() && token.back() == ' ') token.remove_suffix(1);
  return token;
}

http::Middleware Authentication(AccountService& accounts) {
  return [&accounts](http::Request& request, const http::Handler& next) {
    std::optional<User> user;
    bool stale_cookie = false;
    if (const std::string_view bearer = BearerToken(request.Header("Authorization")); !bearer.empty()) {
      user = accounts.Authenticate(bearer, SessionKind::api);
    } else if (const auto cookie = request.Cookie(kSessionCookie); cookie && !cookie->empty()) {
      user = accounts.Authenticate(*cookie, SessionKind::browser);
      stale_cookie = !user;
    }
    if (user) {
      core::Actor& actor = request.context().actor;
      actor.user = user->id;
      actor.role = user->role;
      actor.display_name = user->name;
    }
    http::Response response = next(request);
    if (stale_cookie && !SetsSessionCookie(response)) ClearSessionCookie(response, request);
    return response;
  };
}

}  // namespace manmulsang::accounts
