#pragma once

#include <cstdint>
#include <expected>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "manmulsang/core/clock.hpp"
#include "manmulsang/core/context.hpp"
#include "manmulsang/core/embedded_file.hpp"
#include "manmulsang/core/ids.hpp"
#include "manmulsang/core/money.hpp"
#include "manmulsang/db/database.hpp"
#include "manmulsang/sellers/sellers.hpp"

// Coupons (docs/BUYING.md §10). A shop issues coupons for its own goods, the marketplace for any
// shop's; a member claims one ("쿠폰 받기"), at most once per coupon, and spends the claim at
// checkout. The discount of one coupon is DiscountFor (below): the one rule, which cart::MakeQuote
// applies; the split of a marketplace coupon across shops is SplitByShares.
namespace manmulsang::coupons {

using CouponId = core::Id<struct CouponTag>;
using ClaimId = core::Id<struct CouponClaimTag>;

enum class CouponKind { amount, percent };

std::string_view CouponKindName(CouponKind kind);  // "amount", "percent"
std::optional<CouponKind> ParseCouponKind(std::string_view name);

enum class CouponError {
  invalid_name,      // 400 (field "name"): blank or longer than kMaxCouponName
  invalid_kind,      // 400 (field "kind")
  invalid_amount,    // 400 (field "amount"): an amount coupon's 1..kMaxCouponAmount
  invalid_percent,   // 400 (field "percent"): 1..90
  invalid_maximum,   // 400 (field "maximum_discount"): a cap that is not 1..kMaxCouponAmount
  invalid_minimum,   // 400 (field "minimum_order"): 0..kMaxCouponAmount
  invalid_currency,  // 400 (field "currency"): coupons are in won (KPW) for now
  invalid_window,    // 400 (field "valid_until"): not after valid_from, or longer than a year
  invalid_limit,     // 400 (field "total_limit"): 1..kMaxCouponLimit
  coupon_not_found,  // 404: unknown, another shop's, or not claimable by this member now
  claim_not_found,   // 404: also another member's claim
  sold_out,          // 409: every coupon of the limit was claimed
  already_claimed,   // 409: this member has one
  coupon_ended,      // 409: stopped, not yet started or past its window
  below_minimum,     // 409: the goods it applies to are less than its minimum order
};

std::string_view ErrorCode(CouponError error);  // "sold_out"

inline constexpr std::size_t kMaxCouponName = 60;              // bytes
inline constexpr std::int64_t kMaxCouponAmount = 100'000'000;  // won: a discount or a minimum
inline constexpr std::int64_t kMaxCouponLimit = 1'000'000;     // claims of one coupon
inline constexpr int kMaxCouponPercent = 90;

struct Coupon {
  CouponId id;
  std::optional<core::SellerId> issuer;  // nullopt: the marketplace's
  std::string name;
  CouponKind kind = CouponKind::amount;
  std::int64_t amount = 0;                        // amount coupons: minor units of currency
  int percent = 0;                                // percent coupons: 1..90
  std::optional<std::int64_t> maximum_discount;   // percent coupons: the cap, minor units
  std::int64_t minimum_order = 0;                 // the goods it applies to must reach this
  core::Currency currency = core::Currency::kpw;  // applies only to goods priced in it
  core::TimePoint valid_from;
  core::TimePoint valid_until;  // exclusive
  std::int64_t total_limit = 0;
  std::int64_t claimed = 0;
  std::int64_t used = 0;  // claims spent on orders (lists only; 0 elsewhere)
  bool active = true;     // false once stopped by its issuer
  core::TimePoint created_at;
};

// A member's claim, with its coupon as it is now.
struct Claim {
  ClaimId id;
  Coupon coupon;
  core::UserId user;
  core::TimePoint claimed_at;
  std::optional<core::OrderId> used_order;
  std::optional<core::TimePoint> used_at;
};

// THE rule for one coupon's discount on the goods it applies to (base: minor units of the
// coupon's currency, goods only, after any shop coupon for a marketplace one): coupon_ended when
// stopped or outside [valid_from, valid_until); below_minimum when base is under the minimum
// order (or nothing); else the amount, or percent of base rounded down to the minor unit (the won
// has none: whole won, down) and capped at maximum_discount; never more than base − 1, so that
// every order still charges a won (the ledger records no zero payment).
std::expected<std::int64_t, CouponError> DiscountFor(const Coupon& coupon, std::int64_t base, core::TimePoint now);

// A marketplace coupon's discount split over the shops' orders in proportion to their shares
// (each part floor(discount × share / Σ shares)), the won left over given one each to the largest
// remainders (ties: the earlier share), so the parts sum exactly to discount. discount must be
// 0..Σ shares (a programmer error otherwise: std::logic_error); each part ≤ its share.
std::vector<std::int64_t> SplitByShares(std::int64_t discount, std::span<const std::int64_t> shares);

struct NewCoupon {
  std::string name;
  CouponKind kind = CouponKind::amount;
  std::int64_t amount = 0;
  int percent = 0;
  std::optional<std::int64_t> maximum_discount;
  std::int64_t minimum_order = 0;
  core::Currency currency = core::Currency::kpw;
  core::TimePoint valid_from;
  core::TimePoint valid_until;
  std::int64_t total_limit = 0;
  // When set (1..366), the window is now and that many days after, and the two above are ignored:
  // the pages and the API ask for days.
  std::int64_t valid_days = 0;
};

// What a member sees of their claims (GET /coupons).
struct MyCoupons {
  std::vector<Claim> usable;   // unused, coupon active and within its window
  std::vector<Claim> used;     // newest first
  std::vector<Claim> expired;  // unused, stopped or past its window
};

class CouponService {
 public:
  CouponService(db::Database& database, const core::Clock& clock, sellers::SellerService& sellers);
  ~CouponService();

