#pragma once

#include <chrono>
#include <cstdint>
#include <expected>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "manmulsang/cart/quote.hpp"
#include "manmulsang/catalog/catalog.hpp"
#include "manmulsang/core/clock.hpp"
#include "manmulsang/core/embedded_file.hpp"
#include "manmulsang/core/ids.hpp"
#include "manmulsang/core/money.hpp"
#include "manmulsang/db/database.hpp"
#include "manmulsang/payments/payments.hpp"
#include "manmulsang/sellers/sellers.hpp"

namespace manmulsang::cart {

enum class CartError {
  product_not_found,  // 404: unknown, hidden or deleted product
  invalid_quantity,   // 400: quantity < 1 or > kMaxQuantity (also after adding to a line)
  item_not_found,     // 404: the cart has no line for that product
  too_many_items,     // 400: more than kMaxItems lines
  invalid_cart,       // 400: a guest cart token the server cannot have issued
  option_required,    // 400: a listing sold through its options (size, colour): choose one
};

std::string_view ErrorCode(CartError error);

inline constexpr std::size_t kMaxItems = 100;

// Whose cart: a member's, or a guest browser's (a random token kept in a cookie).
struct CartOwner {
  std::optional<core::UserId> user;
  std::string guest_token;

  static CartOwner Member(core::UserId user) { return {user, {}}; }
  static CartOwner Guest(std::string token) { return {std::nullopt, std::move(token)}; }
};

// A fresh guest token: 32 random bytes, hex (64 characters).
std::string NewGuestCartToken();
bool ValidGuestCartToken(std::string_view token);

// How long a guest cart lives untouched: its cookie's lifetime, and the age at which the job
// (DeleteStaleGuestCarts) removes it.
inline constexpr std::chrono::days kGuestCartLifetime{30};

// Prices are never stored in a cart (CartItem, quote.hpp): they are read at every view and again,
// inside the transaction, at checkout, and priced by the one rule, MakeQuote.

class CartService {
 public:
  CartService(db::Database& database, const core::Clock& clock, sellers::SellerService& sellers,
              catalog::CatalogService& catalog, payments::PaymentService& payments);
  ~CartService();

  // Adds to the line of that product (creating it); the sum stays ≤ kMaxQuantity.
  std::expected<void, CartError> AddItem(const CartOwner& owner, core::ProductId product, std::int64_t quantity);
  std::expected<void, CartError> SetQuantity(const CartOwner& owner, core::ProductId product, std::int64_t quantity);
  std::expected<void, CartError> RemoveItem(const CartOwner& owner, core::ProductId product);
  std::vector<CartItem> Items(const CartOwner& owner);
  // The cart's quote now: current prices in won and stock, grouped by shop, with each shop's
  // delivery fee for the method chosen (courier for a shop not named). What checkout would
  // refuse (a pickup the shop does not offer, a total past the cap) is its problem.
  // claims: the coupon claims chosen (a member's own, unused; docs/BUYING.md §10).
  Quote View(const CartOwner& owner, const sellers::DeliveryChoices& delivery = {},
             std::span<const coupons::ClaimId> claims = {});

  // At login: the guest's lines join the member's (quantities of the same product add up, to
  // kMaxQuantity; lines past kMaxItems are dropped) and the guest cart is removed. Returns the
  // number of lines taken over; an unknown or malformed token merges nothing.
  int MergeGuestCart(std::string_view guest_token, core::UserId user);
  // A job: removes guest carts untouched for `age`. Returns how many.
  int DeleteStaleGuestCarts(std::chrono::seconds age);

  // --- Steps inside a caller's transaction (checkout) ---
  // The same quote, read through the caller's connection: checkout charges exactly this.
  Quote QuoteIn(db::Connection& connection, const CartOwner& owner, const sellers::DeliveryChoices& delivery,
                std::span<const coupons::ClaimId> claims = {});
  void ClearIn(db::Connection& connection, core::UserId user);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

std::span<const core::EmbeddedFile> Migrations();

}  // namespace manmulsang::cart
