// The notification centre's JSON twins (documented in docs/openapi.yaml).

#include <boost/json/array.hpp>
#include <charconv>
#include <vector>

#include "manmulsang/http/request_parameters.hpp"
#include "notification_http.hpp"

namespace manmulsang::notifications {
namespace {

using http::Status;

constexpr http::RouteOptions kPrivate{.json_body = true, .no_store = true};
constexpr http::RouteOptions kSmallBody{.body_limit = 16 * 1024, .json_body = true, .no_store = true};

// ?page= and ?per_page= when present must be whole numbers in range; absent, the defaults.
std::expected<int, http::ApiProblem> Paging(const http::Request& request, std::string_view name, int fallback,
                                            int most) {
  const auto text = request.Query(name);
  if (!text) return fallback;
  int value = 0;
  const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (error != std::errc{} || end != text->data() + text->size() || value < 1 || value > most) {
    return std::unexpected(http::ApiProblem{Status::bad_request, "invalid_paging", std::string(name)});
  }
  return value;
}

class NotificationApi {
 public:
  explicit NotificationApi(const NotificationHttp& http) : http_(http) {}

  http::Response List(http::Request& request) const {
    if (auto refused = Refuse(request)) return *refused;
    const auto page = Paging(request, "page", 1, 1'000'000);
    if (!page) return http_.Error(request, page.error());
    const auto per_page = Paging(request, "per_page", kPerPage, 100);
    if (!per_page) return http_.Error(request, per_page.error());
    const NotificationPage listed = http_.notifications.List(*request.context().actor.user, *page, *per_page);
    boost::json::array items;
    for (const Notification& notification : listed.items) items.push_back(Json(request, notification));
    return http::Response::Json(boost::json::object{{"items", std::move(items)},
                                                    {"total", listed.total},
                                                    {"unread", listed.unread},
                                                    {"page", listed.page},
                                                    {"per_page", listed.per_page}});
  }

  http::Response Read(http::Request& request) const {
    if (auto refused = Refuse(request)) return *refused;
    const auto id = http::ParsePositiveId(request.PathParam("id"));
    auto read = id ? http_.notifications.MarkRead(*request.context().actor.user, *id)
                   : std::expected<Notification, NotificationError>(std::unexpected(NotificationError::not_found));
    if (!read) return http_.Error(request, http::ApiProblem{Status::not_found, "not_found", ""});
    return http::Response::Json(Json(request, *read));
  }

  http::Response ReadAll(http::Request& request) const {
    if (auto refused = Refuse(request)) return *refused;
    const std::int64_t marked = http_.notifications.MarkAllRead(*request.context().actor.user);
    return http::Response::Json(boost::json::object{{"marked", marked}, {"unread", 0}});
  }

  http::Response Preferences(http::Request& request) const {
    if (auto refused = Refuse(request)) return *refused;
    return PreferencesJson(request);
  }

  // {"preferences": {"order_shipped": false, ...}}: the kinds named are set, the others kept.
  // Every name is checked before anything is written.
  http::Response SetPreferences(http::Request& request) const {
    if (auto refused = Refuse(request)) return *refused;
    auto body = http::ParseJsonObject(request);
    if (!body) return http_.Error(request, body.error());
    const boost::json::value* given = body->if_contains("preferences");
    if (!given || !given->is_object()) {
      return http_.Error(request, http::ApiProblem{Status::bad_request, "invalid_preference", "preferences"});
    }
    std::vector<Preference> preferences;
    for (const auto& [name, enabled] : given->as_object()) {
      const std::optional<Kind> kind = ParseKind(name);
      if (!kind || !enabled.is_bool()) {
        return http_.Error(
            request, http::ApiProblem{Status::bad_request, "invalid_preference", "preferences." + std::string(name)});
      }
      preferences.push_back(Preference{*kind, enabled.as_bool()});
    }
    http_.notifications.SetPreferences(*request.context().actor.user, preferences);
    return PreferencesJson(request);
  }

 private:
  std::optional<http::Response> Refuse(const http::Request& request) const {
    if (request.context().actor.signed_in()) return std::nullopt;
    return http_.Error(request, http::ApiProblem{Status::unauthorized, "unauthenticated", ""});
  }

  boost::json::object Json(const http::Request& request, const Notification& notification) const {
    return {{"id", notification.id},
            {"kind", KindName(notification.kind)},
            {"subject", notification.subject},
            {"text", http_.Sentence(request, notification)},
            {"link", notification.link},
            {"created_at", core::FormatIso8601(notification.created_at)},
            {"read", notification.read_at.has_value()}};
  }

  http::Response PreferencesJson(const http::Request& request) const {
    boost::json::object preferences;
    for (const Preference& preference : http_.notifications.Preferences(*request.context().actor.user)) {
      preferences[KindName(preference.kind)] = preference.enabled;
    }
    return http::Response::Json(boost::json::object{{"preferences", std::move(preferences)}});
  }

  const NotificationHttp http_;
};

}  // namespace

void AddNotificationApi(http::Router& router, const NotificationHttp& http) {
  auto api = std::make_shared<const NotificationApi>(http);
  router.Get(
      "/api/v1/notifications", [api](http::Request& request) { return api->List(request); }, kPrivate);
  router.Post(
      "/api/v1/notifications/read-all", [api](http::Request& request) { return api->ReadAll(request); }, kSmallBody);
  router.Post(
      "/api/v1/notifications/:id/read", [api](http::Request& request) { return api->Read(request); }, kSmallBody);
  router.Get(
      "/api/v1/notifications/preferences", [api](http::Request& request) { return api->Preferences(request); },
      kPrivate);
  router.Add(
      http::Method::put, "/api/v1/notifications/preferences",
      [api](http::Request& request) { return api->SetPreferences(request); }, kSmallBody);
}

}  // namespace manmulsang::notifications
