#pragma once

// A real store with every module checkout touches, for the orders tests.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "manmulsang/orders/orders.hpp"
#include "marketplace_test_fixture.hpp"

namespace manmulsang::orders {

// The whole marketplace, wired as the server wires it (the platform fee is the default 3 %).
class BuyingTest : public testing::MarketplaceTestFixture {
 protected:
  // After every test: the ledger sums to zero, every transfer balances, no wallet and no stock
  // is below zero, and each order that has been paid has exactly one payment.
  void TearDown() override {
    payments::LedgerAudit audit = payments_.Audit();
    EXPECT_EQ(audit.sum, 0);
    EXPECT_EQ(audit.unbalanced_transfers, 0);
    EXPECT_EQ(audit.negative_wallets, 0);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM products WHERE stock < 0"), 0);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM orders o WHERE "
                    "(o.status IN ('paid', 'confirmed') OR (o.payment_method <> 'cod' AND o.status IN "
                    "('preparing', 'shipped', 'delivered', 'return_requested', 'return_refused', 'disputed'))) AND "
                    "(SELECT COUNT(*) FROM ledger_transfers t WHERE t.order_id = o.id AND t.kind = 'payment') <> 1"),
              0);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM ledger_transfers WHERE kind = 'payment' AND order_id NOT IN "
                    "(SELECT id FROM orders)"),
              0);
  }

  std::int64_t Stock(core::ProductId product) {
    return store_->Read([&](db::Connection& connection) {
      return connection.QueryOne("SELECT stock FROM products WHERE id = $1", {product.value})->Int(0);
    });
  }

  CheckoutCommand Command(core::UserId buyer, PaymentMethod method = PaymentMethod::wallet, std::string key = "") {
    return {buyer, method, "평양시 중구역 1동", std::move(key)};
  }

  static constexpr core::UserId kAdminUser = testing::TestMarketplace::kAdmin;
  static constexpr core::UserId kShopOwner{2};
  static constexpr core::UserId kBuyer{100};
};

}  // namespace manmulsang::orders
