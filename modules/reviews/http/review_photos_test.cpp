// Review photos through the routes: the API endpoint and the multipart review form, with real
// pictures and hostile files; the store and the rows are checked, not only the answers.

#include "reviews_routes_fixture.hpp"
#include "test_images.hpp"
#include "test_uploads.hpp"
#include "upload_test_fixture.hpp"

namespace manmulsang::reviews {
namespace {

using media::testing::FilePart;
using media::testing::TextPart;
using media::testing::UploadPart;
namespace images = image::testing;

class ReviewPhotosTest : public testing::UploadTestFixture<ReviewsRoutesTest> {
 protected:
  ReviewId Written(core::UserId author) {
    Bought(author, product_, kOwner);
    auto written = Post(ProductPath(product_, "/reviews"), R"({"rating":5,"body":"사진 올립니다"})", Who(author));
    EXPECT_EQ(written.status, http::Status::created) << written.body;
    return ReviewId{Json(written).at("id").as_int64()};
  }

  std::string PhotosPath(ReviewId id) { return "/api/v1/reviews/" + std::to_string(id.value) + "/photos"; }

  const std::string jpeg_ = images::JpegWithExif(images::RedLeftBlueRight(1200, 900), 1);
  const std::string png_ = images::Png(images::RedLeftBlueRight(200, 100));
};

TEST_F(ReviewPhotosTest, TheAuthorAddsPhotosAndEveryoneSeesThem) {
  const ReviewId id = Written(kBuyer);
  auto added =
      Upload(PhotosPath(id), {FilePart("image", jpeg_), FilePart("image", png_, "x.gif", "image/gif")}, Who(kBuyer));
  ASSERT_EQ(added.status, http::Status::created) << added.body;
  const auto photos = Json(added).at("photos").as_array();
  ASSERT_EQ(photos.size(), 2u);
  const std::string url(photos.at(0).at("url").as_string());
  const std::string thumbnail(photos.at(0).at("thumbnail_url").as_string());
  ASSERT_TRUE(url.starts_with("/media/")) << url;
  ASSERT_TRUE(thumbnail.starts_with("/media/")) << thumbnail;
  // The files are there, freshly encoded without the upload's EXIF.
  const auto detail = media_.store.Read(url.substr(7));
  ASSERT_TRUE(detail.has_value());
  EXPECT_TRUE(detail->starts_with("\xff\xd8\xff"));
  EXPECT_EQ(detail->find("Exif"), std::string::npos);
  EXPECT_TRUE(media_.store.Find(thumbnail.substr(7)).has_value());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM review_photos"), 2);

  // In the list API and on the page, as thumbnails linking to the detail picture.
  const auto listed = Json(Get(ProductPath(product_, "/reviews")));
  EXPECT_EQ(listed.at("items").at(0).at("photos").at(1).at("thumbnail_url").as_string().size(), thumbnail.size());
  const std::string page = Get("/p/" + std::to_string(product_.value) + "/reviews").body;
  EXPECT_NE(page.find("<a href=\"" + url + "\"><img src=\"" + thumbnail + "\""), std::string::npos) << page;
}

TEST_F(ReviewPhotosTest, OnlyTheAuthorAndAtMostFive) {
  const ReviewId id = Written(kBuyer);
  Written(kOtherBuyer);
  const std::size_t files_before = MediaFiles();
  // Someone else, the shop, a visitor, an unknown review: nothing stored, 404 (or 401).
  auto others = Upload(PhotosPath(id), {FilePart("image", jpeg_)}, Who(kOtherBuyer));
  EXPECT_EQ(others.status, http::Status::not_found);
  EXPECT_EQ(Code(others), "review_not_found");
  EXPECT_EQ(Upload(PhotosPath(id), {FilePart("image", jpeg_)}, Who(kOwner, "seller")).status, http::Status::not_found);
  EXPECT_EQ(Upload(PhotosPath(id), {FilePart("image", jpeg_)}, "").status, http::Status::unauthorized);
  EXPECT_EQ(Upload(PhotosPath(ReviewId{424242}), {FilePart("image", jpeg_)}, Who(kBuyer)).status,
            http::Status::not_found);
  EXPECT_EQ(Upload("/api/v1/reviews/abc/photos", {FilePart("image", jpeg_)}, Who(kBuyer)).status,
            http::Status::not_found);
  EXPECT_EQ(MediaFiles(), files_before);

  // Six at once are too many; five fill the review; a sixth later is refused.
  std::vector<UploadPart> six;
  for (int index = 0; index < 6; ++index) six.push_back(FilePart("image", png_));
  auto too_many = Upload(PhotosPath(id), six, Who(kBuyer));
  EXPECT_EQ(too_many.status, http::Status::bad_request);
  EXPECT_EQ(Code(too_many), "too_many_images");
  EXPECT_EQ(MediaFiles(), files_before);
  six.pop_back();
  ASSERT_EQ(Upload(PhotosPath(id), six, Who(kBuyer)).status, http::Status::created);
  auto full = Upload(PhotosPath(id), {FilePart("image", jpeg_)}, Who(kBuyer));
  EXPECT_EQ(full.status, http::Status::bad_request);
  EXPECT_EQ(Code(full), "too_many_photos");
  EXPECT_EQ(Json(full).at("error").at("field").as_string(), "photos");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM review_photos"), 5);
}

TEST_F(ReviewPhotosTest, HostileFilesAreRefusedWithAClearMessageAndNothingStored) {
  const ReviewId id = Written(kBuyer);
  struct Case {
    std::string label;
    std::string bytes;
    http::Status status;
    std::string code;
  };
  const std::vector<Case> cases = {
      {"text named .jpg", "plain text pretending", http::Status::unsupported_media_type, "not_an_image"},
      {"svg with script", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
       http::Status::unsupported_media_type, "unsupported_format"},
      {"decompression bomb", images::PngDeclaring(50'000, 50'000), http::Status::unprocessable_entity,
       "too_many_pixels"},
      {"truncated jpeg", jpeg_.substr(0, jpeg_.size() / 3), http::Status::unprocessable_entity, "corrupt"},
  };
  for (const Case& hostile : cases) {
    SCOPED_TRACE(hostile.label);
    auto refused = Upload(PhotosPath(id), {FilePart("image", hostile.bytes)}, Who(kBuyer));
    EXPECT_EQ(refused.status, hostile.status);
    EXPECT_EQ(Code(refused), hostile.code);
    EXPECT_EQ(Json(refused).at("error").at("field").as_string(), "image");
    EXPECT_FALSE(Json(refused).at("error").at("message").as_string().empty());
  }
  auto missing = Upload(PhotosPath(id), {TextPart("note", "no file")}, Who(kBuyer));
  EXPECT_EQ(missing.status, http::Status::bad_request);
  EXPECT_EQ(Code(missing), "image_required");
  EXPECT_EQ(Code(Post(PhotosPath(id), "{}", Who(kBuyer))), "image_required");
  EXPECT_EQ(MediaFiles(), 0u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM review_photos"), 0);
}

TEST_F(ReviewPhotosTest, TheReviewFormTakesPhotosAndRefusesABadOneWhole) {
  Bought(kBuyer, product_, kOwner);
  const std::string page = "/p/" + std::to_string(product_.value) + "/reviews";
  const std::string form = Get(page, Who(kBuyer)).body;
  EXPECT_NE(form.find("enctype=\"multipart/form-data\""), std::string::npos);
  EXPECT_NE(form.find("name=\"photos\""), std::string::npos);

  // A good photo and a text file: the review is refused with the picture's reason, nothing stored.
  auto refused = Upload(page,
                        {TextPart("rating", "4"), TextPart("body", "사진 두 장"), FilePart("photos", png_),
                         FilePart("photos", "not a picture")},
                        Who(kBuyer));
  EXPECT_EQ(refused.status, http::Status::unsupported_media_type);
  EXPECT_NE(refused.body.find("사진 두 장"), std::string::npos);  // what was typed stays
  EXPECT_NE(refused.body.find("JPEG, PNG, WebP, GIF"), std::string::npos);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM reviews"), 0);
  EXPECT_EQ(MediaFiles(), 0u);

  // Someone who did not buy the product, sending a good photo: refused, and the photo not stored.
  auto stranger = Upload(page, {TextPart("rating", "5"), FilePart("photos", jpeg_)}, Who(kOtherBuyer));
  EXPECT_EQ(stranger.status, http::Status::forbidden);
  EXPECT_EQ(MediaFiles(), 0u);

  // An empty file input is no photo; then a review with one photo.
  auto without =
      Upload(page, {TextPart("rating", "3"), FilePart("photos", "", "", "application/octet-stream")}, Who(kBuyer));
  ASSERT_EQ(without.status, http::Status::see_other) << without.body;
  Bought(kBuyer, product_, kOwner);
  auto with =
      Upload(page, {TextPart("rating", "5"), TextPart("body", "좋아요"), FilePart("photos", jpeg_)}, Who(kBuyer));
  ASSERT_EQ(with.status, http::Status::see_other) << with.body;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM review_photos"), 1);
  EXPECT_EQ(MediaFiles(), 2u);
  EXPECT_NE(Get(page).body.find("class=\"review-photos\""), std::string::npos);
}

TEST_F(ReviewPhotosTest, TheAuthorAddsPhotosFromThePage) {
  const ReviewId id = Written(kBuyer);
  const std::string page = "/p/" + std::to_string(product_.value) + "/reviews";
  EXPECT_NE(Get(page, Who(kBuyer)).body.find("/reviews/" + std::to_string(id.value) + "/photos"), std::string::npos);
  EXPECT_EQ(Get(page, Who(kOtherBuyer)).body.find("/reviews/" + std::to_string(id.value) + "/photos"),
            std::string::npos);
  const std::string action = "/reviews/" + std::to_string(id.value) + "/photos";
  EXPECT_EQ(Upload(action, {FilePart("photos", jpeg_)}, Who(kOtherBuyer)).status, http::Status::not_found);
  EXPECT_EQ(MediaFiles(), 0u);
  auto added = Upload(action, {FilePart("photos", jpeg_)}, Who(kBuyer));
  ASSERT_EQ(added.status, http::Status::see_other) << added.body;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM review_photos"), 1);
  auto bomb = Upload(action, {FilePart("photos", images::PngDeclaring(60'000, 60'000))}, Who(kBuyer));
  EXPECT_EQ(bomb.status, http::Status::unprocessable_entity);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM review_photos"), 1);
}

}  // namespace
}  // namespace manmulsang::reviews
