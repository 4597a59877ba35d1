#include "manmulsang/image/image_header.hpp"

#include <algorithm>
#include <cctype>
#include <cstddef>

namespace manmulsang::image {
namespace {

// Bytes are read through these helpers only, each checking the bounds first.
bool HasAt(std::string_view bytes, std::size_t offset, std::string_view expected) {
  return bytes.size() >= offset + expected.size() && bytes.substr(offset, expected.size()) == expected;
}

std::uint32_t Byte(std::string_view bytes, std::size_t offset) { return static_cast<unsigned char>(bytes[offset]); }

std::uint32_t BigEndian16(std::string_view bytes, std::size_t offset) {
  return Byte(bytes, offset) << 8 | Byte(bytes, offset + 1);
}

std::uint32_t BigEndian32(std::string_view bytes, std::size_t offset) {
  return BigEndian16(bytes, offset) << 16 | BigEndian16(bytes, offset + 2);
}

std::uint32_t LittleEndian16(std::string_view bytes, std::size_t offset) {
  return Byte(bytes, offset) | Byte(bytes, offset + 1) << 8;
}

std::uint32_t LittleEndian24(std::string_view bytes, std::size_t offset) {
  return LittleEndian16(bytes, offset) | Byte(bytes, offset + 2) << 16;
}

std::uint32_t LittleEndian32(std::string_view bytes, std::size_t offset) {
  return LittleEndian16(bytes, offset) | LittleEndian16(bytes, offset + 2) << 16;
}

ImageHeader Malformed(ImageFormat format) { return {format, 0, 0, true}; }

ImageHeader Sized(ImageFormat format, std::uint32_t width, std::uint32_t height) {
  if (width == 0 || height == 0) return Malformed(format);
  return {format, width, height, false};
}

ImageHeader ReadPng(std::string_view bytes) {
  // Signature (8), then the first chunk must be IHDR: length 13, "IHDR", width, height (big endian).
  if (bytes.size() < 24 || BigEndian32(bytes, 8) != 13 || !HasAt(bytes, 12, "IHDR")) {
    return Malformed(ImageFormat::png);
  }
  const std::uint32_t width = BigEndian32(bytes, 16);
  const std::uint32_t height = BigEndian32(bytes, 20);
  // The PNG specification caps both at 2^31 - 1.
  if (width > 0x7fffffffu || height > 0x7fffffffu) return Malformed(ImageFormat::png);
  return Sized(ImageFormat::png, width, height);
}

ImageHeader ReadGif(std::string_view bytes) {
  // "GIF87a"/"GIF89a", then the logical screen: width and height, little endian. libvips draws
  // frames onto this screen; it re-checks its own reading of the size before decoding.
  if (bytes.size() < 10) return Malformed(ImageFormat::gif);
  return Sized(ImageFormat::gif, LittleEndian16(bytes, 6), LittleEndian16(bytes, 8));
}

ImageHeader ReadWebp(std::string_view bytes) {
  // "RIFF" size "WEBP", then the first chunk: its four-character code at 12, its data at 20.
  if (bytes.size() < 30) return Malformed(ImageFormat::webp);
  if (HasAt(bytes, 12, "VP8 ")) {
    // Lossy: a 3-byte frame tag, the start code 9d 01 2a, then 14-bit width and height.
    if (!HasAt(bytes, 23, "\x9d\x01\x2a")) return Malformed(ImageFormat::webp);
    return Sized(ImageFormat::webp, LittleEndian16(bytes, 26) & 0x3fff, LittleEndian16(bytes, 28) & 0x3fff);
  }
  if (HasAt(bytes, 12, "VP8L")) {
    // Lossless: signature 0x2f, then width - 1 and height - 1 in 14 bits each.
    if (Byte(bytes, 20) != 0x2f) return Malformed(ImageFormat::webp);
    const std::uint32_t bits = LittleEndian32(bytes, 21);
    return Sized(ImageFormat::webp, (bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1);
  }
  if (HasAt(bytes, 12, "VP8X")) {
    // Extended: flags (4), then canvas width - 1 and height - 1 in 24 bits each.
    return Sized(ImageFormat::webp, LittleEndian24(bytes, 24) + 1, LittleEndian24(bytes, 27) + 1);
  }
  return Malformed(ImageFormat::webp);
}

bool IsStartOfFrame(std::uint32_t marker) {
  // SOF0..SOF15, except DHT (c4), JPG (c8) and DAC (cc), which share the range.
  return marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
}

ImageHeader ReadJpeg(std::string_view bytes) {
  // Walk the marker segments after SOI until the frame header; metadata segments (EXIF, ICC)
  // come first and may be large, so their lengths are followed, not guessed.
  std::size_t offset = 2;
  while (true) {
    if (offset >= bytes.size() || Byte(bytes, offset) != 0xff) return Malformed(ImageFormat::jpeg);
    while (offset < bytes.size() && Byte(bytes, offset) == 0xff) ++offset;  // fill bytes
    if (offset >= bytes.size()) return Malformed(ImageFormat::jpeg);
    const std::uint32_t marker = Byte(bytes, offset);
    ++offset;
    if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd8)) continue;  // no length follows
    // End of image or start of scan before any frame header: there is no picture to size.
    if (marker == 0xd9 || marker == 0xda || marker == 0x00) return Malformed(ImageFormat::jpeg);
    if (offset + 2 > bytes.size()) return Malformed(ImageFormat::jpeg);
    const std::uint32_t length = BigEndian16(bytes, offset);
    if (length < 2 || offset + length > bytes.size()) return Malformed(ImageFormat::jpeg);
    if (IsStartOfFrame(marker)) {
      // Precision (1), height (2), width (2). A height of 0 defers it to a DNL marker, which
      // browsers do not all support: refused as malformed.
      if (length < 8) return Malformed(ImageFormat::jpeg);
      return Sized(ImageFormat::jpeg, BigEndian16(bytes, offset + 5), BigEndian16(bytes, offset + 3));
    }
    offset += length;
  }
}

// From just after an SOS segment's header to the next marker that is not part of the
// entropy-coded data (stuffed FF 00, restart markers FF D0..D7, fill bytes). Returns its offset,
// pointing at the marker's FF, or bytes.size().
std::size_t SkipEntropyCodedData(std::string_view bytes, std::size_t offset) {
  while (true) {
    offset = bytes.find('\xff', offset);
    if (offset == std::string_view::npos || offset + 1 >= bytes.size()) return bytes.size();
    const std::uint32_t next = Byte(bytes, offset + 1);
    if (next == 0x00 || (next >= 0xd0 && next <= 0xd7) || next == 0xff) {
      offset += 1;
      continue;
    }
    return offset;
  }
}

bool LooksLikeSvg(std::string_view bytes) {
  // Markup that mentions <svg near its start. Text that is not SVG is simply not an image, so a
  // generous test costs nothing; missing a real SVG would only make it "not an image" anyway.
  std::size_t start = HasAt(bytes, 0, "\xef\xbb\xbf") ? 3 : 0;
  while (start < bytes.size() && std::isspace(static_cast<unsigned char>(bytes[start]))) ++start;
  if (start >= bytes.size() || bytes[start] != '<') return false;
  const std::string_view head = bytes.substr(start, 64 * 1024);
  constexpr std::string_view kTag = "<svg";
  return std::search(head.begin(), head.end(), kTag.begin(), kTag.end(),
                     [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; }) != head.end();
}

bool IsHeifBrand(std::string_view bytes) {
  // ISO base media file: size (4), "ftyp", major brand. Video brands (mp4) are not images.
  if (!HasAt(bytes, 4, "ftyp") || bytes.size() < 12) return false;
  const std::string_view brand = bytes.substr(8, 4);
  return brand.starts_with("hei") || brand.starts_with("hev") || brand == "mif1" || brand == "msf1" ||
         brand.starts_with("avi");
}

}  // namespace

