// The audit log over HTTP: the admin's page and its JSON twin read the same filter
// (audit_query.hpp) and the same entries; admins' names come from accounts in one batched read.

#include "manmulsang/audit/http/audit_routes.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "audit_query.hpp"
#include "embedded/audit_i18n.hpp"
#include "embedded/audit_templates.hpp"
#include "manmulsang/core/grouped_number.hpp"
#include "manmulsang/core/local_time.hpp"
#include "manmulsang/html/api_error.hpp"
#include "manmulsang/html/page_numbers.hpp"
#include "manmulsang/http/api_problem.hpp"
#include "manmulsang/http/form.hpp"

namespace manmulsang::audit {
namespace {

constexpr http::RouteOptions kAdminPage{.role = core::Role::admin, .no_store = true};

class AuditRoutes {
 public:
  AuditRoutes(const html::Renderer& renderer, AuditLog& log, accounts::AccountService& accounts)
      : renderer_(renderer), log_(log), accounts_(accounts) {}

  http::Response Page(http::Request& request) const {
    auto filter = ParseAuditFilter(request);
    html::Data data;
    data.set("title", std::string(renderer_.Translate(request.context().locale, "audit.title")));
    if (!filter) {
      data.set("message", Text(request, "audit.error.invalid_filter"));
      filter = AuditFilter{};
    }
    const AuditPage page = log_.Search(*filter);
    const auto names = AdminNames(page);
    html::List rows;
    for (const AuditRecord& record : page.items) {
      html::Data row;
      row.set("at", core::LocalDateTime(record.created_at));
      row.set("admin_id", std::to_string(record.entry.admin.value));
      row.set("admin_name", NameOf(names, record.entry.admin));
      row.set("action", record.entry.action);
      row.set("subject_kind", record.entry.subject_kind);
      row.set("subject_id", record.entry.subject_id);
      const std::string path = SubjectPath(record.entry.subject_kind, record.entry.subject_id);
      row.set("subject_path", path.empty() ? html::Data(false) : html::Data(path));
      row.set("before", record.entry.before);
      row.set("after", record.entry.after);
      row.set("reason", record.entry.reason);
      rows.push_back(row);
    }
    data.set("entries", rows);
    data.set("empty", html::Data(page.items.empty()));
    data.set("total", core::FormatCount(page.total));
    data.set("filter_admin", filter->admin ? std::to_string(filter->admin->value) : std::string{});
    data.set("filter_action", filter->action_prefix);
    data.set("filter_subject_kind", filter->subject_kind);
    data.set("filter_subject_id", filter->subject_id);
    data.set("filter_text", filter->text);
    data.set("filter_query", FilterQuery(*filter));
    html::SetPageNumbers(data, page.page, page.per_page, page.total);
    return renderer_.Page(request, "audit/audit", std::move(data));
  }

  http::Response Api(http::Request& request) const {
    auto filter = ParseAuditFilter(request);
    if (!filter) return html::ApiError(renderer_, request, filter.error(), "audit.error." + filter.error().code);
    const AuditPage page = log_.Search(*filter);
    const auto names = AdminNames(page);
    boost::json::array items;
    for (const AuditRecord& record : page.items) {
      items.push_back(boost::json::object{
          {"id", record.id},
          {"at", core::FormatIso8601(record.created_at)},
          {"admin", boost::json::object{{"id", record.entry.admin.value}, {"name", NameOf(names, record.entry.admin)}}},
          {"action", record.entry.action},
          {"subject", boost::json::object{{"kind", record.entry.subject_kind}, {"id", record.entry.subject_id}}},
          {"before", record.entry.before},
          {"after", record.entry.after},
          {"reason", record.entry.reason}});
    }
    return http::Response::Json(boost::json::object{
        {"items", std::move(items)}, {"total", page.total}, {"page", page.page}, {"per_page", page.per_page}});
  }

 private:
  std::string Text(const http::Request& request, std::string_view key) const {
    return std::string(renderer_.Translate(request.context().locale, key));
  }

  std::map<std::int64_t, std::string> AdminNames(const AuditPage& page) const {
    std::vector<core::UserId> ids;
    for (const AuditRecord& record : page.items) ids.push_back(record.entry.admin);
    std::map<std::int64_t, std::string> names;
    for (const accounts::User& user : accounts_.FindUsers(ids)) names[user.id.value] = user.name;
    return names;
  }

  static std::string NameOf(const std::map<std::int64_t, std::string>& names, core::UserId admin) {
    auto found = names.find(admin.value);
    return found == names.end() ? "#" + std::to_string(admin.value) : found->second;
  }

  // The filter as query parameters, for the pager's links (page is added by the template).
  static std::string FilterQuery(const AuditFilter& filter) {
    std::string query;
    auto add = [&](std::string_view name, std::string_view value) {
      if (value.empty()) return;
      query += std::string(name) + "=" + http::PercentEncode(value) + "&";
    };
    add("admin", filter.admin ? std::to_string(filter.admin->value) : std::string{});
    add("action", filter.action_prefix);
    add("subject_kind", filter.subject_kind);
    add("subject_id", filter.subject_id);
    add("q", filter.text);
    return query;
  }

  const html::Renderer& renderer_;
  AuditLog& log_;
  accounts::AccountService& accounts_;
};

}  // namespace

void AddAuditRoutes(http::Router& router, html::Renderer& renderer, AuditLog& log, accounts::AccountService& accounts) {
  renderer.AddMessages(embedded::audit_i18n());
  renderer.AddTemplates("audit", embedded::audit_templates());
  auto routes = std::make_shared<const AuditRoutes>(renderer, log, accounts);
  router.Get(
      "/admin/audit", [routes](http::Request& request) { return routes->Page(request); }, kAdminPage);
  router.Get(
      "/api/v1/admin/audit", [routes](http::Request& request) { return routes->Api(request); }, kAdminPage);
}

}  // namespace manmulsang::audit
