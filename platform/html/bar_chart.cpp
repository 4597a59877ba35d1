#include <fmt/format.h>

#include <algorithm>

#include "manmulsang/html/bar_chart.hpp"
#include "manmulsang/html/escape.hpp"

namespace manmulsang::html {
namespace {

// The drawing's own units (the viewBox); CSS scales it to the page's width.
constexpr double kWidth = 720;
constexpr double kHeight = 260;
constexpr double kLeft = 84;   // room for the bars' scale
constexpr double kRight = 44;  // room for the line's scale
constexpr double kTop = 16;
constexpr double kBottom = 40;  // room for the day labels
constexpr int kGridSteps = 4;
constexpr double kBarShare = 0.68;  // of a day's slot; the rest is the gap
constexpr std::string_view kBarColour = "#3b6fd8";
constexpr std::string_view kLineColour = "#e0602b";

std::string Number(double value) { return fmt::format("{:.1f}", value); }

// "2026-11-26" → "11/26": the year is in the table, the axis has little room.
std::string ShortDay(std::string_view day) {
  if (day.size() != 10) return std::string(day);
  return std::string(day.substr(5, 2)) + "/" + std::string(day.substr(8, 2));
}

std::string Label(const ChartSeries& series, std::int64_t value) {
  return series.label ? series.label(value) : std::to_string(value);
}

std::int64_t ValueAt(const ChartSeries& series, std::size_t index) {
  return index < series.values.size() ? series.values[index] : 0;
}

std::int64_t Most(const ChartSeries& series) {
  std::int64_t most = 0;
  for (std::int64_t value : series.values) most = std::max(most, value);
  return most;
}

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

std::string DayChartSvg(const DayChart& chart) {
  const std::vector<std::string>& days = chart.days;
  const ChartSeries& bars = chart.bars;
  const ChartSeries* line = chart.line ? &*chart.line : nullptr;
  const std::int64_t bars_top = NiceScaleTop(Most(bars), kGridSteps);
  const std::int64_t line_top = line ? NiceScaleTop(Most(*line), kGridSteps) : kGridSteps;
  const double plot_width = kWidth - kLeft - kRight;
  const double plot_height = kHeight - kTop - kBottom;
  const double baseline = kTop + plot_height;
  const double slot = days.empty() ? plot_width : plot_width / static_cast<double>(days.size());
  const auto bars_y = [&](std::int64_t value) {
    return baseline - plot_height * static_cast<double>(value) / static_cast<double>(bars_top);
  };
  const auto line_y = [&](std::int64_t value) {
    return baseline - plot_height * static_cast<double>(value) / static_cast<double>(line_top);
  };
  const auto centre_x = [&](std::size_t index) { return kLeft + slot * (static_cast<double>(index) + 0.5); };

  std::string svg;
  svg.reserve(8192 + days.size() * 512);
  svg += fmt::format(
      "<svg class=\"{0}\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {1} {2}\" role=\"img\" "
      "aria-labelledby=\"{0}-title {0}-desc\" preserveAspectRatio=\"xMidYMid meet\">",
      EscapeHtml(chart.id), kWidth, kHeight);
  svg += fmt::format("<title id=\"{}-title\">", EscapeHtml(chart.id));
  AppendEscapedHtml(svg, chart.title);
  svg += fmt::format("</title><desc id=\"{}-desc\">", EscapeHtml(chart.id));
  AppendEscapedHtml(svg, chart.description);
  svg += "</desc>";

  // Gridlines with both scales: the bars' on the left, the line's on the right.
  svg += "<g class=\"chart-grid\" aria-hidden=\"true\">";
  for (int step = 0; step <= kGridSteps; ++step) {
    const double y = baseline - plot_height * step / kGridSteps;
    svg += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#d9dde3\" stroke-width=\"1\"/>",
                       Number(kLeft), Number(y), Number(kWidth - kRight), Number(y));
    svg += fmt::format("<text class=\"chart-scale\" x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"11\">",
                       Number(kLeft - 6), Number(y + 4));
    AppendEscapedHtml(svg, Label(bars, bars_top / kGridSteps * step));
    svg += "</text>";
    if (line) {
      svg += fmt::format("<text class=\"chart-scale\" x=\"{}\" y=\"{}\" text-anchor=\"start\" font-size=\"11\">",
                         Number(kWidth - kRight + 6), Number(y + 4));
      AppendEscapedHtml(svg, Label(*line, line_top / kGridSteps * step));
      svg += "</text>";
    }
  }
  svg += "</g>";

