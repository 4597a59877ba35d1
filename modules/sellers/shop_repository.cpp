#include "shop_repository.hpp"

#include "manmulsang/db/readable.hpp"

#include <string>
#include <string_view>

namespace manmulsang::sellers {
namespace {

constexpr std::string_view kColumns =
    "SELECT id, owner_user_id, name, description, city, status, created_at, courier_fee, free_courier_from, "
    "pickup_offered, pickup_place, phone, rejection_reason, decided_at, logo_url, suspension_reason, suspended_at, "
    "suspended_by FROM shops";
constexpr std::string_view kFindById =
    "SELECT id, owner_user_id, name, description, city, status, created_at, courier_fee, free_courier_from, "
    "pickup_offered, pickup_place, phone, rejection_reason, decided_at, logo_url, suspension_reason, suspended_at, "
    "suspended_by FROM shops WHERE id = $1";
constexpr std::string_view kFindByOwner =
    "SELECT id, owner_user_id, name, description, city, status, created_at, courier_fee, free_courier_from, "
    "pickup_offered, pickup_place, phone, rejection_reason, decided_at, logo_url, suspension_reason, suspended_at, "
    "suspended_by FROM shops WHERE owner_user_id = $1 "
    "ORDER BY id";
constexpr std::string_view kUpdateDelivery =
    "UPDATE shops SET courier_fee = $1, free_courier_from = $2, pickup_offered = $3, pickup_place = $4 "
    "WHERE id = $5";
constexpr std::string_view kUpdateProfile =
    "UPDATE shops SET name = $1, description = $2, phone = $3, city = $4 WHERE id = $5";
constexpr std::string_view kUpdateLogo = "UPDATE shops SET logo_url = $1 WHERE id = $2";
constexpr std::string_view kCountByStatus = "SELECT COUNT(*) FROM shops WHERE status = $1";
constexpr std::string_view kFindByStatus =
    "SELECT id, owner_user_id, name, description, city, status, created_at, courier_fee, free_courier_from, "
    "pickup_offered, pickup_place, phone, rejection_reason, decided_at, logo_url, suspension_reason, suspended_at, "
    "suspended_by FROM shops WHERE status = $1 "
    "ORDER BY id LIMIT $2 OFFSET $3";
// Only a pending application is decided: the WHERE makes a second decision change nothing.
constexpr std::string_view kDecide =
    "UPDATE shops SET status = $2, rejection_reason = $3, decided_at = $4 WHERE id = $1 AND status = 'pending'";
// Conditional on the status, so that of two admins racing only one changes the shop.
constexpr std::string_view kSuspend =
    "UPDATE shops SET status = 'suspended', suspension_reason = $2, suspended_at = $3, suspended_by = $4 "
    "WHERE id = $1 AND status = 'approved'";
constexpr std::string_view kUnsuspend = "UPDATE shops SET status = 'approved' WHERE id = $1 AND status = 'suspended'";
// The admin's shop list, newest first: $1 a status or '' for all; $2 a shop or owner id (0: any);
// $3 a LIKE pattern over the name and phone ('%' for any).
constexpr std::string_view kSearchWhere =
    " WHERE ($1 = '' OR status = $1) AND ($2 = 0 OR id = $2 OR owner_user_id = $2) "
    "AND (name LIKE $3 ESCAPE '\\' OR phone LIKE $3 ESCAPE '\\')";
constexpr std::string_view kSearchOrder = " ORDER BY id DESC LIMIT $4 OFFSET $5";
constexpr std::string_view kCountSearch = "SELECT COUNT(*) FROM shops";
constexpr std::string_view kInsert =
    "INSERT INTO shops (owner_user_id, name, description, city, status, created_at, courier_fee, "
    "free_courier_from, pickup_offered, pickup_place, phone, logo_url) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) "
    "RETURNING id";

// Batched lookups bind at most this many ids per statement, so the statement cache holds a few
// shapes rather than one per list length.
constexpr std::size_t kBatch = 100;

Shop FromRow(const db::Row& row) {
  Shop shop;
  shop.id = core::SellerId{row.Int(0)};
  shop.owner = core::UserId{row.Int(1)};
  shop.name = row.Text(2);
  shop.description = row.Text(3);
  shop.city = row.Text(4);
  shop.status = db::Readable(ParseShopStatus(row.Text(5)), "shop status", row.Text(5));
  shop.created_at = core::FromUnixSeconds(row.Int(6));
  shop.delivery.courier_fee_kpw = row.Int(7);
  shop.delivery.free_courier_from_kpw = row.OptionalInt(8);
  shop.delivery.pickup_offered = row.Int(9) != 0;
  shop.delivery.pickup_place = row.Text(10);
  shop.phone = row.Text(11);
  shop.rejection_reason = row.Text(12);
  if (auto decided_at = row.OptionalInt(13)) shop.decided_at = core::FromUnixSeconds(*decided_at);
  shop.logo_url = row.Text(14);
  shop.suspension_reason = row.Text(15);
  if (auto suspended_at = row.OptionalInt(16)) shop.suspended_at = core::FromUnixSeconds(*suspended_at);
  if (auto suspended_by = row.OptionalInt(17)) shop.suspended_by = core::UserId{*suspended_by};
  return shop;
}

db::Parameter OptionalAmount(const std::optional<std::int64_t>& amount) {
  if (amount) return *amount;
  return nullptr;
}

// "SELECT ... WHERE id IN ($1, ..., $n)".
std::string InQuery(std::size_t count) {
  std::string sql(kColumns);
  sql += " WHERE id IN (";
  for (std::size_t index = 1; index <= count; ++index) {
    if (index > 1) sql += ", ";
    sql += "$" + std::to_string(index);
  }
  // In id order on every store (PostgreSQL returns an IN list in whatever order it found it).
  sql += ") ORDER BY id";
  return sql;
}

}  // namespace

std::optional<Shop> ShopRepository::Find(db::Connection& connection, core::SellerId id) {
  auto row = connection.QueryOne(kFindById, {id.value});
  if (!row) return std::nullopt;
  return FromRow(*row);
}

std::vector<Shop> ShopRepository::FindMany(db::Connection& connection, std::span<const core::SellerId> ids) {
  std::vector<Shop> shops;
  for (std::size_t start = 0; start < ids.size(); start += kBatch) {
    auto chunk = ids.subspan(start, std::min(kBatch, ids.size() - start));
    // Padding the list to a multiple of 10 by repeating the last id keeps the number of distinct
    // statements small; IN ignores the repeats.
    std::size_t padded = (chunk.size() + 9) / 10 * 10;
    std::vector<db::Parameter> parameters;
    parameters.reserve(padded);
    for (std::size_t index = 0; index < padded; ++index) {
      parameters.emplace_back(chunk[std::min(index, chunk.size() - 1)].value);
    }
    for (const db::Row& row : connection.Query(InQuery(padded), parameters)) {
      shops.push_back(FromRow(row));
    }
  }
  return shops;
}

std::int64_t ShopRepository::CountByStatus(db::Connection& connection, ShopStatus status) {
  auto row = connection.QueryOne(kCountByStatus, {ShopStatusName(status)});
  return row ? row->Int(0) : 0;
}

core::SellerId ShopRepository::Insert(db::Connection& connection, const NewShop& shop, std::int64_t created_at) {
  auto row =
      connection.QueryOne(kInsert, {shop.owner.value, std::string_view(shop.name), std::string_view(shop.description),
                                    std::string_view(shop.city), ShopStatusName(shop.status), created_at,
                                    shop.delivery.courier_fee_kpw, OptionalAmount(shop.delivery.free_courier_from_kpw),
                                    static_cast<std::int64_t>(shop.delivery.pickup_offered ? 1 : 0),
                                    std::string_view(shop.delivery.pickup_place), std::string_view(shop.phone),
                                    std::string_view(shop.logo_url)});
  if (!row) throw db::DatabaseError("insert into shops returned no id");
  return core::SellerId{row->Int(0)};
}

std::vector<Shop> ShopRepository::FindByOwner(db::Connection& connection, core::UserId owner) {
  std::vector<Shop> shops;
  for (const db::Row& row : connection.Query(kFindByOwner, {owner.value})) shops.push_back(FromRow(row));
  return shops;
}

void ShopRepository::UpdateDelivery(db::Connection& connection, core::SellerId shop, const DeliveryOptions& options) {
  connection.Execute(kUpdateDelivery, {options.courier_fee_kpw, OptionalAmount(options.free_courier_from_kpw),
                                       static_cast<std::int64_t>(options.pickup_offered ? 1 : 0),
                                       std::string_view(options.pickup_place), shop.value});
}

void ShopRepository::UpdateProfile(db::Connection& connection, core::SellerId shop, const ShopSettings& settings) {
  connection.Execute(kUpdateProfile, {std::string_view(settings.name), std::string_view(settings.description),
                                      std::string_view(settings.phone), std::string_view(settings.city), shop.value});
}

void ShopRepository::UpdateLogo(db::Connection& connection, core::SellerId shop, std::string_view logo_url) {
  connection.Execute(kUpdateLogo, {logo_url, shop.value});
}

std::vector<Shop> ShopRepository::FindByStatus(db::Connection& connection, ShopStatus status, std::int64_t limit,
                                               std::int64_t offset) {
  std::vector<Shop> shops;
  for (const db::Row& row : connection.Query(kFindByStatus, {ShopStatusName(status), limit, offset})) {
    shops.push_back(FromRow(row));
  }
  return shops;
}

bool ShopRepository::Decide(db::Connection& connection, core::SellerId shop, ShopStatus status,
                            std::string_view rejection_reason, std::int64_t decided_at) {
  return connection.Execute(kDecide, {shop.value, ShopStatusName(status), rejection_reason, decided_at}) == 1;
}

bool ShopRepository::Suspend(db::Connection& connection, core::SellerId shop, std::string_view reason,
                             std::int64_t suspended_at, core::UserId admin) {
  return connection.Execute(kSuspend, {shop.value, reason, suspended_at, admin.value}) == 1;
}

bool ShopRepository::Unsuspend(db::Connection& connection, core::SellerId shop) {
  return connection.Execute(kUnsuspend, {shop.value}) == 1;
}

std::int64_t ShopRepository::CountMatching(db::Connection& connection, const ShopMatch& match) {
  static const std::string sql = std::string(kCountSearch) + std::string(kSearchWhere);
  auto row = connection.QueryOne(sql, {match.status, match.id, std::string_view(match.name_pattern)});
  return row ? row->Int(0) : 0;
}

std::vector<Shop> ShopRepository::FindMatching(db::Connection& connection, const ShopMatch& match, std::int64_t limit,
                                               std::int64_t offset) {
  static const std::string sql = std::string(kColumns) + std::string(kSearchWhere) + std::string(kSearchOrder);
  std::vector<Shop> shops;
  for (const db::Row& row :
       connection.Query(sql, {match.status, match.id, std::string_view(match.name_pattern), limit, offset})) {
    shops.push_back(FromRow(row));
  }
  return shops;
}

}  // namespace manmulsang::sellers
