#include <thread>
#include <vector>

#include "manmulsang/wishlist/wishlist.hpp"
#include "marketplace_test_fixture.hpp"

namespace manmulsang::wishlist {
namespace {

class WishlistServiceTest : public testing::MarketplaceTestFixture {
 protected:
  // The seller changes the listing's price (and stock) through the listing form's rules.
  void Reprice(core::ProductId id, std::int64_t price, std::int64_t stock) {
    const catalog::Product product = catalog_.GetProduct(id).value();
    catalog::ListingInput input;
    input.category_slug = catalog_.CategoryById(product.category)->slug;
    input.name = product.name;
    input.description = product.description;
    input.price = core::Money{price, product.price.currency};
    input.stock = stock;
    ASSERT_TRUE(listings_.Update(Seller(kOwner), id, input).has_value());
  }

  static constexpr core::UserId kOwner{2};
  static constexpr core::UserId kOtherOwner{3};
  static constexpr core::UserId kBuyer{100};
  static constexpr core::UserId kOtherBuyer{101};

  WishlistService& wishlist_ = store_.services().wishlist;
  core::SellerId shop_ = store_.AddShop(kOwner, "상점");
  core::SellerId other_shop_ = store_.AddShop(kOtherOwner, "다른 상점");
  core::ProductId product_ = store_.AddListing(shop_, 10'000);
  core::ProductId other_product_ = store_.AddListing(other_shop_, 5'000);
};

TEST_F(WishlistServiceTest, SavedListingShowsItsPriceDropAndSoldOut) {
  ASSERT_TRUE(wishlist_.Save(Buyer(kBuyer), product_).has_value());
  ASSERT_TRUE(wishlist_.Save(Buyer(kBuyer), other_product_).has_value());
  Reprice(product_, 8'500, 0);

  const WishlistPage page = wishlist_.List(Buyer(kBuyer)).value();
  ASSERT_EQ(page.total, 2);
  const auto item = std::ranges::find(page.items, product_, &WishlistItem::product);
  ASSERT_NE(item, page.items.end());
  EXPECT_EQ(item->saved_price.amount, 10'000);
  EXPECT_EQ(item->price->amount, 8'500);
  ASSERT_TRUE(item->price_drop.has_value());
  EXPECT_EQ(item->price_drop->amount, 1'500);
  EXPECT_TRUE(item->sold_out);
  EXPECT_EQ(item->shop, shop_);
  const auto other = std::ranges::find(page.items, other_product_, &WishlistItem::product);
  EXPECT_FALSE(other->price_drop.has_value());
  EXPECT_FALSE(other->sold_out);

  // A second save keeps the first price, so the drop stays visible.
  ASSERT_TRUE(wishlist_.Save(Buyer(kBuyer), product_).has_value());
  EXPECT_EQ(wishlist_.List(Buyer(kBuyer))->total, 2);
  EXPECT_EQ(Count("SELECT saved_price_amount FROM wishlist_items WHERE product_id = " + std::to_string(product_.value)),
            10'000);
}

TEST_F(WishlistServiceTest, ListingNoLongerSoldStaysListedUnderItsSavedName) {
  const std::string name = catalog_.GetProduct(product_)->name;
  ASSERT_TRUE(wishlist_.Save(Buyer(kBuyer), product_).has_value());
  ASSERT_TRUE(listings_.SetHidden(Seller(kOwner), product_, true).has_value());
  const WishlistPage page = wishlist_.List(Buyer(kBuyer)).value();
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_FALSE(page.items.front().available);
  EXPECT_FALSE(page.items.front().price.has_value());
  EXPECT_EQ(page.items.front().name, name);
  // Hidden: not saved again, but it can still be removed.
  EXPECT_EQ(wishlist_.Save(Buyer(kOtherBuyer), product_).error(), WishlistError::product_not_found);
  EXPECT_TRUE(wishlist_.Remove(Buyer(kBuyer), product_).has_value());
  EXPECT_EQ(wishlist_.Count(Buyer(kBuyer)), 0);
}

TEST_F(WishlistServiceTest, AnotherMembersListIsEmptyAndUnknownProductsChangeNothing) {
  ASSERT_TRUE(wishlist_.Save(Buyer(kBuyer), product_).has_value());
  EXPECT_EQ(wishlist_.List(Buyer(kOtherBuyer))->total, 0);
  EXPECT_TRUE(wishlist_.SavedAmong(Buyer(kOtherBuyer), std::vector{product_}).empty());
  EXPECT_EQ(wishlist_.SavedAmong(Buyer(kBuyer), std::vector{product_, other_product_}), std::vector{product_});
  EXPECT_TRUE(wishlist_.SavedAmong(core::Actor{}, std::vector{product_}).empty());
  // Removing from another member's list is removing from one's own: nothing of theirs moves.
  EXPECT_TRUE(wishlist_.Remove(Buyer(kOtherBuyer), product_).has_value());
  EXPECT_EQ(wishlist_.Count(Buyer(kBuyer)), 1);

  EXPECT_EQ(wishlist_.Save(Buyer(kBuyer), core::ProductId{999'999}).error(), WishlistError::product_not_found);
  EXPECT_EQ(wishlist_.Remove(Buyer(kBuyer), core::ProductId{999'999}).error(), WishlistError::product_not_found);
  EXPECT_EQ(wishlist_.Save(core::Actor{}, product_).error(), WishlistError::not_signed_in);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM wishlist_items"), 1);
}

TEST_F(WishlistServiceTest, ConcurrentSavesOfOneProductKeepOneRow) {
  std::vector<std::thread> threads;
  for (int index = 0; index < 8; ++index) {
    threads.emplace_back([&] { EXPECT_TRUE(wishlist_.Save(Buyer(kBuyer), product_).has_value()); });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(Count("SELECT COUNT(*) FROM wishlist_items"), 1);
}

TEST_F(WishlistServiceTest, ListIsCappedWithAClearError) {
  // Rows written straight into the table: a thousand listings would take the test too long.
  store_->Write([&](db::Connection& connection) {
    for (std::int64_t product = 1'000'000; product < 1'000'000 + kMaxWishlistItems; ++product) {
      connection.Execute(
          "INSERT INTO wishlist_items (user_id, product_id, product_name, saved_price_amount, saved_currency, "
          "saved_at) VALUES ($1, $2, 'x', 1, 'KPW', 1)",
          {kBuyer.value, product});
    }
  });
  EXPECT_EQ(wishlist_.Save(Buyer(kBuyer), product_).error(), WishlistError::wishlist_full);
  EXPECT_EQ(wishlist_.Count(Buyer(kBuyer)), kMaxWishlistItems);
  EXPECT_TRUE(wishlist_.Remove(Buyer(kBuyer), core::ProductId{1'000'000}).has_value());
  EXPECT_TRUE(wishlist_.Save(Buyer(kBuyer), product_).has_value());
}

TEST_F(WishlistServiceTest, FollowedShopsShowTheirNewListingsNewestFirst) {
  EXPECT_EQ(wishlist_.Follow(Buyer(kBuyer), core::SellerId{999}).error(), WishlistError::shop_not_found);
  const core::SellerId pending = store_.AddShop(core::UserId{4}, "심사 중", sellers::ShopStatus::pending);
  EXPECT_EQ(wishlist_.Follow(Buyer(kBuyer), pending).error(), WishlistError::shop_not_found);
  ASSERT_TRUE(wishlist_.Follow(Buyer(kBuyer), shop_).has_value());
  ASSERT_TRUE(wishlist_.Follow(Buyer(kBuyer), shop_).has_value());
  EXPECT_TRUE(wishlist_.IsFollowing(Buyer(kBuyer), shop_));
  EXPECT_FALSE(wishlist_.IsFollowing(Buyer(kOtherBuyer), shop_));

  clock_.Advance(std::chrono::days(31));  // product_ is older than the window now
  const core::ProductId fresh = store_.AddListing(shop_, 3'000);
  clock_.Advance(std::chrono::minutes(1));
  const core::ProductId fresher = store_.AddListing(shop_, 4'000);
  store_.AddListing(other_shop_, 2'000);  // not followed

  const catalog::ProductPage listings = wishlist_.NewListings(Buyer(kBuyer)).value();
  ASSERT_EQ(listings.total, 2);
  ASSERT_EQ(listings.items.size(), 2u);
  EXPECT_EQ(listings.items[0].id, fresher);
  EXPECT_EQ(listings.items[1].id, fresh);
  EXPECT_EQ(listings.items[0].seller_name, "상점");
  EXPECT_EQ(wishlist_.NewListings(Buyer(kOtherBuyer))->total, 0);

  const FollowedShopPage shops = wishlist_.FollowedShops(Buyer(kBuyer)).value();
  ASSERT_EQ(shops.total, 1);
  EXPECT_EQ(shops.items.front().shop.id, shop_);
  EXPECT_EQ(wishlist_.FollowedShops(Buyer(kOtherBuyer))->total, 0);

  ASSERT_TRUE(wishlist_.Unfollow(Buyer(kBuyer), shop_).has_value());
  EXPECT_EQ(wishlist_.NewListings(Buyer(kBuyer))->total, 0);
  EXPECT_EQ(wishlist_.Unfollow(Buyer(kBuyer), core::SellerId{999}).error(), WishlistError::shop_not_found);
}

TEST_F(WishlistServiceTest, RecentlyViewedKeepsTheLatestViewsInOrder) {
  wishlist_.RecordView(Buyer(kBuyer), product_);
  clock_.Advance(std::chrono::seconds(1));
  wishlist_.RecordView(Buyer(kBuyer), other_product_);
  clock_.Advance(std::chrono::seconds(1));
  wishlist_.RecordView(Buyer(kBuyer), product_);  // seen again: first again, once
  wishlist_.RecordView(core::Actor{}, product_);  // a visitor: nothing kept
  const std::vector<catalog::Product> viewed = wishlist_.RecentlyViewed(Buyer(kBuyer));
  ASSERT_EQ(viewed.size(), 2u);
  EXPECT_EQ(viewed[0].id, product_);
  EXPECT_EQ(viewed[1].id, other_product_);
  EXPECT_TRUE(wishlist_.RecentlyViewed(Buyer(kOtherBuyer)).empty());

  for (std::int64_t product = 1; product <= kRecentlyViewedKept + 5; ++product) {
    clock_.Advance(std::chrono::seconds(1));
    wishlist_.RecordView(Buyer(kOtherBuyer), core::ProductId{2'000'000 + product});
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM recently_viewed WHERE user_id = 101"), kRecentlyViewedKept);
  EXPECT_EQ(Count("SELECT MIN(product_id) FROM recently_viewed WHERE user_id = 101"), 2'000'006);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM recently_viewed WHERE user_id = 100"), 2);
}

}  // namespace
}  // namespace manmulsang::wishlist
