#include "image_decoding.hpp"

#include <vips/vips8>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace manmulsang::image {
namespace {

using vips::VImage;

struct BlobRelease {
  void operator()(VipsBlob* blob) const { vips_area_unref(reinterpret_cast<VipsArea*>(blob)); }
};
using Blob = std::unique_ptr<VipsBlob, BlobRelease>;

// libvips gets its own copy of the upload: an image or operation it still holds after Process
// returns (a cache, a lazy pipeline) can then never read the caller's freed buffer. The copy
// costs a millisecond next to the decode.
Blob CopyToBlob(std::string_view bytes) { return Blob(vips_blob_copy(bytes.data(), bytes.size())); }

// Opens the header with the loader of the format we detected, never one libvips would pick:
// lazy, so no pixel is decoded yet.
VImage OpenHeader(ImageFormat format, VipsBlob* blob) {
  auto* options = VImage::option()->set("access", VIPS_ACCESS_SEQUENTIAL)->set("fail_on", VIPS_FAIL_ON_ERROR);
  switch (format) {
    case ImageFormat::jpeg:
      return VImage::jpegload_buffer(blob, options);
    case ImageFormat::png:
      return VImage::pngload_buffer(blob, options);
    case ImageFormat::webp:
      return VImage::webpload_buffer(blob, options);
    case ImageFormat::gif:
      return VImage::gifload_buffer(blob, options);
    default:
      break;
  }
  delete options;
  throw vips::VError("image format not accepted");
}

bool SwapsSides(const VImage& image) {
  // EXIF orientations 5..8 turn the picture a quarter, so its shown width is its stored height.
  if (image.get_typeof("orientation") == 0) return false;
  const int orientation = image.get_int("orientation");
  return orientation >= 5 && orientation <= 8;
}

// Pixels described by an embedded colour profile (Display P3 from phones, Adobe RGB from
// cameras) are converted to sRGB, which is what a browser assumes once the profile is stripped.
// A profile that cannot be used (damaged, or for another colour space than the pixels) is
// ignored: the colours are then a little off, but the picture itself is sound.
VImage ToSrgbProfile(const VImage& decoded) {
  if (decoded.get_typeof("icc-profile-data") == 0) return decoded;
  try {
    return decoded.icc_transform("srgb", VImage::option()->set("embedded", true)->set("intent", VIPS_INTENT_RELATIVE))
        .copy_memory();
  } catch (const vips::VError&) {
    vips_error_clear();
    return decoded;
  }
}

// JPEG has no alpha and browsers expect 8-bit sRGB: transparent parts go white, grey and 16-bit
// pictures become plain 8-bit RGB.
VImage OpaqueSrgb(VImage image) {
  if (image.interpretation() != VIPS_INTERPRETATION_sRGB) image = image.colourspace(VIPS_INTERPRETATION_sRGB);
  if (image.has_alpha()) image = image.flatten(VImage::option()->set("background", std::vector<double>{255.0}));
  if (image.format() != VIPS_FORMAT_UCHAR) image = image.cast(VIPS_FORMAT_UCHAR);
  return image;
}

EncodedImage EncodeJpeg(const VImage& image, int quality) {
  // strip drops every metadata block (EXIF with GPS, XMP, IPTC, ICC, comments); the pixels are
  // already sRGB, which is what a browser assumes without a profile. Progressive: a picture on a
  // slow link shows whole, blurred, then sharpens. Same input and settings give the same bytes,
  // so the same upload gets the same content address.
  VipsBlob* encoded = image.jpegsave_buffer(
      VImage::option()->set("Q", quality)->set("strip", true)->set("optimize_coding", true)->set("interlace", true));
  const Blob owned(encoded);
  std::size_t length = 0;
  const void* data = vips_blob_get(encoded, &length);
  return EncodedImage{std::string(static_cast<const char*>(data), length), image.width(), image.height()};
}

}  // namespace

std::variant<ImageHeader, ImageError> CheckBeforeDecoding(std::string_view bytes, const ImageLimits& limits) {
  if (bytes.size() > limits.max_bytes) return ImageError::too_large_bytes;
  const ImageHeader header = ReadImageHeader(bytes);
  if (header.format == ImageFormat::unknown) return ImageError::not_an_image;
  if (!IsAccepted(header.format)) return ImageError::unsupported_format;
  if (header.malformed) return ImageError::corrupt;
  if (std::uint64_t{header.width} * header.height > limits.max_pixels) return ImageError::too_many_pixels;
  if (header.format == ImageFormat::jpeg && CountJpegScans(bytes) > limits.max_jpeg_scans) {
    return ImageError::corrupt;
  }
  return header;
}

std::variant<ProcessedImage, ImageError> DecodeAccepted(ImageFormat format, std::string_view bytes,
                                                        const ImageLimits& limits) {
  const Blob blob = CopyToBlob(bytes);
  try {
    // libvips' own reading of the size is checked too: a GIF frame may stretch the screen it
    // declares, and a header we misread must not become a huge allocation.
    const VImage opened = OpenHeader(format, blob.get());
    if (std::uint64_t(opened.width()) * std::uint64_t(opened.height()) > limits.max_pixels) {
      return ImageError::too_many_pixels;
    }
    const bool swaps_sides = SwapsSides(opened);

    // thumbnail decodes with shrink-on-load where the format allows (JPEG, WebP), streams the
    // rest and applies the EXIF orientation; CMYK becomes sRGB. fail_on must go in the loader's
    // option string: libvips 8.14 does not pass thumbnail's own fail_on on to the loader, and
    // without it a truncated JPEG decodes "successfully" with its missing part grey.
    const VImage decoded = VImage::thumbnail_buffer(blob.get(), limits.detail_size,
                                                    VImage::option()
                                                        ->set("height", limits.detail_size)
                                                        ->set("size", VIPS_SIZE_DOWN)
                                                        ->set("option_string", "fail_on=error"))
                               .copy_memory();
    const VImage detail = OpaqueSrgb(ToSrgbProfile(decoded)).copy_memory();
    // The list picture is made from the detail one (at most 1024 px, already in memory), so the
    // upload is decoded once.
    const VImage list = OpaqueSrgb(detail.thumbnail_image(
        limits.list_size, VImage::option()->set("height", limits.list_size)->set("size", VIPS_SIZE_DOWN)));

    ProcessedImage processed;
    processed.source_format = format;
    processed.source_width = swaps_sides ? opened.height() : opened.width();
    processed.source_height = swaps_sides ? opened.width() : opened.height();
    processed.detail = EncodeJpeg(detail, limits.jpeg_quality);
    processed.list = EncodeJpeg(list, limits.jpeg_quality);
    return processed;
  } catch (const vips::VError&) {
    // Truncated, damaged, or refused by the loader: the upload's fault, not the server's.
    vips_error_clear();
    return ImageError::corrupt;
  }
}

}  // namespace manmulsang::image
