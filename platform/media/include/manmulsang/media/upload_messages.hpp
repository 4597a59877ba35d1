#pragma once

#include <span>

#include "manmulsang/core/embedded_file.hpp"

namespace manmulsang::media {

// The ko and en catalogs of upload refusals (t.image.<code>: not_an_image, unsupported_format,
// too_large_bytes, too_many_pixels, corrupt, image_required, too_many_images) and of the file
// input's hint (image.choose, image.accepted). Every module that takes uploads adds them to its
// renderer (html::Renderer::AddMessages); adding them twice is harmless.
std::span<const core::EmbeddedFile> UploadMessages();

}  // namespace manmulsang::media
