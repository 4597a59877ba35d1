#include "manmulsang/payments/exchange.hpp"

#include <limits>

namespace manmulsang::payments {

std::optional<std::int64_t> ConvertToKpw(core::Money money, std::int64_t rate) {
  if (money.amount < 0 || rate <= 0) return std::nullopt;
  __int128 divisor = kRateScale;
  for (int digit = 0; digit < core::CurrencyExponent(money.currency); ++digit) divisor *= 10;
  const __int128 product = static_cast<__int128>(money.amount) * rate;
  // Half up: add half the divisor before the integer division (amounts are never negative).
  const __int128 won = (product + divisor / 2) / divisor;
  if (won > std::numeric_limits<std::int64_t>::max()) return std::nullopt;
  return static_cast<std::int64_t>(won);
}

std::optional<std::int64_t> ExchangeRates::Rate(core::Currency currency) const {
  if (currency == core::Currency::kpw) return kRateScale;
  auto found = rates_.find(currency);
  if (found == rates_.end()) return std::nullopt;
  return found->second;
}

std::expected<std::int64_t, PaymentError> ExchangeRates::ToKpw(core::Money money) const {
  if (money.currency == core::Currency::kpw) {
    if (money.amount < 0) return std::unexpected(PaymentError::invalid_amount);
    return money.amount;
  }
  auto rate = Rate(money.currency);
  if (!rate) return std::unexpected(PaymentError::rate_unavailable);
  auto won = ConvertToKpw(money, *rate);
  if (!won) return std::unexpected(PaymentError::invalid_amount);
  return *won;
}

std::string FormatRate(std::int64_t rate) {
  std::string text = std::to_string(rate / kRateScale);
  std::int64_t fraction = rate % kRateScale;
  if (fraction == 0) return text;
  std::string digits = std::to_string(fraction);
  digits.insert(0, 4 - digits.size(), '0');
  while (digits.back() == '0') digits.pop_back();
  return text + "." + digits;
}

std::optional<std::int64_t> ParseRate(std::string_view typed) {
  while (!typed.empty() && typed.front() == ' ') typed.remove_prefix(1);
  while (!typed.empty() && typed.back() == ' ') typed.remove_suffix(1);
  const std::size_t dot = typed.find('.');
  const std::string_view whole = typed.substr(0, dot);
  const std::string_view fraction = dot == std::string_view::npos ? std::string_view() : typed.substr(dot + 1);
  if (whole.empty() || whole.size() > 10 || fraction.size() > 4 ||
      (dot != std::string_view::npos && fraction.empty())) {
    return std::nullopt;
  }
  std::int64_t rate = 0;
  for (char c : whole) {
    if (c < '0' || c > '9') return std::nullopt;
    rate = rate * 10 + (c - '0');
  }
  std::int64_t scale = kRateScale;
  for (char c : fraction) {
    if (c < '0' || c > '9') return std::nullopt;
    scale /= 10;
    rate = rate * 10 + (c - '0');
  }
  rate *= scale;
  if (rate <= 0 || rate > kMaxRate) return std::nullopt;
  return rate;
}

}  // namespace manmulsang::payments
