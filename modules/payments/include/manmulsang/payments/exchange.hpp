#pragma once

#include <cstdint>
#include <expected>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "manmulsang/core/money.hpp"
#include "manmulsang/payments/errors.hpp"

namespace manmulsang::payments {

// Wallets hold KPW. A price in USD or CNY is converted at the rate the admin set, written as
// whole won per one major unit (1 USD, 1 CNY) times kRateScale, so 8,250.5 won per dollar is
// 82'505'000. The rule (docs/BUYING.md): the unit price is converted once, exactly, in integers:
//   won = amount_minor × rate / (10^exponent × kRateScale), rounded half up,
// and a line costs that unit price in won times its quantity — the page shows what is charged.
inline constexpr std::int64_t kRateScale = 10'000;
// A rate above this (a billion won per unit) is a typing error, not a rate.
inline constexpr std::int64_t kMaxRate = 1'000'000'000 * kRateScale;

// A rate as people read and type it, in won per major unit: 82'505'000 ↔ "8250.5" (at most four
// decimals; no grouping). ParseRate gives nullopt for anything else, zero, or past kMaxRate.
std::string FormatRate(std::int64_t rate);
std::optional<std::int64_t> ParseRate(std::string_view typed);

// nullopt when money.amount is negative or the result does not fit.
std::optional<std::int64_t> ConvertToKpw(core::Money money, std::int64_t rate);

// The rates in force: KPW is always 1 won per won; others only when the admin set them.
class ExchangeRates {
 public:
  void Set(core::Currency currency, std::int64_t rate) { rates_[currency] = rate; }
  std::optional<std::int64_t> Rate(core::Currency currency) const;
  // The amount in won; rate_unavailable or invalid_amount (negative, overflow).
  std::expected<std::int64_t, PaymentError> ToKpw(core::Money money) const;

 private:
  std::map<core::Currency, std::int64_t> rates_;
};

}  // namespace manmulsang::payments
