#pragma once

#include "manmulsang/accounts/accounts.hpp"
#include "manmulsang/analytics/analytics.hpp"
#include "manmulsang/audit/audit.hpp"
#include "manmulsang/cart/cart.hpp"
#include "manmulsang/coupons/coupons.hpp"
#include "manmulsang/catalog/catalog.hpp"
#include "manmulsang/catalog/listings.hpp"
#include "manmulsang/core/clock.hpp"
#include "manmulsang/db/database.hpp"
#include "manmulsang/messages/messages.hpp"
#include "manmulsang/notifications/notifications.hpp"
#include "manmulsang/orders/address_book.hpp"
#include "manmulsang/orders/orders.hpp"
#include "manmulsang/payments/payments.hpp"
#include "manmulsang/reviews/questions.hpp"
#include "manmulsang/reviews/reviews.hpp"
#include "manmulsang/search/search.hpp"
#include "manmulsang/search/trending_searches.hpp"
#include "manmulsang/sellers/applications.hpp"
#include "manmulsang/sellers/sellers.hpp"
#include "manmulsang/settings/settings.hpp"
#include "manmulsang/wishlist/wishlist.hpp"

namespace manmulsang::app {

// What the services are told beyond the store and the clock.
struct MarketplaceSettings {
  search::SearchOptions search;
  analytics::AnalyticsOptions analytics;
};

// Every module's services over one store and one clock, each given the services it stands on:
// the one wiring the server, the commands, the demo, the tests (through testing::TestMarketplace)
// and the benches share. The store must already be migrated (AllMigrations()). The members are
// declared in dependency order, so each is built after, and destroyed before, those it uses.
struct MarketplaceServices {
  MarketplaceServices(db::Database& database, const core::Clock& clock, const MarketplaceSettings& settings = {});

  MarketplaceServices(const MarketplaceServices&) = delete;
  MarketplaceServices& operator=(const MarketplaceServices&) = delete;

  audit::AuditLog audit;  // reading the log; the services append to it in their own transactions
  // The member's notifications; the services record them in their own transactions.
  notifications::NotificationService notifications;
  // The operating settings (fee, deadlines, carriers, name, notice, bank accounts), read from the
  // store whenever they are used.
  settings::SettingsService settings;
  accounts::AccountService accounts;
  analytics::AnalyticsService analytics;
  sellers::SellerService sellers;
  sellers::ApplicationService applications;
  search::SearchService search;
  search::TrendingSearches trending;
  catalog::CatalogService catalog;
  catalog::ListingService listings;
  // 찜, followed shops and recently viewed products.
  wishlist::WishlistService wishlist;
  payments::PaymentService payments;
  coupons::CouponService coupons;
  cart::CartService cart;
  orders::OrderService orders;
  orders::AddressBook addresses;
  reviews::ReviewService reviews;
  reviews::QuestionService questions;
  // Conversations between buyers and shops about an order or a product.
  messages::MessageService messages;
};

}  // namespace manmulsang::app
