// /seller/shop and /api/v1/seller/shop: the owner edits the shop on the page (multipart, logo
// optional) and through the API; a bad field comes back beside its field with the values kept,
// another seller's shop is the 404, and nothing changes.

#include "sellers_routes_fixture.hpp"
#include "test_images.hpp"
#include "test_uploads.hpp"
#include "upload_test_fixture.hpp"

namespace manmulsang::sellers {
namespace {

using media::testing::FilePart;
using media::testing::TextPart;
using media::testing::UploadPart;
namespace images = image::testing;

class ShopSettingsRoutesTest : public testing::UploadTestFixture<SellerRoutesTest> {
 protected:
  ShopSettingsRoutesTest() {
    NewShop mine{seller_, "평양 전자상점", "설명", "평양", ShopStatus::approved};
    mine.phone = "02-381-4411";
    NewShop theirs{other_, "남포 상점", "", "남포", ShopStatus::approved};
    theirs.phone = "02-111-2222";
    const std::vector<NewShop> shops{mine, theirs};
    auto ids = sellers_.InsertShops(shops);
    mine_ = ids[0];
    theirs_ = ids[1];
  }

  static std::vector<UploadPart> Parts(std::string phone, std::string fee, UploadPart logo) {
    return {TextPart("name", "원산 수산상점"),
            TextPart("description", "싱싱한 물고기"),
            TextPart("phone", std::move(phone)),
            TextPart("city", "원산"),
            TextPart("courier_fee", std::move(fee)),
            TextPart("free_courier_from", "50,000"),
            TextPart("pickup_offered", "1"),
            TextPart("pickup_place", "원산역 앞"),
            std::move(logo)};
  }
  static UploadPart NoFile() { return FilePart("logo", "", "", "application/octet-stream"); }

