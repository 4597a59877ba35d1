#include "cart_repository.hpp"

#include <string_view>

namespace manmulsang::cart {
namespace {

constexpr std::string_view kFindCart = "SELECT id FROM carts WHERE user_id = $1";
constexpr std::string_view kInsertCart = "INSERT INTO carts (user_id, updated_at) VALUES ($1, $2) RETURNING id";
constexpr std::string_view kItems =
    "SELECT product_id, quantity FROM cart_items WHERE cart_id = $1 ORDER BY added_at, product_id";
constexpr std::string_view kQuantity = "SELECT quantity FROM cart_items WHERE cart_id = $1 AND product_id = $2";
constexpr std::string_view kUpsert =
    "INSERT INTO cart_items (cart_id, product_id, quantity, added_at) VALUES ($1, $2, $3, $4) "
    "ON CONFLICT (cart_id, product_id) DO UPDATE SET quantity = excluded.quantity";
constexpr std::string_view kRemove = "DELETE FROM cart_items WHERE cart_id = $1 AND product_id = $2";
constexpr std::string_view kClear = "DELETE FROM cart_items WHERE cart_id = $1";

}  // namespace

std::int64_t CartRepository::CartId(db::Connection& connection, core::UserId user, std::int64_t now) {
  if (auto cart = FindCart(connection, user)) return *cart;
  auto row = connection.QueryOne(kInsertCart, {user.value, now});
  if (!row) throw db::DatabaseError("insert into carts returned no id");
  return row->Int(0);
}

std::optional<std::int64_t> CartRepository::FindCart(db::Connection& connection, core::UserId user) {
  auto row = connection.QueryOne(kFindCart, {user.value});
  if (!row) return std::nullopt;
  return row->Int(0);
}

std::vector<CartItem> CartRepository::Items(db::Connection& connection, std::int64_t cart) {
  std::vector<CartItem> items;
  for (const db::Row& row : connection.Query(kItems, {cart})) {
    items.push_back({core::ProductId{row.Int(0)}, row.Int(1)});
  }
  return items;
}

std::optional<std::int64_t> CartRepository::Quantity(db::Connection& connection, std::int64_t cart,
                                                     core::ProductId product) {
  auto row = connection.QueryOne(kQuantity, {cart, product.value});
  if (!row) return std::nullopt;
  return row->Int(0);
}

void CartRepository::Upsert(db::Connection& connection, std::int64_t cart, core::ProductId product,
                            std::int64_t quantity, std::int64_t now) {
  connection.Execute(kUpsert, {cart, product.value, quantity, now});
}

bool CartRepository::Remove(db::Connection& connection, std::int64_t cart, core::ProductId product) {
  return connection.Execute(kRemove, {cart, product.value}) > 0;
}

void CartRepository::Clear(db::Connection& connection, std::int64_t cart) { connection.Execute(kClear, {cart}); }

}  // namespace manmulsang::cart
