#include "sales_chart.hpp"

#include "manmulsang/core/money.hpp"
#include "manmulsang/html/bar_chart.hpp"

namespace manmulsang::seller_center {

std::string SalesChartSvg(std::span<const DashboardDay> days, const SalesChartText& text) {
  html::DayChart chart;
  chart.id = "sales-chart";
  chart.title = text.title;
  chart.description = text.description;
  chart.bars = {text.revenue, "revenue", {}, [locale = text.locale](std::int64_t amount) {
                  return core::FormatMoney({amount, core::Currency::kpw}, core::LocaleCode(locale));
                }};
  chart.line = html::ChartSeries{text.orders, "orders", {}, [unit = text.orders_unit](std::int64_t count) {
                                   return std::to_string(count) + unit;
                                 }};
  for (const DashboardDay& day : days) {
    chart.days.push_back(day.day);
    chart.bars.values.push_back(day.revenue_kpw);
    chart.line->values.push_back(day.orders);
  }
  return html::DayChartSvg(chart);
}

}  // namespace manmulsang::seller_center
