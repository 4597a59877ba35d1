// /admin/members: the search box and the results table, and the forms' targets of the member
// detail page (/admin/members/:id, drawn by the admin console): suspend, unsuspend, role and a
// reset code. No JavaScript; forms carry _csrf; the service checks the admin again. An action
// answers with a redirect to the member's page carrying ?done=<notice> or ?error=<code>
// (ReadMemberActionFlash words them), except the reset code, which is shown once, here.

#include <memory>
#include <string>

#include "account_http.hpp"
#include "manmulsang/accounts/http/account_routes.hpp"
#include "manmulsang/core/local_time.hpp"
#include "manmulsang/html/page_numbers.hpp"
#include "manmulsang/http/form.hpp"
#include "manmulsang/http/request_parameters.hpp"

namespace manmulsang::accounts {
namespace {

constexpr http::RouteOptions kAdminPage{.role = core::Role::admin, .no_store = true};
constexpr http::RouteOptions kAdminForm{.body_limit = 16 * 1024, .role = core::Role::admin, .no_store = true};

class MemberAdminPages {
 public:
  MemberAdminPages(const html::Renderer& renderer, AccountService& accounts)
      : renderer_(renderer), accounts_(accounts) {}

  http::Response Search(http::Request& request) const {
    html::Data data;
    data.set("title", Text(request, "accounts.members_title"));
    MemberQuery query;
    query.text = std::string(request.Query("q").value_or(""));
    const std::string_view role = request.Query("role").value_or("");
    if (!role.empty()) {
      query.role = core::ParseRole(role);
      if (!query.role) data.set("message", Text(request, MessageKey("invalid_role")));
    }
    query.suspended_only = request.Query("suspended").value_or("") == "1";
    if (auto page = http::ParseListPage(request, 20, 100)) {
      query.page = page->page;
      query.per_page = page->per_page;
    } else {
      data.set("message", Text(request, MessageKey("invalid_page")));
    }
    const MemberPage found = accounts_.SearchMembers(query);

    html::List rows;
    for (const User& member : found.items) {
      html::Data row;
      row.set("id", std::to_string(member.id.value));
      row.set("name", member.name);
      row.set("email", member.email);
      row.set("phone", member.phone);
      row.set("role", Text(request, "accounts.role." + std::string(core::RoleName(member.role))));
      row.set("joined", core::LocalDate(member.created_at));
      row.set("suspended", html::Data(member.suspended()));
      rows.push_back(row);
    }
    data.set("members", rows);
    data.set("empty", html::Data(found.items.empty()));
    data.set("total", std::to_string(found.total));
    data.set("q", query.text);
    if (query.role) data.set("role_" + std::string(core::RoleName(*query.role)), html::Data(true));
    data.set("suspended_only", html::Data(query.suspended_only));
    // The pager's links keep the search.
    std::string filter = "q=" + http::PercentEncode(query.text) + "&";
    if (query.role) filter += "role=" + std::string(core::RoleName(*query.role)) + "&";
    if (query.suspended_only) filter += "suspended=1&";
    if (query.per_page != 20) filter += "per_page=" + std::to_string(query.per_page) + "&";
    data.set("filter_query", filter);
    html::SetPageNumbers(data, found.page, found.per_page, found.total);
    return renderer_.Page(request, "accounts/admin_members", std::move(data));
  }

  http::Response Suspend(http::Request& request) const {
    return Act(request, "suspended", [&](core::UserId admin, core::UserId member) {
      return accounts_.Suspend(admin, member, request.form().GetOr("reason"));
    });
  }

  http::Response Unsuspend(http::Request& request) const {
    return Act(request, "unsuspended", [&](core::UserId admin, core::UserId member) {
      return accounts_.Unsuspend(admin, member, request.form().GetOr("reason"));
    });
  }

