// The shop's owner hears of its listings: once when a checkout takes the stock to
// notifications::kLowStock or fewer (per crossing), and when an admin takes a listing down.

#include <gtest/gtest.h>

#include <array>

#include "manmulsang/catalog/catalog.hpp"
#include "manmulsang/notifications/notifications.hpp"
#include "test_marketplace.hpp"

namespace manmulsang::catalog {
namespace {

using notifications::Kind;

class ListingNotificationsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::vector<sellers::NewShop> shops = {{kOwner, "상점", "", "평양", sellers::ShopStatus::approved}};
    const core::SellerId shop = sellers_.InsertShops(shops).front();
    std::vector<NewProduct> products(1);
    products[0].seller = shop;
    products[0].category = catalog_.CategoryBySlug("food")->id;
    products[0].name = "햅쌀 10kg";
    products[0].price = {1'000, core::Currency::kpw};
    products[0].stock = 6;
    product_ = catalog_.InsertProducts(products).front();
  }

  void Take(std::int64_t quantity) {
    const std::array<StockRequest, 1> requests = {{{product_, quantity}}};
    ASSERT_TRUE(store_->Write([&](db::Connection& connection) { return catalog_.ReserveStock(connection, requests); }));
  }
  void PutBack(std::int64_t quantity) {
    const std::array<StockRequest, 1> requests = {{{product_, quantity}}};
    store_->Write([&](db::Connection& connection) { catalog_.ReleaseStock(connection, requests); });
  }
  std::vector<notifications::Notification> Notices() { return notifications_.List(kOwner).items; }

  static constexpr core::UserId kOwner{2};
  testing::TestMarketplace store_;
  sellers::SellerService& sellers_ = store_.services().sellers;
  CatalogService& catalog_ = store_.services().catalog;
  notifications::NotificationService& notifications_ = store_.services().notifications;
  core::ProductId product_;
};

TEST_F(ListingNotificationsTest, LowStockIsToldOncePerCrossing) {
  Take(2);  // 6 → 4: still above
  EXPECT_TRUE(Notices().empty());
  Take(1);  // 4 → 3: crosses
  ASSERT_EQ(Notices().size(), 1u);
  EXPECT_EQ(Notices()[0].kind, Kind::low_stock);
  EXPECT_EQ(Notices()[0].subject, "햅쌀 10kg");
  EXPECT_EQ(Notices()[0].link, "/seller/products/" + std::to_string(product_.value) + "/edit");
  Take(1);  // 3 → 2: already below
  EXPECT_EQ(Notices().size(), 1u);
  PutBack(5);  // 2 → 7: a restock starts a new crossing
  Take(4);     // 7 → 3
  EXPECT_EQ(Notices().size(), 2u);
}

TEST_F(ListingNotificationsTest, ATakeDownTellsTheShopsOwner) {
  const core::Actor admin{testing::TestMarketplace::kAdmin, core::Role::admin, "관리자"};
  ASSERT_TRUE(catalog_.TakeDownListing(admin, product_, "금지 품목입니다").has_value());
  ASSERT_EQ(Notices().size(), 1u);
  EXPECT_EQ(Notices()[0].kind, Kind::listing_hidden);
  EXPECT_EQ(Notices()[0].subject, "햅쌀 10kg");
  // Refused the second time: no second notification.
  EXPECT_FALSE(catalog_.TakeDownListing(admin, product_, "다시").has_value());
  EXPECT_EQ(Notices().size(), 1u);
}

}  // namespace
}  // namespace manmulsang::catalog
