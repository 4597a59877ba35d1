#include <gtest/gtest.h>

#include "manmulsang/cart/cart.hpp"
#include "manmulsang/catalog/listings.hpp"
#include "test_marketplace.hpp"

namespace manmulsang::cart {
namespace {

using namespace std::chrono_literals;

class CartTest : public ::testing::Test {
 protected:
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

  testing::TestMarketplace store_;
  core::ManualClock& clock_ = store_.clock();
  sellers::SellerService& sellers_ = store_.services().sellers;
  catalog::CatalogService& catalog_ = store_.services().catalog;
  payments::PaymentService& payments_ = store_.services().payments;
  CartService& cart_ = store_.services().cart;
  std::vector<core::ProductId> ids_;
  const CartOwner member_ = CartOwner::Member(core::UserId{50});
};

TEST_F(CartTest, EachShopShowsItsDeliveryFeeForTheChosenMethod) {
  std::vector<sellers::NewShop> shops = {{core::UserId{2}, "택배 상점", "", "남포", sellers::ShopStatus::approved}};
  shops[0].delivery = {3'000, 10'000, true, "남포시 항구동 3"};
  const core::SellerId courier_shop = sellers_.InsertShops(shops).front();
  std::vector<catalog::NewProduct> products(1);
  products[0].seller = courier_shop;
  products[0].category = catalog_.CategoryBySlug("food")->id;
  products[0].name = "사과";
  products[0].price = {4'000, core::Currency::kpw};
  products[0].stock = 10;
  const core::ProductId apple = catalog_.InsertProducts(products).front();
  ASSERT_TRUE(cart_.AddItem(member_, ids_[0], 1).has_value());  // the first shop: free courier, no pickup
  ASSERT_TRUE(cart_.AddItem(member_, apple, 2).has_value());

  Quote view = cart_.View(member_);
  ASSERT_EQ(view.shops.size(), 2u);
  const QuoteShop& free_shop = view.shops[0];
  EXPECT_EQ(free_shop.delivery_method, sellers::DeliveryMethod::courier);
  EXPECT_EQ(free_shop.delivery_fee_kpw, 0);
  EXPECT_EQ(free_shop.total_kpw, 2'000);
  const QuoteShop& paid_shop = view.shops[1];
  EXPECT_EQ(paid_shop.seller, courier_shop);
  EXPECT_EQ(paid_shop.subtotal_kpw, 8'000);
  EXPECT_EQ(paid_shop.delivery_fee_kpw, 3'000);  // below the 10,000 won threshold
  EXPECT_EQ(paid_shop.total_kpw, 11'000);
  EXPECT_TRUE(paid_shop.delivery.pickup_offered);
  EXPECT_EQ(paid_shop.delivery.pickup_place, "남포시 항구동 3");
  EXPECT_EQ(view.subtotal_kpw, 10'000);
  EXPECT_EQ(view.delivery_fee_kpw, 3'000);
  EXPECT_EQ(view.total_kpw, 13'000);

  // Pickup where offered costs nothing; pickup where not offered is the quote's problem, the
  // refusal checkout would answer.
  const core::SellerId free_seller = free_shop.seller;
  view = cart_.View(member_, {{courier_shop, sellers::DeliveryMethod::pickup}});
  EXPECT_EQ(view.shops[1].delivery_method, sellers::DeliveryMethod::pickup);
  EXPECT_EQ(view.shops[1].delivery_fee_kpw, 0);
  EXPECT_EQ(view.total_kpw, 10'000);
  EXPECT_TRUE(view.ready);
  const sellers::DeliveryChoices choices = {{courier_shop, sellers::DeliveryMethod::pickup},
                                            {free_seller, sellers::DeliveryMethod::pickup}};
  view = cart_.View(member_, choices);
  EXPECT_EQ(view.shops[0].delivery_method, sellers::DeliveryMethod::pickup);
  ASSERT_TRUE(view.problem.has_value());
  EXPECT_EQ(view.problem->error, QuoteError::pickup_unavailable);
  EXPECT_EQ(view.problem->shop, view.shops[0].seller);
  EXPECT_FALSE(view.ready);

  // From the threshold on, courier is free.
  ASSERT_TRUE(cart_.SetQuantity(member_, apple, 3).has_value());
  view = cart_.View(member_);
  EXPECT_EQ(view.shops[1].subtotal_kpw, 12'000);
  EXPECT_EQ(view.shops[1].delivery_fee_kpw, 0);
  EXPECT_EQ(view.total_kpw, 14'000);
}

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
  Quote view = cart_.View(member_);
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
  clock_.Advance(kGuestCartLifetime + 24h);
  const CartOwner new_guest = CartOwner::Guest(NewGuestCartToken());
  ASSERT_TRUE(cart_.AddItem(new_guest, ids_[0], 1).has_value());
  ASSERT_TRUE(cart_.AddItem(member_, ids_[0], 1).has_value());
  clock_.Advance(kGuestCartLifetime - 24h);  // the new guest's cart is still within its lifetime
  EXPECT_EQ(cart_.DeleteStaleGuestCarts(kGuestCartLifetime), 1);
  EXPECT_TRUE(cart_.Items(old_guest).empty());
  EXPECT_EQ(cart_.Items(new_guest).size(), 1u);
  EXPECT_EQ(cart_.Items(member_).size(), 1u);
}

TEST_F(CartTest, AListingWithOptionsAsksForOneAndItsOptionGoesIn) {
  catalog::ListingService& listings = store_.services().listings;
  core::Actor seller;
  seller.user = core::UserId{1};
  catalog::ListingInput input;
  input.category_slug = "clothing";
  input.name = "셔츠";
  input.price = {5'000, core::Currency::kpw};
  input.variants = {{std::nullopt, "M", "", {5'000, core::Currency::kpw}, 2}};
  auto listing = listings.Create(seller, input);
  ASSERT_TRUE(listing.has_value());
  EXPECT_EQ(cart_.AddItem(member_, *listing, 1).error(), CartError::option_required);
  EXPECT_EQ(ErrorCode(CartError::option_required), "option_required");
  const core::ProductId medium = listings.Get(seller, *listing)->variants.front().id;
  ASSERT_TRUE(cart_.AddItem(member_, medium, 1).has_value());
  ASSERT_EQ(cart_.Items(member_).size(), 1u);
  EXPECT_EQ(cart_.Items(member_).front().product, medium);
}

}  // namespace
}  // namespace manmulsang::cart
