// /admin/messages/reports: the conversations a party reported, oldest report first; an admin
// opens one read-only (each look is audited by the service) and dismisses the reports, after
// which the conversation is private to its parties again. No JavaScript; forms carry _csrf.

#include "manmulsang/core/local_time.hpp"
#include "manmulsang/html/page_numbers.hpp"
#include "manmulsang/http/form.hpp"
#include "messages_http.hpp"

namespace manmulsang::messages {
namespace {

constexpr http::RouteOptions kAdminPage{.role = core::Role::admin, .no_store = true};
constexpr http::RouteOptions kAdminForm{.body_limit = 16 * 1024, .role = core::Role::admin, .no_store = true};

class AdminPages {
 public:
  explicit AdminPages(const MessagesHttp& http) : http_(http) {}

  http::Response Queue(http::Request& request) const {
    auto page = http::ParseListPage(request).value_or(http::ListPage{});
    auto queue = http_.services.messages.ReportQueue(request.context().actor, page.page, page.per_page);
    if (!queue) return Refused(request, queue.error());
    html::Data data;
    data.set("title", http_.Text(request, "messages.reports_title"));
    if (request.Query("dismissed")) data.set("notice", http_.Text(request, "messages.dismissed"));
    html::List items;
    for (const ReportedConversation& item : queue->items) {
      html::Data row;
      row.set("id", std::to_string(item.conversation.id.value));
      row.set("subject", item.conversation.subject);
      row.set("shop_name", item.conversation.shop_name);
      row.set("buyer_name", item.conversation.buyer_name);
      row.set("reports", std::to_string(item.open_reports));
      row.set("reason", item.first_reason);
      row.set("date", core::LocalDateTime(item.reported_at));
      items.push_back(row);
    }
    data.set("conversations", items);
    data.set("empty", html::Data(queue->items.empty()));
    html::SetPageNumbers(data, queue->page, queue->per_page, queue->total);
    return http_.renderer.Page(request, "messages/admin_reports", std::move(data));
  }

  http::Response Show(http::Request& request) const {
    auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!id) return http_.renderer.NotFound(request);
    auto thread = http_.services.messages.ReportedThread(request.context().actor, ConversationId{*id});
    if (!thread && thread.error() == MessageError::no_open_report) {
      // Private to its parties: the page says so and shows nothing of it.
      html::Data data;
      data.set("title", http_.Text(request, "messages.reports_title"));
      data.set("not_reported", html::Data(true));
      data.set("empty", html::Data(true));
      data.set("notice", http_.Text(request, "messages.error.no_open_report"));
      return http_.renderer.Page(request, "messages/admin_reports", std::move(data));
    }
    if (!thread) return Refused(request, thread.error());
    html::Data data = MessageThreadData(http_, request, *thread);
    html::List reports;
    for (const Thread::Report& report : thread->open_reports) {
      html::Data row;
      row.set("by", http_.Text(request, report.by_shop ? "messages.by_shop" : "messages.by_buyer"));
      row.set("reason", report.reason);
      row.set("date", core::LocalDateTime(report.created_at));
      reports.push_back(row);
    }
    data.set("open_reports", reports);
    return http_.renderer.Page(request, "messages/thread", std::move(data));
  }

  http::Response Dismiss(http::Request& request) const {
    auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!id) return http_.renderer.NotFound(request);
    auto dismissed = http_.services.messages.DismissReports(request.context().actor, ConversationId{*id},
                                                            request.form().GetOr("reason"));
    if (!dismissed) return Refused(request, dismissed.error());
    return http::Response::Redirect("/admin/messages/reports?dismissed=1");
  }

 private:
  http::Response Refused(const http::Request& request, MessageError error) const {
    const http::ApiProblem problem = ProblemOf(error);
    if (problem.status == http::Status::not_found) return http_.renderer.NotFound(request);
    return http_.renderer.ErrorPage(request, problem.status, http_.Text(request, "messages.error." + problem.code));
  }

  MessagesHttp http_;
};

}  // namespace

void AddMessageAdminPages(http::Router& router, const MessagesHttp& http) {
  auto pages = std::make_shared<const AdminPages>(http);
  router.Get(
      "/admin/messages/reports", [pages](http::Request& request) { return pages->Queue(request); }, kAdminPage);
  router.Get(
      "/admin/messages/reports/:id", [pages](http::Request& request) { return pages->Show(request); }, kAdminPage);
  router.Post(
      "/admin/messages/reports/:id/dismiss", [pages](http::Request& request) { return pages->Dismiss(request); },
      kAdminForm);
}

}  // namespace manmulsang::messages
