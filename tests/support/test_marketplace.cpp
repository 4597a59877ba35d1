#include "test_marketplace.hpp"

#include <gtest/gtest.h>

#include <utility>
#include <vector>

#include "wiring/all_migrations.hpp"

namespace manmulsang::testing {

TestMarketplace::TestMarketplace(TestMarketplaceOptions options)
    : store_(app::AllMigrations()),
      clock_(options.start),
      services_(std::make_unique<app::MarketplaceServices>(store_.database(), clock_, options.settings)) {}

// Every test that stands on the marketplace ends with the ledger's invariants checked, whatever it
// did: the entries sum to zero, every transfer balances, no wallet is below zero, and each
// wallet's kept balance is the sum of its entries. A test that
// broke the store on purpose (a row no code can read) cannot be audited and is left alone. The
// services go last: the analytics flush on the way out still needs the store.
TestMarketplace::~TestMarketplace() {
  try {
    const payments::LedgerAudit ledger = services_->payments.Audit();
    if (ledger.sum != 0 || ledger.unbalanced_transfers != 0 || ledger.negative_wallets != 0 ||
        ledger.misstated_wallets != 0) {
      ADD_FAILURE() << "the ledger is out of balance after the test: entries sum to " << ledger.sum << ", "
                    << ledger.unbalanced_transfers << " unbalanced transfers, " << ledger.negative_wallets
                    << " wallets below zero, " << ledger.misstated_wallets
                    << " wallets whose kept balance is not the sum of their entries";
    }
  } catch (const db::DatabaseError&) {
  }
  services_.reset();
}

std::int64_t TestMarketplace::Count(std::string_view sql) {
  return store_->Read([&](db::Connection& connection) { return connection.QueryOne(sql)->Int(0); });
}

core::SellerId TestMarketplace::AddShop(core::UserId owner, std::string name, sellers::ShopStatus status) {
  std::vector<sellers::NewShop> shops = {{owner, std::move(name), "", "평양", status}};
  return services_->sellers.InsertShops(shops).front();
}

core::ProductId TestMarketplace::AddListing(core::SellerId seller, std::int64_t price, std::int64_t stock,
                                            core::Currency currency) {
  catalog::NewProduct product;
  product.seller = seller;
  product.category = services_->catalog.CategoryBySlug("food")->id;
  product.name = "상품 " + std::to_string(++listing_number_);
  product.price = {price, currency};
  product.stock = stock;
  product.created_at = clock_.Now();
  std::vector<catalog::NewProduct> products = {product};
  return services_->catalog.InsertProducts(products).front();
}

void TestMarketplace::TopUp(core::UserId member, std::int64_t won) {
  EXPECT_TRUE(services_->payments.CreditWallet({member, {won, core::Currency::kpw}, "입금표", kAdmin}).has_value());
}

core::OrderId TestMarketplace::PlaceOrder(core::UserId buyer, core::ProductId product, std::int64_t quantity) {
  TopUp(buyer, 1'000'000);
  EXPECT_TRUE(services_->cart.AddItem(cart::CartOwner::Member(buyer), product, quantity).has_value());
  auto receipt = services_->orders.Checkout({buyer, orders::PaymentMethod::wallet, "평양시 중구역 1동"});
  EXPECT_TRUE(receipt.has_value());
  return receipt.has_value() ? receipt->orders.front().id : core::OrderId{};
}

}  // namespace manmulsang::testing
