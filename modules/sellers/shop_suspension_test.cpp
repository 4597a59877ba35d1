// A shop's suspension across the marketplace: its listings leave search, category and product
// pages and checkout at once, its open orders are still shipped or cancelled, the seller cannot
// list while suspended, unsuspending brings back exactly what the suspension hid, and every
// change is in the audit log.

#include <gtest/gtest.h>

#include <algorithm>

#include "manmulsang/audit/audit.hpp"
#include "marketplace_test_fixture.hpp"

namespace manmulsang::sellers {
namespace {

constexpr core::UserId kOwner{20};
constexpr core::UserId kOtherOwner{21};
constexpr core::UserId kBuyer{30};

class ShopSuspensionTest : public testing::MarketplaceTestFixture {
 protected:
  ShopSuspensionTest() {
    shop_ = store_.AddShop(kOwner, "정지될 평양상점");
    other_shop_ = store_.AddShop(kOtherOwner, "남포 상점");
    first_ = store_.AddListing(shop_, 10'000);
    second_ = store_.AddListing(shop_, 20'000);
    other_ = store_.AddListing(other_shop_, 30'000);
  }

  // The listings a text query finds ("상품" is in every test listing's name).
  std::vector<core::ProductId> Found() {
    catalog::ProductQuery query;
    query.text = "상품";
    query.per_page = 100;
    auto page = catalog_.ListProducts(query);
    EXPECT_TRUE(page.has_value());
    std::vector<core::ProductId> ids;
    for (const catalog::Product& product : page->items) ids.push_back(product.id);
    std::ranges::sort(ids);
    return ids;
  }
  // The food category's page: listings and the count its facet shows.
  std::vector<core::ProductId> InCategory(std::int64_t* total = nullptr) {
    catalog::ProductQuery query;
    query.category = catalog_.CategoryBySlug("food")->id;
    query.per_page = 100;
    auto page = catalog_.ListProducts(query);
    EXPECT_TRUE(page.has_value());
    if (total != nullptr) *total = page->total;
    std::vector<core::ProductId> ids;
    for (const catalog::Product& product : page->items) ids.push_back(product.id);
    std::ranges::sort(ids);
    return ids;
  }
  bool Buyable(core::ProductId product) {
    return store_->Read([&](db::Connection& connection) {
      const std::vector<core::ProductId> ids = {product};
      return !catalog_.ProductsForCheckout(connection, ids).empty();
    });
  }

  core::SellerId shop_, other_shop_;
  core::ProductId first_, second_, other_;
};

TEST_F(ShopSuspensionTest, SuspendingTakesTheListingsOutOfEverySearchAndPageAndUnsuspendingBringsThemBack) {
  ASSERT_EQ(Found(), (std::vector<core::ProductId>{first_, second_, other_}));
  std::int64_t total = 0;
  ASSERT_EQ(InCategory(&total).size(), 3u);

  auto suspended = catalog_.SuspendShop(Admin(), shop_, "위조품 신고가 여러 번 들어왔습니다.");
  ASSERT_TRUE(suspended.has_value());
  EXPECT_EQ(suspended->shop.status, ShopStatus::suspended);
  EXPECT_EQ(suspended->shop.suspension_reason, "위조품 신고가 여러 번 들어왔습니다.");
  EXPECT_EQ(suspended->shop.suspended_by, testing::TestMarketplace::kAdmin);
  EXPECT_EQ(suspended->listings, (std::vector<core::ProductId>{first_, second_}));

  EXPECT_EQ(Found(), (std::vector<core::ProductId>{other_}));
  EXPECT_EQ(InCategory(&total), (std::vector<core::ProductId>{other_}));
  EXPECT_EQ(total, 1);  // the counts follow at once, not after the cache's lifetime
  EXPECT_EQ(catalog_.GetProduct(first_).error(), catalog::CatalogError::product_not_found);
  EXPECT_TRUE(catalog_.ActiveProducts(std::vector<core::ProductId>{first_, second_}).empty());
  EXPECT_FALSE(Buyable(first_));
  EXPECT_TRUE(Buyable(other_));
  EXPECT_EQ(sellers_.GetShop(shop_)->status, ShopStatus::suspended);
  EXPECT_EQ(sellers_.CountApprovedShops(), 1);

  auto unsuspended = catalog_.UnsuspendShop(Admin(), shop_, "");
  ASSERT_TRUE(unsuspended.has_value());
  EXPECT_EQ(unsuspended->shop.status, ShopStatus::approved);
  EXPECT_EQ(Found(), (std::vector<core::ProductId>{first_, second_, other_}));
  EXPECT_EQ(InCategory(&total).size(), 3u);
  EXPECT_EQ(total, 3);
  EXPECT_TRUE(catalog_.GetProduct(first_).has_value());
  EXPECT_TRUE(Buyable(second_));
}

TEST_F(ShopSuspensionTest, AListingItsSellerHadHiddenStaysHiddenAfterTheSuspension) {
  ASSERT_TRUE(listings_.SetHidden(Seller(kOwner), second_, true).has_value());
  auto suspended = catalog_.SuspendShop(Admin(), shop_, "점검");
  ASSERT_TRUE(suspended.has_value());
  EXPECT_EQ(suspended->listings, (std::vector<core::ProductId>{first_}));
  ASSERT_TRUE(catalog_.UnsuspendShop(Admin(), shop_, "점검 끝").has_value());
  EXPECT_TRUE(catalog_.GetProduct(first_).has_value());
  EXPECT_FALSE(catalog_.GetProduct(second_).has_value());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM shop_suspended_listings"), 0);
}

TEST_F(ShopSuspensionTest, OpenOrdersAreStillShippedOrCancelledWhileTheShopIsSuspended) {
  const core::OrderId shipped = store_.PlaceOrder(kBuyer, first_);
  const core::OrderId cancelled = store_.PlaceOrder(kBuyer, second_);
  ASSERT_TRUE(catalog_.SuspendShop(Admin(), shop_, "정지").has_value());

  ASSERT_TRUE(orders_.Apply(Seller(kOwner), shipped, orders::OrderEvent::prepare).has_value());
  auto sent = orders_.Ship(Seller(kOwner), shipped, {"조선우편", "AB-1234"});
  ASSERT_TRUE(sent.has_value());
  EXPECT_EQ(sent->status, orders::OrderStatus::shipped);
  auto refunded = orders_.Apply(Seller(kOwner), cancelled, orders::OrderEvent::cancel, "재고 없음");
  ASSERT_TRUE(refunded.has_value());
  EXPECT_EQ(refunded->status, orders::OrderStatus::cancelled);
  // The cancel put the stock back, yet the listing stays hidden while the shop is suspended.
  EXPECT_FALSE(catalog_.GetProduct(second_).has_value());
  EXPECT_EQ(Found(), (std::vector<core::ProductId>{other_}));
}

TEST_F(ShopSuspensionTest, TheSellerCannotListOrEditOrApplyAgainWhileSuspended) {
  ASSERT_TRUE(catalog_.SuspendShop(Admin(), shop_, "정지").has_value());
  EXPECT_EQ(sellers_.ApprovedShopOf(Seller(kOwner)).error(), ApplicationError::shop_suspended);
  EXPECT_EQ(listings_.SetHidden(Seller(kOwner), first_, false).error().error, catalog::ListingError::shop_suspended);
  catalog::ListingInput input{"food", "새 상품", "", {1000, core::Currency::kpw}, 5, {}};
  EXPECT_EQ(listings_.Create(Seller(kOwner), input).error().error, catalog::ListingError::shop_suspended);
  Application application{"새 이름의 상점", "", "010-1234-5678", "평양", ""};
  EXPECT_EQ(applications_.Apply(Seller(kOwner), application).error(), ApplicationError::shop_suspended);
  EXPECT_FALSE(catalog_.GetProduct(first_).has_value());
  // The seller still reaches the shop's own orders.
  EXPECT_TRUE(sellers_.OwnShop(Seller(kOwner), shop_).has_value());
}

TEST_F(ShopSuspensionTest, RefusalsChangeNothing) {
  const core::Actor buyer = Buyer(kBuyer);
  EXPECT_EQ(catalog_.SuspendShop(buyer, shop_, "이유").error(), ShopAdminError::forbidden);
  EXPECT_EQ(catalog_.SuspendShop(Seller(kOwner), shop_, "이유").error(), ShopAdminError::forbidden);
  EXPECT_EQ(catalog_.SuspendShop(Admin(), shop_, "   ").error(), ShopAdminError::invalid_reason);
  EXPECT_EQ(catalog_.SuspendShop(Admin(), shop_, std::string(501, 'x')).error(), ShopAdminError::invalid_reason);
  EXPECT_EQ(catalog_.SuspendShop(Admin(), shop_, "제어\x01문자").error(), ShopAdminError::invalid_reason);
  EXPECT_EQ(catalog_.SuspendShop(Admin(), core::SellerId{999}, "이유").error(), ShopAdminError::shop_not_found);
  EXPECT_EQ(catalog_.UnsuspendShop(Admin(), shop_, "").error(), ShopAdminError::not_suspended);
  const core::SellerId pending = store_.AddShop(core::UserId{40}, "신청 중", ShopStatus::pending);
  EXPECT_EQ(catalog_.SuspendShop(Admin(), pending, "이유").error(), ShopAdminError::not_approved);
  EXPECT_EQ(sellers_.GetShop(shop_)->status, ShopStatus::approved);
  EXPECT_EQ(Found().size(), 3u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_entries"), 0);

  ASSERT_TRUE(catalog_.SuspendShop(Admin(), shop_, "한 번").has_value());
  // A second admin's suspension of the same shop (a race lost) changes nothing.
  EXPECT_EQ(catalog_.SuspendShop(Admin(), shop_, "두 번").error(), ShopAdminError::not_approved);
  EXPECT_EQ(sellers_.GetShop(shop_)->suspension_reason, "한 번");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_entries"), 1);
}

TEST_F(ShopSuspensionTest, TheAuditLogRecordsWhoSuspendedAndUnsuspendedAndWhy) {
  ASSERT_TRUE(catalog_.SuspendShop(Admin(), shop_, "사기 의심").has_value());
  clock_.Advance(std::chrono::hours(1));
  ASSERT_TRUE(catalog_.UnsuspendShop(Admin(), shop_, "해명 받음").has_value());
  const std::vector<audit::AuditRecord> history =
      store_.services().audit.ForSubject("shop", std::to_string(shop_.value));
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].entry.action, "shop.unsuspend");
  EXPECT_EQ(history[0].entry.before, "suspended");
  EXPECT_EQ(history[0].entry.after, "approved");
  EXPECT_EQ(history[0].entry.reason, "해명 받음");
  EXPECT_EQ(history[1].entry.action, "shop.suspend");
  EXPECT_EQ(history[1].entry.admin, testing::TestMarketplace::kAdmin);
  EXPECT_EQ(history[1].entry.reason, "사기 의심");
}

TEST_F(ShopSuspensionTest, AdminsFindShopsByIdOwnerNameAndStatus) {
  ASSERT_TRUE(catalog_.SuspendShop(Admin(), shop_, "정지").has_value());
  auto by_name = sellers_.SearchShops(Admin(), {"평양상점", std::nullopt, 1, 20});
  ASSERT_TRUE(by_name.has_value());
  ASSERT_EQ(by_name->total, 1);
  EXPECT_EQ(by_name->items[0].id, shop_);
  auto by_owner = sellers_.SearchShops(Admin(), {std::to_string(kOtherOwner.value), std::nullopt, 1, 20});
  ASSERT_EQ(by_owner->total, 1);
  EXPECT_EQ(by_owner->items[0].id, other_shop_);
  auto by_id = sellers_.SearchShops(Admin(), {std::to_string(shop_.value), std::nullopt, 1, 20});
  EXPECT_EQ(by_id->items.at(0).id, shop_);
  auto suspended = sellers_.SearchShops(Admin(), {"", ShopStatus::suspended, 1, 20});
  ASSERT_EQ(suspended->total, 1);
  EXPECT_EQ(suspended->items[0].id, shop_);
  auto every = sellers_.SearchShops(Admin(), {"", std::nullopt, 1, 1});
  EXPECT_EQ(every->total, 2);
  EXPECT_EQ(every->items.size(), 1u);
  EXPECT_EQ(every->items[0].id, other_shop_);  // newest first
  // LIKE's own characters are taken literally.
  EXPECT_EQ(sellers_.SearchShops(Admin(), {"%", std::nullopt, 1, 20})->total, 0);
  EXPECT_EQ(sellers_.SearchShops(Buyer(kBuyer), {}).error(), ShopAdminError::forbidden);
  EXPECT_EQ(sellers_.SearchShops(Admin(), {"", std::nullopt, 0, 20}).error(), ShopAdminError::invalid_page);
  EXPECT_EQ(sellers_.SearchShops(Admin(), {"", std::nullopt, 1, 101}).error(), ShopAdminError::invalid_page);
}

}  // namespace
}  // namespace manmulsang::sellers
