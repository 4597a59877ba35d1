#pragma once

// Reads what an upload claims to be from its first bytes, without decoding a pixel. Kept free of
// <expected> so the clang 14 fuzz build can compile it (fuzz/image_fuzzer.cpp).

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace manmulsang::image {

enum class ImageFormat {
  unknown,  // not an image we recognise at all
  jpeg,
  png,
  webp,
  gif,
  // Recognised, and refused: they can carry script (SVG), run a large parser on untrusted input
  // (PDF, TIFF, HEIC/AVIF, JPEG 2000, JPEG XL) or are of no use on a page (BMP, ICO, PSD).
  svg,
  pdf,
  tiff,
  heif,
  jpeg2000,
  jpeg_xl,
  bmp,
  icon,
  photoshop,
};

// True for the formats the pipeline decodes.
bool IsAccepted(ImageFormat format);
std::string_view FormatName(ImageFormat format);

struct ImageHeader {
  ImageFormat format = ImageFormat::unknown;
  // The dimensions the file declares (0 when it does not say, or when the format is refused).
  std::uint32_t width = 0;
  std::uint32_t height = 0;
  // The header was recognised but is cut short or inconsistent: the file cannot be decoded.
  bool malformed = false;
};

// Looks only at the header bytes: the signature, then the declared size (PNG IHDR, JPEG SOFn,
// GIF logical screen, WebP VP8/VP8L/VP8X). Never reads past `bytes`, never allocates.
ImageHeader ReadImageHeader(std::string_view bytes);

// The number of scans (SOS segments) in a JPEG, walking segment lengths and skipping
// entropy-coded data, so markers inside EXIF or an embedded thumbnail are not counted. A
// progressive JPEG is decoded once per scan over the whole picture, so thousands of tiny scans
// make a CPU bomb out of a small file; real encoders write at most a few dozen. Counts what it
// can read of a damaged file; 0 for a file that is not JPEG.
std::size_t CountJpegScans(std::string_view bytes);

}  // namespace manmulsang::image
