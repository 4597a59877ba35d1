#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "manmulsang/media/image_upload.hpp"
#include "manmulsang/media/media_routes.hpp"
#include "manmulsang/media/upload_messages.hpp"
#include "temp_directory.hpp"
#include "test_images.hpp"
#include "test_uploads.hpp"

namespace manmulsang::media {
namespace {

using http::Method;
using http::Status;
using testing::FilePart;
using testing::MultipartRequest;
using testing::TextPart;
namespace images = image::testing;

std::size_t FileCount(const std::filesystem::path& root) {
  std::size_t count = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) count += entry.is_regular_file();
  return count;
}

std::string NameOf(std::string_view url) {
  EXPECT_TRUE(url.starts_with("/media/")) << url;
  return std::string(url.substr(7));
}

class MediaUploadTest : public ::testing::Test {
 protected:
  manmulsang::testing::TempDirectory directory_;
  MediaLibrary library_{directory_ / "media"};
};

TEST_F(MediaUploadTest, StoresBothSizesOfARealJpegWithoutItsMetadata) {
  const std::string photo = images::JpegWithExif(images::RedLeftBlueRight(1600, 1200), 1);
  const auto request = MultipartRequest(Method::post, "/upload", {TextPart("title", "사진"), FilePart("image", photo)});
  const auto stored = StoreUploadedImages(request, "image", 1, library_);
  ASSERT_TRUE(stored) << stored.error().code;
  ASSERT_EQ(stored->size(), 1u);
  const auto detail = library_.store.Read(NameOf((*stored)[0].detail_url));
  const auto list = library_.store.Read(NameOf((*stored)[0].list_url));
  ASSERT_TRUE(detail && list);
  EXPECT_TRUE(detail->starts_with("\xff\xd8\xff"));
  EXPECT_LT(list->size(), detail->size());
  // No EXIF (the GPS latitude the upload carried) in what is served.
  EXPECT_EQ(detail->find("Exif"), std::string::npos);
  EXPECT_EQ(list->find("Exif"), std::string::npos);
  const auto detail_image = vips::VImage::new_from_buffer(detail->data(), detail->size(), "");
  EXPECT_EQ(detail_image.width(), 1024);
  const auto list_image = vips::VImage::new_from_buffer(list->data(), list->size(), "");
  EXPECT_EQ(list_image.width(), 320);
  EXPECT_EQ(FileCount(library_.store.root()), 2u);
}

TEST_F(MediaUploadTest, TheBytesDecideNotTheDeclaredTypeOrName) {
  // A PNG declared as a GIF named .txt is a PNG: accepted.
  const std::string png = images::Png(images::RedLeftBlueRight(40, 30));
  const auto request = MultipartRequest(Method::post, "/upload", {FilePart("image", png, "notes.txt", "image/gif")});
  const auto stored = StoreUploadedImages(request, "image", 1, library_);
  ASSERT_TRUE(stored) << stored.error().code;
  EXPECT_EQ(stored->size(), 1u);
}

TEST_F(MediaUploadTest, SeveralFilesOfOneFieldUpToTheLimit) {
  const std::string first = images::Jpeg(images::RedLeftBlueRight(300, 200));
  const std::string second = images::Png(images::RedLeftBlueRight(200, 300));
  const auto request = MultipartRequest(
      Method::post, "/upload", {FilePart("photos", first), FilePart("other", second), FilePart("photos", second)});
  const auto stored = StoreUploadedImages(request, "photos", 5, library_);
  ASSERT_TRUE(stored) << stored.error().code;
  ASSERT_EQ(stored->size(), 2u);
  EXPECT_NE((*stored)[0].detail_url, (*stored)[1].detail_url);

  const auto too_many = StoreUploadedImages(request, "photos", 1, library_);
  ASSERT_FALSE(too_many);
  EXPECT_EQ(too_many.error().status, Status::bad_request);
  EXPECT_EQ(too_many.error().code, "too_many_images");
  EXPECT_EQ(too_many.error().field, "photos");
}

TEST_F(MediaUploadTest, OneBadFileRefusesTheWholeRequestAndStoresNothing) {
  const std::string good = images::Jpeg(images::RedLeftBlueRight(300, 200));
  const auto request = MultipartRequest(Method::post, "/upload",
                                        {FilePart("photos", good), FilePart("photos", "just some text, not a photo")});
  const auto stored = StoreUploadedImages(request, "photos", 5, library_);
  ASSERT_FALSE(stored);
  EXPECT_EQ(stored.error().status, Status::unsupported_media_type);
  EXPECT_EQ(stored.error().code, "not_an_image");
  EXPECT_EQ(FileCount(library_.store.root()), 0u);
}

struct HostileCase {
  std::string label;
  std::string bytes;
  Status status;
  std::string code;
};

TEST_F(MediaUploadTest, HostileFilesAreRefusedWithTheirReasonAndNothingIsStored) {
  const std::string jpeg = images::Jpeg(images::RedLeftBlueRight(400, 300));
  const std::vector<HostileCase> cases = {
      {"text named .jpg", "hello, this is text", Status::unsupported_media_type, "not_an_image"},
      {"svg with script",
       "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
       Status::unsupported_media_type, "unsupported_format"},
      {"decompression bomb", images::PngDeclaring(50'000, 50'000), Status::unprocessable_entity, "too_many_pixels"},
      {"truncated jpeg", jpeg.substr(0, jpeg.size() / 2), Status::unprocessable_entity, "corrupt"},
      {"11 MiB", std::string(11 * 1024 * 1024, 'x'), Status::payload_too_large, "too_large_bytes"},
      {"empty file named", "", Status::unsupported_media_type, "not_an_image"},
  };
  for (const HostileCase& hostile : cases) {
    SCOPED_TRACE(hostile.label);
    const auto request = MultipartRequest(Method::post, "/upload", {FilePart("image", hostile.bytes, "photo.jpg")});
    const auto stored = StoreUploadedImages(request, "image", 1, library_);
    ASSERT_FALSE(stored);
    EXPECT_EQ(stored.error().status, hostile.status);
    EXPECT_EQ(stored.error().code, hostile.code);
    EXPECT_EQ(stored.error().field, "image");
    EXPECT_NE(UploadEnglishMessage(stored.error().code), "The upload could not be used.");
  }
  EXPECT_EQ(FileCount(library_.store.root()), 0u);
}

// Files that are two things at once. A GIF header in front of JavaScript is no picture; a real
// JPEG with a page appended after its end is a picture, and only the picture is kept: what is
// served is re-encoded from pixels, so the appended script is gone.
TEST_F(MediaUploadTest, PolyglotsAreRefusedOrReducedToTheirPixels) {
  // A zero height in the header, as the classic GIF/JavaScript polyglot has.
  const std::string gif_script("GIF89a/*\x00\x00*/=1;alert(document.cookie);//", 40);
  const auto request = MultipartRequest(Method::post, "/upload", {FilePart("image", gif_script, "a.gif", "image/gif")});
  const auto refused = StoreUploadedImages(request, "image", 1, library_);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, "corrupt");
  EXPECT_EQ(FileCount(library_.store.root()), 0u);

