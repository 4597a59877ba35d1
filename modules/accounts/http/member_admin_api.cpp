// /api/v1/admin/members: the JSON twin of the members console — search, one member with their
// live sessions, suspend, unsuspend, role and reset code. The router refuses non-admins first;
// the service checks the admin again inside each transaction.

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <memory>
#include <string>

#include "account_http.hpp"
#include "manmulsang/html/api_error.hpp"
#include "manmulsang/http/api_problem.hpp"
#include "manmulsang/http/json_fields.hpp"
#include "manmulsang/http/request_parameters.hpp"

namespace manmulsang::accounts {
namespace {

using boost::json::object;

constexpr http::RouteOptions kAdminRead{.role = core::Role::admin, .no_store = true};
constexpr http::RouteOptions kAdminBody{
    .body_limit = 16 * 1024, .role = core::Role::admin, .json_body = true, .no_store = true};

boost::json::object SessionJson(const SessionInfo& session) {
  return {{"id", session.id},
          {"kind", SessionKindName(session.kind)},
          {"created_at", core::FormatIso8601(session.created_at)},
          {"last_seen_at", core::FormatIso8601(session.last_seen_at)},
          {"expires_at", core::FormatIso8601(session.expires_at)}};
}

class MemberAdminApi {
 public:
  MemberAdminApi(const html::Renderer& renderer, AccountService& accounts) : renderer_(renderer), accounts_(accounts) {}

  http::Response Search(http::Request& request) const {
    MemberQuery query;
    query.text = std::string(request.Query("q").value_or(""));
    if (const std::string_view role = request.Query("role").value_or(""); !role.empty()) {
      query.role = core::ParseRole(role);
      if (!query.role) return Error(request, http::ApiProblem{http::Status::bad_request, "invalid_role", "role"});
    }
    const std::string_view suspended = request.Query("suspended").value_or("");
    query.suspended_only = suspended == "1" || suspended == "true";
    const auto page = http::ParseListPage(request, 20, 100);
    if (!page) return Error(request, http::ApiProblem{http::Status::bad_request, "invalid_page", "page"});
    query.page = page->page;
    query.per_page = page->per_page;
    const MemberPage found = accounts_.SearchMembers(query);
    boost::json::array items;
    for (const User& member : found.items) items.push_back(MemberJson(member));
    return http::Response::Json(object{
        {"items", std::move(items)}, {"total", found.total}, {"page", found.page}, {"per_page", found.per_page}});
  }

  http::Response Show(http::Request& request) const {
    const auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!id) return Error(request, AccountError::member_not_found);
    const auto member = accounts_.FindUser(core::UserId{*id});
    if (!member) return Error(request, AccountError::member_not_found);
    boost::json::array sessions;
    for (const SessionInfo& session : accounts_.ActiveSessions(member->id)) sessions.push_back(SessionJson(session));
    return http::Response::Json(object{{"member", MemberJson(*member)}, {"sessions", std::move(sessions)}});
  }

  http::Response Suspend(http::Request& request) const {
    return Act(request, [&](core::UserId admin, core::UserId member, const object& body) {
      return accounts_.Suspend(admin, member, ReasonOf(body));
    });
  }

  http::Response Unsuspend(http::Request& request) const {
    return Act(request, [&](core::UserId admin, core::UserId member, const object& body) {
      return accounts_.Unsuspend(admin, member, ReasonOf(body));
    });
  }

  http::Response ChangeRole(http::Request& request) const {
    const auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!id) return Error(request, AccountError::member_not_found);
    auto body = Body(request);
    if (!body) return Error(request, body.error());
    auto role_name = http::StringField(*body, "role");
    if (!role_name) return Error(request, role_name.error());
    const auto role = core::ParseRole(*role_name);
    if (!role) return Error(request, http::ApiProblem{http::Status::bad_request, "invalid_role", "role"});
    if (auto reason = http::OptionalStringField(*body, "reason"); !reason) return Error(request, reason.error());
    auto changed = accounts_.ChangeRole(*request.context().actor.user, core::UserId{*id}, *role, ReasonOf(*body));
    if (!changed) return Error(request, changed.error());
    return http::Response::Json(object{{"member", MemberJson(*changed)}});
  }

