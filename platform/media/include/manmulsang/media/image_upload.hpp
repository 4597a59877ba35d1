#pragma once

#include <cstddef>
#include <expected>
#include <string>
#include <string_view>
#include <vector>

#include "manmulsang/http/api_problem.hpp"
#include "manmulsang/http/request.hpp"
#include "manmulsang/media/media_library.hpp"

namespace manmulsang::media {

// The two stored sizes of one upload, as the URLs pages and the API show ("/media/<name>").
struct StoredImage {
  std::string detail_url;  // long side <= 1024, the product page and an opened review photo
  std::string list_url;    // fits 320 x 320, cards, lists and thumbnails
};

// Every multipart part named `field` of the request (at most max_files), each checked and stored
// by the pipeline; the first bad one refuses the whole request and nothing is stored (every part
// is processed before the first file is written). A part's file name and declared type are
// ignored: the bytes decide.
// Errors: 400 not multipart / malformed / field missing (code "image_required", field),
// 400 more than max_files parts ("too_many_images", field), 413 too_large_bytes,
// 415 not_an_image / unsupported_format, 422 too_many_pixels / corrupt. ApiProblem.field is
// `field`. Pages and the API word the message by code: image::EnglishMessage, or the image.*
// catalog keys (UploadMessageKey below).
//
// CPU-heavy (a decode per part): call it from a route with RouteOptions::offload.
std::expected<std::vector<StoredImage>, http::ApiProblem> StoreUploadedImages(const http::Request& request,
                                                                              std::string_view field,
                                                                              std::size_t max_files,
                                                                              const MediaLibrary& library);

// Like StoreUploadedImages, but a request without any non-empty part named `field` (a form that
// is not multipart at all, or an optional file input left empty: the browser sends an empty part)
// is not an error: an empty list.
std::expected<std::vector<StoredImage>, http::ApiProblem> StoreOptionalUploadedImages(const http::Request& request,
                                                                                      std::string_view field,
                                                                                      std::size_t max_files,
                                                                                      const MediaLibrary& library);

// The message catalog key for an upload problem's code ("image.corrupt", "image.image_required",
// "image.too_many_images"); the English text for API answers.
std::string UploadMessageKey(std::string_view code);
std::string_view UploadEnglishMessage(std::string_view code);

// "/media/<name>" for a stored name.
std::string MediaUrl(std::string_view name);

// 10 MiB of image + multipart overhead: the body_limit of an upload route (the router's default
// is 1 MiB). A larger body gets 413 before it is read.
inline constexpr std::size_t kUploadBodyLimit = 11 * 1024 * 1024;

}  // namespace manmulsang::media
