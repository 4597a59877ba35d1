#include <gtest/gtest.h>

#include <array>

#include "manmulsang/cart/cart.hpp"
#include "test_database.hpp"

namespace manmulsang::cart {
namespace {

using namespace std::chrono_literals;

class CartTest : public ::testing::Test {
 protected:
  static std::array<db::Database::ModuleMigrations, 4> Modules() {
    return {{{"sellers", sellers::Migrations()},
             {"catalog", catalog::Migrations()},
             {"payments", payments::Migrations()},
             {"cart", Migrations()}}};
  }

  void SetUp() override {
    std::vector<sellers::NewShop> shops = {{core::UserId{1}, "상점", "", "평양", sellers::ShopStatus::approved}};
    const core::SellerId shop = sellers_.InsertShops(shops).front();
    std::vector<catalog::NewProduct> products(3);
    for (catalog::NewProduct& product : products) {
      product.seller = shop;
      product.category = catalog_.CategoryBySlug("food")->id;
      product.name = "쌀";
      product.price = {2'000, core::Currency::kpw};
      product.stock = 5;
    }
    products[2].price = {150, core::Currency::cny};
    ids_ = catalog_.InsertProducts(products);
  }

  testing::TestDatabase store_{Modules()};
  core::ManualClock clock_{core::FromUnixSeconds(1'790'000'000)};
  sellers::SellerService sellers_{store_.database(), clock_};
  catalog::CatalogService catalog_{store_.database(), clock_, sellers_};
  payments::PaymentService payments_{store_.database(), clock_};
  CartService cart_{store_.database(), clock_, sellers_, catalog_, payments_};
  std::vector<core::ProductId> ids_;
  const CartOwner member_ = CartOwner::Member(core::UserId{50});
};

TEST_F(CartTest, GuestTokensAreRandomAndChecked) {
  const std::string token = NewGuestCartToken();
  EXPECT_EQ(token.size(), 64u);
  EXPECT_TRUE(ValidGuestCartToken(token));
  EXPECT_NE(token, NewGuestCartToken());
  EXPECT_FALSE(ValidGuestCartToken(""));
  EXPECT_FALSE(ValidGuestCartToken(std::string(64, 'G')));
  EXPECT_FALSE(ValidGuestCartToken(token + "0"));
  EXPECT_EQ(cart_.AddItem(CartOwner::Guest("forged"), ids_[0], 1).error(), CartError::invalid_cart);
  EXPECT_TRUE(cart_.Items(CartOwner::Guest("forged")).empty());
}

TEST_F(CartTest, ViewGroupsByShopWithCurrentPricesAndStock) {
  ASSERT_TRUE(cart_.AddItem(member_, ids_[0], 2).has_value());
  ASSERT_TRUE(cart_.AddItem(member_, ids_[1], 6).has_value());  // more than the stock: kept, flagged
  CartView view = cart_.View(member_);
  ASSERT_EQ(view.shops.size(), 1u);
  EXPECT_EQ(view.shops[0].seller_name, "상점");
  EXPECT_EQ(view.item_count, 8);
  EXPECT_FALSE(view.ready);
  EXPECT_TRUE(view.shops[0].lines[0].enough_stock);
  EXPECT_FALSE(view.shops[0].lines[1].enough_stock);
  EXPECT_EQ(view.total_kpw, 4'000);
  ASSERT_TRUE(cart_.SetQuantity(member_, ids_[1], 5).has_value());
  EXPECT_TRUE(cart_.View(member_).ready);
  EXPECT_EQ(cart_.View(member_).total_kpw, 14'000);

  // A yuan price without a rate is shown unpriced; with one, converted.
  ASSERT_TRUE(cart_.AddItem(member_, ids_[2], 1).has_value());
  view = cart_.View(member_);
  EXPECT_FALSE(view.ready);
  EXPECT_FALSE(view.shops[0].lines[2].unit_price_kpw.has_value());
  ASSERT_TRUE(payments_.SetExchangeRate(core::Currency::cny, 12'345'678, core::UserId{1}).has_value());
  view = cart_.View(member_);
  EXPECT_TRUE(view.ready);
  EXPECT_EQ(view.shops[0].lines[2].unit_price_kpw, 1'852);  // ¥1.50 × 1,234.5678 = 1,851.85
}

TEST_F(CartTest, GuestCartMergesIntoTheMembersAtLogin) {
  const std::string token = NewGuestCartToken();
  const CartOwner guest = CartOwner::Guest(token);
  ASSERT_TRUE(cart_.AddItem(guest, ids_[0], 3).has_value());
  ASSERT_TRUE(cart_.AddItem(guest, ids_[1], 998).has_value());
  ASSERT_TRUE(cart_.AddItem(member_, ids_[1], 5).has_value());
  EXPECT_EQ(cart_.MergeGuestCart(token, *member_.user), 2);
  std::vector<CartItem> items = cart_.Items(member_);
  ASSERT_EQ(items.size(), 2u);  // in the order added, then by product
  EXPECT_EQ(items[0].product, ids_[0]);
  EXPECT_EQ(items[0].quantity, 3);
  EXPECT_EQ(items[1].product, ids_[1]);
  EXPECT_EQ(items[1].quantity, kMaxQuantity);  // 5 + 998, capped
  EXPECT_TRUE(cart_.Items(guest).empty());
  EXPECT_EQ(cart_.MergeGuestCart(token, *member_.user), 0);
  EXPECT_EQ(cart_.MergeGuestCart("not a token", *member_.user), 0);
}

TEST_F(CartTest, StaleGuestCartsAreRemoved) {
  const CartOwner old_guest = CartOwner::Guest(NewGuestCartToken());
  ASSERT_TRUE(cart_.AddItem(old_guest, ids_[0], 1).has_value());
  clock_.Advance(40 * 24h);
  const CartOwner new_guest = CartOwner::Guest(NewGuestCartToken());
  ASSERT_TRUE(cart_.AddItem(new_guest, ids_[0], 1).has_value());
  ASSERT_TRUE(cart_.AddItem(member_, ids_[0], 1).has_value());
  clock_.Advance(24h);
  EXPECT_EQ(cart_.DeleteStaleGuestCarts(30 * 24h), 1);
  EXPECT_TRUE(cart_.Items(old_guest).empty());
  EXPECT_EQ(cart_.Items(new_guest).size(), 1u);
  EXPECT_EQ(cart_.Items(member_).size(), 1u);
}

}  // namespace
}  // namespace manmulsang::cart
