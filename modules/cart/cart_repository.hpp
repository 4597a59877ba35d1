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
  // The member's cart id, created on first use.
  static std::int64_t CartId(db::Connection& connection, core::UserId user, std::int64_t now);
  static std::optional<std::int64_t> FindCart(db::Connection& connection, core::UserId user);
  static std::vector<CartItem> Items(db::Connection& connection, std::int64_t cart);
  static std::optional<std::int64_t> Quantity(db::Connection& connection, std::int64_t cart, core::ProductId product);
  static void Upsert(db::Connection& connection, std::int64_t cart, core::ProductId product, std::int64_t quantity,
                     std::int64_t now);
  static bool Remove(db::Connection& connection, std::int64_t cart, core::ProductId product);
  static void Clear(db::Connection& connection, std::int64_t cart);
};

}  // namespace manmulsang::cart
