#include <algorithm>
#include <string>

#include "account_http.hpp"
#include "manmulsang/accounts/http/account_routes.hpp"
#include "manmulsang/http/form.hpp"

namespace manmulsang::accounts {
namespace {

// The sign-in and sign-up forms. Every failure re-renders the form with the message and what the
// visitor typed (never the password), with the status a script would expect.
class AccountPages {
 public:
  AccountPages(const html::Renderer& renderer, AccountService& accounts) : renderer_(renderer), accounts_(accounts) {}

  http::Response ShowLogin(http::Request& request) const {
    const std::string next = SafeNext(request.Query("next").value_or("/"));
    if (request.context().actor.signed_in()) return http::Response::Redirect(next);
    html::Data data = FormData(request, "accounts.login_title", next);
    if (request.Query("reset")) data.set("notice", Text(request, "accounts.reset_done"));
    return renderer_.Page(request, "accounts/login", std::move(data));
  }

  http::Response SubmitLogin(http::Request& request) const {
    const http::Form& form = request.form();
    const std::string_view email = form.GetOr("email");
    const std::string next = SafeNext(form.GetOr("next", "/"));
    auto signed_in = accounts_.Login(email, form.GetOr("password"), request.remote_address(), SessionKind::browser,
                                     request.Header("User-Agent"));
    if (!signed_in) {
      html::Data data = FormData(request, "accounts.login_title", next);
      data.set("email", std::string(email));
      http::Response response = Failure(request, "accounts/login", std::move(data), signed_in.error());
      if (signed_in.error() == AccountError::too_many_attempts) {
        const auto wait = accounts_.LoginRetryAfter(email, request.remote_address());
        response.SetHeader("Retry-After", std::to_string(std::max<long long>(1, wait.count())));
      }
      return response;
    }
    return SignedInRedirect(request, signed_in->token, next);
  }

  http::Response ShowRegister(http::Request& request) const {
    const std::string next = SafeNext(request.Query("next").value_or("/"));
    if (request.context().actor.signed_in()) return http::Response::Redirect(next);
    return renderer_.Page(request, "accounts/register", FormData(request, "accounts.register_title", next));
  }

  http::Response SubmitRegister(http::Request& request) const {
    const http::Form& form = request.form();
    const std::string next = SafeNext(form.GetOr("next", "/"));
    RegisterCommand command{.email = std::string(form.GetOr("email")),
                            .password = std::string(form.GetOr("password")),
                            .name = std::string(form.GetOr("name")),
                            .phone = std::string(form.GetOr("phone"))};
    auto signed_in = accounts_.SignUp(
        command, SessionKind::browser,
        {.remote_address = request.remote_address(), .user_agent = request.Header("User-Agent")});
    if (!signed_in) {
      html::Data data = FormData(request, "accounts.register_title", next);
      data.set("email", command.email);
      data.set("name", command.name);
      data.set("phone", command.phone);
      return Failure(request, "accounts/register", std::move(data), signed_in.error());
    }
    return SignedInRedirect(request, signed_in->token, next);
  }

  // The member's side of an admin-issued reset code: no sign-in needed (that is the point).
  http::Response ShowResetPassword(http::Request& request) const {
    html::Data data;
    data.set("title", Text(request, "accounts.reset_title"));
    data.set("email", std::string(request.Query("email").value_or("")));
    return renderer_.Page(request, "accounts/reset_password", std::move(data));
  }

