#pragma once

#include <filesystem>
#include <utility>

#include "manmulsang/image/image_pipeline.hpp"
#include "manmulsang/image/media_store.hpp"

namespace manmulsang::media {

// The one image pipeline and media store of the process (docs/IMAGES.md): the app builds it from
// the data folder (<data>/media is the store's root) and hands it to every route that takes
// uploads. Thread-safe: both members are.
struct MediaLibrary {
  // Creates root if needed (std::filesystem::filesystem_error if it cannot).
  explicit MediaLibrary(std::filesystem::path root, image::ImageLimits limits = {})
      : pipeline(limits), store(std::move(root)) {}

  image::ImagePipeline pipeline;
  image::MediaStore store;
};

}  // namespace manmulsang::media
