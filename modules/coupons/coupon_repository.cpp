#include "coupon_repository.hpp"

#include <string>

namespace manmulsang::coupons {
namespace {

constexpr std::string_view kInsert =
    "INSERT INTO coupons (issuer_id, name, kind, amount, percent, maximum_discount, minimum_order, currency, "
    "valid_from, valid_until, total_limit, created_by, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id";
#define COUPON_COLUMNS                                                                                        \
  "c.id, c.issuer_id, c.name, c.kind, c.amount, c.percent, c.maximum_discount, c.minimum_order, c.currency, " \
  "c.valid_from, c.valid_until, c.total_limit, c.claimed, c.active, c.created_at"
constexpr std::string_view kFind = "SELECT " COUPON_COLUMNS ", 0 FROM coupons c WHERE c.id = $1";
constexpr std::string_view kListOfShop = "SELECT " COUPON_COLUMNS
                                         ", (SELECT COUNT(*) FROM coupon_claims k WHERE k.coupon_id = c.id AND "
                                         "k.used_order_id IS NOT NULL) FROM coupons c WHERE c.issuer_id = $1 "
                                         "ORDER BY c.id DESC LIMIT 200";
constexpr std::string_view kListOfMarketplace = "SELECT " COUPON_COLUMNS
                                                ", (SELECT COUNT(*) FROM coupon_claims k WHERE k.coupon_id = c.id "
                                                "AND k.used_order_id IS NOT NULL) FROM coupons c WHERE c.issuer_id "
                                                "IS NULL ORDER BY c.id DESC LIMIT 200";
constexpr std::string_view kStop = "UPDATE coupons SET active = 0 WHERE id = $1 AND active = 1";
constexpr std::string_view kClaimable =
    "SELECT " COUPON_COLUMNS
    ", 0 FROM coupons c WHERE (c.issuer_id = $1 OR c.issuer_id IS NULL) AND c.active = 1 AND c.valid_from <= $2 "
    "AND c.valid_until > $2 AND c.claimed < c.total_limit ORDER BY c.issuer_id IS NULL, c.id DESC LIMIT 50";

constexpr std::string_view kInsertClaim =
    "INSERT INTO coupon_claims (coupon_id, user_id, claimed_at) VALUES ($1, $2, $3) "
    "ON CONFLICT (coupon_id, user_id) DO NOTHING RETURNING id";
constexpr std::string_view kCountClaim =
    "UPDATE coupons SET claimed = claimed + 1 WHERE id = $1 AND claimed < total_limit";
#define CLAIM_COLUMNS "k.id, k.user_id, k.claimed_at, k.used_order_id, k.used_at, "
constexpr std::string_view kClaimsOf = "SELECT " CLAIM_COLUMNS COUPON_COLUMNS
                                       ", 0 FROM coupon_claims k JOIN coupons c ON c.id = k.coupon_id "
                                       "WHERE k.user_id = $1 ORDER BY k.id DESC LIMIT 500";
constexpr std::string_view kUnusedClaimsOf = "SELECT " CLAIM_COLUMNS COUPON_COLUMNS
                                             ", 0 FROM coupon_claims k JOIN coupons c ON c.id = k.coupon_id "
                                             "WHERE k.user_id = $1 AND k.used_order_id IS NULL ORDER BY k.id";
constexpr std::string_view kMarkUsed =
    "UPDATE coupon_claims SET used_order_id = $1, used_at = $2 "
    "WHERE id = $3 AND user_id = $4 AND used_order_id IS NULL";
constexpr std::string_view kRestore =
    "UPDATE coupon_claims SET used_order_id = NULL, used_at = NULL WHERE id = $1 AND used_order_id IS NOT NULL "
    "AND EXISTS (SELECT 1 FROM coupons c WHERE c.id = coupon_claims.coupon_id AND c.active = 1 "
    "AND c.valid_until > $2)";

// A coupon from its columns starting at `first` (COUPON_COLUMNS then the used count).
Coupon ReadCoupon(const db::Row& row, std::size_t first) {
  Coupon coupon;
  coupon.id = CouponId{row.Int(first)};
  if (auto issuer = row.OptionalInt(first + 1)) coupon.issuer = core::SellerId{*issuer};
  coupon.name = row.Text(first + 2);
  auto kind = ParseCouponKind(row.Text(first + 3));
  if (!kind) throw db::DatabaseError("coupons: unreadable kind '" + row.Text(first + 3) + "'");
  coupon.kind = *kind;
  coupon.amount = row.Int(first + 4);
  coupon.percent = static_cast<int>(row.Int(first + 5));
  coupon.maximum_discount = row.OptionalInt(first + 6);
  coupon.minimum_order = row.Int(first + 7);
  auto currency = core::ParseCurrency(row.Text(first + 8));
  if (!currency) throw db::DatabaseError("coupons: unreadable currency '" + row.Text(first + 8) + "'");
  coupon.currency = *currency;
  coupon.valid_from = core::FromUnixSeconds(row.Int(first + 9));
  coupon.valid_until = core::FromUnixSeconds(row.Int(first + 10));
  coupon.total_limit = row.Int(first + 11);
  coupon.claimed = row.Int(first + 12);
  coupon.active = row.Int(first + 13) != 0;
  coupon.created_at = core::FromUnixSeconds(row.Int(first + 14));
  coupon.used = row.Int(first + 15);
  return coupon;
}

Claim ReadClaim(const db::Row& row) {
  Claim claim;
  claim.id = ClaimId{row.Int(0)};
  claim.user = core::UserId{row.Int(1)};
  claim.claimed_at = core::FromUnixSeconds(row.Int(2));
  if (auto order = row.OptionalInt(3)) claim.used_order = core::OrderId{*order};
  if (auto at = row.OptionalInt(4)) claim.used_at = core::FromUnixSeconds(*at);
  claim.coupon = ReadCoupon(row, 5);
  return claim;
}

std::vector<Claim> ReadClaims(const db::Rows& rows) {
  std::vector<Claim> claims;
  for (const db::Row& row : rows) claims.push_back(ReadClaim(row));
  return claims;
}

}  // namespace

CouponId CouponRepository::Insert(db::Connection& connection, std::optional<core::SellerId> issuer,
                                  const NewCoupon& coupon, core::UserId created_by, core::TimePoint now) {
  const db::Parameter issuer_id = issuer ? db::Parameter{issuer->value} : db::Parameter{nullptr};
  const db::Parameter maximum =
      coupon.maximum_discount ? db::Parameter{*coupon.maximum_discount} : db::Parameter{nullptr};
  auto row = connection.QueryOne(
      kInsert,
      {issuer_id, coupon.name, CouponKindName(coupon.kind), coupon.amount, std::int64_t{coupon.percent}, maximum,
       coupon.minimum_order, core::CurrencyCode(coupon.currency), core::ToUnixSeconds(coupon.valid_from),
       core::ToUnixSeconds(coupon.valid_until), coupon.total_limit, created_by.value, core::ToUnixSeconds(now)});
  if (!row) throw db::DatabaseError("coupons: the insert returned no id");
  return CouponId{row->Int(0)};
}

std::optional<Coupon> CouponRepository::Find(db::Connection& connection, CouponId id) {
  auto row = connection.QueryOne(kFind, {id.value});
  if (!row) return std::nullopt;
  return ReadCoupon(*row, 0);
}

std::vector<Coupon> CouponRepository::ListByIssuer(db::Connection& connection, std::optional<core::SellerId> issuer) {
  const db::Rows rows =
      issuer ? connection.Query(kListOfShop, {issuer->value}) : connection.Query(kListOfMarketplace, {});
  std::vector<Coupon> coupons;
  for (const db::Row& row : rows) coupons.push_back(ReadCoupon(row, 0));
  return coupons;
}

void CouponRepository::Stop(db::Connection& connection, CouponId id) { connection.Execute(kStop, {id.value}); }

std::vector<Coupon> CouponRepository::Claimable(db::Connection& connection, core::SellerId shop, core::TimePoint now) {
  std::vector<Coupon> coupons;
  for (const db::Row& row : connection.Query(kClaimable, {shop.value, core::ToUnixSeconds(now)})) {
    coupons.push_back(ReadCoupon(row, 0));
  }
  return coupons;
}

std::optional<ClaimId> CouponRepository::InsertClaim(db::Connection& connection, CouponId coupon, core::UserId member,
                                                     core::TimePoint now) {
  auto row = connection.QueryOne(kInsertClaim, {coupon.value, member.value, core::ToUnixSeconds(now)});
  if (!row) return std::nullopt;
  return ClaimId{row->Int(0)};
}

bool CouponRepository::CountClaim(db::Connection& connection, CouponId coupon) {
  return connection.Execute(kCountClaim, {coupon.value}) == 1;
}

std::vector<Claim> CouponRepository::ClaimsOf(db::Connection& connection, core::UserId member) {
  return ReadClaims(connection.Query(kClaimsOf, {member.value}));
}

std::vector<Claim> CouponRepository::UnusedClaimsOf(db::Connection& connection, core::UserId member) {
  return ReadClaims(connection.Query(kUnusedClaimsOf, {member.value}));
}

bool CouponRepository::MarkUsed(db::Connection& connection, core::UserId member, ClaimId claim, core::OrderId order,
                                core::TimePoint now) {
  return connection.Execute(kMarkUsed, {order.value, core::ToUnixSeconds(now), claim.value, member.value}) == 1;
}

bool CouponRepository::Restore(db::Connection& connection, ClaimId claim, core::TimePoint now) {
  return connection.Execute(kRestore, {claim.value, core::ToUnixSeconds(now)}) == 1;
}

}  // namespace manmulsang::coupons
