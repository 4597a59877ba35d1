// The image pipeline on outside bytes: the header reader and JPEG scan counter that decide
// whether a file is decoded at all, then the decode and re-encode itself (libvips' loaders, the
// orientation, colour and alpha handling, the JPEG encoder), under the pipeline's own limits.
// ImagePipeline::Process is exactly CheckBeforeDecoding then DecodeAccepted; the class itself
// uses <expected>, which clang 14 cannot compile, so its two steps are called directly.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <variant>

#include "image_decoding.hpp"
#include "manmulsang/image/image_header.hpp"
#include "manmulsang/image/processed_image.hpp"
#include "vips_runtime.hpp"

using namespace manmulsang::image;

namespace {

// The pipeline's limits, but a smaller picture budget: a run spends its time on many inputs,
// not on decoding one 40-megapixel file, and the limits are checked the same way at any size.
ImageLimits FuzzLimits() {
  ImageLimits limits;
  limits.max_pixels = 4'000'000;
  return limits;
}

void CheckHeaderReader(const std::string& bytes) {
  const ImageHeader header = ReadImageHeader(bytes);
  // Every counted scan has its own FF DA marker and a two-byte length.
  if (CountJpegScans(bytes) > bytes.size() / 4) std::abort();

  if (!IsAccepted(header.format) || header.malformed) {
    if (header.width != 0 || header.height != 0) std::abort();  // no size without a sound header
    return;
  }
  if (header.width == 0 || header.height == 0) std::abort();  // a sound header has a size
  // Each format's own field widths bound what it can declare.
  std::uint32_t limit = 0;
  switch (header.format) {
    case ImageFormat::jpeg:
      limit = 0xffff;
      break;
    case ImageFormat::gif:
      limit = 0xffff;
      break;
    case ImageFormat::png:
      limit = 0x7fffffff;
      break;
    case ImageFormat::webp:
      limit = 1u << 24;
      break;
    default:
      std::abort();
  }
  if (header.width > limit || header.height > limit) std::abort();

  // The answer depends on the header only: the same bytes with more after them read the same.
  const ImageHeader again = ReadImageHeader(bytes + std::string(64, '\xff'));
  if (again.format != header.format || again.width != header.width || again.height != header.height ||
      again.malformed) {
    std::abort();
  }
}

// A picture the pipeline made: a JPEG our own reader accepts, of the size it says, that fits
// the box it was made for.
void CheckPicture(const EncodedImage& picture, int box) {
  const ImageHeader header = ReadImageHeader(picture.bytes);
  if (header.format != ImageFormat::jpeg || header.malformed) std::abort();
  if (header.width != static_cast<std::uint32_t>(picture.width) ||
      header.height != static_cast<std::uint32_t>(picture.height)) {
    std::abort();
  }
  if (picture.width < 1 || picture.height < 1 || picture.width > box || picture.height > box) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  EnsureVips();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // A copy of exactly `size` bytes, so AddressSanitizer catches a read one past the end.
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  CheckHeaderReader(bytes);

  const ImageLimits limits = FuzzLimits();
  const std::variant<ImageHeader, ImageError> checked = CheckBeforeDecoding(bytes, limits);
  const ImageHeader* header = std::get_if<ImageHeader>(&checked);
  if (header == nullptr) return 0;
  const std::variant<ProcessedImage, ImageError> decoded = DecodeAccepted(header->format, bytes, limits);
  if (const ImageError* refusal = std::get_if<ImageError>(&decoded)) {
    if (*refusal != ImageError::corrupt && *refusal != ImageError::too_many_pixels) std::abort();
    return 0;
  }
  const ProcessedImage& image = std::get<ProcessedImage>(decoded);
  if (image.source_format != header->format) std::abort();
  if (image.source_width < 1 || image.source_height < 1 ||
      static_cast<std::uint64_t>(image.source_width) * static_cast<std::uint64_t>(image.source_height) >
          limits.max_pixels) {
    std::abort();
  }
  CheckPicture(image.detail, limits.detail_size);
  CheckPicture(image.list, limits.list_size);
  return 0;
}
