// GET /seller: the shop's dashboard — today's orders and revenue, what to prepare, visits, the
// searches that led buyers here, questions waiting, the balance, and 30 days of sales as an SVG
// chart with a table of the same numbers.

#include <fmt/format.h>

#include "manmulsang/core/grouped_number.hpp"
#include "sales_chart.hpp"
#include "seller_center_http.hpp"

namespace manmulsang::seller_center {
namespace {

// The tab of /seller/orders that lists a status (seller_order_pages.cpp in orders).
std::string_view OrdersTab(orders::OrderStatus status) {
  using enum orders::OrderStatus;
  switch (status) {
    case awaiting_payment:
    case paid:
      return "to_prepare";
    case preparing:
      return "preparing";
    case shipped:
      return "shipped";
    case delivered:
      return "delivered";
    case confirmed:
      return "confirmed";
    case cancelled:
    case return_requested:
    case returned:
      return "cancelled";
  }
  return "to_prepare";
}

class DashboardPage {
 public:
  explicit DashboardPage(const SellerCenterHttp& http) : http_(http) {}

  http::Response Show(http::Request& request) const {
    auto shop = RequestedShop(request);
    if (!shop) return http_.renderer.NotFound(request);
    auto dashboard = http_.services.center.DashboardOf(request.context().actor, *shop);
    if (!dashboard) {
      if (auto redirect = http_.RedirectFor(dashboard.error(), request.target())) return *redirect;
      return http_.renderer.NotFound(request);
    }
    return http_.renderer.Page(request, "seller_center/dashboard", Data(request, *dashboard));
  }

 private:
  html::Data Data(const http::Request& request, const Dashboard& dashboard) const {
    const auto text = [&](std::string_view key) { return http_.Text(request, "seller_center." + std::string(key)); };
    const std::string orders_unit = text("orders_unit");
    html::Data data;
    data.set("title", text("dashboard_title"));
    data.set("shop_id", std::to_string(dashboard.shop.id.value));
    data.set("shop_name", dashboard.shop.name);
    data.set("orders_today", core::FormatCount(dashboard.orders_today));
    data.set("revenue_today", Won(request, dashboard.revenue_today_kpw));
    data.set("orders_in_period", core::FormatCount(dashboard.orders_in_period));
    data.set("revenue_in_period", Won(request, dashboard.revenue_in_period_kpw));
    data.set("views_today", core::FormatCount(dashboard.views_today));
    data.set("views_in_period", core::FormatCount(dashboard.views_in_period));
    data.set("orders_to_prepare", core::FormatCount(dashboard.orders_to_prepare));
    data.set("has_orders_to_prepare", html::Data(dashboard.orders_to_prepare > 0));
    data.set("unanswered_questions", core::FormatCount(dashboard.unanswered_questions));
    data.set("has_unanswered_questions", html::Data(dashboard.unanswered_questions > 0));
    data.set("balance", core::FormatMoney(dashboard.balance, core::LocaleCode(request.context().locale)));
    const std::string period = text("period_prefix") + std::to_string(dashboard.days.size()) + text("period_suffix");
    data.set("period", period);

    // The order tabs' counts, in the lifecycle's order, only those that have any.
    html::List statuses;
    for (const auto& [status, count] : dashboard.order_counts) {
      if (count == 0) continue;
      html::Data row;
      row.set("status", std::string(orders::OrderStatusName(status)));
      row.set("tab", std::string(OrdersTab(status)));
      // The orders module words the statuses, as its own tabs show them.
      row.set("label", http_.Text(request, "orders.status." + std::string(orders::OrderStatusName(status))));
      row.set("count", core::FormatCount(count));
      statuses.push_back(row);
    }
    data.set("order_statuses", statuses);
    data.set("no_orders", html::Data(statuses.empty()));

    html::List terms;
    int rank = 0;
    for (const analytics::SearchTermCount& term : dashboard.search_terms) {
      html::Data row;
      row.set("rank", std::to_string(++rank));
      row.set("query", term.query);
      row.set("search_url", "/search?q=" + http::PercentEncode(term.query));
      row.set("count", core::FormatCount(term.count));
      row.set("count_unit", term.count == 1 ? text("view_unit") : text("views_unit"));
      terms.push_back(row);
    }
    data.set("search_terms", terms);
    data.set("no_search_terms", html::Data(dashboard.search_terms.empty()));

    // The chart and, for those who cannot see it, the same numbers as a table (newest first).
    SalesChartText chart{
        text("chart_title"),
        fmt::format("{}: {} {}{}, {} {}, {} {}", period, text("orders"), core::FormatCount(dashboard.orders_in_period),
                    orders_unit, text("revenue"), Won(request, dashboard.revenue_in_period_kpw), text("views"),
                    core::FormatCount(dashboard.views_in_period)),
        text("revenue"),
        text("orders"),
        orders_unit,
        request.context().locale};
    data.set("chart_svg", SalesChartSvg(dashboard.days, chart));
    html::List rows;
    for (auto day = dashboard.days.rbegin(); day != dashboard.days.rend(); ++day) {
      html::Data row;
      row.set("day", day->day);
      row.set("orders", core::FormatCount(day->orders));
      row.set("revenue", Won(request, day->revenue_kpw));
      row.set("views", core::FormatCount(day->views));
      rows.push_back(row);
    }
    data.set("days", rows);
    return data;
  }

  SellerCenterHttp http_;
};

}  // namespace

void AddDashboardPage(http::Router& router, const SellerCenterHttp& http) {
  auto page = std::make_shared<const DashboardPage>(http);
  router.Get(
      "/seller", [page](http::Request& request) { return page->Show(request); }, kShopOnly);
}

}  // namespace manmulsang::seller_center