  // The shop's owner issues a coupon for the shop (sellers::SellerService::OwnShop: another's
  // shop → coupon_not_found). Field errors as listed in CouponError.
  std::expected<Coupon, CouponError> CreateShopCoupon(const core::Actor& actor, std::optional<core::SellerId> shop,
                                                      const NewCoupon& coupon);
  // The shop's coupons, newest first, with claimed and used counts.
  std::expected<std::vector<Coupon>, CouponError> ShopCoupons(const core::Actor& actor,
                                                              std::optional<core::SellerId> shop);
  // Stops a shop coupon: no more claims, unused claims no longer apply. Idempotent.
  std::expected<Coupon, CouponError> StopShopCoupon(const core::Actor& actor, CouponId coupon);

  // The marketplace's coupons (the caller checked the admin role). Audited ("coupon.create",
  // "coupon.stop") in the same transaction.
  std::expected<Coupon, CouponError> CreateSiteCoupon(core::UserId admin, const NewCoupon& coupon);
  std::vector<Coupon> SiteCoupons();
  std::expected<Coupon, CouponError> StopSiteCoupon(core::UserId admin, CouponId coupon, std::string_view reason);

  // 쿠폰 받기: insert-first into the claims (already_claimed), then the conditional count
  // (sold_out: the claim is not kept). coupon_ended when stopped or outside its window.
  std::expected<Claim, CouponError> ClaimCoupon(core::UserId member, CouponId coupon);
  // Coupons a member could claim now for that shop's goods: the shop's and the marketplace's
  // active, in their window, not sold out; `claimed` tells which the member already holds.
  struct Claimable {
    Coupon coupon;
    bool claimed = false;
  };
  std::vector<Claimable> ClaimableFor(std::optional<core::UserId> member, core::SellerId shop);
  MyCoupons Mine(core::UserId member);
  // The member's unused claims that apply now (the checkout page's choices).
  std::vector<Claim> UsableClaims(core::UserId member);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// --- Steps inside a caller's transaction (cart::CartService::QuoteIn, orders' checkout and
// cancel) ---
// The member's claims among ids that are not used yet, with their coupons as they are now (a
// stopped or expired coupon comes back too: DiscountFor refuses it). Another member's claim
// never comes back.
std::vector<Claim> UnusedClaimsIn(db::Connection& connection, core::UserId member, std::span<const ClaimId> ids);
// Spends the claim on the order: UPDATE … WHERE used_order_id IS NULL; false when it changed
// nothing (used already, perhaps by a checkout at the same instant, or not the member's).
bool MarkUsedIn(db::Connection& connection, core::UserId member, ClaimId claim, core::OrderId order,
                core::TimePoint now);
// Gives a spent claim back after its order was cancelled or refunded whole, when the coupon is
// still active and within its window; false when it stays spent.
bool RestoreIn(db::Connection& connection, ClaimId claim, core::TimePoint now);

std::span<const core::EmbeddedFile> Migrations();

}  // namespace manmulsang::coupons
