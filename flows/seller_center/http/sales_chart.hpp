#pragma once

#include <span>
#include <string>
#include <string_view>

#include "manmulsang/core/context.hpp"
#include "manmulsang/seller_center/seller_center.hpp"

namespace manmulsang::seller_center {

// The words of the chart, already in the reader's language.
struct SalesChartText {
  std::string title;        // the chart's <title>, what a screen reader announces first
  std::string description;  // its <desc>: the period's totals in a sentence
  std::string revenue;      // legend and per-day label: "매출"
  std::string orders;       // "주문"
  std::string orders_unit;  // after an order count: "건" (ko), "" (en)
  core::Locale locale = core::Locale::ko;
};

// The days' revenue as bars (left scale) and orders as a line with a dot per day (right scale):
// html::DayChartSvg, the drawing the admin console's charts share. The page puts a table of the
// same numbers next to it for those who cannot see it.
std::string SalesChartSvg(std::span<const DashboardDay> days, const SalesChartText& text);

}  // namespace manmulsang::seller_center
