#pragma once

#include "manmulsang/http/router.hpp"
#include "manmulsang/image/media_store.hpp"

namespace manmulsang::media {

// GET (and HEAD) /media/:name: a stored file, served immutable (its name is its content's
// SHA-256), with its type from the name and nosniff. 404 for an invalid or unknown name.
// The store must outlive the router.
void AddMediaRoutes(http::Router& router, const image::MediaStore& store);

}  // namespace manmulsang::media
