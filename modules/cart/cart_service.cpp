#include <algorithm>
#include <array>

#include <sodium.h>
#include <mutex>
#include <stdexcept>

#include "cart_repository.hpp"
#include "embedded/cart_migrations.hpp"
#include "manmulsang/cart/cart.hpp"
#include "manmulsang/core/sodium.hpp"

namespace manmulsang::cart {

namespace {

constexpr std::size_t kGuestTokenBytes = 32;
// The stale-cart cleanup's cluster-wide lock (Connection::TryTransactionLock): a stable number.
constexpr std::int64_t kStaleCartsLock = 0x4d4d'4341'0001;  // "MMCA" 1

bool ValidOwner(const CartOwner& owner) { return owner.user || ValidGuestCartToken(owner.guest_token); }

}  // namespace

std::string NewGuestCartToken() {
  core::EnsureSodium();
  std::array<unsigned char, kGuestTokenBytes> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  std::array<char, kGuestTokenBytes * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
  return std::string(hex.data(), kGuestTokenBytes * 2);
}

bool ValidGuestCartToken(std::string_view token) {
  if (token.size() != kGuestTokenBytes * 2) return false;
  return std::ranges::all_of(token, [](char character) {
    return (character >= '0' && character <= '9') || (character >= 'a' && character <= 'f');
  });
}

struct CartService::Impl {
  db::Database& database;
  const core::Clock& clock;
  sellers::SellerService& sellers;
  catalog::CatalogService& catalog;
  payments::PaymentService& payments;

