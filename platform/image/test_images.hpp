#pragma once

// Real images for the tests, made with libvips the way a camera or an editor would make them,
// and hostile files crafted byte by byte. Test-only (included by *_test.cpp).

#include <vips/vips8>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "vips_runtime.hpp"

namespace manmulsang::image::testing {

inline std::string LittleEndian(std::uint32_t value, int bytes) {
  std::string out;
  for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
  return out;
}

inline std::string BigEndian(std::uint32_t value, int bytes) {
  std::string out;
  for (int i = bytes - 1; i >= 0; --i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
  return out;
}

inline std::string Blob(VipsBlob* blob) {
  std::size_t length = 0;
  const void* data = vips_blob_get(blob, &length);
  std::string bytes(static_cast<const char*>(data), length);
  vips_area_unref(reinterpret_cast<VipsArea*>(blob));
  return bytes;
}

// A width x height picture whose left half is red and right half blue, so a test can tell
// which way it was turned.
inline vips::VImage RedLeftBlueRight(int width, int height) {
  EnsureVips();
  const vips::VImage x = vips::VImage::xyz(width, height)[0];
  const vips::VImage left = x < static_cast<double>(width / 2);
  return left.ifthenelse(std::vector<double>{255, 0, 0}, std::vector<double>{0, 0, 255})
      .cast(VIPS_FORMAT_UCHAR)
      .copy(vips::VImage::option()->set("interpretation", VIPS_INTERPRETATION_sRGB));
}

// EXIF as a phone writes it: IFD0 with Orientation and a pointer to a GPS IFD holding the
// latitude 37° 30' N. Little-endian TIFF layout, offsets from the TIFF header.
inline std::string ExifWithOrientationAndGps(int orientation) {
  std::string tiff = std::string("II*\0", 4) + LittleEndian(8, 4);
  auto entry = [](std::uint32_t tag, std::uint32_t type, std::uint32_t count, std::string value) {
    value.resize(4, '\0');
    return LittleEndian(tag, 2) + LittleEndian(type, 2) + LittleEndian(count, 4) + value;
  };
  // IFD0 at 8: 2 entries → ends at 8 + 2 + 24 + 4 = 38, where the GPS IFD starts.
  tiff += LittleEndian(2, 2);
  tiff += entry(0x0112, 3, 1, LittleEndian(orientation, 2));
  tiff += entry(0x8825, 4, 1, LittleEndian(38, 4));
  tiff += LittleEndian(0, 4);
  // GPS IFD at 38: 2 entries → ends at 68, where the latitude's three rationals start.
  tiff += LittleEndian(2, 2);
  tiff += entry(0x0001, 2, 2, std::string("N\0", 2));
  tiff += entry(0x0002, 5, 3, LittleEndian(68, 4));
  tiff += LittleEndian(0, 4);
  for (std::uint32_t part : {37u, 30u, 0u}) tiff += LittleEndian(part, 4) + LittleEndian(1, 4);
  return std::string("Exif\0\0", 6) + tiff;
}

inline int FreeWithGlib(void* data, void*) {
  g_free(data);
  return 0;
}

inline std::string JpegWithExif(const vips::VImage& image, int orientation) {
  vips::VImage tagged = image.copy();
  const std::string exif = ExifWithOrientationAndGps(orientation);
  tagged.set("exif-data", FreeWithGlib, g_memdup2(exif.data(), exif.size()), exif.size());
  tagged.set("orientation", orientation);
  return Blob(tagged.jpegsave_buffer(vips::VImage::option()->set("Q", 90)));
}

inline std::string Jpeg(const vips::VImage& image) {
  return Blob(image.jpegsave_buffer(vips::VImage::option()->set("Q", 90)->set("strip", true)));
}

inline std::string Png(const vips::VImage& image) { return Blob(image.pngsave_buffer()); }

inline std::string Webp(const vips::VImage& image, bool lossless) {
  return Blob(image.webpsave_buffer(vips::VImage::option()->set("lossless", lossless)));
}

inline std::string Tiff(const vips::VImage& image) { return Blob(image.tiffsave_buffer()); }

// The smallest GIF: one transparent pixel.
inline std::string OnePixelGif() {
  return std::string(
      "GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00"
      ",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02\x44\x01\x00;",
      43);
}

inline std::uint32_t Crc32(std::string_view bytes) {
  std::uint32_t crc = 0xffffffffu;
  for (unsigned char byte : bytes) {
    crc ^= byte;
    for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
  }
  return crc ^ 0xffffffffu;
}

inline std::string PngChunk(std::string_view type, std::string_view data) {
  const std::string typed = std::string(type) + std::string(data);
  return BigEndian(static_cast<std::uint32_t>(data.size()), 4) + typed + BigEndian(Crc32(typed), 4);
}

// A decompression bomb's header: a valid PNG signature and IHDR (with its CRC) declaring
// width x height 8-bit RGB, a tiny IDAT, and IEND. The file is under a hundred bytes.
inline std::string PngDeclaring(std::uint32_t width, std::uint32_t height) {
  const std::string ihdr = BigEndian(width, 4) + BigEndian(height, 4) + std::string("\x08\x02\x00\x00\x00", 5);
  const std::string idat("\x78\x9c\x03\x00\x00\x00\x00\x01", 8);
  return std::string("\x89PNG\r\n\x1a\n", 8) + PngChunk("IHDR", ihdr) + PngChunk("IDAT", idat) + PngChunk("IEND", "");
}

}  // namespace manmulsang::image::testing
