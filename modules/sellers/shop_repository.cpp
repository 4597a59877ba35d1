#include "shop_repository.hpp"

#include "manmulsang/db/readable.hpp"

#include <string>
#include <string_view>

namespace manmulsang::sellers {
namespace {

constexpr std::string_view kColumns =
    "SELECT id, owner_user_id, name, description, city, status, created_at, courier_fee, free_courier_from, "
    "pickup_offered, pickup_place, phone, rejection_reason, decided_at, logo_url FROM shops";
constexpr std::string_view kFindById =
    "SELECT id, owner_user_id, name, description, city, status, created_at, courier_fee, free_courier_from, "
    "pickup_offered, pickup_place, phone, rejection_reason, decided_at, logo_url FROM shops WHERE id = $1";
constexpr std::string_view kFindByOwner =
    "SELECT id, owner_user_id, name, description, city, status, created_at, courier_fee, free_courier_from, "
    "pickup_offered, pickup_place, phone, rejection_reason, decided_at, logo_url FROM shops WHERE owner_user_id = $1 "
    "ORDER BY id";
constexpr std::string_view kUpdateDelivery =
    "UPDATE shops SET courier_fee = $1, free_courier_from = $2, pickup_offered = $3, pickup_place = $4 "
    "WHERE id = $5";
constexpr std::string_view kUpdateLogo = "UPDATE shops SET logo_url = $1 WHERE id = $2";
constexpr std::string_view kCountByStatus = "SELECT COUNT(*) FROM shops WHERE status = $1";
constexpr std::string_view kFindByStatus =
    "SELECT id, owner_user_id, name, description, city, status, created_at, courier_fee, free_courier_from, "
    "pickup_offered, pickup_place, phone, rejection_reason, decided_at, logo_url FROM shops WHERE status = $1 "
    "ORDER BY id LIMIT $2 OFFSET $3";
// Only a pending application is decided: the WHERE makes a second decision change nothing.
constexpr std::string_view kDecide =
    "UPDATE shops SET status = $2, rejection_reason = $3, decided_at = $4 WHERE id = $1 AND status = 'pending'";
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
  sql += ")";
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

}  // namespace manmulsang::sellers