  // One bar per day, each with its numbers as a tooltip and for screen readers.
  svg += "<g class=\"chart-bars\">";
  for (std::size_t index = 0; index < days.size(); ++index) {
    const std::int64_t value = ValueAt(bars, index);
    const double top = bars_y(value);
    const double width = slot * kBarShare;
    svg += fmt::format(
        "<rect class=\"chart-bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" data-day=\"{}\" "
        "data-{}=\"{}\"",
        Number(centre_x(index) - width / 2), Number(top), Number(width), Number(baseline - top), kBarColour,
        EscapeHtml(days[index]), EscapeHtml(bars.key), value);
    if (line) svg += fmt::format(" data-{}=\"{}\"", EscapeHtml(line->key), ValueAt(*line, index));
    svg += "><title>";
    std::string tooltip = days[index];
    if (line) tooltip += fmt::format(" · {} {}", line->name, Label(*line, ValueAt(*line, index)));
    tooltip += fmt::format(" · {} {}", bars.name, Label(bars, value));
    AppendEscapedHtml(svg, tooltip);
    svg += "</title></rect>";
  }
  svg += "</g>";

  // The line through the days and a dot on each.
  if (line && !days.empty()) {
    svg += fmt::format("<polyline class=\"chart-line\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\" points=\"",
                       kLineColour);
    for (std::size_t index = 0; index < days.size(); ++index) {
      if (index > 0) svg += ' ';
      svg += Number(centre_x(index)) + "," + Number(line_y(ValueAt(*line, index)));
    }
    svg += "\" aria-hidden=\"true\"/><g class=\"chart-dots\" aria-hidden=\"true\">";
    for (std::size_t index = 0; index < days.size(); ++index) {
      svg += fmt::format("<circle class=\"chart-dot\" cx=\"{}\" cy=\"{}\" r=\"3\" fill=\"{}\"/>",
                         Number(centre_x(index)), Number(line_y(ValueAt(*line, index))), kLineColour);
    }
    svg += "</g>";
  }

  // Day labels: every fifth day counted back from the last, so today always has its label.
  svg += "<g class=\"chart-days\" aria-hidden=\"true\">";
  for (std::size_t index = 0; index < days.size(); ++index) {
    if ((days.size() - 1 - index) % 5 != 0) continue;
    svg += fmt::format("<text class=\"chart-day\" x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"11\">",
                       Number(centre_x(index)), Number(baseline + 16));
    AppendEscapedHtml(svg, ShortDay(days[index]));
    svg += "</text>";
  }
  svg += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#8a929c\" stroke-width=\"1\"/>",
                     Number(kLeft), Number(baseline), Number(kWidth - kRight), Number(baseline));
  svg += "</g>";

  // The legend, so colour is not the only key: a square for bars, a dot on a line for the line.
  const double legend_y = kHeight - 8;
  svg += "<g class=\"chart-legend\" aria-hidden=\"true\">";
  svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"10\" height=\"10\" fill=\"{}\"/>", Number(kLeft),
                     Number(legend_y - 9), kBarColour);
  svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\">", Number(kLeft + 14), Number(legend_y));
  AppendEscapedHtml(svg, bars.name);
  svg += "</text>";
  if (line) {
    svg += fmt::format(
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"2\"/>"
        "<circle cx=\"{}\" cy=\"{}\" r=\"3\" fill=\"{}\"/>",
        Number(kLeft + 90), Number(legend_y - 4), Number(kLeft + 110), Number(legend_y - 4), kLineColour,
        Number(kLeft + 100), Number(legend_y - 4), kLineColour);
    svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\">", Number(kLeft + 116), Number(legend_y));
    AppendEscapedHtml(svg, line->name);
    svg += "</text>";
  }
  svg += "</g></svg>";
  return svg;
}

}  // namespace manmulsang::html
