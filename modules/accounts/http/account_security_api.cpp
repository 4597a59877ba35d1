// The JSON twins of /account/security under /api/v1/account: the member's sessions and tokens,
// revoking one or all others, the password, e-mail and phone, and closing the account. The
// current session is the bearer token (or, from a page's script, the session cookie).

#include <boost/json/array.hpp>
#include <memory>
#include <string>

#include "account_http.hpp"
#include "manmulsang/accounts/http/account_routes.hpp"
#include "manmulsang/html/api_error.hpp"
#include "manmulsang/http/api_problem.hpp"
#include "manmulsang/http/json_fields.hpp"
#include "manmulsang/http/request_parameters.hpp"

namespace manmulsang::accounts {
namespace {

using boost::json::object;

constexpr http::RouteOptions kMemberRead{.no_store = true};
constexpr http::RouteOptions kMemberWrite{.body_limit = kAuthBodyLimit, .json_body = true, .no_store = true};
// Checking or hashing a password runs on the server's password pool (503 busy when it is full).
constexpr http::RouteOptions kPasswordWrite{
    .body_limit = kAuthBodyLimit, .password_work = true, .json_body = true, .no_store = true};

class AccountSecurityApi {
 public:
  AccountSecurityApi(const html::Renderer& renderer, AccountService& accounts)
      : renderer_(renderer), accounts_(accounts) {}

  http::Response Sessions(http::Request& request) const {
    if (!request.context().actor.signed_in()) return Unauthenticated(request);
    boost::json::array items;
    const auto sessions = accounts_.MemberSessions(*request.context().actor.user, CurrentSessionToken(request));
    for (const SessionInfo& session : sessions) {
      items.push_back(object{{"id", session.id},
                             {"kind", SessionKindName(session.kind)},
                             {"device", session.device},
                             {"user_agent", session.user_agent},
                             {"remote_address", session.remote_address},
                             {"created_at", core::ToUnixSeconds(session.created_at)},
                             {"last_seen_at", core::ToUnixSeconds(session.last_seen_at)},
                             {"expires_at", core::ToUnixSeconds(session.expires_at)},
                             {"current", session.current}});
    }
    const auto count = static_cast<std::int64_t>(items.size());
    // One page: a member has at most a hundred live sessions listed.
    return http::Response::Json(object{{"items", std::move(items)}, {"total", count}, {"page", 1}, {"per_page", 100}});
  }

  http::Response Revoke(http::Request& request) const {
    if (!request.context().actor.signed_in()) return Unauthenticated(request);
    const auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!id) return Error(request, AccountError::session_not_found);
    auto revoked = accounts_.RevokeSession(*request.context().actor.user, *id);
    if (!revoked) return Error(request, revoked.error());
    return http::Response(http::Status::no_content, "", "");
  }

  http::Response RevokeOthers(http::Request& request) const {
    if (!request.context().actor.signed_in()) return Unauthenticated(request);
    const std::int64_t revoked =
        accounts_.RevokeOtherSessions(*request.context().actor.user, CurrentSessionToken(request));
    return http::Response::Json(object{{"revoked", revoked}});
  }

  http::Response ChangePassword(http::Request& request) const {
    if (!request.context().actor.signed_in()) return Unauthenticated(request);
    auto body = http::ParseJsonObject(request);
    if (!body) return Error(request, body.error());
    auto current = http::StringField(*body, "current_password");
    auto password = http::StringField(*body, "password");
    if (!current) return Error(request, current.error());
    if (!password) return Error(request, password.error());
    auto changed = accounts_.ChangePassword(*request.context().actor.user, *current, *password,
                                            CurrentSessionToken(request), request.remote_address());
    if (!changed) return Error(request, changed.error());
    return http::Response(http::Status::no_content, "", "");
  }

  http::Response ChangeContact(http::Request& request) const {
    if (!request.context().actor.signed_in()) return Unauthenticated(request);
    auto body = http::ParseJsonObject(request);
    if (!body) return Error(request, body.error());
    auto email = http::StringField(*body, "email");
    if (!email) return Error(request, email.error());
    auto phone = http::OptionalStringField(*body, "phone");
    if (!phone) return Error(request, phone.error());
    auto user = accounts_.ChangeContact(*request.context().actor.user, *email, phone->value_or(""));
    if (!user) return Error(request, user.error());
    object json = UserJson(*user);
    json["phone"] = user->phone;
    return http::Response::Json(object{{"user", std::move(json)}});
  }

  http::Response Close(http::Request& request) const {
    if (!request.context().actor.signed_in()) return Unauthenticated(request);
    auto body = http::ParseJsonObject(request);
    if (!body) return Error(request, body.error());
    auto password = http::StringField(*body, "current_password");
    if (!password) return Error(request, password.error());
    auto closed = accounts_.CloseAccount(*request.context().actor.user, *password, request.remote_address());
    if (!closed) return Error(request, closed.error());
    http::Response response(http::Status::no_content, "", "");
    // A page's script may have called this with the cookie: the browser forgets it too.
    if (request.Cookie(kSessionCookie)) ClearSessionCookie(response, request);
    return response;
  }

 private:
  http::Response Error(const http::Request& request, const http::ApiProblem& error) const {
    return html::ApiError(renderer_, request, error, MessageKey(error.code));
  }

  http::Response Error(const http::Request& request, AccountError error) const {
    return Error(request,
                 http::ApiProblem{StatusOf(error), std::string(ErrorCode(error)), std::string(FieldOf(error))});
  }

  http::Response Unauthenticated(const http::Request& request) const {
    return Error(request, http::ApiProblem{http::Status::unauthorized, "unauthenticated", ""});
  }

  const html::Renderer& renderer_;
  AccountService& accounts_;
};

}  // namespace

void AddAccountSecurityApi(http::Router& router, const html::Renderer& renderer, AccountService& accounts) {
  auto api = std::make_shared<const AccountSecurityApi>(renderer, accounts);
  router.Get(
      "/api/v1/account/sessions", [api](http::Request& request) { return api->Sessions(request); }, kMemberRead);
  router.Post(
      "/api/v1/account/sessions/:id/revoke", [api](http::Request& request) { return api->Revoke(request); },
      kMemberWrite);
  router.Post(
      "/api/v1/account/sessions/revoke-others", [api](http::Request& request) { return api->RevokeOthers(request); },
      kMemberWrite);
  router.Post(
      "/api/v1/account/password", [api](http::Request& request) { return api->ChangePassword(request); },
      kPasswordWrite);
  router.Post(
      "/api/v1/account/contact", [api](http::Request& request) { return api->ChangeContact(request); }, kMemberWrite);
  router.Post(
      "/api/v1/account/close", [api](http::Request& request) { return api->Close(request); }, kPasswordWrite);
}

}  // namespace manmulsang::accounts
