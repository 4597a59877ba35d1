// The image header reader and the JPEG scan counter: it sees every upload's bytes before libvips does, and its answer
// decides whether a file is decoded at all (platform/image/image_header.cpp). Only the reader is
// fuzzed here: the pipeline around it uses <expected>, which clang 14 cannot compile, and the
// libvips loaders it calls are fuzzed upstream (OSS-Fuzz).

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "manmulsang/image/image_header.hpp"

using namespace manmulsang::image;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // A copy of exactly `size` bytes, so AddressSanitizer catches a read one past the end.
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  const ImageHeader header = ReadImageHeader(bytes);
  // Every counted scan has its own FF DA marker and a two-byte length.
  if (CountJpegScans(bytes) > bytes.size() / 4) std::abort();

  if (!IsAccepted(header.format) || header.malformed) {
    if (header.width != 0 || header.height != 0) std::abort();  // no size without a sound header
    return 0;
  }
  if (header.width == 0 || header.height == 0) std::abort();  // a sound header has a size
  // Each format's own field widths bound what it can declare.
  std::uint32_t limit = 0;
  switch (header.format) {
    case ImageFormat::jpeg: limit = 0xffff; break;
    case ImageFormat::gif: limit = 0xffff; break;
    case ImageFormat::png: limit = 0x7fffffff; break;
    case ImageFormat::webp: limit = 1u << 24; break;
    default: std::abort();
  }
  if (header.width > limit || header.height > limit) std::abort();

  // The answer depends on the header only: the same bytes with more after them read the same.
  const ImageHeader again = ReadImageHeader(bytes + std::string(64, '\xff'));
  if (again.format != header.format || again.width != header.width || again.height != header.height ||
      again.malformed) {
    std::abort();
  }
  return 0;
}
