// GET /admin: the marketplace's figures (today and 30 days), a 90-day visits chart and a 30-day
// orders and sales chart drawn as SVG on the server, each with a table of the same numbers, the
// queues waiting for the staff, and a menu of every admin section.

#include <fmt/format.h>

#include "admin_console_http.hpp"
#include "manmulsang/core/grouped_number.hpp"
#include "manmulsang/html/bar_chart.hpp"

namespace manmulsang::admin_console {
namespace {

class HomePage {
 public:
  explicit HomePage(const AdminConsoleHttp& http) : http_(http) {}

  http::Response Show(http::Request& request) const {
    auto home = http_.services.console.HomeOf(request.context().actor);
    if (!home) return http_.renderer.NotFound(request);
    return http_.renderer.Page(request, "admin_console/home", Data(request, *home));
  }

 private:
  html::Data Figures(const http::Request& request, const ConsoleDay& day) const {
    html::Data figures;
    figures.set("visits", core::FormatCount(day.visits));
    figures.set("new_members", core::FormatCount(day.new_members));
    figures.set("orders", core::FormatCount(day.orders));
    figures.set("sales", Won(request, day.sales_kpw));
    figures.set("fees", Won(request, day.fees_kpw));
    return figures;
  }

  html::Data Data(const http::Request& request, const Home& home) const {
    const auto text = [&](std::string_view key) { return http_.Text(request, key); };
    const core::Locale locale = request.context().locale;
    html::Data data;
    data.set("title", text("home_title"));
    data.set("today", Figures(request, home.today));
    data.set("period", Figures(request, home.period));
    const std::string period = text("period_prefix") + std::to_string(home.days.size()) + text("period_suffix");
    data.set("period_label", period);
    data.set("visits_total", core::FormatCount(home.visit_stats.visits_total));
    data.set("visits_today", core::FormatCount(home.visit_stats.visits_today));
    data.set("page_views_today", core::FormatCount(home.visit_stats.page_views_today));
    data.set("members", core::FormatCount(home.members));

    html::List queues;
    for (const Queue& queue : home.queues) {
      html::Data row;
      row.set("name", queue.name);
      row.set("label", text("queue." + queue.name));
      row.set("count", core::FormatCount(queue.count));
      row.set("path", queue.path);
      row.set("waiting", html::Data(queue.count > 0));
      queues.push_back(row);
    }
    data.set("queues", queues);

    // Visits over 90 days: bars alone, a table of the same numbers (newest first).
    const std::string visits_unit = text("visits_unit");
    const std::string visit_period = text("period_prefix") + std::to_string(home.visits.size()) + text("period_suffix");
    html::DayChart visits_chart;
    visits_chart.id = "visits-chart";
    visits_chart.title = text("visits_chart_title");
    visits_chart.description =
        fmt::format("{}: {} {}{}", visit_period, text("visits"), core::FormatCount(home.visits_in_chart), visits_unit);
    visits_chart.bars = {text("visits"), "visits", {}, [visits_unit](std::int64_t count) {
                           return core::FormatCount(count) + visits_unit;
                         }};
    html::List visit_rows;
    for (const analytics::DailyVisits& day : home.visits) {
      visits_chart.days.push_back(day.day);
      visits_chart.bars.values.push_back(day.visits);
    }
    for (auto day = home.visits.rbegin(); day != home.visits.rend(); ++day) {
      html::Data row;
      row.set("day", day->day);
      row.set("visits", core::FormatCount(day->visits));
      row.set("page_views", core::FormatCount(day->page_views));
      visit_rows.push_back(row);
    }
    data.set("visit_period", visit_period);
    data.set("visits_in_chart", core::FormatCount(home.visits_in_chart));
    data.set("visits_chart_svg", html::DayChartSvg(visits_chart));
    data.set("visit_days", visit_rows);

    // Orders and sales over 30 days: sales as bars, orders as a line.
    const std::string orders_unit = text("orders_unit");
    html::DayChart sales_chart;
    sales_chart.id = "sales-chart";
    sales_chart.title = text("sales_chart_title");
    sales_chart.description = fmt::format(
        "{}: {} {}{}, {} {}, {} {}", period, text("orders"), core::FormatCount(home.period.orders), orders_unit,
        text("sales"), Won(request, home.period.sales_kpw), text("fees"), Won(request, home.period.fees_kpw));
    sales_chart.bars = {text("sales"), "sales", {}, [locale](std::int64_t amount) {
                          return core::FormatMoney({amount, core::Currency::kpw}, core::LocaleCode(locale));
                        }};
    sales_chart.line = html::ChartSeries{text("orders"), "orders", {}, [orders_unit](std::int64_t count) {
                                           return core::FormatCount(count) + orders_unit;
                                         }};
    for (const ConsoleDay& day : home.days) {
      sales_chart.days.push_back(day.day);
      sales_chart.bars.values.push_back(day.sales_kpw);
      sales_chart.line->values.push_back(day.orders);
    }
    html::List day_rows;
    for (auto day = home.days.rbegin(); day != home.days.rend(); ++day) {
      html::Data row = Figures(request, *day);
      row.set("day", day->day);
      day_rows.push_back(row);
    }
    data.set("sales_chart_svg", html::DayChartSvg(sales_chart));
    data.set("days", day_rows);
    return data;
  }

  AdminConsoleHttp http_;
};

}  // namespace

void AddHomePage(http::Router& router, const AdminConsoleHttp& http) {
  auto page = std::make_shared<const HomePage>(http);
  router.Get(
      "/admin", [page](http::Request& request) { return page->Show(request); }, kAdminOnly);
}

}  // namespace manmulsang::admin_console
