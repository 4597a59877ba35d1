#pragma once

#include <memory>

#include "config.hpp"
#include "manmulsang/accounts/accounts.hpp"
#include "manmulsang/analytics/analytics.hpp"
#include "manmulsang/cart/cart.hpp"
#include "manmulsang/catalog/catalog.hpp"
#include "manmulsang/core/clock.hpp"
#include "manmulsang/db/database.hpp"
#include "manmulsang/media/media_library.hpp"
#include "manmulsang/orders/address_book.hpp"
#include "manmulsang/orders/orders.hpp"
#include "manmulsang/payments/payments.hpp"
#include "manmulsang/reviews/questions.hpp"
#include "manmulsang/reviews/reviews.hpp"
#include "manmulsang/search/search.hpp"
#include "manmulsang/search/trending_searches.hpp"
#include "manmulsang/sellers/applications.hpp"
#include "manmulsang/sellers/sellers.hpp"

namespace manmulsang::http {
class Router;
}

namespace manmulsang::app {

// The composition root: config → store → modules. Every command builds one; `serve` also
// builds the routes.
class Marketplace {
 public:
  enum class Purpose { command, serve };

  // Opens the store named by config (creating the data folder for SQLite), applies every
  // module's pending migrations and indexes listings the search index lacks (a store made
  // before it). Only Purpose::serve may load the search index into memory.
  explicit Marketplace(const Config& config, Purpose purpose = Purpose::command);
  ~Marketplace();

  db::Database& database() { return *database_; }
  const core::Clock& clock() const { return clock_; }
  accounts::AccountService& accounts() { return *accounts_; }
  sellers::SellerService& sellers() { return *sellers_; }
  sellers::ApplicationService& applications() { return *applications_; }
  search::SearchService& search() { return *search_; }
  search::TrendingSearches& trending() { return *trending_; }
  catalog::CatalogService& catalog() { return *catalog_; }
  analytics::AnalyticsService& analytics() { return *analytics_; }
  payments::PaymentService& payments() { return *payments_; }
  cart::CartService& cart() { return *cart_; }
  orders::OrderService& orders() { return *orders_; }
  reviews::ReviewService& reviews() { return *reviews_; }
  reviews::QuestionService& questions() { return *questions_; }
  // Uploaded pictures: the pipeline and the store under <data>/media (docs/IMAGES.md).
  media::MediaLibrary& media() { return *media_; }

  // How many migrations opening the store applied.
  int migrations_applied() const { return migrations_applied_; }

  // Serves HTTP until SIGINT/SIGTERM. Prints the listening URL once it accepts.
  void Serve(const Config& config);

 private:
  int Migrate();
  // Makes the index whole if it is not, and says whether queries should be served from memory.
  bool PrepareSearch(const Config& config, Purpose purpose);

  core::SystemClock clock_;
  int migrations_applied_ = 0;
  std::unique_ptr<db::Database> database_;
  std::unique_ptr<accounts::AccountService> accounts_;
  std::unique_ptr<sellers::SellerService> sellers_;
  std::unique_ptr<sellers::ApplicationService> applications_;
  std::unique_ptr<search::SearchService> search_;
  std::unique_ptr<search::TrendingSearches> trending_;
  std::unique_ptr<catalog::CatalogService> catalog_;
  std::unique_ptr<analytics::AnalyticsService> analytics_;
  std::unique_ptr<payments::PaymentService> payments_;
  std::unique_ptr<cart::CartService> cart_;
  std::unique_ptr<orders::OrderService> orders_;
  std::unique_ptr<orders::AddressBook> addresses_;
  std::unique_ptr<reviews::ReviewService> reviews_;
  std::unique_ptr<media::MediaLibrary> media_;
  std::unique_ptr<reviews::QuestionService> questions_;
};

}  // namespace manmulsang::app
