#include <gtest/gtest.h>

#include <array>

#include "manmulsang/catalog/catalog.hpp"
#include "test_marketplace.hpp"

namespace manmulsang::catalog {
namespace {

class StockReservationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::vector<sellers::NewShop> shops = {{core::UserId{1}, "상점", "", "평양", sellers::ShopStatus::approved}};
    const core::SellerId shop = sellers_.InsertShops(shops).front();
    std::vector<NewProduct> products(2);
    for (NewProduct& product : products) {
      product.seller = shop;
      product.category = catalog_.CategoryBySlug("food")->id;
      product.name = "쌀";
      product.price = {1'000, core::Currency::kpw};
      product.stock = 3;
    }
    ids_ = catalog_.InsertProducts(products);
  }

  std::int64_t Stock(core::ProductId id) {
    return store_->Read([&](db::Connection& connection) {
      return connection.QueryOne("SELECT stock FROM products WHERE id = $1", {id.value})->Int(0);
    });
  }

  testing::TestMarketplace store_;
  core::ManualClock& clock_ = store_.clock();
  sellers::SellerService& sellers_ = store_.services().sellers;
  CatalogService& catalog_ = store_.services().catalog;
  std::vector<core::ProductId> ids_;
};

TEST_F(StockReservationTest, ReservesWithinTheCallersTransaction) {
  const std::array<StockRequest, 3> requests = {{{ids_[1], 1}, {ids_[0], 2}, {ids_[1], 1}}};
  auto reserved =
      store_->Write([&](db::Connection& connection) { return catalog_.ReserveStock(connection, requests); });
  ASSERT_TRUE(reserved.has_value());
  EXPECT_EQ(Stock(ids_[0]), 1);
  EXPECT_EQ(Stock(ids_[1]), 1);  // the same product twice is taken as one sum
  store_->Write([&](db::Connection& connection) { catalog_.ReleaseStock(connection, requests); });
  EXPECT_EQ(Stock(ids_[0]), 3);
  EXPECT_EQ(Stock(ids_[1]), 3);
}

TEST_F(StockReservationTest, NeverBelowZeroAndAllOrNothing) {
  const std::array<StockRequest, 2> requests = {{{ids_[0], 2}, {ids_[1], 4}}};
  auto short_of =
      store_->Write([&](db::Connection& connection) { return catalog_.ReserveStock(connection, requests); });
  ASSERT_FALSE(short_of.has_value());
  EXPECT_EQ(short_of.error().product, ids_[1]);
  EXPECT_EQ(short_of.error().requested, 4);
  EXPECT_EQ(short_of.error().available, 3);
  EXPECT_EQ(Stock(ids_[0]), 3);  // the caller's rollback undid the first request

  const std::array<StockRequest, 1> unknown = {{{core::ProductId{9'999}, 1}}};
  auto missing = store_->Write([&](db::Connection& connection) { return catalog_.ReserveStock(connection, unknown); });
  EXPECT_EQ(missing.error().available, 0);
  const std::array<StockRequest, 1> negative = {{{ids_[0], -1}}};
  auto refused = store_->Write([&](db::Connection& connection) { return catalog_.ReserveStock(connection, negative); });
  EXPECT_FALSE(refused.has_value());
  EXPECT_EQ(Stock(ids_[0]), 3);
}

TEST_F(StockReservationTest, ProductsForCheckoutReadsOnlyActiveOnes) {
  store_->Write([&](db::Connection& connection) {
    connection.Execute("UPDATE products SET status = 'hidden' WHERE id = $1", {ids_[1].value});
  });
  const std::array<core::ProductId, 3> wanted = {ids_[1], ids_[0], core::ProductId{9'999}};
  auto products =
      store_->Read([&](db::Connection& connection) { return catalog_.ProductsForCheckout(connection, wanted); });
  ASSERT_EQ(products.size(), 1u);
  EXPECT_EQ(products[0].id, ids_[0]);
  EXPECT_EQ(products[0].price.amount, 1'000);
  EXPECT_EQ(products[0].stock, 3);
  const std::array<StockRequest, 1> hidden = {{{ids_[1], 1}}};
  auto refused = store_->Write([&](db::Connection& connection) { return catalog_.ReserveStock(connection, hidden); });
  EXPECT_FALSE(refused.has_value());
}

}  // namespace
}  // namespace manmulsang::catalog
