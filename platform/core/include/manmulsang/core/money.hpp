#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace manmulsang::core {

// KPW is kept in whole won (exponent 0): the chon is out of use, and prices are quoted in won.
// USD and CNY are kept in cents and fen (exponent 2).
enum class Currency { kpw, usd, cny };

std::string_view CurrencyCode(Currency currency);              // "KPW"
std::optional<Currency> ParseCurrency(std::string_view code);  // "KPW"/"kpw" → kpw
int CurrencyExponent(Currency currency);                       // 0, 2, 2

// An amount of money in integer minor units; never a float.
struct Money {
  std::int64_t amount = 0;
  Currency currency = Currency::kpw;

  bool operator==(const Money&) const = default;
};

// Adds two amounts of the same currency; nullopt on a currency mismatch or overflow.
std::optional<Money> Add(Money left, Money right);
// Multiplies by a quantity; nullopt on overflow.
std::optional<Money> Multiply(Money money, std::int64_t quantity);

// Human form with grouping: "12,000원" (ko) / "₩12,000" (en), "$12.50", "¥12.50".
std::string FormatMoney(Money money, std::string_view locale);

// Parses a decimal written by a person ("12000", "12,000", "12.5") into minor units of currency;
// nullopt if it is not a non-negative amount with at most the currency's decimals.
std::optional<Money> ParseMoney(std::string_view text, Currency currency);

}  // namespace manmulsang::core
