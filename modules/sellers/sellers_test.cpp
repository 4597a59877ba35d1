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
  std::vector<core::SellerId> wanted = ids;               // more than one statement's worth
  wanted.push_back(ids[3]);                               // a duplicate
  wanted.push_back(core::SellerId{999'999});              // unknown
  std::vector<Shop> found = service_.FindShops(wanted);
  EXPECT_EQ(found.size(), 250u);
  std::vector<core::SellerId> few = {ids[5], ids[5], ids[9]};
  EXPECT_EQ(service_.FindShops(few).size(), 2u);
  EXPECT_TRUE(service_.FindShops({}).empty());
}

}  // namespace
}  // namespace manmulsang::sellers
