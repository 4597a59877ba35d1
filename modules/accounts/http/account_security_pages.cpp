// /account/security (내 정보 · 보안): the member's contact details, password, signed-in devices
// and API tokens, and closing the account. No JavaScript: each form posts with _csrf; a success
// redirects back with ?done=<notice>, a refusal re-renders the page with the form's message and
// the field marked. The service checks the member again for every object (another member's
// session id is a 404).

#include <memory>
#include <string>

#include "account_http.hpp"
#include "manmulsang/accounts/http/account_routes.hpp"
#include "manmulsang/core/local_time.hpp"
#include "manmulsang/http/form.hpp"
#include "manmulsang/http/request_parameters.hpp"

namespace manmulsang::accounts {
namespace {

constexpr std::string_view kSecurityPath = "/account/security";
constexpr http::RouteOptions kMemberPage{.no_store = true};
constexpr http::RouteOptions kMemberForm{.body_limit = kAuthBodyLimit, .no_store = true};
// The forms that check or hash a password run on the server's password pool (503 busy when full).
constexpr http::RouteOptions kPasswordForm{.body_limit = kAuthBodyLimit, .password_work = true, .no_store = true};

// Which form a refusal belongs to: its message shows above that form.
enum class Section { contact, password, close };

class AccountSecurityPages {
 public:
  AccountSecurityPages(const html::Renderer& renderer, AccountService& accounts)
      : renderer_(renderer), accounts_(accounts) {}

  http::Response Show(http::Request& request) const {
    if (!request.context().actor.signed_in()) return http::SignInRedirect(kSecurityPath);
    html::Data data;
    const std::string_view done = request.Query("done").value_or("");
    if (done == "password" || done == "contact" || done == "revoked" || done == "revoked_others") {
      data.set("notice", Text(request, "accounts.security.notice." + std::string(done)));
    }
    return Render(request, std::move(data), http::Status::ok);
  }

  http::Response ChangePassword(http::Request& request) const {
    if (!request.context().actor.signed_in()) return http::SignInRedirect(kSecurityPath);
    const http::Form& form = request.form();
    const std::string_view password = form.GetOr("password");
    if (password != form.GetOr("password_again")) {
      html::Data data;
      data.set("password_message", Text(request, MessageKey("passwords_differ")));
      data.set("password_again_invalid", html::Data(true));
      return Render(request, std::move(data), http::Status::bad_request);
    }
    auto changed = accounts_.ChangePassword(Member(request), form.GetOr("current_password"), password,
                                            CurrentSessionToken(request), request.remote_address());
    if (!changed) return Refused(request, Section::password, changed.error());
    return Done("password");
  }

  http::Response ChangeContact(http::Request& request) const {
    if (!request.context().actor.signed_in()) return http::SignInRedirect(kSecurityPath);
    const http::Form& form = request.form();
    auto changed = accounts_.ChangeContact(Member(request), form.GetOr("email"), form.GetOr("phone"));
    if (!changed) {
      html::Data data;
      // What the member typed stays in the form, so a typo is fixed rather than typed again.
      data.set("email", std::string(form.GetOr("email")));
      data.set("phone", std::string(form.GetOr("phone")));
      return Refused(request, Section::contact, changed.error(), std::move(data));
    }
    return Done("contact");
  }

  http::Response Revoke(http::Request& request) const {
    if (!request.context().actor.signed_in()) return http::SignInRedirect(kSecurityPath);
    const auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!id) return renderer_.NotFound(request);
    if (!accounts_.RevokeSession(Member(request), *id)) return renderer_.NotFound(request);
    return Done("revoked");
  }

  http::Response RevokeOthers(http::Request& request) const {
    if (!request.context().actor.signed_in()) return http::SignInRedirect(kSecurityPath);
    accounts_.RevokeOtherSessions(Member(request), CurrentSessionToken(request));
    return Done("revoked_others");
  }

  http::Response Close(http::Request& request) const {
    if (!request.context().actor.signed_in()) return http::SignInRedirect(kSecurityPath);
    auto closed =
        accounts_.CloseAccount(Member(request), request.form().GetOr("current_password"), request.remote_address());
    if (!closed) return Refused(request, Section::close, closed.error());
    http::Response response = http::Response::Redirect("/account/closed");
    ClearSessionCookie(response, request);
    return response;
  }

  http::Response Closed(http::Request& request) const {
    html::Data data;
    data.set("title", Text(request, "accounts.security.closed_title"));
    return renderer_.Page(request, "accounts/account_closed", std::move(data));
  }

