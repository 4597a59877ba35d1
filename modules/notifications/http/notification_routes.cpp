// The notification centre's routes: the pages (notification_pages.cpp) and their JSON twins
// (notification_api.cpp) share the words of a notification, rendered here at display time.

#include "manmulsang/notifications/http/notification_routes.hpp"

#include "embedded/notifications_i18n.hpp"
#include "embedded/notifications_templates.hpp"
#include "manmulsang/html/api_error.hpp"
#include "notification_http.hpp"

namespace manmulsang::notifications {

std::string NotificationHttp::Sentence(const http::Request& request, const Notification& notification) const {
  std::string sentence = Text(request, "notifications.kind." + std::string(KindName(notification.kind)));
  constexpr std::string_view kPlaceholder = "{subject}";
  if (const auto at = sentence.find(kPlaceholder); at != std::string::npos) {
    sentence.replace(at, kPlaceholder.size(), notification.subject);
  }
  return sentence;
}

std::string NotificationHttp::KindLabel(const http::Request& request, Kind kind) const {
  return Text(request, "notifications.label." + std::string(KindName(kind)));
}

http::Response NotificationHttp::Error(const http::Request& request, const http::ApiProblem& problem) const {
  return html::ApiError(renderer, request, problem, "notifications.error." + problem.code);
}

void AddNotificationRoutes(http::Router& router, html::Renderer& renderer, NotificationService& notifications) {
  renderer.AddMessages(embedded::notifications_i18n());
  renderer.AddTemplates("notifications", embedded::notifications_templates());
  const NotificationHttp http{renderer, notifications};
  AddNotificationPages(router, http);
  AddNotificationApi(router, http);
}

}  // namespace manmulsang::notifications
