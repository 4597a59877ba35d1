#include <gtest/gtest.h>

#include <limits>

#include "manmulsang/payments/exchange.hpp"

namespace manmulsang::payments {
namespace {

using core::Currency;

TEST(ExchangeTest, KpwIsItself) {
  ExchangeRates rates;
  EXPECT_EQ(rates.ToKpw({12'000, Currency::kpw}).value(), 12'000);
  EXPECT_EQ(rates.ToKpw({0, Currency::kpw}).value(), 0);
  EXPECT_EQ(rates.ToKpw({-1, Currency::kpw}).error(), PaymentError::invalid_amount);
}

TEST(ExchangeTest, MissingRateIsAClearError) {
  ExchangeRates rates;
  EXPECT_EQ(rates.ToKpw({100, Currency::usd}).error(), PaymentError::rate_unavailable);
  rates.Set(Currency::usd, 8'000 * kRateScale);
  EXPECT_EQ(rates.ToKpw({100, Currency::cny}).error(), PaymentError::rate_unavailable);
}

TEST(ExchangeTest, ConvertsCentsExactly) {
  const std::int64_t rate = 8'000 * kRateScale;                    // 8,000 won per dollar
  EXPECT_EQ(ConvertToKpw({100, Currency::usd}, rate), 8'000);      // $1.00
  EXPECT_EQ(ConvertToKpw({1'250, Currency::usd}, rate), 100'000);  // $12.50
  EXPECT_EQ(ConvertToKpw({1, Currency::usd}, rate), 80);           // $0.01
  EXPECT_EQ(ConvertToKpw({0, Currency::usd}, rate), 0);
}

TEST(ExchangeTest, RoundsHalfUpToWholeWon) {
  // 1,234.5678 won per yuan.
  const std::int64_t rate = 12'345'678;
  // ¥0.01 = 12.345678 won → 12
  EXPECT_EQ(ConvertToKpw({1, Currency::cny}, rate), 12);
  // ¥0.05 = 61.72839 → 62
  EXPECT_EQ(ConvertToKpw({5, Currency::cny}, rate), 62);
  // Exactly half: 0.5 won per cent → $0.01 = 0.5 won rounds up to 1; $0.03 = 1.5 → 2.
  const std::int64_t half = 50 * kRateScale;  // 50 won per dollar
  EXPECT_EQ(ConvertToKpw({1, Currency::usd}, half), 1);
  EXPECT_EQ(ConvertToKpw({3, Currency::usd}, half), 2);
  // Just under half rounds down: 0.4999 won.
  EXPECT_EQ(ConvertToKpw({1, Currency::usd}, 499'900), 0);
}

TEST(ExchangeTest, FractionalRateHasNoFloatDrift) {
  // 8,250.5 won per dollar; $19.99 = 164,927.495 won → 164,927.
  EXPECT_EQ(ConvertToKpw({1'999, Currency::usd}, 82'505'000), 164'927);
  // $0.02 at the same rate = 165.01 → 165.
  EXPECT_EQ(ConvertToKpw({2, Currency::usd}, 82'505'000), 165);
}

TEST(ExchangeTest, RefusesNegativeAndOverflow) {
  EXPECT_FALSE(ConvertToKpw({-1, Currency::usd}, kRateScale).has_value());
  EXPECT_FALSE(ConvertToKpw({1, Currency::usd}, 0).has_value());
  EXPECT_FALSE(ConvertToKpw({std::numeric_limits<std::int64_t>::max(), Currency::usd}, kMaxRate).has_value());
  ExchangeRates rates;
  rates.Set(Currency::usd, kMaxRate);
  EXPECT_EQ(rates.ToKpw({std::numeric_limits<std::int64_t>::max(), Currency::usd}).error(),
            PaymentError::invalid_amount);
}

}  // namespace
}  // namespace manmulsang::payments
