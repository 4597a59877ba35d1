#include "cart_repository.hpp"

#include <string_view>

namespace manmulsang::cart {
namespace {

constexpr std::string_view kFindMemberCart = "SELECT id FROM carts WHERE user_id = $1";
constexpr std::string_view kFindGuestCart = "SELECT id FROM carts WHERE guest_token = $1";
constexpr std::string_view kInsertMemberCart = "INSERT INTO carts (user_id, updated_at) VALUES ($1, $2) RETURNING id";
constexpr std::string_view kInsertGuestCart =
    "INSERT INTO carts (guest_token, updated_at) VALUES ($1, $2) RETURNING id";
constexpr std::string_view kTouch = "UPDATE carts SET updated_at = $1 WHERE id = $2";
constexpr std::string_view kItems =
    "SELECT product_id, quantity FROM cart_items WHERE cart_id = $1 ORDER BY added_at, product_id";
constexpr std::string_view kQuantity = "SELECT quantity FROM cart_items WHERE cart_id = $1 AND product_id = $2";
constexpr std::string_view kUpsert =
    "INSERT INTO cart_items (cart_id, product_id, quantity, added_at) VALUES ($1, $2, $3, $4) "
    "ON CONFLICT (cart_id, product_id) DO UPDATE SET quantity = excluded.quantity";
constexpr std::string_view kRemove = "DELETE FROM cart_items WHERE cart_id = $1 AND product_id = $2";
constexpr std::string_view kClear = "DELETE FROM cart_items WHERE cart_id = $1";
constexpr std::string_view kDelete = "DELETE FROM carts WHERE id = $1";
constexpr std::string_view kStaleGuestCarts =
    "SELECT id FROM carts WHERE guest_token IS NOT NULL AND updated_at < $1 ORDER BY updated_at LIMIT $2";

}  // namespace

std::int64_t CartRepository::CartId(db::Connection& connection, const CartOwner& owner, std::int64_t now) {
  if (auto cart = FindCart(connection, owner)) return *cart;
  auto row = owner.user ? connection.QueryOne(kInsertMemberCart, {owner.user->value, now})
                        : connection.QueryOne(kInsertGuestCart, {std::string_view(owner.guest_token), now});
  if (!row) throw db::DatabaseError("insert into carts returned no id");
  return row->Int(0);
}

std::optional<std::int64_t> CartRepository::FindCart(db::Connection& connection, const CartOwner& owner) {
  auto row = owner.user ? connection.QueryOne(kFindMemberCart, {owner.user->value})
                        : connection.QueryOne(kFindGuestCart, {std::string_view(owner.guest_token)});
  if (!row) return std::nullopt;
  return row->Int(0);
}

void CartRepository::Touch(db::Connection& connection, std::int64_t cart, std::int64_t now) {
  connection.Execute(kTouch, {now, cart});
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

void CartRepository::Delete(db::Connection& connection, std::int64_t cart) {
  connection.Execute(kClear, {cart});
  connection.Execute(kDelete, {cart});
}

std::vector<std::int64_t> CartRepository::StaleGuestCarts(db::Connection& connection, std::int64_t before,
                                                          std::int64_t limit) {
  std::vector<std::int64_t> carts;
  for (const db::Row& row : connection.Query(kStaleGuestCarts, {before, limit})) carts.push_back(row.Int(0));
  return carts;
}

}  // namespace manmulsang::cart
