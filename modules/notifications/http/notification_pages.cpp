// The notification pages, no JavaScript needed: the list with a form per unread notification
// (opening it marks it read and goes to its link), "mark all read", and the kinds the member gets.

#include <algorithm>
#include <charconv>
#include <memory>
#include <vector>

#include "manmulsang/core/grouped_number.hpp"
#include "manmulsang/core/local_time.hpp"
#include "manmulsang/html/page_numbers.hpp"
#include "manmulsang/http/form.hpp"
#include "manmulsang/http/request_parameters.hpp"
#include "notification_http.hpp"

namespace manmulsang::notifications {
namespace {

constexpr http::RouteOptions kPrivatePage{.no_store = true};
constexpr http::RouteOptions kFormBody{.body_limit = 4 * 1024, .no_store = true};
constexpr std::string_view kListPath = "/notifications";
constexpr std::string_view kPreferencesPath = "/account/notifications";

// ?page= as a page number; anything else is the first page (a page link is never an error).
int PageOf(const http::Request& request) {
  const std::string_view text = request.Query("page").value_or("");
  int page = 1;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), page);
  if (error != std::errc{} || end != text.data() + text.size() || page < 1) return 1;
  return page;
}

class NotificationPages {
 public:
  explicit NotificationPages(const NotificationHttp& http) : http_(http) {}

  http::Response List(http::Request& request) const {
    if (!request.context().actor.signed_in()) return http::SignInRedirect(kListPath);
    const NotificationPage page = http_.notifications.List(*request.context().actor.user, PageOf(request), kPerPage);
    html::Data data;
    data.set("title", http_.Text(request, "notifications.title"));
    if (request.Query("done").value_or("") == "read_all") {
      data.set("notice", http_.Text(request, "notifications.notice.read_all"));
    }
    html::List rows;
    for (const Notification& notification : page.items) {
      html::Data row;
      row.set("id", std::to_string(notification.id));
      row.set("text", http_.Sentence(request, notification));
      row.set("link", notification.link);
      row.set("at", core::LocalDateTime(notification.created_at));
      row.set("unread", html::Data(!notification.read_at.has_value()));
      rows.push_back(row);
    }
    data.set("notifications", rows);
    data.set("empty", html::Data(page.items.empty()));
    data.set("unread", core::FormatCount(page.unread));
    data.set("has_unread", html::Data(page.unread > 0));
    html::SetPageNumbers(data, page.page, page.per_page, page.total);
    return http_.renderer.Page(request, "notifications/notifications", std::move(data));
  }

  http::Response Read(http::Request& request) const {
    if (!request.context().actor.signed_in()) return http::SignInRedirect(kListPath);
    const auto id = http::ParsePositiveId(request.PathParam("id"));
    auto read = id ? http_.notifications.MarkRead(*request.context().actor.user, *id)
                   : std::expected<Notification, NotificationError>(std::unexpected(NotificationError::not_found));
    if (!read) {
      return http_.renderer.ErrorPage(request, http::Status::not_found,
                                      http_.Text(request, "notifications.error.not_found"));
    }
    return http::Response::Redirect(read->link);
  }

  http::Response ReadAll(http::Request& request) const {
    if (!request.context().actor.signed_in()) return http::SignInRedirect(kListPath);
    http_.notifications.MarkAllRead(*request.context().actor.user);
    return http::Response::Redirect(std::string(kListPath) + "?done=read_all");
  }

  http::Response Preferences(http::Request& request) const {
    if (!request.context().actor.signed_in()) return http::SignInRedirect(kPreferencesPath);
    return RenderPreferences(request, request.Query("done").value_or("") == "saved");
  }

  // One form with a checkbox per kind: a kind whose box is not sent is turned off.
  http::Response SavePreferences(http::Request& request) const {
    if (!request.context().actor.signed_in()) return http::SignInRedirect(kPreferencesPath);
    const std::vector<std::string_view> checked = request.form().GetAll("kind");
    std::vector<Preference> preferences;
    for (Kind kind : AllKinds()) {
      const bool enabled = std::find(checked.begin(), checked.end(), KindName(kind)) != checked.end();
      preferences.push_back(Preference{kind, enabled});
    }
    http_.notifications.SetPreferences(*request.context().actor.user, preferences);
    return http::Response::Redirect(std::string(kPreferencesPath) + "?done=saved");
  }

 private:
  http::Response RenderPreferences(const http::Request& request, bool saved) const {
    html::Data data;
    data.set("title", http_.Text(request, "notifications.preferences_title"));
    if (saved) data.set("notice", http_.Text(request, "notifications.notice.saved"));
    html::List kinds;
    for (const Preference& preference : http_.notifications.Preferences(*request.context().actor.user)) {
      html::Data row;
      row.set("kind", std::string(KindName(preference.kind)));
      row.set("label", http_.KindLabel(request, preference.kind));
      row.set("enabled", html::Data(preference.enabled));
      kinds.push_back(row);
    }
    data.set("kinds", kinds);
    return http_.renderer.Page(request, "notifications/preferences", std::move(data));
  }

  const NotificationHttp http_;
};

}  // namespace

void AddNotificationPages(http::Router& router, const NotificationHttp& http) {
  auto pages = std::make_shared<const NotificationPages>(http);
  router.Get(
      kListPath, [pages](http::Request& request) { return pages->List(request); }, kPrivatePage);
  router.Post(
      "/notifications/read-all", [pages](http::Request& request) { return pages->ReadAll(request); }, kFormBody);
  router.Post(
      "/notifications/:id/read", [pages](http::Request& request) { return pages->Read(request); }, kFormBody);
  router.Get(
      kPreferencesPath, [pages](http::Request& request) { return pages->Preferences(request); }, kPrivatePage);
  router.Post(
      kPreferencesPath, [pages](http::Request& request) { return pages->SavePreferences(request); }, kFormBody);
}

}  // namespace manmulsang::notifications
