#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "manmulsang/cart/cart.hpp"
#include "manmulsang/db/database.hpp"

namespace manmulsang::cart {

// All of this module's SQL.
class CartRepository {
 public:
  // The owner's cart id, created on first use.
  static std::int64_t CartId(db::Connection& connection, const CartOwner& owner, std::int64_t now);
  static std::optional<std::int64_t> FindCart(db::Connection& connection, const CartOwner& owner);
  static void Touch(db::Connection& connection, std::int64_t cart, std::int64_t now);
  static std::vector<CartItem> Items(db::Connection& connection, std::int64_t cart);
  static std::optional<std::int64_t> Quantity(db::Connection& connection, std::int64_t cart, core::ProductId product);
  static void Upsert(db::Connection& connection, std::int64_t cart, core::ProductId product, std::int64_t quantity,
                     std::int64_t now);
  static bool Remove(db::Connection& connection, std::int64_t cart, core::ProductId product);
  static void Clear(db::Connection& connection, std::int64_t cart);
  // Removes the cart and its lines.
  static void Delete(db::Connection& connection, std::int64_t cart);
  static std::vector<std::int64_t> StaleGuestCarts(db::Connection& connection, std::int64_t before, std::int64_t limit);
};

}  // namespace manmulsang::cart
