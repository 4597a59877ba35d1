#pragma once

#include <boost/json/object.hpp>
#include <string>
#include <string_view>

#include "manmulsang/html/renderer.hpp"
#include "manmulsang/http/api_problem.hpp"
#include "manmulsang/http/request.hpp"
#include "manmulsang/http/response.hpp"
#include "manmulsang/http/router.hpp"
#include "manmulsang/notifications/notifications.hpp"

namespace manmulsang::notifications {

// What the pages and the API share: the service, the renderer and the words of a notification.
struct NotificationHttp {
  const html::Renderer& renderer;
  NotificationService& notifications;

  std::string Text(const http::Request& request, std::string_view key) const {
    return std::string(renderer.Translate(request.context().locale, key));
  }
  // The notification's sentence in the reader's language: the catalog's text for its kind with
  // "{subject}" replaced (the template escapes the whole sentence).
  std::string Sentence(const http::Request& request, const Notification& notification) const;
  // "주문 알림" etc.: the kind's name on the preferences page.
  std::string KindLabel(const http::Request& request, Kind kind) const;
  http::Response Error(const http::Request& request, const http::ApiProblem& problem) const;
};

inline constexpr int kPerPage = 20;

void AddNotificationPages(http::Router& router, const NotificationHttp& http);
void AddNotificationApi(http::Router& router, const NotificationHttp& http);

}  // namespace manmulsang::notifications
