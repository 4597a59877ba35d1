#include <gtest/gtest.h>

#include <string>

#include "manmulsang/image/image_header.hpp"
#include "test_images.hpp"

namespace manmulsang::image {
namespace {

using namespace testing;

void ExpectSize(const std::string& bytes, ImageFormat format, std::uint32_t width, std::uint32_t height) {
  const ImageHeader header = ReadImageHeader(bytes);
  EXPECT_EQ(header.format, format) << FormatName(header.format);
  EXPECT_FALSE(header.malformed);
  EXPECT_EQ(header.width, width);
  EXPECT_EQ(header.height, height);
}

TEST(ImageHeader, ReadsTheDeclaredSizeOfEachAcceptedFormat) {
  const vips::VImage picture = RedLeftBlueRight(301, 157);
  ExpectSize(Jpeg(picture), ImageFormat::jpeg, 301, 157);
  ExpectSize(Png(picture), ImageFormat::png, 301, 157);
  ExpectSize(Webp(picture, false), ImageFormat::webp, 301, 157);                  // VP8
  ExpectSize(Webp(picture, true), ImageFormat::webp, 301, 157);                   // VP8L
  ExpectSize(Webp(picture.bandjoin(128.0), false), ImageFormat::webp, 301, 157);  // VP8X (alpha)
  ExpectSize(OnePixelGif(), ImageFormat::gif, 1, 1);
}

TEST(ImageHeader, FindsTheFrameHeaderAfterLargeMetadata) {
  // A JPEG whose EXIF block comes before the frame header: the walk follows segment lengths.
  ExpectSize(JpegWithExif(RedLeftBlueRight(64, 48), 6), ImageFormat::jpeg, 64, 48);
}

TEST(ImageHeader, ReadsTheDecompressionBombsDeclaredSizeFromAFewBytes) {
  const std::string bomb = PngDeclaring(50'000, 50'000);
  EXPECT_LT(bomb.size(), 100u);
  ExpectSize(bomb, ImageFormat::png, 50'000, 50'000);
}

TEST(ImageHeader, RecognisesTheFormatsItRefuses) {
  EXPECT_EQ(ReadImageHeader("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>").format,
            ImageFormat::svg);
  EXPECT_EQ(ReadImageHeader("\xef\xbb\xbf  <?xml version=\"1.0\"?>\n<!DOCTYPE x>\n<SVG></SVG>").format,
            ImageFormat::svg);
  EXPECT_EQ(ReadImageHeader("%PDF-1.7\n...").format, ImageFormat::pdf);
  EXPECT_EQ(ReadImageHeader(Tiff(RedLeftBlueRight(8, 8))).format, ImageFormat::tiff);
  EXPECT_EQ(ReadImageHeader(std::string("\0\0\0\x18"
                                        "ftypheic\0\0\0\0",
                                        16))
                .format,
            ImageFormat::heif);
  EXPECT_EQ(ReadImageHeader(std::string("\0\0\0\x1c"
                                        "ftypavif\0\0\0\0",
                                        16))
                .format,
            ImageFormat::heif);
  EXPECT_EQ(ReadImageHeader("BM" + std::string(40, '\0')).format, ImageFormat::bmp);
  EXPECT_FALSE(IsAccepted(ImageFormat::svg));
  EXPECT_FALSE(IsAccepted(ImageFormat::tiff));
}

TEST(ImageHeader, WhatIsNoImageIsUnknown) {
  EXPECT_EQ(ReadImageHeader("").format, ImageFormat::unknown);
  EXPECT_EQ(ReadImageHeader("hello, world").format, ImageFormat::unknown);
  EXPECT_EQ(ReadImageHeader("<html><body>hi</body></html>").format, ImageFormat::unknown);
  EXPECT_EQ(ReadImageHeader(std::string("\0\0\0\x18"
                                        "ftypisom",
                                        12))
                .format,
            ImageFormat::unknown);  // a video
  EXPECT_EQ(ReadImageHeader("PK\x03\x04").format, ImageFormat::unknown);
}

TEST(ImageHeader, EveryCutOfARealHeaderIsMalformedOrRightNeverOutOfBounds) {
  // Run under AddressSanitizer by `make test`: a read past the end fails there.
  const vips::VImage picture = RedLeftBlueRight(33, 21);
  for (const std::string& whole :
       {JpegWithExif(picture, 1), Png(picture), Webp(picture, false), Webp(picture, true), OnePixelGif()}) {
    const ImageHeader full = ReadImageHeader(whole);
    for (std::size_t length = 0; length < std::min<std::size_t>(whole.size(), 400); ++length) {
      const std::string cut = whole.substr(0, length);  // its own allocation, so ASan sees the end
      const ImageHeader header = ReadImageHeader(cut);
      if (header.format == full.format && !header.malformed) {
        EXPECT_EQ(header.width, full.width) << length;
        EXPECT_EQ(header.height, full.height) << length;
      } else {
        EXPECT_TRUE(header.malformed || header.format == ImageFormat::unknown) << length;
      }
    }
  }
}

TEST(ImageHeader, ZeroSizesAndMissingFrameHeadersAreMalformed) {
  EXPECT_TRUE(ReadImageHeader(PngDeclaring(0, 10)).malformed);
  EXPECT_TRUE(ReadImageHeader(std::string("GIF89a\0\0\1\0", 10)).malformed);
  EXPECT_TRUE(ReadImageHeader(std::string("\xff\xd8\xff\xd9", 4)).malformed);              // SOI, EOI
  EXPECT_TRUE(ReadImageHeader(std::string("\xff\xd8\xff\xe0\x00\x01", 6)).malformed);      // length < 2
  EXPECT_TRUE(ReadImageHeader(std::string("\xff\xd8\xff\xe0\xff\xff\x00", 7)).malformed);  // past the end
}

TEST(ImageHeader, CountsJpegScansWithoutBeingFooledByMarkersInsideSegments) {
  const vips::VImage picture = RedLeftBlueRight(200, 120);
  const std::string baseline = Jpeg(picture);
  const std::string progressive = Blob(picture.jpegsave_buffer(vips::VImage::option()->set("interlace", true)));
  EXPECT_EQ(CountJpegScans(baseline), 1u);
  EXPECT_GT(CountJpegScans(progressive), 1u);
  EXPECT_LE(CountJpegScans(progressive), 20u);
  // An application segment full of bytes that look like SOS markers, as an embedded EXIF
  // thumbnail has: its length is followed, its content is not read as markers.
  std::string fake_markers;
  for (int i = 0; i < 500; ++i) fake_markers += std::string("\xff\xda\x00\x08", 4);
  const std::string app15 = std::string("\xff\xef", 2) + BigEndian(fake_markers.size() + 2, 2) + fake_markers;
  EXPECT_EQ(CountJpegScans(baseline.substr(0, 2) + app15 + baseline.substr(2)), 1u);
  EXPECT_EQ(CountJpegScans(Png(picture)), 0u);
  EXPECT_EQ(CountJpegScans(""), 0u);
}

}  // namespace
}  // namespace manmulsang::image