  const std::string jpeg_page = images::Jpeg(images::RedLeftBlueRight(64, 48)) +
                                "<html><body><script>alert(document.cookie)</script></body></html>";
  const auto page_request = MultipartRequest(Method::post, "/upload", {FilePart("image", jpeg_page)});
  const auto stored = StoreUploadedImages(page_request, "image", 1, library_);
  ASSERT_TRUE(stored) << stored.error().code;
  const auto served = library_.store.Read(NameOf((*stored)[0].detail_url));
  ASSERT_TRUE(served.has_value());
  EXPECT_EQ(served->find("<script"), std::string::npos);
  EXPECT_TRUE(served->ends_with("\xff\xd9"));
}

TEST_F(MediaUploadTest, MissingOrMalformedUploadIsImageRequired) {
  http::BeastRequest message(Method::post, "/upload", 11);
  message.set("Content-Type", "application/x-www-form-urlencoded");
  message.body() = "image=abc";
  const http::Request form(std::move(message), "127.0.0.1", "id");
  const auto not_multipart = StoreUploadedImages(form, "image", 1, library_);
  ASSERT_FALSE(not_multipart);
  EXPECT_EQ(not_multipart.error().code, "image_required");
  EXPECT_EQ(not_multipart.error().status, Status::bad_request);

  const auto without_field = MultipartRequest(Method::post, "/upload", {TextPart("title", "x")});
  EXPECT_EQ(StoreUploadedImages(without_field, "image", 1, library_).error().code, "image_required");

  http::BeastRequest cut(Method::post, "/upload", 11);
  cut.set("Content-Type", testing::MultipartContentType());
  cut.body() = "--" + std::string(testing::kBoundary) + "\r\nContent-Disposition: form-data; name=\"image\"";
  const http::Request malformed(std::move(cut), "127.0.0.1", "id");
  EXPECT_EQ(StoreUploadedImages(malformed, "image", 1, library_).error().code, "image_required");
}

