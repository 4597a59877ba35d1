#pragma once

// The base of the tests that stand on the whole marketplace: a TestMarketplace and one reference
// to each of its services, named as app/wiring names them (orders_ is services().orders), so a
// module's test store adds only its own set-up and does not list the services again.

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "test_marketplace.hpp"

namespace manmulsang::testing {

class MarketplaceTestFixture : public ::testing::Test {
 protected:
  explicit MarketplaceTestFixture(TestMarketplaceOptions options = {}) : store_(std::move(options)) {}

  std::int64_t Count(std::string_view sql) { return store_.Count(sql); }

  // Signed-in members as the services receive them; a buyer's name carries the id, as a review's
  // author name shows it.
  static core::Actor Buyer(core::UserId user) {
    return {user, core::Role::buyer, "구매자 " + std::to_string(user.value)};
  }
  static core::Actor Seller(core::UserId user) { return {user, core::Role::seller, "판매자"}; }
  static core::Actor Admin() { return {TestMarketplace::kAdmin, core::Role::admin, "관리자"}; }

  TestMarketplace store_;
  core::ManualClock& clock_ = store_.clock();
  // How the marketplace is run (fee, deadlines, carriers, name, notice, bank accounts).
  settings::SettingsService& settings_ = store_.services().settings;
  // Members, what they do, and the shops they run.
  accounts::AccountService& accounts_ = store_.services().accounts;
  analytics::AnalyticsService& analytics_ = store_.services().analytics;
  sellers::SellerService& sellers_ = store_.services().sellers;
  sellers::ApplicationService& applications_ = store_.services().applications;
  // The goods and how they are found.
  search::SearchService& search_ = store_.services().search;
  catalog::CatalogService& catalog_ = store_.services().catalog;
  catalog::ListingService& listings_ = store_.services().listings;
  // Money and buying.
  payments::PaymentService& payments_ = store_.services().payments;
  cart::CartService& cart_ = store_.services().cart;
  orders::OrderService& orders_ = store_.services().orders;
  orders::AddressBook& addresses_ = store_.services().addresses;
  // What buyers say about the goods.
  reviews::ReviewService& reviews_ = store_.services().reviews;
  reviews::QuestionService& questions_ = store_.services().questions;
  // Buyers and shops writing to each other.
  messages::MessageService& messages_ = store_.services().messages;
};

}  // namespace manmulsang::testing
