#include "manmulsang/core/money.hpp"

#include <array>
#include <limits>

#include "manmulsang/core/grouped_number.hpp"

namespace manmulsang::core {

std::string_view CurrencyCode(Currency currency) {
  switch (currency) {
    case Currency::kpw:
      return "KPW";
    case Currency::usd:
      return "USD";
    case Currency::cny:
      return "CNY";
  }
  return "KPW";
}

std::optional<Currency> ParseCurrency(std::string_view code) {
  std::string upper(code);
  for (char& character : upper) {
    if (character >= 'a' && character <= 'z') character = static_cast<char>(character - 'a' + 'A');
  }
  if (upper == "KPW") return Currency::kpw;
  if (upper == "USD") return Currency::usd;
  if (upper == "CNY") return Currency::cny;
  return std::nullopt;
}

int CurrencyExponent(Currency currency) { return currency == Currency::kpw ? 0 : 2; }

std::optional<Money> Add(Money left, Money right) {
  if (left.currency != right.currency) return std::nullopt;
  std::int64_t sum = 0;
  if (__builtin_add_overflow(left.amount, right.amount, &sum)) return std::nullopt;
  return Money{sum, left.currency};
}

std::optional<Money> Multiply(Money money, std::int64_t quantity) {
  std::int64_t product = 0;
  if (__builtin_mul_overflow(money.amount, quantity, &product)) return std::nullopt;
  return Money{product, money.currency};
}

std::string FormatMoney(Money money, std::string_view locale) {
  const bool negative = money.amount < 0;
  // Negate in unsigned arithmetic so INT64_MIN does not overflow.
  const std::uint64_t magnitude =
      negative ? ~static_cast<std::uint64_t>(money.amount) + 1 : static_cast<std::uint64_t>(money.amount);
  const int exponent = CurrencyExponent(money.currency);
  std::string number;
  if (exponent == 0) {
    number = GroupThousands(magnitude);
  } else {
    const std::uint64_t scale = 100;
    const std::uint64_t fraction = magnitude % scale;
    number = GroupThousands(magnitude / scale) + "." + (fraction < 10 ? "0" : "") + std::to_string(fraction);
  }
  const std::string sign = negative ? "-" : "";
  switch (money.currency) {
    case Currency::kpw:
      return locale == "ko" ? sign + number + "원" : sign + "₩" + number;
    case Currency::usd:
      return sign + "$" + number;
    case Currency::cny:
      return sign + "¥" + number;
  }
  return number;
}

std::optional<Money> ParseMoney(std::string_view text, Currency currency) {
  const int exponent = CurrencyExponent(currency);
  std::int64_t whole = 0;
  std::int64_t fraction = 0;
  int fraction_digits = 0;
  bool seen_digit = false;
  bool in_fraction = false;
  for (char character : text) {
    if (character == ',' && !in_fraction) continue;
    if (character == '.' && !in_fraction) {
      in_fraction = true;
      continue;
    }
    if (character < '0' || character > '9') return std::nullopt;
    seen_digit = true;
    const int digit = character - '0';
    if (in_fraction) {
      if (++fraction_digits > exponent) return std::nullopt;
      fraction = fraction * 10 + digit;
    } else {
      if (__builtin_mul_overflow(whole, 10, &whole) || __builtin_add_overflow(whole, digit, &whole)) {
        return std::nullopt;
      }
    }
  }
  if (!seen_digit) return std::nullopt;
  for (int index = fraction_digits; index < exponent; ++index) fraction *= 10;
  std::int64_t scale = 1;
  for (int index = 0; index < exponent; ++index) scale *= 10;
  std::int64_t amount = 0;
  if (__builtin_mul_overflow(whole, scale, &amount) || __builtin_add_overflow(amount, fraction, &amount)) {
    return std::nullopt;
  }
  return Money{amount, currency};
}

}  // namespace manmulsang::core
