#pragma once

#include <string_view>
#include <variant>

#include "manmulsang/image/image_error.hpp"
#include "manmulsang/image/image_header.hpp"
#include "manmulsang/image/processed_image.hpp"

namespace manmulsang::image {

// The two steps of ImagePipeline::Process, kept free of <expected> so that the image fuzzer
// (built by clang 14, which cannot compile libstdc++ 12's <expected>) runs exactly this code.

// The checks made before a pixel is decoded: byte size, format from the bytes, a sound header,
// declared pixels and JPEG scans within limits. The header, or why the bytes are refused.
std::variant<ImageHeader, ImageError> CheckBeforeDecoding(std::string_view bytes, const ImageLimits& limits);

// Decodes bytes that passed CheckBeforeDecoding (format is their header's) with that format's
// loader only, and encodes the list and detail pictures; corrupt or too_many_pixels when libvips
// refuses them or reads a larger size than the header declared. Needs EnsureVips() first.
std::variant<ProcessedImage, ImageError> DecodeAccepted(ImageFormat format, std::string_view bytes,
                                                        const ImageLimits& limits);

}  // namespace manmulsang::image
