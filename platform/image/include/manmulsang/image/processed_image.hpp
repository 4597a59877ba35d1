#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "manmulsang/image/image_header.hpp"

namespace manmulsang::image {

// What the image pipeline works within (its limits) and what it makes (the pictures). Apart from
// image_pipeline.hpp so that code without <expected> (the image fuzzer) can use them too.

struct ImageLimits {
  std::size_t max_bytes = 10 * 1024 * 1024;  // 10 MiB, checked before anything else
  std::uint64_t max_pixels = 40'000'000;     // declared width x height, checked before decoding
  std::size_t max_jpeg_scans = 100;          // progressive passes (CountJpegScans); more is corrupt
  int list_size = 320;                       // list picture: fits a list_size square
  int detail_size = 1024;                    // detail picture: its long side at most this
  int jpeg_quality = 80;
  int max_concurrent = 2;  // images decoded at once; others wait their turn
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
  int source_width = 0;  // as shown, after the EXIF orientation is applied
  int source_height = 0;
  EncodedImage list;    // for product cards and result lists
  EncodedImage detail;  // for the product page
};

}  // namespace manmulsang::image
