// Uploads through the real server (issue 5): a real photo becomes a shop logo and is served from
// /media as a fresh JPEG without its EXIF; hostile files — text named .jpg, SVG with script, a
// decompression bomb, a truncated JPEG, a polyglot, an 11 MiB body — are each refused with their
// status and a clear message, and leave no file under the data folder's media/ and no row; a PNG
// declared as a GIF is accepted because the bytes decide; another member uploading to someone
// else's shop gets 404; a product photo goes the same way and another shop's owner gets 404.
// Review photos and their ownership are covered by the reviews module's route tests (a black-box
// review needs a delivered order).
#include <filesystem>

#include "blackbox.hpp"

namespace manmulsang::testing {
namespace {

using namespace std::chrono_literals;

std::string Bytes(const char* data, std::size_t size) { return std::string(data, size); }

// Made with libvips by platform/image/test_images.hpp: JpegWithExif(RedLeftBlueRight(64, 48), 1)
// (EXIF with a GPS latitude), Png(RedLeftBlueRight(24, 16)), PngDeclaring(50'000, 50'000).
// kDecompressionBomb: 65 bytes
const std::string kDecompressionBomb = Bytes(
    "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\xc3\x50\x00\x00\xc3\x50\x08\x02\x00\x00"
    "\x00\xc4\xcd\xaa\x9d\x00\x00\x00\x08\x49\x44\x41"
    "\x54\x78\x9c\x03\x00\x00\x00\x00\x01\x48\x06\x89\xd2\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82",
    65);
// kJpegWithGps: 992 bytes
const std::string kJpegWithGps = Bytes(
    "\xff\xd8\xff\xe1\x00\xe6\x45\x78\x69\x66\x00\x00\x49\x49\x2a\x00\x08\x00\x00\x00\x06\x00\x12\x01\x03\x00\x01\x00"
    "\x00\x00\x01\x00\x00\x00\x1a\x01\x05\x00\x01\x00"
    "\x00\x00\x56\x00\x00\x00\x1b\x01\x05\x00\x01\x00\x00\x00\x5e\x00\x00\x00\x28\x01\x03\x00\x01\x00\x00\x00\x02\x00"
    "\x00\x00\x69\x87\x04\x00\x01\x00\x00\x00\x66\x00"
    "\x00\x00\x25\x88\x04\x00\x01\x00\x00\x00\xa8\x00\x00\x00\x00\x00\x00\x00\x38\x63\x00\x00\xe8\x03\x00\x00\x38\x63"
    "\x00\x00\xe8\x03\x00\x00\x05\x00\x00\x90\x07\x00"
    "\x04\x00\x00\x00\x30\x32\x31\x30\x00\xa0\x07\x00\x04\x00\x00\x00\x30\x31\x30\x30\x01\xa0\x03\x00\x01\x00\x00\x00"
    "\xff\xff\x00\x00\x02\xa0\x04\x00\x01\x00\x00\x00"
    "\x40\x00\x00\x00\x03\xa0\x04\x00\x01\x00\x00\x00\x30\x00\x00\x00\x00\x00\x00\x00\x02\x00\x01\x00\x02\x00\x02\x00"
    "\x00\x00\x4e\x00\x00\x00\x02\x00\x05\x00\x03\x00"
    "\x00\x00\xc6\x00\x00\x00\x00\x00\x00\x00\x25\x00\x00\x00\x01\x00\x00\x00\x1e\x00\x00\x00\x01\x00\x00\x00\x00\x00"
    "\x00\x00\x01\x00\x00\x00\xff\xdb\x00\x43\x00\x03"
    "\x02\x02\x03\x02\x02\x03\x03\x03\x03\x04\x03\x03\x04\x05\x08\x05\x05\x04\x04\x05\x0a\x07\x07\x06\x08\x0c\x0a\x0c"
    "\x0c\x0b\x0a\x0b\x0b\x0d\x0e\x12\x10\x0d\x0e\x11"
    "\x0e\x0b\x0b\x10\x16\x10\x11\x13\x14\x15\x15\x15\x0c\x0f\x17\x18\x16\x14\x18\x12\x14\x15\x14\xff\xdb\x00\x43\x01"
    "\x03\x04\x04\x05\x04\x05\x09\x05\x05\x09\x14\x0d"
    "\x0b\x0d\x14\x14\x14\x14\x14\x14\x14\x14\x14\x14\x14\x14\x14\x14\x14\x14\x14\x14\x14\x14\x14\x14\x14\x14\x14\x14"
    "\x14\x14\x14\x14\x14\x14\x14\x14\x14\x14\x14\x14"
    "\x14\x14\x14\x14\x14\x14\x14\x14\x14\x14\x14\x14\xff\xc0\x00\x11\x08\x00\x30\x00\x40\x03\x01\x11\x00\x02\x11\x01"
    "\x03\x11\x01\xff\xc4\x00\x1f\x00\x00\x01\x05\x01"
    "\x01\x01\x01\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\xff\xc4\x00\xb5"
    "\x10\x00\x02\x01\x03\x03\x02\x04\x03\x05\x05\x04"
    "\x04\x00\x00\x01\x7d\x01\x02\x03\x00\x04\x11\x05\x12\x21\x31\x41\x06\x13\x51\x61\x07\x22\x71\x14\x32\x81\x91\xa1"
    "\x08\x23\x42\xb1\xc1\x15\x52\xd1\xf0\x24\x33\x62"
    "\x72\x82\x09\x0a\x16\x17\x18\x19\x1a\x25\x26\x27\x28\x29\x2a\x34\x35\x36\x37\x38\x39\x3a\x43\x44\x45\x46\x47\x48"
    "\x49\x4a\x53\x54\x55\x56\x57\x58\x59\x5a\x63\x64"
    "\x65\x66\x67\x68\x69\x6a\x73\x74\x75\x76\x77\x78\x79\x7a\x83\x84\x85\x86\x87\x88\x89\x8a\x92\x93\x94\x95\x96\x97"
    "\x98\x99\x9a\xa2\xa3\xa4\xa5\xa6\xa7\xa8\xa9\xaa"
    "\xb2\xb3\xb4\xb5\xb6\xb7\xb8\xb9\xba\xc2\xc3\xc4\xc5\xc6\xc7\xc8\xc9\xca\xd2\xd3\xd4\xd5\xd6\xd7\xd8\xd9\xda\xe1"
    "\xe2\xe3\xe4\xe5\xe6\xe7\xe8\xe9\xea\xf1\xf2\xf3"
    "\xf4\xf5\xf6\xf7\xf8\xf9\xfa\xff\xc4\x00\x1f\x01\x00\x03\x01\x01\x01\x01\x01\x01\x01\x01\x01\x00\x00\x00\x00\x00"
    "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b"
    "\xff\xc4\x00\xb5\x11\x00\x02\x01\x02\x04\x04\x03\x04\x07\x05\x04\x04\x00\x01\x02\x77\x00\x01\x02\x03\x11\x04\x05"
    "\x21\x31\x06\x12\x41\x51\x07\x61\x71\x13\x22\x32"
    "\x81\x08\x14\x42\x91\xa1\xb1\xc1\x09\x23\x33\x52\xf0\x15\x62\x72\xd1\x0a\x16\x24\x34\xe1\x25\xf1\x17\x18\x19\x1a"
    "\x26\x27\x28\x29\x2a\x35\x36\x37\x38\x39\x3a\x43"
    "\x44\x45\x46\x47\x48\x49\x4a\x53\x54\x55\x56\x57\x58\x59\x5a\x63\x64\x65\x66\x67\x68\x69\x6a\x73\x74\x75\x76\x77"
    "\x78\x79\x7a\x82\x83\x84\x85\x86\x87\x88\x89\x8a"
    "\x92\x93\x94\x95\x96\x97\x98\x99\x9a\xa2\xa3\xa4\xa5\xa6\xa7\xa8\xa9\xaa\xb2\xb3\xb4\xb5\xb6\xb7\xb8\xb9\xba\xc2"
    "\xc3\xc4\xc5\xc6\xc7\xc8\xc9\xca\xd2\xd3\xd4\xd5"
    "\xd6\xd7\xd8\xd9\xda\xe2\xe3\xe4\xe5\xe6\xe7\xe8\xe9\xea\xf2\xf3\xf4\xf5\xf6\xf7\xf8\xf9\xfa\xff\xda\x00\x0c\x03"
    "\x01\x00\x02\x11\x03\x11\x00\x3f\x00\xf9\xd2\xbf"
    "\x0c\x3f\xd5\x30\xa0\x02\x80\x0a\x00\xf0\x2a\xff\x00\x71\x8f\xf1\xd0\x28\x00\xa0\x02\x80\x3d\xf6\xbf\xc3\x93\xfd"
    "\x8b\x0a\x00\x28\x00\xa0\x0f\x02\xaf\xf7\x18\xff"
    "\x00\x1d\x02\x80\x0a\x00\x28\x03\xdf\x6b\xfc\x39\x3f\xd8\xb0\xa0\x02\x80\x0a\x00\xf0\x2a\xff\x00\x71\x8f\xf1\xd0"
    "\x28\x00\xa0\x02\x80\x3d\xf6\xbf\xc3\x93\xfd\x8b"
    "\x0a\x00\x28\x00\xa0\x0f\x02\xaf\xf7\x18\xff\x00\x1d\x02\x80\x0a\x00\x28\x03\xdf\x6b\xfc\x39\x3f\xd8\xb0\xa0\x02"
    "\x80\x0a\x00\xf0\x2a\xff\x00\x71\x8f\xf1\xd0\x28"
    "\x00\xa0\x02\x80\x3d\xf6\xbf\xc3\x93\xfd\x8b\x0a\x00\x28\x00\xa0\x0f\x02\xaf\xf7\x18\xff\x00\x1d\x02\x80\x0a\x00"
    "\x28\x03\xff\xd9",
    992);
// kPng: 108 bytes
const std::string kPng = Bytes(
    "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x18\x00\x00\x00\x10\x08\x02\x00\x00"
    "\x00\x83\x46\x28\xc2\x00\x00\x00\x09\x70\x48\x59"
    "\x73\x00\x00\x03\xe8\x00\x00\x03\xe8\x01\xb5\x7b\x52\x6b\x00\x00\x00\x1e\x49\x44\x41\x54\x38\x8d\x63\xf8\xcf\xc0"
    "\x40\x10\x11\xa1\xe4\x3f\x31\x4a\x46\x0d\x1a\x35"
    "\x68\xd4\xa0\x51\x83\xf0\x20\x00\xcb\xa8\x7e\x90\x19\xdc\x91\x3f\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82",
    108);

class UploadsTest : public BlackBoxTest {
 protected:
  ShopOwner NewApplicant(std::string_view tag) { return Applicant(tag, "업로드 상점 " + std::string(tag)); }
  ShopOwner NewSeller(std::string_view tag) { return ApprovedSeller(tag, "업로드 상점 " + std::string(tag)); }

