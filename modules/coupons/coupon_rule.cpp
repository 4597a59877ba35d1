// The discount of one coupon and the split of a marketplace coupon across shops (docs/BUYING.md
// §10): pure functions, applied by cart::MakeQuote and nowhere else.

#include <algorithm>
#include <numeric>
#include <stdexcept>

#include "manmulsang/coupons/coupons.hpp"

namespace manmulsang::coupons {

std::expected<std::int64_t, CouponError> DiscountFor(const Coupon& coupon, std::int64_t base, core::TimePoint now) {
  if (!coupon.active || now < coupon.valid_from || now >= coupon.valid_until) {
    return std::unexpected(CouponError::coupon_ended);
  }
  if (base <= 0 || base < coupon.minimum_order) return std::unexpected(CouponError::below_minimum);
  std::int64_t discount = coupon.amount;
  if (coupon.kind == CouponKind::percent) {
    // Down to the minor unit: the buyer never gets a fraction of a won (or a cent) that the
    // ledger cannot hold, and rounding never makes the discount larger than the percent says.
    discount = static_cast<std::int64_t>(static_cast<__int128>(base) * coupon.percent / 100);
    if (coupon.maximum_discount) discount = std::min(discount, *coupon.maximum_discount);
  }
  // An order always charges something: a zero payment cannot be recorded.
  return std::clamp<std::int64_t>(discount, 0, base - 1);
}

std::vector<std::int64_t> SplitByShares(std::int64_t discount, std::span<const std::int64_t> shares) {
  std::int64_t total = 0;
  for (const std::int64_t share : shares) {
    if (share < 0) throw std::logic_error("a coupon split over a negative share");
    total += share;
  }
  if (discount < 0 || discount > total) throw std::logic_error("a coupon split of more than its shares");
  std::vector<std::int64_t> parts(shares.size(), 0);
  if (discount == 0) return parts;
  std::vector<std::int64_t> remainders(shares.size(), 0);
  std::int64_t given = 0;
  for (std::size_t index = 0; index < shares.size(); ++index) {
    const __int128 product = static_cast<__int128>(discount) * shares[index];
    parts[index] = static_cast<std::int64_t>(product / total);
    remainders[index] = static_cast<std::int64_t>(product % total);
    given += parts[index];
  }
  // The won left over (fewer than the shares with a remainder) go to the largest remainders.
  std::vector<std::size_t> order(shares.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t left, std::size_t right) { return remainders[left] > remainders[right]; });
  for (std::size_t index = 0; given < discount; ++index) {
    ++parts[order[index]];
    ++given;
  }
  return parts;
}

std::string_view CouponKindName(CouponKind kind) { return kind == CouponKind::percent ? "percent" : "amount"; }

std::optional<CouponKind> ParseCouponKind(std::string_view name) {
  if (name == "amount") return CouponKind::amount;
  if (name == "percent") return CouponKind::percent;
  return std::nullopt;
}

std::string_view ErrorCode(CouponError error) {
  switch (error) {
    case CouponError::invalid_name:
      return "invalid_name";
    case CouponError::invalid_kind:
      return "invalid_kind";
    case CouponError::invalid_amount:
      return "invalid_amount";
    case CouponError::invalid_percent:
      return "invalid_percent";
    case CouponError::invalid_maximum:
      return "invalid_maximum";
    case CouponError::invalid_minimum:
      return "invalid_minimum";
    case CouponError::invalid_currency:
      return "invalid_currency";
    case CouponError::invalid_window:
      return "invalid_window";
    case CouponError::invalid_limit:
      return "invalid_limit";
    case CouponError::coupon_not_found:
      return "coupon_not_found";
    case CouponError::claim_not_found:
      return "claim_not_found";
    case CouponError::sold_out:
      return "sold_out";
    case CouponError::already_claimed:
      return "already_claimed";
    case CouponError::coupon_ended:
      return "coupon_ended";
    case CouponError::below_minimum:
      return "below_minimum";
  }
  return "coupon_error";
}

}  // namespace manmulsang::coupons
