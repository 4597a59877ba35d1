#pragma once

#include <string_view>

namespace manmulsang::image {

// Why an upload was refused. Each is the uploader's problem, never the server's: the http layer
// answers 4xx (suggested statuses in docs/IMAGES.md) and nothing is stored.
enum class ImageError {
  not_an_image,        // the bytes are no image format at all (text, an archive, random bytes)
  unsupported_format,  // an image, but of a format we refuse (SVG, PDF, TIFF, HEIC, ...)
  too_large_bytes,     // more than ImageLimits::max_bytes
  too_many_pixels,     // the declared width x height exceeds ImageLimits::max_pixels
  corrupt,             // recognised but truncated or damaged: it cannot be decoded
};

// snake_case code for the JSON API ("too_many_pixels"), equal to the enumerator's name.
std::string_view ErrorCode(ImageError error);
// Key for the message catalogs ("image.too_many_pixels"); docs/IMAGES.md has ko and en text.
std::string_view MessageKey(ImageError error);
// Plain English, for logs, tests, and an API client that reads no catalog.
std::string_view EnglishMessage(ImageError error);

}  // namespace manmulsang::image