  HttpResponse UploadLogo(const ShopOwner& member, const std::string& bytes, std::string file_name = "photo.jpg",
                          std::string content_type = "image/jpeg", std::int64_t shop = 0) {
    const std::string target = "/api/v1/seller/shop/logo?shop_id=" + std::to_string(shop ? shop : member.shop);
    return Client(member.token)
        .Send("POST", target, MultipartBody({{"image", bytes, std::move(file_name), std::move(content_type)}}),
              MultipartType());
  }

  boost::json::value LogoOf(const ShopOwner& member) {
    return Client(member.token).Get("/api/v1/seller/application").Json().at("seller").at("logo_url");
  }

  // Every file under the data folder's media/ (temporary ones too).
  std::size_t MediaFiles() const {
    const std::filesystem::path root = server_->data_directory() / "media";
    std::size_t count = 0;
    if (!std::filesystem::exists(root)) return 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) count += entry.is_regular_file();
    return count;
  }
};

TEST_F(UploadsTest, ARealPhotoIsStoredAndServedWithoutItsMetadata) {
  const ShopOwner member = NewApplicant("photo");
  ASSERT_NE(kJpegWithGps.find("Exif"), std::string::npos);  // the upload does carry EXIF
  HttpResponse uploaded = UploadLogo(member, kJpegWithGps);
  ASSERT_EQ(uploaded.status, 200) << uploaded.body;
  const std::string url(uploaded.Json().at("seller").at("logo_url").as_string());
  ASSERT_TRUE(url.starts_with("/media/")) << url;
  EXPECT_EQ(LogoOf(member).as_string(), url);

  HttpResponse served = NewClient().Get(url);
  ASSERT_EQ(served.status, 200);
  EXPECT_EQ(served.Header("Content-Type").value_or(""), "image/jpeg");
  EXPECT_EQ(served.Header("Cache-Control").value_or(""), "public, max-age=31536000, immutable");
  EXPECT_EQ(served.Header("X-Content-Type-Options").value_or(""), "nosniff");
  EXPECT_TRUE(served.body.starts_with("\xff\xd8\xff")) << "not a JPEG";
  EXPECT_EQ(served.body.find("Exif"), std::string::npos) << "EXIF survived";
  EXPECT_EQ(served.body.find("GPS"), std::string::npos);
  // The file is where the store keeps it: <data>/media/<first two characters>/<name>.
  const std::string name = url.substr(7);
  EXPECT_TRUE(std::filesystem::is_regular_file(server_->data_directory() / "media" / name.substr(0, 2) / name));
  EXPECT_EQ(NewClient().Send("HEAD", url, "", "").status, 200);

  // Bad names: 404, never a path outside the store.
  for (const std::string& target :
       {"/media/" + std::string(64, 'a') + ".jpg", std::string("/media/..%2F..%2Fetc%2Fpasswd"),
        "/media/" + name.substr(0, 64) + ".svg", std::string("/media/ABC.jpg")}) {
    EXPECT_EQ(NewClient().Get(target).status, 404) << target;
  }
}

TEST_F(UploadsTest, APngDeclaredAsAGifIsAcceptedBecauseTheBytesDecide) {
  const ShopOwner member = NewApplicant("png-as-gif");
  HttpResponse uploaded = UploadLogo(member, kPng, "logo.gif", "image/gif");
  ASSERT_EQ(uploaded.status, 200) << uploaded.body;
  const std::string url(uploaded.Json().at("seller").at("logo_url").as_string());
  HttpResponse served = NewClient().Get(url);
  EXPECT_EQ(served.Header("Content-Type").value_or(""), "image/jpeg");
  EXPECT_TRUE(served.body.starts_with("\xff\xd8\xff"));
}

TEST_F(UploadsTest, HostileFilesAreRefusedClearlyAndLeaveNothingBehind) {
  const ShopOwner member = NewApplicant("hostile");
  struct Case {
    std::string label;
    std::string bytes;
    int status;
    std::string code;
  };
  const std::vector<Case> cases = {
      {"text renamed .jpg", "Dear seller, this is a letter, not a photo.\n", 415, "not_an_image"},
      {"SVG with a script",
       "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
       "<script>alert(document.cookie)</script></svg>",
       415, "unsupported_format"},
      {"decompression bomb (50,000 x 50,000 in 65 bytes)", kDecompressionBomb, 422, "too_many_pixels"},
      {"truncated JPEG", kJpegWithGps.substr(0, kJpegWithGps.size() / 2), 422, "corrupt"},
      {"GIF/JavaScript polyglot", Bytes("GIF89a/*\x00\x00*/=1;alert(document.cookie);//", 40), 422, "corrupt"},
      {"empty file", "", 415, "not_an_image"},
  };
  const std::size_t files_before = MediaFiles();
  for (const Case& hostile : cases) {
    SCOPED_TRACE(hostile.label);
    HttpResponse refused = UploadLogo(member, hostile.bytes);
    EXPECT_TRUE(IsJsonError(refused, hostile.status));
    EXPECT_EQ(ErrorCode(refused), hostile.code);
    EXPECT_EQ(refused.Json().at("error").at("field").as_string(), "image");
  }
  // The English message names what to do.
  HttpResponse worded =
      Client(member.token)
          .Send("POST", "/api/v1/seller/shop/logo", MultipartBody({{"image", "<svg/>", "x.svg", "image/svg+xml"}}),
                MultipartType(), {{"Accept-Language", "en"}});
  EXPECT_NE(std::string(worded.Json().at("error").at("message").as_string()).find("JPEG"), std::string::npos)
      << worded.body;
  // Not multipart, or no file: image_required.
  EXPECT_EQ(ErrorCode(Client(member.token).PostJson("/api/v1/seller/shop/logo", boost::json::object{})),
            "image_required");
  EXPECT_EQ(MediaFiles(), files_before);
  EXPECT_TRUE(LogoOf(member).is_null());
}

TEST_F(UploadsTest, ABodyOverElevenMebibytesIs413BeforeItIsRead) {
  const ShopOwner member = NewApplicant("huge");
  const std::size_t files_before = MediaFiles();
  RawConnection connection(server_->host(), server_->port());
  constexpr std::size_t kBodySize = 11 * 1024 * 1024 + 1;
  ASSERT_TRUE(
      connection.Send("POST /api/v1/seller/shop/logo HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(server_->port()) +
                      "\r\nAuthorization: Bearer " + member.token + "\r\nContent-Type: " + MultipartType() +
                      "\r\nContent-Length: " + std::to_string(kBodySize) + "\r\n\r\n"));
  const std::string chunk(64 * 1024, 'x');
  for (std::size_t sent = 0; sent < kBodySize; sent += chunk.size()) {
    if (connection.WaitReadable(0ms)) break;
    if (!connection.Send(chunk)) break;
  }
  const std::string response = connection.ReadResponseHead(10s);
  EXPECT_EQ(StatusOf(response), 413) << response.substr(0, 300);
  EXPECT_EQ(MediaFiles(), files_before);
  EXPECT_TRUE(LogoOf(member).is_null());
}

TEST_F(UploadsTest, AnotherMembersShopIs404AndKeepsItsLogo) {
  const ShopOwner owner = NewApplicant("owner");
  const ShopOwner intruder = NewApplicant("intruder");
  const std::size_t files_before = MediaFiles();
  HttpResponse refused = UploadLogo(intruder, kJpegWithGps, "photo.jpg", "image/jpeg", owner.shop);
  EXPECT_TRUE(IsJsonError(refused, 404));
  EXPECT_EQ(ErrorCode(refused), "shop_not_found");
  EXPECT_EQ(MediaFiles(), files_before) << "a refused upload stored a file";
  EXPECT_TRUE(LogoOf(owner).is_null());
  // A visitor: refused (a multipart POST without a session or token is a cross-site form to the
  // CSRF check, 403; with a session it would be 401), and nothing stored.
  const int visitor = NewClient()
                          .Send("POST", "/api/v1/seller/shop/logo",
                                MultipartBody({{"image", kPng, "a.png", "image/png"}}), MultipartType())
                          .status;
  EXPECT_EQ(visitor, 403);
  EXPECT_EQ(MediaFiles(), files_before);
}

TEST_F(UploadsTest, AProductPhotoIsStoredWithoutMetadataAndOnlyByItsShop) {
  const ShopOwner seller = NewSeller("product-photo");
  const ShopOwner other = NewSeller("product-other");
  HttpResponse created = Client(seller.token)
                             .PostJson("/api/v1/seller/products", {{"category", "food"},
                                                                   {"name", "사진 시험 사과"},
                                                                   {"description", "빨간 사과"},
                                                                   {"price", {{"amount", 3000}, {"currency", "KPW"}}},
                                                                   {"stock", 5}});
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string path =
      "/api/v1/seller/products/" + std::to_string(created.Json().at("id").to_number<std::int64_t>()) + "/images";
  const std::size_t files_before = MediaFiles();
  const auto upload = [&](const ShopOwner& member, const std::string& bytes) {
    return Client(member.token)
        .Send("POST", path, MultipartBody({{"image", bytes, "apple.jpg", "image/jpeg"}}), MultipartType());
  };
  HttpResponse stranger = upload(other, kJpegWithGps);
  EXPECT_EQ(stranger.status, 404) << stranger.body;
  HttpResponse bomb = upload(seller, kDecompressionBomb);
  EXPECT_TRUE(IsJsonError(bomb, 422));
  EXPECT_EQ(ErrorCode(bomb), "too_many_pixels");
  EXPECT_EQ(MediaFiles(), files_before) << "a refused product photo stored a file";

  HttpResponse photo = upload(seller, kJpegWithGps);
  ASSERT_EQ(photo.status, 201) << photo.body;
  const std::string url(photo.Json().at("images").at(0).at("url").as_string());
  HttpResponse served = NewClient().Get(url);
  ASSERT_EQ(served.status, 200) << url;
  EXPECT_EQ(served.Header("Content-Type").value_or(""), "image/jpeg");
  EXPECT_TRUE(served.body.starts_with("\xff\xd8\xff"));
  EXPECT_EQ(served.body.find("Exif"), std::string::npos) << "EXIF survived";
  // Stored by content: the same photo uploaded as a logo elsewhere is the same file.
  const std::string name = url.substr(7);
  EXPECT_TRUE(std::filesystem::is_regular_file(server_->data_directory() / "media" / name.substr(0, 2) / name));
}

}  // namespace
}  // namespace manmulsang::testing