std::size_t CountJpegScans(std::string_view bytes) {
  if (!HasAt(bytes, 0, "\xff\xd8\xff")) return 0;
  std::size_t scans = 0;
  std::size_t offset = 2;
  while (offset + 1 < bytes.size() && Byte(bytes, offset) == 0xff) {
    while (offset < bytes.size() && Byte(bytes, offset) == 0xff) ++offset;
    if (offset >= bytes.size()) break;
    const std::uint32_t marker = Byte(bytes, offset);
    ++offset;
    if (marker == 0xd9) break;                                           // end of image
    if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd8)) continue;  // no length follows
    if (offset + 2 > bytes.size()) break;
    const std::uint32_t length = BigEndian16(bytes, offset);
    if (length < 2) break;
    offset += length;
    if (marker == 0xda) {
      ++scans;
      offset = SkipEntropyCodedData(bytes, offset);
    }
  }
  return scans;
}

bool IsAccepted(ImageFormat format) {
  return format == ImageFormat::jpeg || format == ImageFormat::png || format == ImageFormat::webp ||
         format == ImageFormat::gif;
}

std::string_view FormatName(ImageFormat format) {
  switch (format) {
    case ImageFormat::unknown:
      return "unknown";
    case ImageFormat::jpeg:
      return "jpeg";
    case ImageFormat::png:
      return "png";
    case ImageFormat::webp:
      return "webp";
    case ImageFormat::gif:
      return "gif";
    case ImageFormat::svg:
      return "svg";
    case ImageFormat::pdf:
      return "pdf";
    case ImageFormat::tiff:
      return "tiff";
    case ImageFormat::heif:
      return "heif";
    case ImageFormat::jpeg2000:
      return "jpeg2000";
    case ImageFormat::jpeg_xl:
      return "jpeg_xl";
    case ImageFormat::bmp:
      return "bmp";
    case ImageFormat::icon:
      return "icon";
    case ImageFormat::photoshop:
      return "photoshop";
  }
  return "unknown";
}