  http::Response IssueResetCode(http::Request& request) const {
    const auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!id) return Error(request, AccountError::member_not_found);
    auto issued = accounts_.IssueResetCode(*request.context().actor.user, core::UserId{*id});
    if (!issued) return Error(request, issued.error());
    return http::Response::Json(object{{"member", MemberJson(issued->member)},
                                       {"code", issued->code},
                                       {"expires_at", core::FormatIso8601(issued->expires_at)},
                                       {"reset_path", "/reset-password"}},
                                http::Status::created);
  }

 private:
  // An empty body reads as {}: unsuspend and a reset code need no fields.
  static std::expected<object, http::ApiProblem> Body(http::Request& request) {
    if (request.body().empty()) return object{};
    return http::ParseJsonObject(request);
  }

  static std::string_view ReasonOf(const object& body) {
    const boost::json::value* reason = body.if_contains("reason");
    if (!reason || !reason->is_string()) return {};
    return std::string_view(reason->as_string().data(), reason->as_string().size());
  }

  template <typename Action>
  http::Response Act(http::Request& request, Action action) const {
    const auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!id) return Error(request, AccountError::member_not_found);
    auto body = Body(request);
    if (!body) return Error(request, body.error());
    // A reason that is there must be text.
    if (auto reason = http::OptionalStringField(*body, "reason"); !reason) return Error(request, reason.error());
    auto changed = action(*request.context().actor.user, core::UserId{*id}, *body);
    if (!changed) return Error(request, changed.error());
    return http::Response::Json(object{{"member", MemberJson(*changed)}});
  }

  http::Response Error(const http::Request& request, const http::ApiProblem& problem) const {
    return html::ApiError(renderer_, request, problem, MessageKey(problem.code));
  }

  http::Response Error(const http::Request& request, AccountError error) const {
    return Error(request,
                 http::ApiProblem{StatusOf(error), std::string(ErrorCode(error)), std::string(FieldOf(error))});
  }

  const html::Renderer& renderer_;
  AccountService& accounts_;
};

}  // namespace

boost::json::object MemberJson(const User& member) {
  object json = UserJson(member);
  json["phone"] = member.phone;
  json["created_at"] = core::FormatIso8601(member.created_at);
  json["suspended"] = member.suspended();
  if (member.suspended_at) {
    json["suspended_at"] = core::FormatIso8601(*member.suspended_at);
    json["suspension_reason"] = member.suspension_reason;
  } else {
    json["suspended_at"] = nullptr;
    json["suspension_reason"] = nullptr;
  }
  return json;
}

void AddMemberAdminApi(http::Router& router, const html::Renderer& renderer, AccountService& accounts) {
  auto api = std::make_shared<const MemberAdminApi>(renderer, accounts);
  router.Get(
      "/api/v1/admin/members", [api](http::Request& request) { return api->Search(request); }, kAdminRead);
  router.Get(
      "/api/v1/admin/members/:id", [api](http::Request& request) { return api->Show(request); }, kAdminRead);
  router.Post(
      "/api/v1/admin/members/:id/suspend", [api](http::Request& request) { return api->Suspend(request); }, kAdminBody);
  router.Post(
      "/api/v1/admin/members/:id/unsuspend", [api](http::Request& request) { return api->Unsuspend(request); },
      kAdminBody);
  router.Post(
      "/api/v1/admin/members/:id/role", [api](http::Request& request) { return api->ChangeRole(request); }, kAdminBody);
  router.Post(
      "/api/v1/admin/members/:id/reset-code", [api](http::Request& request) { return api->IssueResetCode(request); },
      kAdminBody);
}

}  // namespace manmulsang::accounts
