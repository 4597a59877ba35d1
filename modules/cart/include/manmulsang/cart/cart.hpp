#pragma once

#include <cstdint>
#include <expected>
#include <memory>
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
};

std::string_view ErrorCode(CartError error);
std::string_view ErrorMessage(CartError error);  // Korean

inline constexpr std::int64_t kMaxQuantity = 999;
inline constexpr std::size_t kMaxItems = 100;

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

// Lines of one shop: each shop becomes its own order at checkout.
struct ShopGroup {
  core::SellerId seller;
  std::string seller_name;
  std::vector<CartLine> lines;
  std::int64_t subtotal_kpw = 0;  // lines that can be bought
};

struct CartView {
  std::vector<ShopGroup> shops;          // in seller id order
  std::vector<CartLine> unavailable;     // products no longer sold
  std::int64_t total_kpw = 0;
  std::int64_t item_count = 0;           // sum of quantities
  bool ready = false;  // every line available, in stock and priced: checkout can go ahead
};

class CartService {
 public:
  CartService(db::Database& database, const core::Clock& clock, sellers::SellerService& sellers,
              catalog::CatalogService& catalog, payments::PaymentService& payments);
  ~CartService();

  // Adds to the line of that product (creating it); the sum stays ≤ kMaxQuantity.
  std::expected<void, CartError> AddItem(core::UserId user, core::ProductId product, std::int64_t quantity);
  std::expected<void, CartError> SetQuantity(core::UserId user, core::ProductId product, std::int64_t quantity);
  std::expected<void, CartError> RemoveItem(core::UserId user, core::ProductId product);
  std::vector<CartItem> Items(core::UserId user);
  // Current prices (in won) and stock, grouped by shop.
  CartView View(core::UserId user);

  // --- Steps inside a caller's transaction (checkout) ---
  std::vector<CartItem> ItemsIn(db::Connection& connection, core::UserId user);
  void ClearIn(db::Connection& connection, core::UserId user);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

std::span<const core::EmbeddedFile> Migrations();

}  // namespace manmulsang::cart
