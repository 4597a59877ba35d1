#include "manmulsang/media/image_upload.hpp"

#include <optional>

#include "manmulsang/http/multipart.hpp"
#include "manmulsang/image/image_error.hpp"

namespace manmulsang::media {
namespace {

using http::ApiProblem;
using http::Status;

constexpr std::string_view kImageRequired = "image_required";
constexpr std::string_view kTooManyImages = "too_many_images";

// docs/IMAGES.md: too_large_bytes is the only size problem the uploader fixes by sending fewer
// bytes (413); a picture with too many pixels is well-formed but unprocessable (422).
Status StatusOf(image::ImageError error) {
  switch (error) {
    case image::ImageError::too_large_bytes:
      return Status::payload_too_large;
    case image::ImageError::not_an_image:
    case image::ImageError::unsupported_format:
      return Status::unsupported_media_type;
    case image::ImageError::too_many_pixels:
    case image::ImageError::corrupt:
      return Status::unprocessable_entity;
  }
  return Status::unprocessable_entity;
}

ApiProblem Problem(Status status, std::string_view code, std::string_view field) {
  return ApiProblem{status, std::string(code), std::string(field)};
}

// The parts named field; nullopt when the body is not multipart or cannot be parsed.
std::optional<std::vector<http::MultipartPart>> PartsNamed(const http::Request& request, std::string_view field) {
  const auto boundary = http::MultipartBoundary(request.Header("Content-Type"));
  if (!boundary) return std::nullopt;
  auto parts = http::ParseMultipart(request.body(), *boundary);
  if (!parts) return std::nullopt;
  std::vector<http::MultipartPart> named;
  for (auto& part : *parts) {
    // A browser sends an empty file part for a file input left empty: it is no upload.
    if (part.name == field && !(part.is_file && part.data.empty() && part.file_name.empty())) {
      named.push_back(std::move(part));
    }
  }
  return named;
}

std::expected<std::vector<StoredImage>, ApiProblem> Store(const http::Request& request, std::string_view field,
                                                          std::size_t max_files, const MediaLibrary& library,
                                                          bool required) {
  // A form sent without files (urlencoded, JSON) has no upload, which only an optional field accepts.
  if (!required && !http::MultipartBoundary(request.Header("Content-Type"))) return std::vector<StoredImage>{};
  const auto parts = PartsNamed(request, field);
  if (!parts) return std::unexpected(Problem(Status::bad_request, kImageRequired, field));
  if (parts->empty()) {
    if (required) return std::unexpected(Problem(Status::bad_request, kImageRequired, field));
    return std::vector<StoredImage>{};
  }
  if (parts->size() > max_files) return std::unexpected(Problem(Status::bad_request, kTooManyImages, field));

  // Every part is checked and encoded before the first file is written, so a bad third photo
  // leaves nothing of the first two behind.
  std::vector<image::ProcessedImage> processed;
  processed.reserve(parts->size());
  for (const auto& part : *parts) {
    auto image = library.pipeline.Process(part.data);
    if (!image) return std::unexpected(Problem(StatusOf(image.error()), image::ErrorCode(image.error()), field));
    processed.push_back(std::move(*image));
  }
  std::vector<StoredImage> stored;
  stored.reserve(processed.size());
  for (const auto& image : processed) {
    const std::string detail = library.store.Put(image.detail.bytes, image::EncodedImage::kExtension);
    const std::string list = library.store.Put(image.list.bytes, image::EncodedImage::kExtension);
    stored.push_back(StoredImage{MediaUrl(detail), MediaUrl(list)});
  }
  return stored;
}

}  // namespace

std::expected<std::vector<StoredImage>, ApiProblem> StoreUploadedImages(const http::Request& request,
                                                                        std::string_view field, std::size_t max_files,
                                                                        const MediaLibrary& library) {
  return Store(request, field, max_files, library, true);
}

std::expected<std::vector<StoredImage>, ApiProblem> StoreOptionalUploadedImages(const http::Request& request,
                                                                                std::string_view field,
                                                                                std::size_t max_files,
                                                                                const MediaLibrary& library) {
  return Store(request, field, max_files, library, false);
}

std::string UploadMessageKey(std::string_view code) { return "image." + std::string(code); }

std::string_view UploadEnglishMessage(std::string_view code) {
  for (const auto error :
       {image::ImageError::not_an_image, image::ImageError::unsupported_format, image::ImageError::too_large_bytes,
        image::ImageError::too_many_pixels, image::ImageError::corrupt}) {
    if (image::ErrorCode(error) == code) return image::EnglishMessage(error);
  }
  if (code == kImageRequired) return "Choose a picture to upload (a JPEG, PNG, WebP or GIF file).";
  if (code == kTooManyImages) return "Too many pictures at once: upload fewer.";
  return "The upload could not be used.";
}

std::string MediaUrl(std::string_view name) { return "/media/" + std::string(name); }

}  // namespace manmulsang::media
