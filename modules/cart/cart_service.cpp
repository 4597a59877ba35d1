#include <algorithm>
#include <array>
#include <map>

#include "cart_repository.hpp"
#include "embedded/cart_migrations.hpp"
#include "manmulsang/cart/cart.hpp"

namespace manmulsang::cart {

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

std::expected<void, CartError> CartService::AddItem(core::UserId user, core::ProductId product,
                                                    std::int64_t quantity) {
  if (quantity < 1 || quantity > kMaxQuantity) return std::unexpected(CartError::invalid_quantity);
  return impl_->database.Write([&](db::Connection& connection) -> std::expected<void, CartError> {
    const std::array<core::ProductId, 1> ids = {product};
    if (impl_->catalog.ProductsForCheckout(connection, ids).empty()) {
      return std::unexpected(CartError::product_not_found);
    }
    const std::int64_t cart = CartRepository::CartId(connection, user, impl_->Now());
    const auto existing = CartRepository::Quantity(connection, cart, product);
    if (!existing && CartRepository::Items(connection, cart).size() >= kMaxItems) {
      return std::unexpected(CartError::too_many_items);
    }
    const std::int64_t total = existing.value_or(0) + quantity;
    if (total > kMaxQuantity) return std::unexpected(CartError::invalid_quantity);
    CartRepository::Upsert(connection, cart, product, total, impl_->Now());
    return {};
  });
}

std::expected<void, CartError> CartService::SetQuantity(core::UserId user, core::ProductId product,
                                                        std::int64_t quantity) {
  if (quantity < 1 || quantity > kMaxQuantity) return std::unexpected(CartError::invalid_quantity);
  return impl_->database.Write([&](db::Connection& connection) -> std::expected<void, CartError> {
    auto cart = CartRepository::FindCart(connection, user);
    if (!cart || !CartRepository::Quantity(connection, *cart, product)) {
      return std::unexpected(CartError::item_not_found);
    }
    CartRepository::Upsert(connection, *cart, product, quantity, impl_->Now());
    return {};
  });
}

std::expected<void, CartError> CartService::RemoveItem(core::UserId user, core::ProductId product) {
  return impl_->database.Write([&](db::Connection& connection) -> std::expected<void, CartError> {
    auto cart = CartRepository::FindCart(connection, user);
    if (!cart || !CartRepository::Remove(connection, *cart, product)) {
      return std::unexpected(CartError::item_not_found);
    }
    return {};
  });
}

std::vector<CartItem> CartService::Items(core::UserId user) {
  return impl_->database.Read([&](db::Connection& connection) { return ItemsIn(connection, user); });
}

CartView CartService::View(core::UserId user) {
  CartView view;
  std::vector<CartItem> items;
  std::vector<catalog::Product> products;
  payments::ExchangeRates rates;
  impl_->database.Read([&](db::Connection& connection) {
    items = ItemsIn(connection, user);
    std::vector<core::ProductId> ids;
    for (const CartItem& item : items) ids.push_back(item.product);
    products = impl_->catalog.ProductsForCheckout(connection, ids);
    rates = impl_->payments.RatesIn(connection);
  });

  std::map<core::ProductId, const catalog::Product*> by_id;
  for (const catalog::Product& product : products) by_id[product.id] = &product;
  std::map<core::SellerId, ShopGroup> groups;
  view.ready = !items.empty();
  for (const CartItem& item : items) {
    CartLine line;
    line.product = item.product;
    line.quantity = item.quantity;
    view.item_count += item.quantity;
    auto found = by_id.find(item.product);
    if (found == by_id.end()) {
      view.unavailable.push_back(std::move(line));
      view.ready = false;
      continue;
    }
    line.available = true;
    line.details = *found->second;
    line.enough_stock = line.details.stock >= item.quantity;
    if (auto won = rates.ToKpw(line.details.price)) {
      line.unit_price_kpw = *won;
      line.line_total_kpw = *won * item.quantity;  // ≤ 10^12 × 999 fits comfortably
    }
    const bool buyable = line.enough_stock && line.line_total_kpw.has_value();
    view.ready = view.ready && buyable;
    ShopGroup& group = groups[line.details.seller];
    group.seller = line.details.seller;
    if (buyable) {
      group.subtotal_kpw += *line.line_total_kpw;
      view.total_kpw += *line.line_total_kpw;
    }
    group.lines.push_back(std::move(line));
  }

  std::vector<core::SellerId> seller_ids;
  for (const auto& [seller, group] : groups) seller_ids.push_back(seller);
  std::map<core::SellerId, std::string> names;
  for (sellers::Shop& shop : impl_->sellers.FindShops(seller_ids)) names[shop.id] = std::move(shop.name);
  for (auto& [seller, group] : groups) {
    group.seller_name = names[seller];
    for (CartLine& line : group.lines) line.details.seller_name = group.seller_name;
    view.shops.push_back(std::move(group));
  }
  return view;
}

std::vector<CartItem> CartService::ItemsIn(db::Connection& connection, core::UserId user) {
  auto cart = CartRepository::FindCart(connection, user);
  if (!cart) return {};
  return CartRepository::Items(connection, *cart);
}

void CartService::ClearIn(db::Connection& connection, core::UserId user) {
  if (auto cart = CartRepository::FindCart(connection, user)) CartRepository::Clear(connection, *cart);
}

std::string_view ErrorCode(CartError error) {
  switch (error) {
    case CartError::product_not_found: return "product_not_found";
    case CartError::invalid_quantity: return "invalid_quantity";
    case CartError::item_not_found: return "item_not_found";
    case CartError::too_many_items: return "too_many_items";
  }
  return "cart_error";
}

std::string_view ErrorMessage(CartError error) {
  switch (error) {
    case CartError::product_not_found: return "판매하지 않는 상품입니다.";
    case CartError::invalid_quantity: return "수량은 1개부터 999개까지입니다.";
    case CartError::item_not_found: return "장바구니에 없는 상품입니다.";
    case CartError::too_many_items: return "장바구니에는 상품을 100가지까지 담을 수 있습니다.";
  }
  return "장바구니 오류입니다.";
}

std::span<const core::EmbeddedFile> Migrations() { return embedded::cart_migrations(); }

}  // namespace manmulsang::cart