  std::int64_t Now() const { return core::ToUnixSeconds(clock.Now()); }
};

CartService::CartService(db::Database& database, const core::Clock& clock, sellers::SellerService& sellers,
                         catalog::CatalogService& catalog, payments::PaymentService& payments)
    : impl_(std::make_unique<Impl>(database, clock, sellers, catalog, payments)) {}

CartService::~CartService() = default;

std::expected<void, CartError> CartService::AddItem(const CartOwner& owner, core::ProductId product,
                                                    std::int64_t quantity) {
  if (!ValidOwner(owner)) return std::unexpected(CartError::invalid_cart);
  if (quantity < 1 || quantity > kMaxQuantity) return std::unexpected(CartError::invalid_quantity);
  auto added = impl_->database.Write([&](db::Connection& connection) -> std::expected<void, CartError> {
    const std::array<core::ProductId, 1> ids = {product};
    if (impl_->catalog.ProductsForCheckout(connection, ids).empty()) {
      return std::unexpected(CartError::product_not_found);
    }
    const std::int64_t cart = CartRepository::CartId(connection, owner, impl_->Now());
    const auto existing = CartRepository::Quantity(connection, cart, product);
    if (!existing && CartRepository::Items(connection, cart).size() >= kMaxItems) {
      return std::unexpected(CartError::too_many_items);
    }
    const std::int64_t total = existing.value_or(0) + quantity;
    if (total > kMaxQuantity) return std::unexpected(CartError::invalid_quantity);
    CartRepository::Upsert(connection, cart, product, total, impl_->Now());
    CartRepository::Touch(connection, cart, impl_->Now());
    return {};
  });
  if (!added && added.error() == CartError::product_not_found) {
    // A listing sold through its options (size, colour) is on sale, just not by itself: say so.
    // Asked after the write transaction, which a read of the catalog must not wait inside.
    auto listed = impl_->catalog.GetProduct(product);
    if (listed && listed->id == product && listed->has_variants) return std::unexpected(CartError::option_required);
  }
  return added;
}

std::expected<void, CartError> CartService::SetQuantity(const CartOwner& owner, core::ProductId product,
                                                        std::int64_t quantity) {
  if (!ValidOwner(owner)) return std::unexpected(CartError::invalid_cart);
  if (quantity < 1 || quantity > kMaxQuantity) return std::unexpected(CartError::invalid_quantity);
  return impl_->database.Write([&](db::Connection& connection) -> std::expected<void, CartError> {
    auto cart = CartRepository::FindCart(connection, owner);
    if (!cart || !CartRepository::Quantity(connection, *cart, product)) {
      return std::unexpected(CartError::item_not_found);
    }
    CartRepository::Upsert(connection, *cart, product, quantity, impl_->Now());
    CartRepository::Touch(connection, *cart, impl_->Now());
    return {};
  });
}

std::expected<void, CartError> CartService::RemoveItem(const CartOwner& owner, core::ProductId product) {
  if (!ValidOwner(owner)) return std::unexpected(CartError::invalid_cart);
  return impl_->database.Write([&](db::Connection& connection) -> std::expected<void, CartError> {
    auto cart = CartRepository::FindCart(connection, owner);
    if (!cart || !CartRepository::Remove(connection, *cart, product)) {
      return std::unexpected(CartError::item_not_found);
    }
    return {};
  });
}

std::vector<CartItem> CartService::Items(const CartOwner& owner) {
  if (!ValidOwner(owner)) return {};
  return impl_->database.Read([&](db::Connection& connection) -> std::vector<CartItem> {
    auto cart = CartRepository::FindCart(connection, owner);
    if (!cart) return {};
    return CartRepository::Items(connection, *cart);
  });
}

int CartService::MergeGuestCart(std::string_view guest_token, core::UserId user) {
  if (!ValidGuestCartToken(guest_token)) return 0;
  return impl_->database.Write([&](db::Connection& connection) {
    const CartOwner guest = CartOwner::Guest(std::string(guest_token));
    auto guest_cart = CartRepository::FindCart(connection, guest);
    if (!guest_cart) return 0;
    const std::vector<CartItem> items = CartRepository::Items(connection, *guest_cart);
    int merged = 0;
    if (!items.empty()) {
      const std::int64_t cart = CartRepository::CartId(connection, CartOwner::Member(user), impl_->Now());
      std::size_t lines = CartRepository::Items(connection, cart).size();
      for (const CartItem& item : items) {
        const auto existing = CartRepository::Quantity(connection, cart, item.product);
        if (!existing && lines >= kMaxItems) continue;
        if (!existing) ++lines;
        CartRepository::Upsert(connection, cart, item.product,
                               std::min(kMaxQuantity, existing.value_or(0) + item.quantity), impl_->Now());
        ++merged;
      }
      CartRepository::Touch(connection, cart, impl_->Now());
    }
    CartRepository::Delete(connection, *guest_cart);
    return merged;
  });
}

int CartService::DeleteStaleGuestCarts(std::chrono::seconds age) {
  constexpr std::int64_t kBatch = 500;
  const std::int64_t before = core::ToUnixSeconds(impl_->clock.Now() - age);
  int deleted = 0;
  while (true) {
    // Batches in short transactions, so that checkouts never wait behind a long cleanup.
    // On several nodes one takes the cleanup's lock and the others skip their turn.
    const int removed = impl_->database.Write([&](db::Connection& connection) {
      if (!connection.TryTransactionLock(kStaleCartsLock)) return -1;
      const std::vector<std::int64_t> carts = CartRepository::StaleGuestCarts(connection, before, kBatch);
      for (std::int64_t cart : carts) CartRepository::Delete(connection, cart);
      return static_cast<int>(carts.size());
    });
    if (removed < 0) break;
    deleted += removed;
    if (removed < kBatch) break;
  }
  return deleted;
}

Quote CartService::View(const CartOwner& owner, const sellers::DeliveryChoices& delivery,
                        std::span<const coupons::ClaimId> claims) {
  if (!ValidOwner(owner)) return {};
  return impl_->database.Read([&](db::Connection& connection) { return QuoteIn(connection, owner, delivery, claims); });
}

Quote CartService::QuoteIn(db::Connection& connection, const CartOwner& owner, const sellers::DeliveryChoices& delivery,
                           std::span<const coupons::ClaimId> claims) {
  std::vector<CartItem> items;
  if (auto cart = CartRepository::FindCart(connection, owner)) items = CartRepository::Items(connection, *cart);
  std::vector<core::ProductId> ids;
  for (const CartItem& item : items) ids.push_back(item.product);
  const std::vector<catalog::Product> products = impl_->catalog.ProductsForCheckout(connection, ids);
  std::vector<core::SellerId> seller_ids;
  for (const catalog::Product& product : products) seller_ids.push_back(product.seller);
  const std::vector<sellers::Shop> shops = impl_->sellers.FindShopsIn(connection, seller_ids);
  const payments::ExchangeRates rates = impl_->payments.RatesIn(connection);
  // The claims chosen, read in the same transaction: checkout then spends exactly these.
  std::vector<coupons::Claim> chosen;
  if (owner.user) chosen = coupons::UnusedClaimsIn(connection, *owner.user, claims);
  return MakeQuote({items, products, rates, shops, delivery, claims, chosen, impl_->clock.Now()});
}

void CartService::ClearIn(db::Connection& connection, core::UserId user) {
  if (auto cart = CartRepository::FindCart(connection, CartOwner::Member(user)))
    CartRepository::Clear(connection, *cart);
}

std::string_view ErrorCode(CartError error) {
  switch (error) {
    case CartError::product_not_found:
      return "product_not_found";
    case CartError::invalid_quantity:
      return "invalid_quantity";
    case CartError::item_not_found:
      return "item_not_found";
    case CartError::too_many_items:
      return "too_many_items";
    case CartError::invalid_cart:
      return "invalid_cart";
    case CartError::option_required:
      return "option_required";
  }
  return "cart_error";
}

std::span<const core::EmbeddedFile> Migrations() { return embedded::cart_migrations(); }

}  // namespace manmulsang::cart
