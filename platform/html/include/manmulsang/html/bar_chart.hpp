#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace manmulsang::html {

// One series of a day chart: its words, its numbers (one per day) and how a number reads.
struct ChartSeries {
  std::string name;                                // legend and tooltip label, in the reader's language: "매출"
  std::string key;                                 // the bars' data-<key> attribute: "revenue"
  std::vector<std::int64_t> values;                // one per day, oldest first
  std::function<std::string(std::int64_t)> label;  // scale and tooltip text: "36,000원", "2건"
};

// A chart of days: bars on the left scale, optionally a line with a dot per day on the right one.
struct DayChart {
  // The svg's class and the prefix of its <title> and <desc> ids, so two charts can share a page.
  std::string id;
  std::string title;              // <title>, what a screen reader announces first
  std::string description;        // <desc>: the period's totals in a sentence
  std::vector<std::string> days;  // "2026-11-26", one per value, oldest first
  ChartSeries bars;
  std::optional<ChartSeries> line;
};

// The chart as inline SVG drawn on the server: no script, no image request. role="img" with
// <title> and <desc>; every bar carries its own <title> (day and each series' value) and data-
// attributes; day labels under the axis every fifth day counted back from the last; a legend, so
// colour is not the only key. The page puts a table of the same numbers next to it.
std::string DayChartSvg(const DayChart& chart);

// The smallest 1, 2 or 5 × 10^k that is at least value / steps, times steps: a scale top whose
// gridlines fall on round numbers. At least `steps` (one per step) so an empty chart has a scale.
std::int64_t NiceScaleTop(std::int64_t value, int steps);

}  // namespace manmulsang::html
