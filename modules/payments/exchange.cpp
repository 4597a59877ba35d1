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

}  // namespace manmulsang::payments
