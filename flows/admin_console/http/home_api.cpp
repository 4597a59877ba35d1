// GET /api/v1/admin/dashboard: the admin home's numbers for scripts and apps. See
// admin_console_routes.hpp for the answer's shape.

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "admin_console_http.hpp"

namespace manmulsang::admin_console {
namespace {

boost::json::object Won(std::int64_t amount) {
  return {{"amount", amount}, {"currency", core::CurrencyCode(core::Currency::kpw)}};
}

boost::json::object DayJson(const ConsoleDay& day) {
  return {{"day", day.day},       {"visits", day.visits},        {"new_members", day.new_members},
          {"orders", day.orders}, {"sales", Won(day.sales_kpw)}, {"fees", Won(day.fees_kpw)}};
}

boost::json::object HomeJson(const Home& home) {
  boost::json::array days;
  for (const ConsoleDay& day : home.days) days.push_back(DayJson(day));
  boost::json::array visits;
  for (const analytics::DailyVisits& day : home.visits) {
    visits.push_back(boost::json::object{{"day", day.day}, {"visits", day.visits}, {"page_views", day.page_views}});
  }
  boost::json::array queues;
  for (const Queue& queue : home.queues) {
    queues.push_back(boost::json::object{{"name", queue.name}, {"count", queue.count}, {"path", queue.path}});
  }
  boost::json::object period = DayJson(home.period);
  period.erase("day");
  period["first_day"] = home.period.day;
  period["days"] = static_cast<std::int64_t>(home.days.size());
  return {{"today", DayJson(home.today)},
          {"period", std::move(period)},
          {"days", std::move(days)},
          {"visits", std::move(visits)},
          {"totals", boost::json::object{{"visits", home.visit_stats.visits_total},
                                         {"visits_today", home.visit_stats.visits_today},
                                         {"page_views_today", home.visit_stats.page_views_today},
                                         {"members", home.members}}},
          {"queues", std::move(queues)}};
}

http::Response Show(const AdminConsoleHttp& http, http::Request& request) {
  auto home = http.services.console.HomeOf(request.context().actor);
  if (!home) return http.Error(request, home.error());
  return http::Response::Json(HomeJson(*home));
}

}  // namespace

void AddHomeApi(http::Router& router, const AdminConsoleHttp& http) {
  router.Get(
      "/api/v1/admin/dashboard", [http](http::Request& request) { return Show(http, request); }, kAdminOnly);
}

}  // namespace manmulsang::admin_console
