#include "sales_chart.hpp"

#include <fmt/format.h>
#include <algorithm>

#include "manmulsang/core/money.hpp"
#include "manmulsang/html/escape.hpp"

namespace manmulsang::seller_center {
namespace {

// The drawing's own units (the viewBox); CSS scales it to the page's width.
constexpr double kWidth = 720;
constexpr double kHeight = 260;
constexpr double kLeft = 84;   // room for the revenue scale
constexpr double kRight = 44;  // room for the orders scale
constexpr double kTop = 16;
constexpr double kBottom = 40;  // room for the day labels
constexpr int kGridSteps = 4;
constexpr double kBarShare = 0.68;  // of a day's slot; the rest is the gap

std::string Number(double value) { return fmt::format("{:.1f}", value); }

std::string Won(std::int64_t amount, core::Locale locale) {
  return core::FormatMoney({amount, core::Currency::kpw}, core::LocaleCode(locale));
}

std::string Count(std::int64_t count, const SalesChartText& text) {
  return fmt::format("{}{}", count, text.orders_unit);
}

// "2026-11-26" → "11/26": the year is in the table, the axis has little room.
std::string ShortDay(std::string_view day) {
  if (day.size() != 10) return std::string(day);
  return std::string(day.substr(5, 2)) + "/" + std::string(day.substr(8, 2));
}

void AppendText(std::string& svg, std::string_view text) { html::AppendEscapedHtml(svg, text); }

}  // namespace

std::int64_t NiceScaleTop(std::int64_t value, int steps) {
  if (steps < 1) steps = 1;
  if (value <= 0) return steps;
  const std::int64_t per_step = (value + steps - 1) / steps;
  std::int64_t magnitude = 1;
  while (magnitude <= per_step / 10) magnitude *= 10;
  for (std::int64_t multiple : {1, 2, 5, 10}) {
    if (multiple * magnitude >= per_step) return multiple * magnitude * steps;
  }
  return per_step * steps;
}

std::string SalesChartSvg(std::span<const DashboardDay> days, const SalesChartText& text) {
  std::int64_t most_revenue = 0;
  std::int64_t most_orders = 0;
  for (const DashboardDay& day : days) {
    most_revenue = std::max(most_revenue, day.revenue_kpw);
    most_orders = std::max(most_orders, day.orders);
  }
  const std::int64_t revenue_top = NiceScaleTop(most_revenue, kGridSteps);
  const std::int64_t orders_top = NiceScaleTop(most_orders, kGridSteps);
  const double plot_width = kWidth - kLeft - kRight;
  const double plot_height = kHeight - kTop - kBottom;
  const double baseline = kTop + plot_height;
  const double slot = days.empty() ? plot_width : plot_width / static_cast<double>(days.size());
  const auto revenue_y = [&](std::int64_t revenue) {
    return baseline - plot_height * static_cast<double>(revenue) / static_cast<double>(revenue_top);
  };
  const auto orders_y = [&](std::int64_t orders) {
    return baseline - plot_height * static_cast<double>(orders) / static_cast<double>(orders_top);
  };
  const auto centre_x = [&](std::size_t index) { return kLeft + slot * (static_cast<double>(index) + 0.5); };

  std::string svg;
  svg.reserve(8192 + days.size() * 512);
  svg += fmt::format(
      "<svg class=\"sales-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" role=\"img\" "
      "aria-labelledby=\"sales-chart-title sales-chart-desc\" preserveAspectRatio=\"xMidYMid meet\">",
      kWidth, kHeight);
  svg += "<title id=\"sales-chart-title\">";
  AppendText(svg, text.title);
  svg += "</title><desc id=\"sales-chart-desc\">";
  AppendText(svg, text.description);
  svg += "</desc>";

  // Gridlines with both scales: revenue on the left, orders on the right.
  svg += "<g class=\"chart-grid\" aria-hidden=\"true\">";
  for (int step = 0; step <= kGridSteps; ++step) {
    const double y = baseline - plot_height * step / kGridSteps;
    svg += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#d9dde3\" stroke-width=\"1\"/>",
                       Number(kLeft), Number(y), Number(kWidth - kRight), Number(y));
    svg += fmt::format("<text class=\"chart-scale\" x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"11\">",
                       Number(kLeft - 6), Number(y + 4));
    AppendText(svg, Won(revenue_top / kGridSteps * step, text.locale));
    svg += fmt::format("</text><text class=\"chart-scale\" x=\"{}\" y=\"{}\" text-anchor=\"start\" font-size=\"11\">",
                       Number(kWidth - kRight + 6), Number(y + 4));
    AppendText(svg, Count(orders_top / kGridSteps * step, text));
    svg += "</text>";
  }
  svg += "</g>";

