#include "manmulsang/image/image_error.hpp"

namespace manmulsang::image {

std::string_view ErrorCode(ImageError error) {
  switch (error) {
    case ImageError::not_an_image:
      return "not_an_image";
    case ImageError::unsupported_format:
      return "unsupported_format";
    case ImageError::too_large_bytes:
      return "too_large_bytes";
    case ImageError::too_many_pixels:
      return "too_many_pixels";
    case ImageError::corrupt:
      return "corrupt";
  }
  return "corrupt";
}

std::string_view MessageKey(ImageError error) {
  switch (error) {
    case ImageError::not_an_image:
      return "image.not_an_image";
    case ImageError::unsupported_format:
      return "image.unsupported_format";
    case ImageError::too_large_bytes:
      return "image.too_large_bytes";
    case ImageError::too_many_pixels:
      return "image.too_many_pixels";
    case ImageError::corrupt:
      return "image.corrupt";
  }
  return "image.corrupt";
}

std::string_view EnglishMessage(ImageError error) {
  switch (error) {
    case ImageError::not_an_image:
      return "This file is not an image. Upload a JPEG, PNG, WebP or GIF picture.";
    case ImageError::unsupported_format:
      return "This image format is not accepted. Upload a JPEG, PNG, WebP or GIF picture.";
    case ImageError::too_large_bytes:
      return "The image is larger than 10 MB. Upload a smaller file.";
    case ImageError::too_many_pixels:
      return "The image has more than 40 megapixels. Upload a smaller picture.";
    case ImageError::corrupt:
      return "The image is damaged or incomplete and cannot be read.";
  }
  return "The image is damaged or incomplete and cannot be read.";
}

}  // namespace manmulsang::image
