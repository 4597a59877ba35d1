#pragma once

#include <memory>

#include "config.hpp"
#include "manmulsang/accounts/accounts.hpp"
#include "manmulsang/analytics/analytics.hpp"
#include "manmulsang/cart/cart.hpp"
#include "manmulsang/catalog/catalog.hpp"
#include "manmulsang/core/clock.hpp"
#include "manmulsang/db/database.hpp"
#include "manmulsang/orders/address_book.hpp"
#include "manmulsang/orders/orders.hpp"
#include "manmulsang/payments/payments.hpp"
#include "manmulsang/sellers/sellers.hpp"

namespace manmulsang::http {
class Router;
}

namespace manmulsang::app {

// The composition root: config → store → modules. Every command builds one; `serve` also
// builds the routes.
class Marketplace {
 public:
  // Opens the store named by config (creating the data folder for SQLite) and applies every
  // module's pending migrations.
  explicit Marketplace(const Config& config);
  ~Marketplace();

  db::Database& database() { return *database_; }
  const core::Clock& clock() const { return clock_; }
  accounts::AccountService& accounts() { return *accounts_; }
  sellers::SellerService& sellers() { return *sellers_; }
  catalog::CatalogService& catalog() { return *catalog_; }
  analytics::AnalyticsService& analytics() { return *analytics_; }
  payments::PaymentService& payments() { return *payments_; }
  cart::CartService& cart() { return *cart_; }
  orders::OrderService& orders() { return *orders_; }

  // How many migrations opening the store applied.
  int migrations_applied() const { return migrations_applied_; }

  // Serves HTTP until SIGINT/SIGTERM. Prints the listening URL once it accepts.
  void Serve(const Config& config);

 private:
  int Migrate();

  core::SystemClock clock_;
  int migrations_applied_ = 0;
  std::unique_ptr<db::Database> database_;
  std::unique_ptr<accounts::AccountService> accounts_;
  std::unique_ptr<sellers::SellerService> sellers_;
  std::unique_ptr<catalog::CatalogService> catalog_;
  std::unique_ptr<analytics::AnalyticsService> analytics_;
  std::unique_ptr<payments::PaymentService> payments_;
  std::unique_ptr<cart::CartService> cart_;
  std::unique_ptr<orders::OrderService> orders_;
  std::unique_ptr<orders::AddressBook> addresses_;
};

}  // namespace manmulsang::app
