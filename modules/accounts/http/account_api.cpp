#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <expected>
#include <string>

#include "account_http.hpp"
#include "manmulsang/html/api_error.hpp"
#include "manmulsang/http/api_problem.hpp"
#include "manmulsang/http/json_fields.hpp"

namespace manmulsang::accounts {
namespace {

using boost::json::object;

using http::ApiProblem;
using http::StringField;

class AuthApi {
 public:
  AuthApi(const html::Renderer& renderer, AccountService& accounts) : renderer_(renderer), accounts_(accounts) {}

  http::Response Register(http::Request& request) const {
    auto body = http::ParseJsonObject(request);
    if (!body) return Error(request, body.error());
    auto email = StringField(*body, "email");
    auto password = StringField(*body, "password");
    auto name = StringField(*body, "name");
    if (!email) return Error(request, email.error());
    if (!password) return Error(request, password.error());
    if (!name) return Error(request, name.error());
    auto phone = http::OptionalStringField(*body, "phone");
    if (!phone) return Error(request, phone.error());
    RegisterCommand command{.email = std::string(*email),
                            .password = std::string(*password),
                            .name = std::string(*name),
                            .phone = std::string(phone->value_or(""))};
    auto signed_in = accounts_.SignUp(
        command, SessionKind::api,
        {.remote_address = request.remote_address(), .user_agent = request.Header("User-Agent")});
    if (!signed_in) return Error(request, signed_in.error());
    return SignedInResponse(*signed_in, http::Status::created);
  }

  http::Response Login(http::Request& request) const {
    auto body = http::ParseJsonObject(request);
    if (!body) return Error(request, body.error());
    auto email = StringField(*body, "email");
    auto password = StringField(*body, "password");
    if (!email) return Error(request, email.error());
    if (!password) return Error(request, password.error());
    auto signed_in =
        accounts_.Login(*email, *password, request.remote_address(), SessionKind::api, request.Header("User-Agent"));
    if (!signed_in) {
      http::Response response = Error(request, signed_in.error());
      if (signed_in.error() == AccountError::too_many_attempts) {
        const auto wait = accounts_.LoginRetryAfter(*email, request.remote_address());
        response.SetHeader("Retry-After", std::to_string(std::max<long long>(1, wait.count())));
      }
      return response;
    }
    return SignedInResponse(*signed_in, http::Status::ok);
  }

  // The member's side of an admin-issued reset code; answers 204 and signs no one in.
  http::Response ResetPassword(http::Request& request) const {
    auto body = http::ParseJsonObject(request);
    if (!body) return Error(request, body.error());
    auto email = StringField(*body, "email");
    auto code = StringField(*body, "code");
    auto password = StringField(*body, "password");
    if (!email) return Error(request, email.error());
    if (!code) return Error(request, code.error());
    if (!password) return Error(request, password.error());
    auto reset = accounts_.ResetPassword(*email, *code, *password, request.remote_address());
    if (!reset) {
      http::Response response = Error(request, reset.error());
      if (reset.error() == AccountError::too_many_attempts) {
        const auto wait = accounts_.LoginRetryAfter(*email, request.remote_address());
        response.SetHeader("Retry-After", std::to_string(std::max<long long>(1, wait.count())));
      }
      return response;
    }
    return http::Response(http::Status::no_content, "", "");
  }

  http::Response Logout(http::Request& request) const {
    // Only a bearer token is ended here; browsers sign out through the POST /logout form.
    const std::string_view token = BearerToken(request.Header("Authorization"));
    if (token.empty() || !request.context().actor.signed_in()) return Unauthenticated(request);
    accounts_.Logout(token);
    return http::Response(http::Status::no_content, "", "");
  }

  http::Response Me(http::Request& request) const {
    const core::Actor& actor = request.context().actor;
    if (!actor.signed_in()) return Unauthenticated(request);
    const auto user = accounts_.FindUser(*actor.user);
    if (!user) return Unauthenticated(request);
    return http::Response::Json(object{{"user", UserJson(*user)}});
  }

 private:
  http::Response SignedInResponse(const SignedIn& signed_in, http::Status status) const {
    return http::Response::Json(object{{"user", UserJson(signed_in.user)}, {"token", signed_in.token}}, status);
  }

  http::Response Error(const http::Request& request, const ApiProblem& error) const {
    return html::ApiError(renderer_, request, error, MessageKey(error.code));
  }

  http::Response Error(const http::Request& request, AccountError error) const {
    return Error(request, ApiProblem{StatusOf(error), std::string(ErrorCode(error)), std::string(FieldOf(error))});
  }

  http::Response Unauthenticated(const http::Request& request) const {
    return Error(request, ApiProblem{http::Status::unauthorized, "unauthenticated", ""});
  }

  const html::Renderer& renderer_;
  AccountService& accounts_;
};

}  // namespace

void AddAccountApiRoutes(http::Router& router, const html::Renderer& renderer, AccountService& accounts) {
  auto api = std::make_shared<const AuthApi>(renderer, accounts);
  const http::RouteOptions small_body{.body_limit = kAuthBodyLimit, .json_body = true, .no_store = true};
  // Argon2id runs on the server's password pool, never on an I/O thread (503 busy when it is full).
  const http::RouteOptions password_body{
      .body_limit = kAuthBodyLimit, .password_work = true, .json_body = true, .no_store = true};
  router.Post(
      "/api/v1/auth/register", [api](http::Request& request) { return api->Register(request); }, password_body);
  router.Post(
      "/api/v1/auth/login", [api](http::Request& request) { return api->Login(request); }, password_body);
  router.Post(
      "/api/v1/auth/reset-password", [api](http::Request& request) { return api->ResetPassword(request); },
      password_body);
  router.Post(
      "/api/v1/auth/logout", [api](http::Request& request) { return api->Logout(request); }, small_body);
  router.Get("/api/v1/me", [api](http::Request& request) { return api->Me(request); }, {.no_store = true});
}

}  // namespace manmulsang::accounts
