#include <gtest/gtest.h>

#include <array>

#include "manmulsang/sellers/sellers.hpp"
#include "test_database.hpp"

namespace manmulsang::sellers {
namespace {

using namespace std::chrono_literals;

class SellersTest : public ::testing::Test {
 protected:
  static std::array<db::Database::ModuleMigrations, 1> Modules() { return {{{"sellers", Migrations()}}}; }

  testing::TestDatabase store_{Modules()};
  core::ManualClock clock_{core::FromUnixSeconds(1'790'000'000)};
  SellerService service_{store_.database(), clock_};

  NewShop MakeShop(std::string name, ShopStatus status = ShopStatus::approved) {
    return NewShop{core::UserId{7}, std::move(name), "설명", "평양", status};
  }
};

TEST_F(SellersTest, InsertShopsReturnsIdsInInputOrder) {
  std::vector<NewShop> shops = {MakeShop("평양 전자상점"), MakeShop("남포 식료품상점", ShopStatus::pending)};
  std::vector<core::SellerId> ids = service_.InsertShops(shops);
  ASSERT_EQ(ids.size(), 2u);
  auto first = service_.GetShop(ids[0]);
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->name, "평양 전자상점");
  EXPECT_EQ(first->city, "평양");
  EXPECT_EQ(first->owner, core::UserId{7});
  EXPECT_EQ(first->status, ShopStatus::approved);
  EXPECT_EQ(core::ToUnixSeconds(first->created_at), 1'790'000'000);
  EXPECT_EQ(service_.GetShop(ids[1])->status, ShopStatus::pending);
}

TEST_F(SellersTest, UnknownShopIsAbsent) {
  EXPECT_FALSE(service_.GetShop(core::SellerId{12345}).has_value());
  EXPECT_FALSE(service_.GetShop(core::SellerId{0}).has_value());
}

TEST_F(SellersTest, CountApprovedShopsIgnoresPendingAndRejected) {
  std::vector<NewShop> shops = {MakeShop("가"), MakeShop("나"), MakeShop("다", ShopStatus::pending),
                                MakeShop("라", ShopStatus::rejected)};
  service_.InsertShops(shops);
  EXPECT_EQ(service_.CountApprovedShops(), 2);
}

TEST_F(SellersTest, FindShopsIsBatchedAndSkipsDuplicatesAndUnknownIds) {
  std::vector<NewShop> shops;
  for (int index = 0; index < 250; ++index) shops.push_back(MakeShop("상점 " + std::to_string(index)));
  std::vector<core::SellerId> ids = service_.InsertShops(shops);
  std::vector<core::SellerId> wanted = ids;   // more than one statement's worth
  wanted.push_back(ids[3]);                   // a duplicate
  wanted.push_back(core::SellerId{999'999});  // unknown
  std::vector<Shop> found = service_.FindShops(wanted);
  EXPECT_EQ(found.size(), 250u);
  std::vector<core::SellerId> few = {ids[5], ids[5], ids[9]};
  EXPECT_EQ(service_.FindShops(few).size(), 2u);
  EXPECT_TRUE(service_.FindShops({}).empty());
}

TEST_F(SellersTest, ShopsStartWithFreeCourierAndNoPickup) {
  std::vector<NewShop> shops = {MakeShop("평양 전자상점")};
  const core::SellerId id = service_.InsertShops(shops).front();
  const DeliveryOptions options = service_.GetShop(id)->delivery;
  EXPECT_EQ(options.courier_fee_kpw, 0);
  EXPECT_FALSE(options.free_courier_from_kpw.has_value());
  EXPECT_FALSE(options.pickup_offered);
  EXPECT_EQ(DeliveryFee(options, DeliveryMethod::courier, 50'000), 0);
  EXPECT_FALSE(DeliveryFee(options, DeliveryMethod::pickup, 50'000).has_value());
}

TEST_F(SellersTest, TheOwnerSetsDeliveryOptionsAndOthersCannotSeeTheShop) {
  std::vector<NewShop> shops = {MakeShop("평양 전자상점"), NewShop{core::UserId{8}, "남포 상점", "", "남포"}};
  const std::vector<core::SellerId> ids = service_.InsertShops(shops);
  const core::Actor owner{core::UserId{7}, core::Role::seller, "주인"};
  DeliveryOptions wanted{3'000, 50'000, true, "  평양시 중구역 창전거리 5  "};
  auto stored = service_.SetDeliveryOptions(owner, ids[0], wanted);
  ASSERT_TRUE(stored.has_value()) << ErrorCode(stored.error());
  EXPECT_EQ(stored->delivery.pickup_place, "평양시 중구역 창전거리 5");  // trimmed
  const DeliveryOptions read = service_.GetShop(ids[0])->delivery;
  EXPECT_EQ(read, stored->delivery);
  EXPECT_EQ(read.courier_fee_kpw, 3'000);
  EXPECT_EQ(read.free_courier_from_kpw, 50'000);
  EXPECT_TRUE(read.pickup_offered);
  EXPECT_EQ(service_.FindShops(ids).front().delivery, read);

  // Another seller's shop, an admin, a visitor, an unknown shop: as if the shop did not exist.
  const core::Actor admin{core::UserId{1}, core::Role::admin, "관리자"};
  EXPECT_EQ(service_.SetDeliveryOptions(owner, ids[1], wanted).error(), SellerError::shop_not_found);
  EXPECT_EQ(service_.SetDeliveryOptions(admin, ids[0], {}).error(), SellerError::shop_not_found);
  EXPECT_EQ(service_.SetDeliveryOptions(core::Actor{}, ids[0], {}).error(), SellerError::shop_not_found);
  EXPECT_EQ(service_.SetDeliveryOptions(owner, core::SellerId{999}, {}).error(), SellerError::shop_not_found);
  EXPECT_EQ(service_.GetShop(ids[0])->delivery, read);
  EXPECT_EQ(service_.GetShop(ids[1])->delivery, DeliveryOptions{});

  EXPECT_EQ(service_.OwnShop(owner, std::nullopt)->id, ids[0]);
  EXPECT_EQ(service_.OwnShop(owner, ids[0])->id, ids[0]);
  EXPECT_EQ(service_.OwnShop(owner, ids[1]).error(), SellerError::shop_not_found);
  EXPECT_EQ(service_.OwnShop(admin, std::nullopt).error(), SellerError::shop_not_found);
  EXPECT_EQ(service_.OwnShop(core::Actor{}, ids[0]).error(), SellerError::shop_not_found);
  ASSERT_EQ(service_.ShopsOwnedBy(core::UserId{7}).size(), 1u);
  EXPECT_EQ(service_.ShopsOwnedBy(core::UserId{7}).front().id, ids[0]);
  EXPECT_TRUE(service_.ShopsOwnedBy(core::UserId{9}).empty());
}

TEST_F(SellersTest, InvalidDeliveryOptionsAreRefusedAndChangeNothing) {
  std::vector<NewShop> shops = {MakeShop("평양 전자상점")};
  const core::SellerId id = service_.InsertShops(shops).front();
  const core::Actor owner{core::UserId{7}, core::Role::seller, "주인"};
  const DeliveryOptions good{2'500, std::nullopt, false, ""};
  ASSERT_TRUE(service_.SetDeliveryOptions(owner, id, good).has_value());
  const std::pair<DeliveryOptions, SellerError> refused[] = {
      {{-1, std::nullopt, false, ""}, SellerError::invalid_courier_fee},
      {{kMaxDeliveryFee + 1, std::nullopt, false, ""}, SellerError::invalid_courier_fee},
      {{1'000, 0, false, ""}, SellerError::invalid_free_courier_from},
      {{1'000, -5, false, ""}, SellerError::invalid_free_courier_from},
      {{1'000, kMaxFreeCourierFrom + 1, false, ""}, SellerError::invalid_free_courier_from},
      {{1'000, std::nullopt, true, "   "}, SellerError::invalid_pickup_place},
      {{1'000, std::nullopt, true, std::string(kMaxPickupPlace + 1, 'x')}, SellerError::invalid_pickup_place},
      {{1'000, std::nullopt, true, "창전거리\x01"}, SellerError::invalid_pickup_place},
  };
  for (const auto& [options, error] : refused) {
    auto result = service_.SetDeliveryOptions(owner, id, options);
    ASSERT_FALSE(result.has_value()) << options.courier_fee_kpw;
    EXPECT_EQ(result.error(), error) << ErrorCode(result.error());
  }
  EXPECT_EQ(service_.GetShop(id)->delivery, good);
}

TEST(DeliveryFeeTest, CourierIsFreeFromTheThresholdAndPickupCostsNothing) {
  const DeliveryOptions options{3'000, 50'000, true, "창고"};
  EXPECT_EQ(DeliveryFee(options, DeliveryMethod::courier, 49'999), 3'000);
  EXPECT_EQ(DeliveryFee(options, DeliveryMethod::courier, 50'000), 0);
  EXPECT_EQ(DeliveryFee(options, DeliveryMethod::courier, 80'000), 0);
  EXPECT_EQ(DeliveryFee(options, DeliveryMethod::pickup, 1'000), 0);
  const DeliveryOptions courier_only{3'000, std::nullopt, false, ""};
  EXPECT_EQ(DeliveryFee(courier_only, DeliveryMethod::courier, 10'000'000), 3'000);
  EXPECT_FALSE(DeliveryFee(courier_only, DeliveryMethod::pickup, 1'000).has_value());
  EXPECT_EQ(ParseDeliveryMethod("pickup"), DeliveryMethod::pickup);
  EXPECT_EQ(ParseDeliveryMethod("courier"), DeliveryMethod::courier);
  EXPECT_FALSE(ParseDeliveryMethod("drone").has_value());
  EXPECT_FALSE(ParseDeliveryMethod("").has_value());
  EXPECT_EQ(DeliveryMethodName(DeliveryMethod::pickup), "pickup");
}

}  // namespace
}  // namespace manmulsang::sellers
