#pragma once

#include <chrono>
#include <cstdint>
#include <expected>
#include <memory>
#include <optional>
#include <string>
#include <span>
#include <string_view>
#include <vector>

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
std::string_view ErrorMessage(CartError error);  // Korean

inline constexpr std::int64_t kMaxQuantity = 999;
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

// What is stored: a product and how many. Prices are never stored in a cart; they are read at
// every view and again, inside the transaction, at checkout.
struct CartItem {
  core::ProductId product;
  std::int64_t quantity = 0;
};

// A line as the buyer sees it now.
struct CartLine {
  core::ProductId product;
  std::int64_t quantity = 0;
  bool available = false;        // the product is active
  catalog::Product details;      // current name, price, stock, seller (when available)
  std::optional<std::int64_t> unit_price_kpw;  // nullopt when the currency has no rate
  std::optional<std::int64_t> line_total_kpw;
  bool enough_stock = false;
};

// Lines of one shop: each shop becomes its own order at checkout, with its own delivery.
struct ShopGroup {
  core::SellerId seller;
  std::string seller_name;
  std::vector<CartLine> lines;
  std::int64_t subtotal_kpw = 0;  // lines that can be bought
  sellers::DeliveryOptions delivery;  // what the shop offers
  sellers::DeliveryMethod delivery_method = sellers::DeliveryMethod::courier;  // as chosen (or courier)
  std::int64_t delivery_fee_kpw = 0;  // sellers::DeliveryFee of the subtotal
  std::int64_t total_kpw = 0;         // subtotal + delivery fee
};

struct CartView {
  std::vector<ShopGroup> shops;          // in seller id order
  std::vector<CartLine> unavailable;     // products no longer sold
  std::int64_t subtotal_kpw = 0;         // the goods
  std::int64_t delivery_fee_kpw = 0;     // every shop's delivery
  std::int64_t total_kpw = 0;            // what checkout would charge: goods + delivery
  std::int64_t item_count = 0;           // sum of quantities
  bool ready = false;  // every line available, in stock and priced: checkout can go ahead
};

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
  // Current prices (in won) and stock, grouped by shop, with each shop's delivery fee for the
  // method chosen (courier for a shop not named, or named for a pickup it does not offer).
  CartView View(const CartOwner& owner, const sellers::DeliveryChoices& delivery = {});

  // At login: the guest's lines join the member's (quantities of the same product add up, to
  // kMaxQuantity; lines past kMaxItems are dropped) and the guest cart is removed. Returns the
  // number of lines taken over; an unknown or malformed token merges nothing.
  int MergeGuestCart(std::string_view guest_token, core::UserId user);
  // A job: removes guest carts untouched for `age`. Returns how many.
  int DeleteStaleGuestCarts(std::chrono::seconds age);

  // --- Steps inside a caller's transaction (checkout) ---
  std::vector<CartItem> ItemsIn(db::Connection& connection, core::UserId user);
  void ClearIn(db::Connection& connection, core::UserId user);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

std::span<const core::EmbeddedFile> Migrations();

}  // namespace manmulsang::cart