TEST_F(MediaUploadTest, AnOptionalFileInputLeftEmptyIsNoUpload) {
  // What a browser sends for <input type=file> with nothing chosen.
  const auto request = MultipartRequest(
      Method::post, "/apply", {TextPart("name", "가게"), FilePart("logo", "", "", "application/octet-stream")});
  const auto optional = StoreOptionalUploadedImages(request, "logo", 1, library_);
  ASSERT_TRUE(optional);
  EXPECT_TRUE(optional->empty());
  EXPECT_EQ(StoreUploadedImages(request, "logo", 1, library_).error().code, "image_required");
  // A form that is not multipart at all has no upload either.
  http::BeastRequest message(Method::post, "/apply", 11);
  message.set("Content-Type", "application/x-www-form-urlencoded");
  message.body() = "name=x";
  const http::Request form(std::move(message), "127.0.0.1", "id");
  EXPECT_TRUE(StoreOptionalUploadedImages(form, "logo", 1, library_)->empty());
}

TEST(MediaUploadMessages, BothCatalogsWordEveryCode) {
  const auto catalogs = UploadMessages();
  ASSERT_EQ(catalogs.size(), 2u);
  for (const auto& catalog : catalogs) {
    for (std::string_view code : {"not_an_image", "unsupported_format", "too_large_bytes", "too_many_pixels", "corrupt",
                                  "image_required", "too_many_images", "accepted"}) {
      EXPECT_NE(catalog.content.find(std::string(code) + " = \""), std::string_view::npos)
          << catalog.path << " " << code;
    }
  }
}

TEST(MediaUploadMessages, EveryCodeHasAKeyAndEnglish) {
  EXPECT_EQ(UploadMessageKey("corrupt"), "image.corrupt");
  EXPECT_EQ(UploadEnglishMessage("too_many_pixels"),
            "The image has more than 40 megapixels. Upload a smaller picture.");
  EXPECT_NE(UploadEnglishMessage("image_required"), UploadEnglishMessage("too_many_images"));
  EXPECT_EQ(MediaUrl("ab.jpg"), "/media/ab.jpg");
}

class MediaRouteTest : public ::testing::Test {
 protected:
  void SetUp() override { AddMediaRoutes(router_, store_); }

  http::Response Get(std::string_view target, Method method = Method::get) {
    http::BeastRequest message(method, target, 11);
    http::Request request(std::move(message), "127.0.0.1", "id");
    return router_.Dispatch(request);
  }

  manmulsang::testing::TempDirectory directory_;
  image::MediaStore store_{directory_ / "media"};
  http::Router router_;
};

TEST_F(MediaRouteTest, ServesAStoredFileImmutableWithItsType) {
  const std::string jpeg = images::Jpeg(images::RedLeftBlueRight(50, 40));
  const std::string name = store_.Put(jpeg, "jpg");
  const http::Response response = Get("/media/" + name);
  EXPECT_EQ(response.status, Status::ok);
  EXPECT_EQ(response.body, jpeg);
  EXPECT_EQ(response.content_type, "image/jpeg");
  EXPECT_EQ(response.Header("Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(response.Header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(response.Header("ETag"), "\"" + name.substr(0, 64) + "\"");
  // HEAD is answered by the GET route (the server drops the body).
  EXPECT_EQ(Get("/media/" + name, Method::head).status, Status::ok);

  const std::string png_name = store_.Put(images::Png(images::RedLeftBlueRight(5, 5)), "png");
  EXPECT_EQ(Get("/media/" + png_name).content_type, "image/png");
}

TEST_F(MediaRouteTest, InvalidOrUnknownNamesAre404) {
  const std::string name = store_.Put("bytes", "jpg");
  const std::string hash = name.substr(0, 64);
  const std::vector<std::string> targets = {
      "/media/" + std::string(64, 'a') + ".jpg",  // valid shape, not stored
      "/media/..%2F..%2Fetc%2Fpasswd",
      "/media/%2Fetc%2Fpasswd",
      "/media/" + hash + ".svg",
      "/media/" + hash,
      "/media/" + name + "%00",
      "/media/" + name.substr(0, 2) + "%2F" + name,
      "/media/.tmp-123",
      "/media/ABC.jpg",
  };
  for (const std::string& target : targets) {
    SCOPED_TRACE(target);
    EXPECT_EQ(Get(target).status, Status::not_found);
  }
  // The store's root, holding names, is not a folder listing either.
  EXPECT_EQ(Get("/media/" + name.substr(0, 2)).status, Status::not_found);
}

}  // namespace
}  // namespace manmulsang::media