  core::SellerId mine_, theirs_;
};

TEST_F(ShopSettingsRoutesTest, TheOwnerSavesThePageAndIsSentBackWithANotice) {
  const std::string form = Get("/seller/shop", Who(seller_, "seller")).body;
  EXPECT_NE(form.find("enctype=\"multipart/form-data\""), std::string::npos);
  EXPECT_NE(form.find("name=\"_csrf\""), std::string::npos);
  EXPECT_NE(form.find("value=\"평양 전자상점\""), std::string::npos);

  const std::string jpeg = images::JpegWithExif(images::RedLeftBlueRight(200, 200), 1);
  auto saved =
      Upload("/seller/shop", Parts("+850 2 381 4411", "3,000", FilePart("logo", jpeg)), Who(seller_, "seller"));
  ASSERT_EQ(saved.status, http::Status::see_other) << saved.body;
  EXPECT_EQ(Location(saved), "/seller/shop?saved=1");
  const Shop shop = *sellers_.GetShop(mine_);
  EXPECT_EQ(shop.name, "원산 수산상점");
  EXPECT_EQ(shop.city, "원산");
  EXPECT_EQ(shop.delivery, (DeliveryOptions{3'000, 50'000, true, "원산역 앞"}));
  ASSERT_TRUE(shop.logo_url.starts_with("/media/")) << shop.logo_url;
  EXPECT_NE(Get("/seller/shop?saved=1", Who(seller_, "seller")).body.find("role=\"status\""), std::string::npos);

  // No file chosen keeps the logo.
  ASSERT_EQ(Upload("/seller/shop", Parts("010-1234-5678", "0", NoFile()), Who(seller_, "seller")).status,
            http::Status::see_other);
  EXPECT_EQ(sellers_.GetShop(mine_)->logo_url, shop.logo_url);
  EXPECT_EQ(sellers_.GetShop(mine_)->delivery.courier_fee_kpw, 0);
}

TEST_F(ShopSettingsRoutesTest, ABadPhoneOrFeeIsShownBesideItsFieldAndNothingChanges) {
  const Shop before = *sellers_.GetShop(mine_);
  const std::size_t files = MediaFiles();
  const std::string jpeg = images::JpegWithExif(images::RedLeftBlueRight(200, 200), 1);
  auto phone = Upload("/seller/shop", Parts("전화 없음", "3000", FilePart("logo", jpeg)), Who(seller_, "seller"));
  EXPECT_EQ(phone.status, http::Status::bad_request);
  EXPECT_NE(phone.body.find("id=\"shop-phone-error\""), std::string::npos);
  EXPECT_NE(phone.body.find("value=\"전화 없음\""), std::string::npos);  // typed values kept
  EXPECT_NE(phone.body.find("value=\"원산 수산상점\""), std::string::npos);
  auto fee = Upload("/seller/shop", Parts("010-1234-5678", "삼천원", NoFile()), Who(seller_, "seller"));
  EXPECT_EQ(fee.status, http::Status::bad_request);
  EXPECT_NE(fee.body.find("id=\"shop-courier-fee-error\""), std::string::npos);
  auto too_much = Upload("/seller/shop", Parts("010-1234-5678", "2000000", NoFile()), Who(seller_, "seller"));
  EXPECT_EQ(too_much.status, http::Status::bad_request);
  const Shop after = *sellers_.GetShop(mine_);
  EXPECT_EQ(after.name, before.name);
  EXPECT_EQ(after.phone, before.phone);
  EXPECT_EQ(after.delivery, before.delivery);
  EXPECT_EQ(after.logo_url, before.logo_url);
  EXPECT_EQ(MediaFiles(), files);  // the refused form stored no logo
}

TEST_F(ShopSettingsRoutesTest, AnotherSellerCannotChangeMyShop) {
  const Shop before = *sellers_.GetShop(mine_);
  std::vector<UploadPart> parts = Parts("010-1234-5678", "3000", NoFile());
  parts.push_back(TextPart("shop_id", std::to_string(mine_.value)));
  EXPECT_EQ(Upload("/seller/shop", parts, Who(other_, "seller")).status, http::Status::not_found);
  const std::string mine = "/api/v1/seller/shop?shop_id=" + std::to_string(mine_.value);
  EXPECT_EQ(Get(mine, Who(other_, "seller")).status, http::Status::not_found);
  auto patched = Send(http::Method::patch, mine, R"({"name": "가로챈 상점"})", Who(other_, "seller"));
  EXPECT_EQ(patched.status, http::Status::not_found);
  EXPECT_EQ(Code(patched), "shop_not_found");
  EXPECT_EQ(sellers_.GetShop(mine_)->name, before.name);
  // A visitor is sent to sign in; a member without a shop to the application.
  EXPECT_EQ(Get("/seller/shop").status, http::Status::see_other);
  EXPECT_EQ(Location(Get("/seller/shop", Who(applicant_))), "/seller/apply");
}

TEST_F(ShopSettingsRoutesTest, TheApiReadsAndPatchesEveryField) {
  auto shown = Json(Get("/api/v1/seller/shop", Who(seller_, "seller")));
  EXPECT_EQ(shown.at("shop").at("name").as_string(), "평양 전자상점");
  EXPECT_EQ(shown.at("shop").at("phone").as_string(), "02-381-4411");
  EXPECT_TRUE(shown.at("shop").at("delivery").at("free_courier_from").is_null());

  auto patched = Send(http::Method::patch, "/api/v1/seller/shop",
                      R"({"description": "새 소개", "city": "원산", "courier_fee": 2500, "free_courier_from": 30000,
                          "pickup_offered": true, "pickup_place": "원산역"})",
                      Who(seller_, "seller"));
  ASSERT_EQ(patched.status, http::Status::ok) << patched.body;
  const Shop shop = *sellers_.GetShop(mine_);
  EXPECT_EQ(shop.name, "평양 전자상점");  // left out: kept
  EXPECT_EQ(shop.description, "새 소개");
  EXPECT_EQ(shop.delivery, (DeliveryOptions{2'500, 30'000, true, "원산역"}));

  auto bad = Send(http::Method::patch, "/api/v1/seller/shop", R"({"phone": "x"})", Who(seller_, "seller"));
  EXPECT_EQ(bad.status, http::Status::bad_request);
  EXPECT_EQ(Code(bad), "invalid_phone");
  EXPECT_EQ(Field(bad), "phone");
  auto wrong_type =
      Send(http::Method::patch, "/api/v1/seller/shop", R"({"courier_fee": "3000"})", Who(seller_, "seller"));
  EXPECT_EQ(wrong_type.status, http::Status::bad_request);
  EXPECT_EQ(Field(wrong_type), "courier_fee");
  EXPECT_EQ(sellers_.GetShop(mine_)->delivery, shop.delivery);
  auto never_free =
      Send(http::Method::patch, "/api/v1/seller/shop", R"({"free_courier_from": null})", Who(seller_, "seller"));
  ASSERT_EQ(never_free.status, http::Status::ok);
  EXPECT_FALSE(sellers_.GetShop(mine_)->delivery.free_courier_from_kpw.has_value());
}

}  // namespace
}  // namespace manmulsang::sellers