  http::Response SubmitResetPassword(http::Request& request) const {
    const http::Form& form = request.form();
    const std::string_view email = form.GetOr("email");
    const std::string_view password = form.GetOr("password");
    html::Data data;
    data.set("title", Text(request, "accounts.reset_title"));
    data.set("email", std::string(email));
    if (password != form.GetOr("password_again")) {
      data.set("message", Text(request, MessageKey("passwords_differ")));
      data.set("code", std::string(form.GetOr("code")));
      data.set("password_invalid", html::Data(true));
      http::Response response =
          renderer_.Page(request, "accounts/reset_password", std::move(data), http::Status::bad_request);
      response.cacheable = false;
      return response;
    }
    auto reset = accounts_.ResetPassword(email, form.GetOr("code"), password, request.remote_address());
    if (!reset) {
      // A wrong code is typed again from the admin's note; a refused password keeps the code.
      if (reset.error() != AccountError::invalid_reset_code) data.set("code", std::string(form.GetOr("code")));
      http::Response response = Failure(request, "accounts/reset_password", std::move(data), reset.error());
      if (reset.error() == AccountError::too_many_attempts) {
        const auto wait = accounts_.LoginRetryAfter(email, request.remote_address());
        response.SetHeader("Retry-After", std::to_string(std::max<long long>(1, wait.count())));
      }
      return response;
    }
    return http::Response::Redirect("/login?reset=1");
  }

  http::Response Logout(http::Request& request) const {
    if (const auto token = request.Cookie(kSessionCookie)) accounts_.Logout(*token);
    http::Response response = http::Response::Redirect("/");
    ClearSessionCookie(response, request);
    return response;
  }

 private:
  std::string Text(const http::Request& request, std::string_view key) const {
    return std::string(renderer_.Translate(request.context().locale, key));
  }

  html::Data FormData(const http::Request& request, std::string_view title_key, const std::string& next) const {
    html::Data data;
    data.set("title", std::string(renderer_.Translate(request.context().locale, title_key)));
    data.set("next", next);
    // The links between the two forms keep where the visitor was going.
    const std::string carried = next == "/" ? std::string() : "?next=" + http::PercentEncode(next);
    data.set("login_url", "/login" + carried);
    data.set("register_url", "/register" + carried);
    return data;
  }

  http::Response Failure(const http::Request& request, std::string_view page, html::Data data,
                         AccountError error) const {
    data.set("message", std::string(renderer_.Translate(request.context().locale, MessageKey(ErrorCode(error)))));
    // Marks the field the message is about (aria-invalid), so a screen reader says which one.
    if (const std::string_view field = FieldOf(error); !field.empty()) {
      data.set(std::string(field) + "_invalid", html::Data(true));
    }
    http::Response response = renderer_.Page(request, page, std::move(data), StatusOf(error));
    response.cacheable = false;
    return response;
  }

  // A new session, a new token: the cookie the visitor came with (if any) is ended, so a token
  // planted before sign-in never becomes a signed-in session.
  http::Response SignedInRedirect(const http::Request& request, std::string_view token, const std::string& next) const {
    if (const auto previous = request.Cookie(kSessionCookie); previous && *previous != token) {
      accounts_.Logout(*previous);
    }
    http::Response response = http::Response::Redirect(next);
    SetSessionCookie(response, request, token);
    return response;
  }

  const html::Renderer& renderer_;
  AccountService& accounts_;
};

}  // namespace

void AddAccountPages(http::Router& router, const html::Renderer& renderer, AccountService& accounts) {
  auto pages = std::make_shared<const AccountPages>(renderer, accounts);
  const http::RouteOptions small_body{.body_limit = kAuthBodyLimit};
  // Argon2id runs on the server's password pool, never on an I/O thread (503 busy when it is full).
  const http::RouteOptions password_form{.body_limit = kAuthBodyLimit, .password_work = true};
  router.Get("/login", [pages](http::Request& request) { return pages->ShowLogin(request); });
  router.Post(
      "/login", [pages](http::Request& request) { return pages->SubmitLogin(request); }, password_form);
  router.Get("/register", [pages](http::Request& request) { return pages->ShowRegister(request); });
  router.Post(
      "/register", [pages](http::Request& request) { return pages->SubmitRegister(request); }, password_form);
  router.Get("/reset-password", [pages](http::Request& request) { return pages->ShowResetPassword(request); },
             {.no_store = true});
  router.Post("/reset-password", [pages](http::Request& request) { return pages->SubmitResetPassword(request); },
              {.body_limit = kAuthBodyLimit, .password_work = true, .no_store = true});
  router.Post(
      "/logout", [pages](http::Request& request) { return pages->Logout(request); }, small_body);
}

}  // namespace manmulsang::accounts
