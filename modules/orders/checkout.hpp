#pragma once

#include <expected>
#include <optional>
#include <string>
#include <string_view>

#include "manmulsang/cart/cart.hpp"
#include "manmulsang/catalog/catalog.hpp"
#include "manmulsang/orders/errors.hpp"
#include "manmulsang/orders/order.hpp"
#include "manmulsang/payments/payments.hpp"
#include "manmulsang/sellers/sellers.hpp"
#include "manmulsang/settings/settings.hpp"

namespace manmulsang::orders {

// What the checkout flow works with: the services it runs steps of, inside its one transaction.
struct CheckoutParts {
  db::Database& database;
  const core::Clock& clock;
  sellers::SellerService& sellers;
  catalog::CatalogService& catalog;
  cart::CartService& cart;
  payments::PaymentService& payments;
  settings::SettingsService& settings;
};

std::expected<CheckoutReceipt, CheckoutError> RunCheckout(CheckoutParts& parts, const CheckoutCommand& command);

// The receipt as stored with its idempotency key: "total|id:seller:status:total;...".
std::string EncodeReceipt(const CheckoutReceipt& receipt);
std::optional<CheckoutReceipt> DecodeReceipt(std::string_view text);

}  // namespace manmulsang::orders
