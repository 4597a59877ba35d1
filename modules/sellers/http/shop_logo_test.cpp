// The shop's logo through the routes: the multipart application form, the API and the no-JS form
// that replace it, with real pictures and hostile files; the store and the rows are checked.

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

class ShopLogoTest : public testing::UploadTestFixture<SellerRoutesTest> {
 protected:
  static std::vector<UploadPart> ApplicationParts(UploadPart logo) {
    return {TextPart("shop_name", "원산 수산상점"), TextPart("description", "싱싱한 물고기"),
            TextPart("phone", "+850 2 381 4411"), TextPart("city", "원산"), std::move(logo)};
  }

  Shop Applied(core::UserId member) {
    auto shop = applications_.Apply({member, core::Role::buyer, "회원"},
                                    {"상점 " + std::to_string(member.value), "", "010-1234-5678", "평양"});
    EXPECT_TRUE(shop.has_value());
    return *shop;
  }

  std::string LogoOf(core::SellerId shop) { return sellers_.GetShop(shop)->logo_url; }

  const std::string jpeg_ = images::JpegWithExif(images::RedLeftBlueRight(800, 600), 1);
};

TEST_F(ShopLogoTest, TheApplicationFormTakesAnOptionalLogo) {
  const std::string form = Get("/seller/apply", Who(applicant_)).body;
  EXPECT_NE(form.find("enctype=\"multipart/form-data\""), std::string::npos);
  EXPECT_NE(form.find("name=\"logo\""), std::string::npos);

  auto applied = Upload("/seller/apply", ApplicationParts(FilePart("logo", jpeg_)), Who(applicant_));
  ASSERT_EQ(applied.status, http::Status::see_other) << applied.body;
  const Shop shop = applications_.Current({applicant_, core::Role::buyer, "회원"}).value();
  ASSERT_TRUE(shop.logo_url.starts_with("/media/")) << shop.logo_url;
  const auto logo = media_.store.Read(shop.logo_url.substr(7));
  ASSERT_TRUE(logo.has_value());
  EXPECT_TRUE(logo->starts_with("\xff\xd8\xff"));
  EXPECT_EQ(logo->find("Exif"), std::string::npos);
  EXPECT_EQ(Json(Get("/api/v1/seller/application", Who(applicant_))).at("seller").at("logo_url").as_string(),
            shop.logo_url);
  EXPECT_NE(Get("/seller/application", Who(applicant_)).body.find("src=\"" + shop.logo_url + "\""), std::string::npos);
  EXPECT_NE(Get("/admin/sellers", Who(admin_, "admin")).body.find("src=\"" + shop.logo_url + "\""), std::string::npos);

  // Without a file chosen (the browser sends an empty part) the form works as before.
  auto without =
      Upload("/seller/apply", ApplicationParts(FilePart("logo", "", "", "application/octet-stream")), Who(other_));
  ASSERT_EQ(without.status, http::Status::see_other) << without.body;
  EXPECT_TRUE(applications_.Current({other_, core::Role::buyer, "회원"})->logo_url.empty());
  EXPECT_TRUE(Json(Get("/api/v1/seller/application", Who(other_))).at("seller").at("logo_url").is_null());
}

TEST_F(ShopLogoTest, ARefusedApplicationOrLogoStoresNothing) {
  // A hostile logo: the form comes back with the picture's reason and the typed values.
  auto hostile =
      Upload("/seller/apply",
             ApplicationParts(FilePart("logo", "<svg><script>alert(1)</script></svg>", "logo.png", "image/png")),
             Who(applicant_));
  EXPECT_EQ(hostile.status, http::Status::unsupported_media_type);
  EXPECT_NE(hostile.body.find("원산 수산상점"), std::string::npos);
  EXPECT_NE(hostile.body.find("form-error"), std::string::npos);
  // A good logo with a bad phone: refused by the fields before the logo is stored.
  std::vector<UploadPart> bad_phone = ApplicationParts(FilePart("logo", jpeg_));
  bad_phone[2] = TextPart("phone", "abc");
  EXPECT_EQ(Upload("/seller/apply", bad_phone, Who(applicant_)).status, http::Status::bad_request);
  auto bomb = Upload("/seller/apply", ApplicationParts(FilePart("logo", images::PngDeclaring(50'000, 50'000))),
                     Who(applicant_));
  EXPECT_EQ(bomb.status, http::Status::unprocessable_entity);
  EXPECT_EQ(ShopCount(), 0);
  EXPECT_EQ(MediaFiles(), 0u);
}

