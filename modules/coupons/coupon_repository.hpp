#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "manmulsang/coupons/coupons.hpp"

namespace manmulsang::coupons {

// All of the coupons module's SQL.
class CouponRepository {
 public:
  static CouponId Insert(db::Connection& connection, std::optional<core::SellerId> issuer, const NewCoupon& coupon,
                         core::UserId created_by, core::TimePoint now);
  static std::optional<Coupon> Find(db::Connection& connection, CouponId id);
  // The issuer's coupons (nullopt: the marketplace's), newest first, with their used counts.
  static std::vector<Coupon> ListByIssuer(db::Connection& connection, std::optional<core::SellerId> issuer);
  static void Stop(db::Connection& connection, CouponId id);
  // Active, within the window at now, not sold out: the shop's and the marketplace's.
  static std::vector<Coupon> Claimable(db::Connection& connection, core::SellerId shop, core::TimePoint now);

  // Insert-first: nullopt when the member holds one already.
  static std::optional<ClaimId> InsertClaim(db::Connection& connection, CouponId coupon, core::UserId member,
                                            core::TimePoint now);
  // claimed + 1 while below the limit; false (nothing changed) when sold out.
  static bool CountClaim(db::Connection& connection, CouponId coupon);
  static std::vector<Claim> ClaimsOf(db::Connection& connection, core::UserId member);
  static std::vector<Claim> UnusedClaimsOf(db::Connection& connection, core::UserId member);
  static bool MarkUsed(db::Connection& connection, core::UserId member, ClaimId claim, core::OrderId order,
                       core::TimePoint now);
  static bool Restore(db::Connection& connection, ClaimId claim, core::TimePoint now);
};

}  // namespace manmulsang::coupons