  // Revenue: one bar per day, each with its numbers as a tooltip and for screen readers.
  svg += "<g class=\"chart-bars\">";
  for (std::size_t index = 0; index < days.size(); ++index) {
    const DashboardDay& day = days[index];
    const double top = revenue_y(day.revenue_kpw);
    const double width = slot * kBarShare;
    svg += fmt::format(
        "<rect class=\"chart-bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#3b6fd8\" "
        "data-day=\"{}\" data-revenue=\"{}\" data-orders=\"{}\"><title>",
        Number(centre_x(index) - width / 2), Number(top), Number(width), Number(baseline - top), day.day,
        day.revenue_kpw, day.orders);
    AppendText(svg, fmt::format("{} · {} {} · {} {}", day.day, text.orders, Count(day.orders, text), text.revenue,
                                Won(day.revenue_kpw, text.locale)));
    svg += "</title></rect>";
  }
  svg += "</g>";

  // Orders: a line through the days and a dot on each.
  if (!days.empty()) {
    svg += "<polyline class=\"chart-line\" fill=\"none\" stroke=\"#e0602b\" stroke-width=\"2\" points=\"";
    for (std::size_t index = 0; index < days.size(); ++index) {
      if (index > 0) svg += ' ';
      svg += Number(centre_x(index)) + "," + Number(orders_y(days[index].orders));
    }
    svg += "\" aria-hidden=\"true\"/><g class=\"chart-dots\" aria-hidden=\"true\">";
    for (std::size_t index = 0; index < days.size(); ++index) {
      svg += fmt::format("<circle class=\"chart-dot\" cx=\"{}\" cy=\"{}\" r=\"3\" fill=\"#e0602b\"/>",
                         Number(centre_x(index)), Number(orders_y(days[index].orders)));
    }
    svg += "</g>";
  }

  // Day labels: every fifth day counted back from today, so today always has its label.
  svg += "<g class=\"chart-days\" aria-hidden=\"true\">";
  for (std::size_t index = 0; index < days.size(); ++index) {
    if ((days.size() - 1 - index) % 5 != 0) continue;
    svg += fmt::format("<text class=\"chart-day\" x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"11\">",
                       Number(centre_x(index)), Number(baseline + 16));
    AppendText(svg, ShortDay(days[index].day));
    svg += "</text>";
  }
  svg += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#8a929c\" stroke-width=\"1\"/>",
                     Number(kLeft), Number(baseline), Number(kWidth - kRight), Number(baseline));
  svg += "</g>";

  // The legend, so colour is not the only key: a square for bars, a dot on a line for orders.
  const double legend_y = kHeight - 8;
  svg += "<g class=\"chart-legend\" aria-hidden=\"true\">";
  svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"10\" height=\"10\" fill=\"#3b6fd8\"/>", Number(kLeft),
                     Number(legend_y - 9));
  svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\">", Number(kLeft + 14), Number(legend_y));
  AppendText(svg, text.revenue);
  svg += "</text>";
  svg += fmt::format(
      "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#e0602b\" stroke-width=\"2\"/>"
      "<circle cx=\"{}\" cy=\"{}\" r=\"3\" fill=\"#e0602b\"/>",
      Number(kLeft + 90), Number(legend_y - 4), Number(kLeft + 110), Number(legend_y - 4), Number(kLeft + 100),
      Number(legend_y - 4));
  svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\">", Number(kLeft + 116), Number(legend_y));
  AppendText(svg, text.orders);
  svg += "</text></g></svg>";
  return svg;
}

}  // namespace manmulsang::seller_center