  http::Response ChangeRole(http::Request& request) const {
    const auto role = core::ParseRole(request.form().GetOr("role"));
    if (!role) {
      const auto id = http::ParsePositiveId(request.PathParam("id"));
      if (!id) return renderer_.NotFound(request);
      return After(request, core::UserId{*id}, "invalid_role");
    }
    return Act(request, "role", [&](core::UserId admin, core::UserId member) {
      return accounts_.ChangeRole(admin, member, *role, request.form().GetOr("reason"));
    });
  }

  http::Response IssueResetCode(http::Request& request) const {
    const auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!id) return renderer_.NotFound(request);
    auto issued = accounts_.IssueResetCode(*request.context().actor.user, core::UserId{*id});
    if (!issued) return After(request, core::UserId{*id}, std::string(ErrorCode(issued.error())));
    html::Data data;
    data.set("title", Text(request, "accounts.reset_code_title"));
    data.set("id", std::to_string(issued->member.id.value));
    data.set("name", issued->member.name);
    data.set("email", issued->member.email);
    data.set("code", issued->code);
    data.set("expires_at", core::LocalDateTime(issued->expires_at));
    return renderer_.Page(request, "accounts/admin_reset_code", std::move(data));
  }

 private:
  std::string Text(const http::Request& request, std::string_view key) const {
    return std::string(renderer_.Translate(request.context().locale, key));
  }

  // Runs one action on the member of the path.
  template <typename Action>
  http::Response Act(http::Request& request, std::string_view done, Action action) const {
    const auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!id) return renderer_.NotFound(request);
    const core::UserId member{*id};
    auto changed = action(*request.context().actor.user, member);
    if (!changed) return After(request, member, std::string(ErrorCode(changed.error())));
    return http::Response::Redirect("/admin/members/" + std::to_string(member.value) + "?done=" + std::string(done));
  }

  http::Response After(const http::Request& request, core::UserId member, const std::string& code) const {
    if (code == "member_not_found") return renderer_.NotFound(request);
    return http::Response::Redirect("/admin/members/" + std::to_string(member.value) + "?error=" + code);
  }

  const html::Renderer& renderer_;
  AccountService& accounts_;
};

}  // namespace

MemberActionFlash ReadMemberActionFlash(const html::Renderer& renderer, const http::Request& request) {
  MemberActionFlash flash;
  const core::Locale locale = request.context().locale;
  const std::string_view done = request.Query("done").value_or("");
  if (done == "suspended" || done == "unsuspended" || done == "role") {
    flash.notice = std::string(renderer.Translate(locale, "accounts.notice." + std::string(done)));
  }
  const std::string_view error = request.Query("error").value_or("");
  // Only codes of this module's catalog: the query string is anyone's to write.
  if (!error.empty() && error.size() <= 40 &&
      error.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") == std::string_view::npos) {
    const std::string key = MessageKey(error);
    const std::string_view text = renderer.Translate(locale, key);
    if (text != key) flash.error = std::string(text);
  }
  return flash;
}

html::Data MemberActionsData(const User& member) {
  html::Data data;
  data.set("member_id", std::to_string(member.id.value));
  data.set("member_suspended", html::Data(member.suspended()));
  data.set("member_role_" + std::string(core::RoleName(member.role)), html::Data(true));
  return data;
}

void AddMemberAdminPages(http::Router& router, const html::Renderer& renderer, AccountService& accounts) {
  auto pages = std::make_shared<const MemberAdminPages>(renderer, accounts);
  router.Get(
      "/admin/members", [pages](http::Request& request) { return pages->Search(request); }, kAdminPage);
  router.Post(
      "/admin/members/:id/suspend", [pages](http::Request& request) { return pages->Suspend(request); }, kAdminForm);
  router.Post(
      "/admin/members/:id/unsuspend", [pages](http::Request& request) { return pages->Unsuspend(request); },
      kAdminForm);
  router.Post(
      "/admin/members/:id/role", [pages](http::Request& request) { return pages->ChangeRole(request); }, kAdminForm);
  router.Post(
      "/admin/members/:id/reset-code", [pages](http::Request& request) { return pages->IssueResetCode(request); },
      kAdminForm);
}

}  // namespace manmulsang::accounts
