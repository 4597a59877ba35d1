#include "sales_chart.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace manmulsang::seller_center {
namespace {

std::size_t Occurrences(const std::string& text, std::string_view needle) {
  std::size_t count = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size())) {
    ++count;
  }
  return count;
}

SalesChartText Words() { return {"매출 <차트>", "최근 3일 & 합계", "매출", "주문", "건", core::Locale::ko}; }

TEST(SalesChartTest, OneBarAndOneDotPerDayScaledToTheBusiestDay) {
  std::vector<DashboardDay> days = {
      {"2026-11-24", 0, 0, 0}, {"2026-11-25", 1, 10'000, 3}, {"2026-11-26", 4, 40'000, 9}};
  const std::string svg = SalesChartSvg(days, Words());
  EXPECT_EQ(Occurrences(svg, "<rect class=\"chart-bar\""), 3u);
  EXPECT_EQ(Occurrences(svg, "<circle class=\"chart-dot\""), 3u);
  EXPECT_EQ(Occurrences(svg, "<polyline class=\"chart-line\""), 1u);
  // The busiest day fills the plot (204 units), the others in proportion; an empty day is flat.
  EXPECT_NE(svg.find("data-day=\"2026-11-26\""), std::string::npos);
  EXPECT_NE(svg.find("height=\"204.0\" fill=\"#3b6fd8\" data-day=\"2026-11-26\""), std::string::npos);
  EXPECT_NE(svg.find("height=\"51.0\" fill=\"#3b6fd8\" data-day=\"2026-11-25\""), std::string::npos);
  EXPECT_NE(svg.find("height=\"0.0\" fill=\"#3b6fd8\" data-day=\"2026-11-24\""), std::string::npos);
  // Every bar says its numbers; text is escaped.
  EXPECT_NE(svg.find("<title>2026-11-26 · 주문 4건 · 매출 40,000원</title>"), std::string::npos);
  EXPECT_NE(svg.find("<title id=\"sales-chart-title\">매출 &lt;차트&gt;</title>"), std::string::npos);
  EXPECT_NE(svg.find("<desc id=\"sales-chart-desc\">최근 3일 &amp; 합계</desc>"), std::string::npos);
  EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
  // Today always has its day label.
  EXPECT_NE(svg.find(">11/26</text>"), std::string::npos);
}

TEST(SalesChartTest, AnEmptyPeriodStillDrawsAScale) {
  std::vector<DashboardDay> days(30);
  for (std::size_t index = 0; index < days.size(); ++index)
    days[index].day = "2026-11-" + std::to_string(10 + index % 20);
  const std::string svg = SalesChartSvg(days, Words());
  EXPECT_EQ(Occurrences(svg, "<rect class=\"chart-bar\""), 30u);
  EXPECT_EQ(svg.find("nan"), std::string::npos);
  EXPECT_EQ(svg.find("inf"), std::string::npos);
  EXPECT_EQ(Occurrences(svg, "class=\"chart-day\""), 6u);  // every fifth of 30, today included
  const std::string none = SalesChartSvg({}, Words());
  EXPECT_NE(none.find("</svg>"), std::string::npos);
  EXPECT_EQ(none.find("class=\"chart-bar\""), std::string::npos);
}

}  // namespace
}  // namespace manmulsang::seller_center
