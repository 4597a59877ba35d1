#pragma once

#include <expected>
#include <memory>
#include <string>
#include <string_view>

#include "manmulsang/image/image_error.hpp"
#include "manmulsang/image/image_header.hpp"
#include "manmulsang/image/processed_image.hpp"

namespace manmulsang::image {

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
