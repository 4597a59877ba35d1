#include <chrono>

#include "coupon_repository.hpp"
#include "embedded/coupons_migrations.hpp"
#include "manmulsang/audit/audit.hpp"
#include "manmulsang/coupons/coupons.hpp"
#include "manmulsang/text/characters.hpp"

namespace manmulsang::coupons {
namespace {

// No coupon runs longer than a year: a forgotten one should end by itself.
constexpr auto kMaxWindow = std::chrono::days(366);

std::expected<NewCoupon, CouponError> Clean(NewCoupon coupon, core::TimePoint now) {
  if (coupon.valid_days != 0) {
    if (coupon.valid_days < 1 || coupon.valid_days > 366) return std::unexpected(CouponError::invalid_window);
    coupon.valid_from = now;
    coupon.valid_until = now + std::chrono::days(coupon.valid_days);
  }
  coupon.name = std::string(text::TrimAscii(coupon.name));
  if (coupon.name.empty() || coupon.name.size() > kMaxCouponName || text::HasControlCharacter(coupon.name)) {
    return std::unexpected(CouponError::invalid_name);
  }
  if (coupon.kind == CouponKind::amount) {
    if (coupon.amount < 1 || coupon.amount > kMaxCouponAmount) return std::unexpected(CouponError::invalid_amount);
    coupon.percent = 0;
    coupon.maximum_discount.reset();
  } else {
    if (coupon.percent < 1 || coupon.percent > kMaxCouponPercent) {
      return std::unexpected(CouponError::invalid_percent);
    }
    if (coupon.maximum_discount && (*coupon.maximum_discount < 1 || *coupon.maximum_discount > kMaxCouponAmount)) {
      return std::unexpected(CouponError::invalid_maximum);
    }
    coupon.amount = 0;
  }
  if (coupon.minimum_order < 0 || coupon.minimum_order > kMaxCouponAmount) {
    return std::unexpected(CouponError::invalid_minimum);
  }
  // Orders and the ledger are in won; a coupon in another currency would need a rate at checkout.
  if (coupon.currency != core::Currency::kpw) return std::unexpected(CouponError::invalid_currency);
  if (coupon.valid_until <= coupon.valid_from || coupon.valid_until - coupon.valid_from > kMaxWindow) {
    return std::unexpected(CouponError::invalid_window);
  }
  if (coupon.total_limit < 1 || coupon.total_limit > kMaxCouponLimit) {
    return std::unexpected(CouponError::invalid_limit);
  }
  return coupon;
}

bool Usable(const Coupon& coupon, core::TimePoint now) {
  return coupon.active && coupon.valid_from <= now && now < coupon.valid_until;
}

std::string Describe(const Coupon& coupon) {
  std::string text = std::string(CouponKindName(coupon.kind)) + " ";
  text +=
      coupon.kind == CouponKind::amount ? std::to_string(coupon.amount) + " won" : std::to_string(coupon.percent) + "%";
  return text + ", limit " + std::to_string(coupon.total_limit);
}

}  // namespace

struct CouponService::Impl {
  db::Database& database;
  const core::Clock& clock;
  sellers::SellerService& sellers;
};

CouponService::CouponService(db::Database& database, const core::Clock& clock, sellers::SellerService& sellers)
    : impl_(std::make_unique<Impl>(Impl{database, clock, sellers})) {}

CouponService::~CouponService() = default;

std::expected<Coupon, CouponError> CouponService::CreateShopCoupon(const core::Actor& actor,
                                                                   std::optional<core::SellerId> shop,
                                                                   const NewCoupon& coupon) {
  auto own = impl_->sellers.OwnShop(actor, shop);
  if (!own) return std::unexpected(CouponError::coupon_not_found);
  const core::TimePoint now = impl_->clock.Now();
  auto clean = Clean(coupon, now);
  if (!clean) return std::unexpected(clean.error());
  return impl_->database.Write([&](db::Connection& connection) -> std::expected<Coupon, CouponError> {
    const CouponId id = CouponRepository::Insert(connection, own->id, *clean, *actor.user, now);
    return *CouponRepository::Find(connection, id);
  });
}

std::expected<std::vector<Coupon>, CouponError> CouponService::ShopCoupons(const core::Actor& actor,
                                                                           std::optional<core::SellerId> shop) {
  auto own = impl_->sellers.OwnShop(actor, shop);
  if (!own) return std::unexpected(CouponError::coupon_not_found);
  return impl_->database.Read(
      [&](db::Connection& connection) { return CouponRepository::ListByIssuer(connection, own->id); });
}

std::expected<Coupon, CouponError> CouponService::StopShopCoupon(const core::Actor& actor, CouponId coupon) {
  auto found =
      impl_->database.Read([&](db::Connection& connection) { return CouponRepository::Find(connection, coupon); });
  if (!found || !found->issuer) return std::unexpected(CouponError::coupon_not_found);
  // Only the issuing shop's owner: anyone else learns nothing of the coupon.
  if (!impl_->sellers.OwnShop(actor, found->issuer)) return std::unexpected(CouponError::coupon_not_found);
  return impl_->database.Write([&](db::Connection& connection) -> std::expected<Coupon, CouponError> {
    CouponRepository::Stop(connection, coupon);
    return *CouponRepository::Find(connection, coupon);
  });
}

std::expected<Coupon, CouponError> CouponService::CreateSiteCoupon(core::UserId admin, const NewCoupon& coupon) {
  const core::TimePoint now = impl_->clock.Now();
  auto clean = Clean(coupon, now);
  if (!clean) return std::unexpected(clean.error());
  return impl_->database.Write([&](db::Connection& connection) -> std::expected<Coupon, CouponError> {
    const CouponId id = CouponRepository::Insert(connection, std::nullopt, *clean, admin, now);
    Coupon created = *CouponRepository::Find(connection, id);
    audit::RecordIn(connection, now,
                    audit::AuditEntry{admin, "coupon.create", "coupon", std::to_string(id.value), "",
                                      created.name + ": " + Describe(created), ""});
    return created;
  });
}

std::vector<Coupon> CouponService::SiteCoupons() {
  return impl_->database.Read(
      [&](db::Connection& connection) { return CouponRepository::ListByIssuer(connection, std::nullopt); });
}

std::expected<Coupon, CouponError> CouponService::StopSiteCoupon(core::UserId admin, CouponId coupon,
                                                                 std::string_view reason) {
  const core::TimePoint now = impl_->clock.Now();
  return impl_->database.Write([&](db::Connection& connection) -> std::expected<Coupon, CouponError> {
    auto found = CouponRepository::Find(connection, coupon);
    if (!found || found->issuer) return std::unexpected(CouponError::coupon_not_found);
    if (!found->active) return *found;
    CouponRepository::Stop(connection, coupon);
    audit::RecordIn(connection, now,
                    audit::AuditEntry{admin, "coupon.stop", "coupon", std::to_string(coupon.value), "active", "stopped",
                                      std::string(reason)});
    return *CouponRepository::Find(connection, coupon);
  });
}

std::expected<Claim, CouponError> CouponService::ClaimCoupon(core::UserId member, CouponId coupon) {
  const core::TimePoint now = impl_->clock.Now();
  return impl_->database.Write([&](db::Connection& connection) -> std::expected<Claim, CouponError> {
    auto found = CouponRepository::Find(connection, coupon);
    if (!found) return std::unexpected(CouponError::coupon_not_found);
    if (!Usable(*found, now)) return std::unexpected(CouponError::coupon_ended);
    // Insert-first: two claims by one member at the same instant meet on the UNIQUE pair.
    auto claim = CouponRepository::InsertClaim(connection, coupon, member, now);
    if (!claim) return std::unexpected(CouponError::already_claimed);
    // The count never passes the limit, whatever runs beside it; sold out rolls the claim back.
    if (!CouponRepository::CountClaim(connection, coupon)) return std::unexpected(CouponError::sold_out);
    Claim made;
    made.id = *claim;
    made.coupon = *CouponRepository::Find(connection, coupon);
    made.user = member;
    made.claimed_at = now;
    return made;
  });
}

std::vector<CouponService::Claimable> CouponService::ClaimableFor(std::optional<core::UserId> member,
                                                                  core::SellerId shop) {
  const core::TimePoint now = impl_->clock.Now();
  return impl_->database.Read([&](db::Connection& connection) {
    std::vector<Claimable> claimable;
    std::vector<Claim> held;
    if (member) held = CouponRepository::ClaimsOf(connection, *member);
    for (Coupon& coupon : CouponRepository::Claimable(connection, shop, now)) {
      bool claimed = false;
      for (const Claim& claim : held) claimed = claimed || claim.coupon.id == coupon.id;
      claimable.push_back({std::move(coupon), claimed});
    }
    return claimable;
  });
}

MyCoupons CouponService::Mine(core::UserId member) {
  const core::TimePoint now = impl_->clock.Now();
  MyCoupons mine;
  for (Claim& claim : impl_->database.Read(
           [&](db::Connection& connection) { return CouponRepository::ClaimsOf(connection, member); })) {
    if (claim.used_order) {
      mine.used.push_back(std::move(claim));
    } else if (Usable(claim.coupon, now)) {
      mine.usable.push_back(std::move(claim));
    } else {
      mine.expired.push_back(std::move(claim));
    }
  }
  return mine;
}

std::vector<Claim> CouponService::UsableClaims(core::UserId member) { return Mine(member).usable; }

std::vector<Claim> UnusedClaimsIn(db::Connection& connection, core::UserId member, std::span<const ClaimId> ids) {
  std::vector<Claim> chosen;
  if (ids.empty()) return chosen;
  for (Claim& claim : CouponRepository::UnusedClaimsOf(connection, member)) {
    for (const ClaimId id : ids) {
      if (claim.id == id) {
        chosen.push_back(std::move(claim));
        break;
      }
    }
  }
  return chosen;
}

bool MarkUsedIn(db::Connection& connection, core::UserId member, ClaimId claim, core::OrderId order,
                core::TimePoint now) {
  return CouponRepository::MarkUsed(connection, member, claim, order, now);
}

bool RestoreIn(db::Connection& connection, ClaimId claim, core::TimePoint now) {
  return CouponRepository::Restore(connection, claim, now);
}

std::span<const core::EmbeddedFile> Migrations() { return embedded::coupons_migrations(); }

}  // namespace manmulsang::coupons