ImageHeader ReadImageHeader(std::string_view bytes) {
  if (HasAt(bytes, 0, "\xff\xd8\xff")) return ReadJpeg(bytes);
  if (HasAt(bytes, 0, "\x89PNG\r\n\x1a\n")) return ReadPng(bytes);
  if (HasAt(bytes, 0, "GIF87a") || HasAt(bytes, 0, "GIF89a")) return ReadGif(bytes);
  if (HasAt(bytes, 0, "RIFF") && HasAt(bytes, 8, "WEBP")) return ReadWebp(bytes);

  if (HasAt(bytes, 0, "%PDF-")) return {ImageFormat::pdf};
  if (HasAt(bytes, 0, std::string_view("II*\0", 4)) || HasAt(bytes, 0, std::string_view("MM\0*", 4)) ||
      HasAt(bytes, 0, std::string_view("II+\0", 4)) || HasAt(bytes, 0, std::string_view("MM\0+", 4))) {
    return {ImageFormat::tiff};
  }
  if (IsHeifBrand(bytes)) return {ImageFormat::heif};
  if (HasAt(bytes, 0, std::string_view("\0\0\0\x0cjP  \r\n\x87\n", 12)) || HasAt(bytes, 0, "\xff\x4f\xff\x51")) {
    return {ImageFormat::jpeg2000};
  }
  if (HasAt(bytes, 0, "\xff\x0a") || HasAt(bytes, 0, std::string_view("\0\0\0\x0cJXL \r\n\x87\n", 12))) {
    return {ImageFormat::jpeg_xl};
  }
  if (HasAt(bytes, 0, "BM") && bytes.size() >= 26) return {ImageFormat::bmp};
  if (HasAt(bytes, 0, std::string_view("\0\0\1\0", 4)) || HasAt(bytes, 0, std::string_view("\0\0\2\0", 4))) {
    return {ImageFormat::icon};
  }
  if (HasAt(bytes, 0, "8BPS")) return {ImageFormat::photoshop};
  if (LooksLikeSvg(bytes)) return {ImageFormat::svg};
  return {ImageFormat::unknown};
}

}  // namespace manmulsang::image
