#pragma once

#include <cstdint>
#include <expected>
#include <memory>
#include <string>
#include <string_view>

#include "manmulsang/image/image_error.hpp"
#include "manmulsang/image/image_header.hpp"

namespace manmulsang::image {

struct ImageLimits {
  std::size_t max_bytes = 10 * 1024 * 1024;       // 10 MiB, checked before anything else
  std::uint64_t max_pixels = 40'000'000;          // declared width x height, checked before decoding
  std::size_t max_jpeg_scans = 100;               // progressive passes (CountJpegScans); more is corrupt
  int list_size = 320;                            // list picture: fits a list_size square
  int detail_size = 1024;                         // detail picture: its long side at most this
  int jpeg_quality = 80;
  int max_concurrent = 2;                         // images decoded at once; others wait their turn
};

// One encoded picture, ready for MediaStore::Put(bytes, extension).
struct EncodedImage {
  std::string bytes;
  int width = 0;
  int height = 0;
  static constexpr std::string_view kExtension = "jpg";
  static constexpr std::string_view kContentType = "image/jpeg";
};

struct ProcessedImage {
  ImageFormat source_format = ImageFormat::unknown;
  int source_width = 0;   // as shown, after the EXIF orientation is applied
  int source_height = 0;
  EncodedImage list;      // for product cards and result lists
  EncodedImage detail;    // for the product page
};

// Turns uploaded bytes into the pictures the site serves, or says why not. It trusts neither
// the file name nor the declared type: the format comes from the bytes, the size limits are
// checked from the header before a pixel is decoded, and the output is freshly encoded sRGB JPEG
// with no metadata (no EXIF, GPS, ICC, comments), the EXIF orientation applied.
//
// Thread-safe: one instance serves every request. Decoding is CPU-heavy: call it from a worker
// pool, not an I/O thread. At most limits.max_concurrent images are decoded at once.
class ImagePipeline {
 public:
  explicit ImagePipeline(ImageLimits limits = {});
  ~ImagePipeline();
  ImagePipeline(const ImagePipeline&) = delete;
  ImagePipeline& operator=(const ImagePipeline&) = delete;

  std::expected<ProcessedImage, ImageError> Process(std::string_view bytes) const;

  // The checks Process makes before decoding, alone: cheap, so a handler may call it first.
  std::expected<ImageHeader, ImageError> Inspect(std::string_view bytes) const;

  const ImageLimits& limits() const { return limits_; }

 private:
  class Gate;

  ImageLimits limits_;
  std::unique_ptr<Gate> gate_;
};

}  // namespace manmulsang::image