TEST_F(ShopLogoTest, TheOwnerReplacesTheLogoAndNobodyElseCan) {
  const Shop mine = Applied(applicant_);
  const Shop theirs = Applied(other_);
  const std::string path = "/api/v1/seller/shop/logo";
  EXPECT_EQ(Upload(path, {FilePart("image", jpeg_)}, "").status, http::Status::unauthorized);
  // Someone else's shop, a member without a shop, a malformed id: 404, and no file stored.
  const std::string others = path + "?shop_id=" + std::to_string(theirs.id.value);
  auto refused = Upload(others, {FilePart("image", jpeg_)}, Who(applicant_));
  EXPECT_EQ(refused.status, http::Status::not_found);
  EXPECT_EQ(Code(refused), "shop_not_found");
  EXPECT_EQ(Upload(path, {FilePart("image", jpeg_)}, Who(admin_, "admin")).status, http::Status::not_found);
  EXPECT_EQ(Upload(path + "?shop_id=abc", {FilePart("image", jpeg_)}, Who(applicant_)).status, http::Status::not_found);
  EXPECT_EQ(
      Upload("/seller/shop/logo?shop_id=" + std::to_string(theirs.id.value), {FilePart("logo", jpeg_)}, Who(applicant_))
          .status,
      http::Status::not_found);
  EXPECT_EQ(MediaFiles(), 0u);
  EXPECT_TRUE(LogoOf(theirs.id).empty());

  // Hostile files: their reason, nothing stored.
  struct Case {
    std::string bytes;
    http::Status status;
    std::string code;
  };
  for (const Case& hostile : std::vector<Case>{
           // The letters after the signature read as a screen of 25,120 x 29,813 pixels.
           {"GIF89a but not really", http::Status::unprocessable_entity, "too_many_pixels"},
           {std::string("GIF89a\x00\x00\x00\x00", 10), http::Status::unprocessable_entity, "corrupt"},
           {"hello", http::Status::unsupported_media_type, "not_an_image"},
           {images::PngDeclaring(40'000, 40'000), http::Status::unprocessable_entity, "too_many_pixels"},
       }) {
    auto answer = Upload(path, {FilePart("image", hostile.bytes)}, Who(applicant_));
    EXPECT_EQ(answer.status, hostile.status) << hostile.code;
    EXPECT_EQ(Code(answer), hostile.code);
    EXPECT_EQ(Field(answer), "image");
  }
  EXPECT_EQ(Code(Upload(path, {TextPart("image", "not a file part")}, Who(applicant_))), "not_an_image");
  EXPECT_EQ(Code(Post(path, "{}", Who(applicant_))), "image_required");
  EXPECT_EQ(MediaFiles(), 0u);

  auto replaced =
      Upload(path + "?shop_id=" + std::to_string(mine.id.value), {FilePart("image", jpeg_)}, Who(applicant_));
  ASSERT_EQ(replaced.status, http::Status::ok) << replaced.body;
  const std::string first = LogoOf(mine.id);
  EXPECT_EQ(Json(replaced).at("seller").at("logo_url").as_string(), first);
  EXPECT_TRUE(media_.store.Find(first.substr(7)).has_value());

  // The no-JS form replaces it again.
  const std::string png = images::Png(images::RedLeftBlueRight(300, 300));
  auto form = Upload("/seller/shop/logo", {FilePart("logo", png, "logo.png", "image/png")}, Who(applicant_));
  ASSERT_EQ(form.status, http::Status::see_other) << form.body;
  EXPECT_EQ(Location(form), "/seller/application?logo=1");
  EXPECT_NE(LogoOf(mine.id), first);
  EXPECT_TRUE(LogoOf(theirs.id).empty());
  const std::string status_page = Get("/seller/application", Who(applicant_)).body;
  EXPECT_NE(status_page.find("action=\"/seller/shop/logo?shop_id=" + std::to_string(mine.id.value)), std::string::npos);
}

}  // namespace
}  // namespace manmulsang::sellers