 private:
  static core::UserId Member(const http::Request& request) { return *request.context().actor.user; }

  std::string Text(const http::Request& request, std::string_view key) const {
    return std::string(renderer_.Translate(request.context().locale, key));
  }

  static http::Response Done(std::string_view notice) {
    return http::Response::Redirect(std::string(kSecurityPath) + "?done=" + std::string(notice));
  }

  http::Response Refused(const http::Request& request, Section section, AccountError error,
                         html::Data data = {}) const {
    if (error == AccountError::member_not_found) return renderer_.NotFound(request);
    const std::string message = Text(request, MessageKey(ErrorCode(error)));
    std::string_view field = FieldOf(error);
    switch (section) {
      case Section::contact:
        data.set("contact_message", message);
        break;
      case Section::password:
        data.set("password_message", message);
        break;
      case Section::close:
        data.set("close_message", message);
        // The close form's one field is the password.
        if (field == "current_password") field = "close_password";
        break;
    }
    if (!field.empty()) data.set(std::string(field) + "_invalid", html::Data(true));
    return Render(request, std::move(data), StatusOf(error));
  }

  // The whole page; data may already hold a form's message or what was typed into it.
  http::Response Render(const http::Request& request, html::Data data, http::Status status) const {
    const core::UserId member = Member(request);
    const auto user = accounts_.FindUser(member);
    if (!user) return renderer_.NotFound(request);
    data.set("title", Text(request, "accounts.security.title"));
    if (!data.get("email")) data.set("email", user->email);
    if (!data.get("phone")) data.set("phone", user->phone);
    if (const std::string_view error = request.Query("error").value_or(""); !error.empty()) {
      // Only codes of this module's catalog: the query string is anyone's to write.
      const std::string key = MessageKey(error);
      if (error.size() <= 40 && error.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") == std::string_view::npos &&
          renderer_.Translate(request.context().locale, key) != key) {
        data.set("error", Text(request, key));
      }
    }
    html::List sessions;
    html::List tokens;
    const std::string unknown = Text(request, "accounts.security.unknown_device");
    for (const SessionInfo& session : accounts_.MemberSessions(member, CurrentSessionToken(request))) {
      html::Data row;
      row.set("id", std::to_string(session.id));
      row.set("device", session.device.empty() ? unknown : session.device);
      row.set("address", session.remote_address);
      row.set("created", core::LocalDateTime(session.created_at));
      row.set("last_seen", core::LocalDateTime(session.last_seen_at));
      row.set("current", html::Data(session.current));
      (session.kind == SessionKind::api ? tokens : sessions).push_back(row);
    }
    data.set("no_sessions", html::Data(sessions.empty()));
    data.set("no_tokens", html::Data(tokens.empty()));
    data.set("sessions", sessions);
    data.set("tokens", tokens);
    http::Response response = renderer_.Page(request, "accounts/account_security", std::move(data), status);
    response.cacheable = false;
    return response;
  }

  const html::Renderer& renderer_;
  AccountService& accounts_;
};

}  // namespace

std::string_view CurrentSessionToken(const http::Request& request) {
  if (const std::string_view bearer = BearerToken(request.Header("Authorization")); !bearer.empty()) return bearer;
  if (const auto cookie = request.Cookie(kSessionCookie)) return *cookie;
  return {};
}

void AddAccountSecurityPages(http::Router& router, const html::Renderer& renderer, AccountService& accounts) {
  auto pages = std::make_shared<const AccountSecurityPages>(renderer, accounts);
  router.Get(
      kSecurityPath, [pages](http::Request& request) { return pages->Show(request); }, kMemberPage);
  router.Post(
      "/account/password", [pages](http::Request& request) { return pages->ChangePassword(request); }, kPasswordForm);
  router.Post(
      "/account/contact", [pages](http::Request& request) { return pages->ChangeContact(request); }, kMemberForm);
  router.Post(
      "/account/sessions/:id/revoke", [pages](http::Request& request) { return pages->Revoke(request); }, kMemberForm);
  router.Post(
      "/account/sessions/revoke-others", [pages](http::Request& request) { return pages->RevokeOthers(request); },
      kMemberForm);
  router.Post(
      "/account/close", [pages](http::Request& request) { return pages->Close(request); }, kPasswordForm);
  router.Get("/account/closed", [pages](http::Request& request) { return pages->Closed(request); });
}

}  // namespace manmulsang::accounts
