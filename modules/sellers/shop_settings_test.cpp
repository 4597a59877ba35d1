// SellerService::UpdateShop: the owner's settings, cleaned as an application's fields; anyone
// else and any bad field change nothing.

#include <gtest/gtest.h>

#include <array>

#include "manmulsang/sellers/sellers.hpp"
#include "test_database.hpp"

namespace manmulsang::sellers {
namespace {

class ShopSettingsTest : public ::testing::Test {
 protected:
  static std::array<db::Database::ModuleMigrations, 1> Modules() { return {{{"sellers", Migrations()}}}; }

  ShopSettingsTest() {
    NewShop mine{core::UserId{7}, "평양 전자상점", "설명", "평양", ShopStatus::approved};
    mine.phone = "02-381-4411";
    NewShop theirs{core::UserId{8}, "남포 상점", "", "남포", ShopStatus::approved};
    theirs.phone = "02-111-2222";
    const std::vector<NewShop> shops{mine, theirs};
    auto ids = service_.InsertShops(shops);
    mine_ = ids[0];
    theirs_ = ids[1];
  }

  static ShopSettings Good() {
    return {"  원산 수산상점 ", "싱싱한 물고기\r\n매일 들어옵니다", "+850 2 381 4411", "원산",
            DeliveryOptions{3'000, 50'000, true, " 원산역 앞 "}};
  }

  testing::TestDatabase store_{Modules()};
  core::ManualClock clock_{core::FromUnixSeconds(1'790'000'000)};
  SellerService service_{store_.database(), clock_};
  const core::Actor owner_{core::UserId{7}, core::Role::seller, "주인"};
  const core::Actor other_{core::UserId{8}, core::Role::seller, "다른 주인"};
  core::SellerId mine_, theirs_;
};

TEST_F(ShopSettingsTest, TheOwnerChangesEveryFieldAtOnceCleaned) {
  auto stored = service_.UpdateShop(owner_, mine_, Good(), "/media/logo.jpg");
  ASSERT_TRUE(stored.has_value());
  const Shop shop = *service_.GetShop(mine_);
  EXPECT_EQ(shop.name, "원산 수산상점");
  EXPECT_EQ(shop.description, "싱싱한 물고기\n매일 들어옵니다");
  EXPECT_EQ(shop.phone, "+850 2 381 4411");
  EXPECT_EQ(shop.city, "원산");
  EXPECT_EQ(shop.delivery, (DeliveryOptions{3'000, 50'000, true, "원산역 앞"}));
  EXPECT_EQ(shop.logo_url, "/media/logo.jpg");
  EXPECT_EQ(stored->name, shop.name);
  // Without a logo the logo stays.
  ShopSettings again = Good();
  again.delivery.free_courier_from_kpw.reset();
  ASSERT_TRUE(service_.UpdateShop(owner_, mine_, again).has_value());
  EXPECT_EQ(service_.GetShop(mine_)->logo_url, "/media/logo.jpg");
  EXPECT_FALSE(service_.GetShop(mine_)->delivery.free_courier_from_kpw.has_value());
}

TEST_F(ShopSettingsTest, AnotherSellerCannotChangeMyShop) {
  const Shop before = *service_.GetShop(mine_);
  EXPECT_EQ(service_.UpdateShop(other_, mine_, Good()).error(), SellerError::shop_not_found);
  EXPECT_EQ(service_.UpdateShop(core::Actor{}, mine_, Good()).error(), SellerError::shop_not_found);
  const core::Actor admin{core::UserId{99}, core::Role::admin, "관리자"};
  EXPECT_EQ(service_.UpdateShop(admin, mine_, Good()).error(), SellerError::shop_not_found);
  EXPECT_EQ(service_.UpdateShop(owner_, core::SellerId{999}, Good()).error(), SellerError::shop_not_found);
  const Shop after = *service_.GetShop(mine_);
  EXPECT_EQ(after.name, before.name);
  EXPECT_EQ(after.phone, before.phone);
  EXPECT_EQ(after.delivery, before.delivery);
}

TEST_F(ShopSettingsTest, ABadFieldIsNamedAndNothingChanges) {
  const Shop before = *service_.GetShop(mine_);
  struct Case {
    ShopSettings settings;
    SellerError error;
  };
  std::vector<Case> cases;
  auto with = [](auto change) {
    ShopSettings settings = Good();
    change(settings);
    return settings;
  };
  cases.push_back({with([](ShopSettings& s) { s.name = "가"; }), SellerError::invalid_shop_name});
  cases.push_back({with([](ShopSettings& s) { s.name = "상점\u202E이름"; }), SellerError::invalid_shop_name});
  cases.push_back(
      {with([](ShopSettings& s) { s.description = std::string(2001, 'x'); }), SellerError::invalid_description});
  cases.push_back({with([](ShopSettings& s) { s.phone = "전화 없음"; }), SellerError::invalid_phone});
  cases.push_back({with([](ShopSettings& s) { s.phone = "123"; }), SellerError::invalid_phone});
  cases.push_back({with([](ShopSettings& s) { s.city = " "; }), SellerError::invalid_city});
  cases.push_back({with([](ShopSettings& s) { s.delivery.courier_fee_kpw = -1; }), SellerError::invalid_courier_fee});
  cases.push_back({with([](ShopSettings& s) { s.delivery.courier_fee_kpw = kMaxDeliveryFee + 1; }),
                   SellerError::invalid_courier_fee});
  cases.push_back(
      {with([](ShopSettings& s) { s.delivery.free_courier_from_kpw = 0; }), SellerError::invalid_free_courier_from});
  cases.push_back({with([](ShopSettings& s) { s.delivery.pickup_place = "  "; }), SellerError::invalid_pickup_place});
  for (const Case& each : cases) {
    auto result = service_.UpdateShop(owner_, mine_, each.settings, "/media/new.jpg");
    ASSERT_FALSE(result.has_value()) << ErrorCode(each.error);
    EXPECT_EQ(result.error(), each.error);
    EXPECT_FALSE(ErrorField(each.error).empty());
  }
  const Shop after = *service_.GetShop(mine_);
  EXPECT_EQ(after.name, before.name);
  EXPECT_EQ(after.phone, before.phone);
  EXPECT_EQ(after.city, before.city);
  EXPECT_EQ(after.delivery, before.delivery);
  EXPECT_EQ(after.logo_url, before.logo_url);
}

}  // namespace
}  // namespace manmulsang::sellers
