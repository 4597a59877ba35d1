#include <gtest/gtest.h>

#include <cmath>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "manmulsang/image/image_pipeline.hpp"
#include "test_images.hpp"

namespace manmulsang::image {
namespace {

using namespace testing;

vips::VImage Decode(const std::string& jpeg) { return vips::VImage::new_from_buffer(jpeg.data(), jpeg.size(), ""); }

std::vector<double> PixelAt(const std::string& jpeg, int x, int y) { return Decode(jpeg).getpoint(x, y); }

// The refusal, or nothing when the upload was accepted (reading error() of a value is undefined).
template <typename T>
std::optional<ImageError> Refusal(const std::expected<T, ImageError>& result) {
  if (result) return std::nullopt;
  return result.error();
}

bool IsRed(const std::vector<double>& pixel) { return pixel[0] > 200 && pixel[1] < 60 && pixel[2] < 60; }
bool IsBlue(const std::vector<double>& pixel) { return pixel[0] < 60 && pixel[1] < 60 && pixel[2] > 200; }

void ExpectPlainJpeg(const EncodedImage& image) {
  ASSERT_GE(image.bytes.size(), 4u);
  EXPECT_EQ(image.bytes.substr(0, 3), "\xff\xd8\xff");
  const vips::VImage decoded = Decode(image.bytes);
  EXPECT_EQ(decoded.width(), image.width);
  EXPECT_EQ(decoded.height(), image.height);
  EXPECT_EQ(decoded.bands(), 3);
  for (const char* field : {"exif-data", "xmp-data", "iptc-data", "icc-profile-data", "jpeg-comment-0"}) {
    EXPECT_EQ(decoded.get_typeof(field), 0u) << field;
  }
  // And in the raw bytes: no EXIF block, no trace of the GPS tags.
  EXPECT_EQ(image.bytes.find("Exif"), std::string::npos);
  EXPECT_EQ(image.bytes.find(std::string("\xff\xe1", 2)), std::string::npos);  // APP1
}

TEST(ImagePipeline, AppliesTheExifOrientationAndStripsExifWithGps) {
  const std::string upload = JpegWithExif(RedLeftBlueRight(400, 200), 6);
  // The input really carries what must go: orientation and a GPS latitude.
  const vips::VImage input = Decode(upload);
  ASSERT_EQ(input.get_int("orientation"), 6);
  ASSERT_NE(input.get_typeof("exif-ifd3-GPSLatitude"), 0u);

  const ImagePipeline pipeline;
  const auto processed = pipeline.Process(upload);
  ASSERT_TRUE(processed.has_value()) << EnglishMessage(processed.error());
  EXPECT_EQ(processed->source_format, ImageFormat::jpeg);
  // Orientation 6 turns the picture a quarter clockwise: 400x200 is shown 200x400, the stored
  // left (red) edge on top. Small pictures are not enlarged.
  EXPECT_EQ(processed->source_width, 200);
  EXPECT_EQ(processed->source_height, 400);
  EXPECT_EQ(processed->detail.width, 200);
  EXPECT_EQ(processed->detail.height, 400);
  EXPECT_EQ(processed->list.width, 160);
  EXPECT_EQ(processed->list.height, 320);
  EXPECT_TRUE(IsRed(PixelAt(processed->detail.bytes, 100, 20)));
  EXPECT_TRUE(IsBlue(PixelAt(processed->detail.bytes, 100, 380)));
  EXPECT_TRUE(IsRed(PixelAt(processed->list.bytes, 80, 10)));
  ExpectPlainJpeg(processed->detail);
  ExpectPlainJpeg(processed->list);
  // Nothing left to turn it again: no orientation, or the upright one.
  const vips::VImage shown = Decode(processed->detail.bytes);
  EXPECT_TRUE(shown.get_typeof("orientation") == 0 || shown.get_int("orientation") == 1);
}

TEST(ImagePipeline, MakesTheDetailAndListSizesOfALargePhoto) {
  const ImagePipeline pipeline;
  const auto processed = pipeline.Process(Jpeg(RedLeftBlueRight(3000, 2000)));
  ASSERT_TRUE(processed.has_value()) << EnglishMessage(processed.error());
  EXPECT_EQ(processed->source_width, 3000);
  EXPECT_EQ(processed->detail.width, 1024);
  EXPECT_EQ(processed->detail.height, 683);
  EXPECT_EQ(processed->list.width, 320);
  EXPECT_EQ(processed->list.height, 213);
  ExpectPlainJpeg(processed->detail);
  ExpectPlainJpeg(processed->list);
  EXPECT_TRUE(IsRed(PixelAt(processed->detail.bytes, 10, 300)));
  EXPECT_TRUE(IsBlue(PixelAt(processed->detail.bytes, 1000, 300)));
}

TEST(ImagePipeline, TurnsATransparentPngIntoAWhiteBackedJpeg) {
  // Red where opaque; the lower half fully transparent.
  const vips::VImage red = RedLeftBlueRight(300, 500);
  const vips::VImage y = vips::VImage::xyz(300, 500)[1];
  const vips::VImage alpha = (y < 250.0).ifthenelse(255.0, 0.0).cast(VIPS_FORMAT_UCHAR);
  const ImagePipeline pipeline;
  const auto processed = pipeline.Process(Png(red.bandjoin(alpha)));
  ASSERT_TRUE(processed.has_value()) << EnglishMessage(processed.error());
  EXPECT_EQ(processed->source_format, ImageFormat::png);
  EXPECT_EQ(processed->detail.width, 300);
  EXPECT_EQ(processed->detail.height, 500);
  EXPECT_EQ(processed->list.width, 192);
  EXPECT_EQ(processed->list.height, 320);
  ExpectPlainJpeg(processed->detail);
  const std::vector<double> bottom = PixelAt(processed->detail.bytes, 50, 450);
  EXPECT_GT(bottom[0], 240);
  EXPECT_GT(bottom[1], 240);
  EXPECT_GT(bottom[2], 240);
}

TEST(ImagePipeline, AcceptsAOnePixelGifAndWebp) {
  const ImagePipeline pipeline;
  const auto gif = pipeline.Process(OnePixelGif());
  ASSERT_TRUE(gif.has_value()) << EnglishMessage(gif.error());
  EXPECT_EQ(gif->source_format, ImageFormat::gif);
  EXPECT_EQ(gif->detail.width, 1);
  EXPECT_EQ(gif->list.height, 1);
  ExpectPlainJpeg(gif->list);

  const auto webp = pipeline.Process(Webp(RedLeftBlueRight(800, 600), false));
  ASSERT_TRUE(webp.has_value()) << EnglishMessage(webp.error());
  EXPECT_EQ(webp->source_format, ImageFormat::webp);
  EXPECT_EQ(webp->detail.width, 800);
  EXPECT_EQ(webp->list.width, 320);
  EXPECT_EQ(webp->list.height, 240);
}

TEST(ImagePipeline, ConvertsAnEmbeddedColourProfileToSrgb) {
  // A green picture stored as Display P3 numbers with the P3 profile attached, as a phone does.
  // Shown without the profile (which is stripped), the raw P3 numbers would be too dull; the
  // output must carry the sRGB numbers for the same colour instead.
  const vips::VImage green = vips::VImage::black(64, 64)
                                 .bandjoin({220.0, 40.0})
                                 .cast(VIPS_FORMAT_UCHAR)
                                 .copy(vips::VImage::option()->set("interpretation", VIPS_INTERPRETATION_sRGB));
  const vips::VImage as_p3 = green.icc_export(vips::VImage::option()->set("output_profile", "p3"));
  const std::string upload = Blob(as_p3.jpegsave_buffer(vips::VImage::option()->set("Q", 95)));
  const vips::VImage stored = Decode(upload).copy_memory();
  ASSERT_NE(stored.get_typeof("icc-profile-data"), 0u);
  const std::vector<double> raw = stored.getpoint(32, 32);
  const std::vector<double> expected =
      stored.icc_transform("srgb", vips::VImage::option()->set("embedded", true)).copy_memory().getpoint(32, 32);
  ASSERT_GT(std::abs(raw[0] - expected[0]) + std::abs(raw[2] - expected[2]), 30);  // the test means something

  const ImagePipeline pipeline;
  const auto processed = pipeline.Process(upload);
  ASSERT_TRUE(processed.has_value()) << EnglishMessage(processed.error());
  ExpectPlainJpeg(processed->detail);
  const std::vector<double> shown = PixelAt(processed->detail.bytes, 32, 32);
  for (int band = 0; band < 3; ++band) EXPECT_NEAR(shown[band], expected[band], 6) << band;
}

TEST(ImagePipeline, JudgesByTheBytesNotTheName) {
  // There is no name or declared type to pass: a JPEG "named" photo.png is read as the JPEG it
  // is, and a PNG sent as image/jpeg as a PNG.
  const ImagePipeline pipeline;
  const vips::VImage picture = RedLeftBlueRight(40, 30);
  EXPECT_EQ(pipeline.Process(Jpeg(picture))->source_format, ImageFormat::jpeg);
  EXPECT_EQ(pipeline.Process(Png(picture))->source_format, ImageFormat::png);
}

TEST(ImagePipeline, RefusesRandomBytesAndText) {
  std::mt19937 random(5);
  std::string noise(4096, '\0');
  for (char& byte : noise) byte = static_cast<char>(random());
  const ImagePipeline pipeline;
  EXPECT_EQ(Refusal(pipeline.Process(noise)), ImageError::not_an_image);
  EXPECT_EQ(Refusal(pipeline.Process("")), ImageError::not_an_image);
  EXPECT_EQ(Refusal(pipeline.Process("name,price\nshoes,1000\n")), ImageError::not_an_image);
}

TEST(ImagePipeline, RefusesSvgWithScriptPdfAndTiff) {
  const ImagePipeline pipeline;
  const std::string svg =
      "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
      "<script>alert(document.cookie)</script><rect width=\"10\" height=\"10\"/></svg>";
  EXPECT_EQ(Refusal(pipeline.Process(svg)), ImageError::unsupported_format);
  EXPECT_EQ(Refusal(pipeline.Process("%PDF-1.4\n1 0 obj<<>>endobj\n")), ImageError::unsupported_format);
  EXPECT_EQ(Refusal(pipeline.Process(Tiff(RedLeftBlueRight(16, 16)))), ImageError::unsupported_format);
}

TEST(ImagePipeline, RefusesADecompressionBombFromItsHeader) {
  // 50,000 x 50,000 declared in a file of under a hundred bytes: 2.5 gigapixels would need
  // 7.5 GB decoded. Inspect refuses it from the header alone, and Process makes the same checks
  // first, so no pixel buffer is ever allocated.
  const std::string bomb = PngDeclaring(50'000, 50'000);
  const ImagePipeline pipeline;
  EXPECT_EQ(Refusal(pipeline.Inspect(bomb)), ImageError::too_many_pixels);
  EXPECT_EQ(Refusal(pipeline.Process(bomb)), ImageError::too_many_pixels);
  // Just over the limit is refused, and the limit is the pixel count, not a side.
  EXPECT_EQ(Refusal(pipeline.Inspect(PngDeclaring(40'001, 1'000))), ImageError::too_many_pixels);
  EXPECT_TRUE(pipeline.Inspect(PngDeclaring(40'000, 1'000)).has_value());
}

TEST(ImagePipeline, LibvipsSizeIsCheckedTooAgainstTheLimit) {
  // A pipeline with a tiny pixel limit refuses a real image libvips opens at its true size.
  const ImagePipeline pipeline(ImageLimits{.max_pixels = 100});
  EXPECT_EQ(Refusal(pipeline.Process(Png(RedLeftBlueRight(11, 10)))), ImageError::too_many_pixels);
  EXPECT_TRUE(pipeline.Process(Png(RedLeftBlueRight(10, 10))).has_value());
}

TEST(ImagePipeline, RefusesAGifWhoseFrameStretchesItsSmallScreen) {
  // The logical screen says 10 x 10 (passes the header check); the one frame is 20,000 x 20,000.
  // libvips grows the canvas to fit the frame; its reading of the size is checked before any
  // pixel is decoded.
  const std::string gif = "GIF89a" + LittleEndian(10, 2) + LittleEndian(10, 2) + std::string("\x80\x00\x00", 3) +
                          std::string("\x00\x00\x00\xff\xff\xff", 6) + "," + LittleEndian(0, 2) + LittleEndian(0, 2) +
                          LittleEndian(20'000, 2) + LittleEndian(20'000, 2) + std::string("\x00", 1) +
                          std::string("\x02\x02\x4c\x01\x00", 5) + ";";
  const ImagePipeline pipeline;
  ASSERT_TRUE(pipeline.Inspect(gif).has_value());
  EXPECT_EQ(Refusal(pipeline.Process(gif)), ImageError::too_many_pixels);
}

TEST(ImagePipeline, RefusesAJpegWithThousandsOfScans) {
  // A progressive JPEG is decoded once per scan: its last scan repeated 1,000 times makes a
  // small file that would cost a thousand passes over the picture.
  const std::string progressive =
      Blob(RedLeftBlueRight(400, 300).jpegsave_buffer(vips::VImage::option()->set("interlace", true)));
  const std::size_t last_scan = progressive.rfind(std::string("\xff\xda", 2));
  const std::size_t end_of_image = progressive.size() - 2;
  std::string bomb = progressive.substr(0, end_of_image);
  for (int copy = 0; copy < 1000; ++copy) bomb += progressive.substr(last_scan, end_of_image - last_scan);
  bomb += std::string("\xff\xd9", 2);
  const ImagePipeline pipeline;
  ASSERT_TRUE(pipeline.Process(progressive).has_value());
  EXPECT_EQ(Refusal(pipeline.Inspect(bomb)), ImageError::corrupt);
  EXPECT_EQ(Refusal(pipeline.Process(bomb)), ImageError::corrupt);
}

TEST(ImagePipeline, RefusesMoreThanTenMebibytesBeforeLookingInside) {
  std::string large = Jpeg(RedLeftBlueRight(64, 64));
  large.resize(11 * 1024 * 1024, '\0');
  const ImagePipeline pipeline;
  EXPECT_EQ(Refusal(pipeline.Process(large)), ImageError::too_large_bytes);
  large.resize(10 * 1024 * 1024 + 1);
  EXPECT_EQ(Refusal(pipeline.Inspect(large)), ImageError::too_large_bytes);
}

TEST(ImagePipeline, RefusesATruncatedJpegAsCorrupt) {
  const std::string whole = Jpeg(RedLeftBlueRight(1200, 900));
  const ImagePipeline pipeline;
  ASSERT_TRUE(pipeline.Process(whole).has_value());
  EXPECT_EQ(Refusal(pipeline.Process(whole.substr(0, whole.size() / 2))), ImageError::corrupt);
  EXPECT_EQ(Refusal(pipeline.Process(whole.substr(0, 120))), ImageError::corrupt);
}

TEST(ImagePipeline, RefusesAPngWithDamagedPixelDataAsCorrupt) {
  // A correct header declaring 64 x 64, then pixel data that is not zlib at all.
  std::string png = PngDeclaring(64, 64);
  const std::size_t idat = png.find("IDAT");
  ASSERT_NE(idat, std::string::npos);
  for (std::size_t i = idat + 4; i < idat + 12; ++i) png[i] = '\x55';
  const ImagePipeline pipeline;
  EXPECT_EQ(Refusal(pipeline.Process(png)), ImageError::corrupt);
  // The declared-but-empty bomb body is as corrupt once the size is within the limit.
  EXPECT_EQ(Refusal(pipeline.Process(PngDeclaring(64, 64))), ImageError::corrupt);
}

TEST(ImagePipeline, SameUploadGivesTheSameBytes) {
  const std::string upload = JpegWithExif(RedLeftBlueRight(900, 700), 3);
  const ImagePipeline pipeline;
  const auto first = pipeline.Process(upload);
  const auto second = pipeline.Process(upload);
  ASSERT_TRUE(first.has_value() && second.has_value());
  EXPECT_EQ(first->detail.bytes, second->detail.bytes);
  EXPECT_EQ(first->list.bytes, second->list.bytes);
}

TEST(ImagePipeline, ProcessesFromManyThreadsAtOnce) {
  const std::vector<std::string> uploads = {JpegWithExif(RedLeftBlueRight(1500, 1000), 6),
                                            Png(RedLeftBlueRight(500, 700)), OnePixelGif(),
                                            Webp(RedLeftBlueRight(640, 480), true), "not an image"};
  const ImagePipeline pipeline;
  std::vector<std::string> expected;
  for (const std::string& upload : uploads) {
    const auto processed = pipeline.Process(upload);
    expected.push_back(processed ? processed->detail.bytes + processed->list.bytes
                                 : std::string(ErrorCode(processed.error())));
  }
  constexpr int kThreads = 6;
  constexpr int kRounds = 4;
  std::vector<std::vector<std::string>> results(kThreads);
  std::vector<std::thread> threads;
  for (int thread = 0; thread < kThreads; ++thread) {
    threads.emplace_back([&, thread] {
      for (int round = 0; round < kRounds; ++round) {
        for (std::size_t i = 0; i < uploads.size(); ++i) {
          const std::string& upload = uploads[(i + thread) % uploads.size()];
          const auto processed = pipeline.Process(upload);
          results[thread].push_back(processed ? processed->detail.bytes + processed->list.bytes
                                              : std::string(ErrorCode(processed.error())));
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int thread = 0; thread < kThreads; ++thread) {
    ASSERT_EQ(results[thread].size(), kRounds * uploads.size());
    for (std::size_t k = 0; k < results[thread].size(); ++k) {
      EXPECT_EQ(results[thread][k], expected[(k % uploads.size() + thread) % uploads.size()]) << thread << " " << k;
    }
  }
  EXPECT_EQ(expected.back(), "not_an_image");
}

TEST(ImageError, EveryErrorHasACodeKeyAndMessage) {
  for (ImageError error : {ImageError::not_an_image, ImageError::unsupported_format, ImageError::too_large_bytes,
                           ImageError::too_many_pixels, ImageError::corrupt}) {
    EXPECT_FALSE(ErrorCode(error).empty());
    EXPECT_EQ(MessageKey(error), "image." + std::string(ErrorCode(error)));
    EXPECT_FALSE(EnglishMessage(error).empty());
  }
}

}  // namespace
}  // namespace manmulsang::image
