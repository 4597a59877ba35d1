#include "manmulsang/core/money.hpp"

#include <gtest/gtest.h>

#include <limits>

#include "manmulsang/core/clock.hpp"
#include "manmulsang/core/grouped_number.hpp"
#include "manmulsang/core/local_time.hpp"

namespace manmulsang::core {
namespace {

TEST(Money, FormatsWithGroupingPerCurrencyAndLocale) {
  EXPECT_EQ(FormatMoney({1234567, Currency::kpw}, "ko"), "1,234,567원");
  EXPECT_EQ(FormatMoney({1234567, Currency::kpw}, "en"), "₩1,234,567");
  EXPECT_EQ(FormatMoney({1250, Currency::usd}, "en"), "$12.50");
  EXPECT_EQ(FormatMoney({5, Currency::cny}, "ko"), "¥0.05");
  EXPECT_EQ(FormatMoney({-1000, Currency::kpw}, "ko"), "-1,000원");
  EXPECT_EQ(FormatMoney({std::numeric_limits<std::int64_t>::min(), Currency::kpw}, "en"),
            "-₩9,223,372,036,854,775,808");
}

TEST(Money, ParsesHumanAmountsIntoMinorUnits) {
  EXPECT_EQ(ParseMoney("12,000", Currency::kpw), (Money{12000, Currency::kpw}));
  EXPECT_EQ(ParseMoney("12.5", Currency::usd), (Money{1250, Currency::usd}));
  EXPECT_EQ(ParseMoney("0.05", Currency::cny), (Money{5, Currency::cny}));
  EXPECT_FALSE(ParseMoney("12.5", Currency::kpw));  // no decimals in won
  EXPECT_FALSE(ParseMoney("1.234", Currency::usd));
  EXPECT_FALSE(ParseMoney("-5", Currency::kpw));
  EXPECT_FALSE(ParseMoney("", Currency::kpw));
  EXPECT_FALSE(ParseMoney("abc", Currency::kpw));
  EXPECT_FALSE(ParseMoney("99999999999999999999", Currency::kpw));
}

TEST(Money, ArithmeticRefusesMixedCurrenciesAndOverflow) {
  EXPECT_EQ(Add({1, Currency::kpw}, {2, Currency::kpw}), (Money{3, Currency::kpw}));
  EXPECT_FALSE(Add({1, Currency::kpw}, {2, Currency::usd}));
  EXPECT_FALSE(Add({std::numeric_limits<std::int64_t>::max(), Currency::kpw}, {1, Currency::kpw}));
  EXPECT_EQ(Multiply({1500, Currency::kpw}, 3), (Money{4500, Currency::kpw}));
  EXPECT_FALSE(Multiply({std::numeric_limits<std::int64_t>::max(), Currency::kpw}, 2));
}

TEST(Currency, CodesRoundTrip) {
  for (Currency currency : {Currency::kpw, Currency::usd, Currency::cny}) {
    EXPECT_EQ(ParseCurrency(CurrencyCode(currency)), currency);
  }
  EXPECT_EQ(ParseCurrency("usd"), Currency::usd);
  EXPECT_FALSE(ParseCurrency("EUR"));
}

TEST(Clock, LocalDateTurnsOverAtKoreanMidnight) {
  // 2026-11-26 14:59:59 UTC is 23:59:59 in UTC+9; one second later is the next day there.
  const TimePoint before = FromUnixSeconds(1795705199);
  EXPECT_EQ(FormatIso8601(before), "2026-11-26T14:59:59Z");
  EXPECT_EQ(LocalDate(before), "2026-11-26");
  EXPECT_EQ(LocalDate(before + std::chrono::seconds(1)), "2026-11-27");
  EXPECT_EQ(LocalDateTime(before), "2026-11-26 23:59");
  EXPECT_EQ(LocalDateTime(before + std::chrono::seconds(1)), "2026-11-27 00:00");
}

TEST(GroupedNumber, CountsAreGroupedByThousands) {
  EXPECT_EQ(FormatCount(0), "0");
  EXPECT_EQ(FormatCount(999), "999");
  EXPECT_EQ(FormatCount(1000), "1,000");
  EXPECT_EQ(FormatCount(1234567), "1,234,567");
  EXPECT_EQ(FormatCount(-1234), "-1,234");
  EXPECT_EQ(FormatCount(std::numeric_limits<std::int64_t>::min()), "-9,223,372,036,854,775,808");
  EXPECT_EQ(GroupThousands(std::numeric_limits<std::uint64_t>::max()), "18,446,744,073,709,551,615");
}

TEST(Clock, ManualClockAdvances) {
  ManualClock clock(FromUnixSeconds(1000));
  clock.Advance(std::chrono::minutes(31));
  EXPECT_EQ(ToUnixSeconds(clock.Now()), 1000 + 31 * 60);
}

}  // namespace
}  // namespace manmulsang::core
