#include "manmulsang/html/bar_chart.hpp"

#include <gtest/gtest.h>

#include <string>

namespace manmulsang::html {
namespace {

std::size_t Occurrences(const std::string& text, std::string_view needle) {
  std::size_t count = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size())) {
    ++count;
  }
  return count;
}

TEST(DayChartTest, NiceScaleTopsFallOnRoundNumbers) {
  EXPECT_EQ(NiceScaleTop(0, 4), 4);
  EXPECT_EQ(NiceScaleTop(1, 4), 4);
  EXPECT_EQ(NiceScaleTop(4, 4), 4);
  EXPECT_EQ(NiceScaleTop(5, 4), 8);
  EXPECT_EQ(NiceScaleTop(36'000, 4), 40'000);
  EXPECT_EQ(NiceScaleTop(41'000, 4), 80'000);
  EXPECT_EQ(NiceScaleTop(1'999'999, 4), 2'000'000);
  EXPECT_GE(NiceScaleTop(9'000'000'000'000, 4), 9'000'000'000'000);
}

TEST(DayChartTest, BarsAloneDrawNoLineAndNoRightScale) {
  DayChart chart{"visits-chart",
                 "방문 <차트>",
                 "90일 & 합계",
                 {"2026-11-25", "2026-11-26"},
                 {"방문", "visits", {3, 12}, [](std::int64_t count) { return std::to_string(count) + "회"; }},
                 std::nullopt};
  const std::string svg = DayChartSvg(chart);
  EXPECT_EQ(Occurrences(svg, "<rect class=\"chart-bar\""), 2u);
  EXPECT_EQ(svg.find("chart-line"), std::string::npos);
  EXPECT_EQ(svg.find("chart-dot"), std::string::npos);
  EXPECT_EQ(Occurrences(svg, "text-anchor=\"start\""), 0u);
  EXPECT_NE(svg.find("class=\"visits-chart\""), std::string::npos);
  EXPECT_NE(svg.find("aria-labelledby=\"visits-chart-title visits-chart-desc\""), std::string::npos);
  EXPECT_NE(svg.find("<title id=\"visits-chart-title\">방문 &lt;차트&gt;</title>"), std::string::npos);
  EXPECT_NE(svg.find("<desc id=\"visits-chart-desc\">90일 &amp; 합계</desc>"), std::string::npos);
  // 12 on a scale of 20 over 204 units: 122.4; the bars' series names its data- attribute.
  EXPECT_NE(svg.find("height=\"122.4\" fill=\"#3b6fd8\" data-day=\"2026-11-26\" data-visits=\"12\">"
                     "<title>2026-11-26 · 방문 12회</title>"),
            std::string::npos);
  EXPECT_NE(svg.find(">11/26</text>"), std::string::npos);
  EXPECT_NE(svg.find("</svg>"), std::string::npos);
}

}  // namespace
}  // namespace manmulsang::html
