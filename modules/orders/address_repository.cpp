#include "address_repository.hpp"

#include <string_view>

namespace manmulsang::orders {
namespace {

constexpr std::string_view kList =
    "SELECT id, user_id, recipient, phone, line, is_default FROM addresses WHERE user_id = $1 "
    "ORDER BY is_default DESC, id DESC";
constexpr std::string_view kFind =
    "SELECT id, user_id, recipient, phone, line, is_default FROM addresses WHERE user_id = $1 AND id = $2";
constexpr std::string_view kCount = "SELECT COUNT(*) FROM addresses WHERE user_id = $1";
constexpr std::string_view kInsert =
    "INSERT INTO addresses (user_id, recipient, phone, line, is_default, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
constexpr std::string_view kDelete = "DELETE FROM addresses WHERE user_id = $1 AND id = $2";
constexpr std::string_view kSetDefault =
    "UPDATE addresses SET is_default = CASE WHEN id = $2 THEN 1 ELSE 0 END WHERE user_id = $1";
constexpr std::string_view kDefaultToNewest =
    "UPDATE addresses SET is_default = 1 WHERE id = (SELECT MAX(id) FROM addresses WHERE user_id = $1) "
    "AND NOT EXISTS (SELECT 1 FROM addresses WHERE user_id = $1 AND is_default = 1)";

Address FromRow(const db::Row& row) {
  return {AddressId{row.Int(0)}, core::UserId{row.Int(1)}, row.Text(2), row.Text(3), row.Text(4), row.Int(5) == 1};
}

}  // namespace

std::vector<Address> AddressRepository::List(db::Connection& connection, core::UserId user) {
  std::vector<Address> addresses;
  for (const db::Row& row : connection.Query(kList, {user.value})) addresses.push_back(FromRow(row));
  return addresses;
}

std::optional<Address> AddressRepository::Find(db::Connection& connection, core::UserId user, AddressId id) {
  auto row = connection.QueryOne(kFind, {user.value, id.value});
  if (!row) return std::nullopt;
  return FromRow(*row);
}

std::int64_t AddressRepository::Count(db::Connection& connection, core::UserId user) {
  auto row = connection.QueryOne(kCount, {user.value});
  return row ? row->Int(0) : 0;
}

AddressId AddressRepository::Insert(db::Connection& connection, core::UserId user, const NewAddress& address,
                                    bool is_default, std::int64_t now) {
  auto row =
      connection.QueryOne(kInsert, {user.value, std::string_view(address.recipient), std::string_view(address.phone),
                                    std::string_view(address.line), std::int64_t{is_default ? 1 : 0}, now});
  if (!row) throw db::DatabaseError("insert into addresses returned no id");
  return AddressId{row->Int(0)};
}

bool AddressRepository::Delete(db::Connection& connection, core::UserId user, AddressId id) {
  return connection.Execute(kDelete, {user.value, id.value}) == 1;
}

void AddressRepository::SetDefault(db::Connection& connection, core::UserId user, AddressId id) {
  connection.Execute(kSetDefault, {user.value, id.value});
}

void AddressRepository::DefaultToNewest(db::Connection& connection, core::UserId user) {
  connection.Execute(kDefaultToNewest, {user.value});
}

}  // namespace manmulsang::orders
