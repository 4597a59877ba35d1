#include "manmulsang/media/media_routes.hpp"

#include <string>

namespace manmulsang::media {

void AddMediaRoutes(http::Router& router, const image::MediaStore& store) {
  router.Get("/media/:name", [&store](http::Request& request) {
    const std::string_view name = request.PathParam("name");
    // Read validates the name first: nothing outside the store's folder can be named.
    auto bytes = store.Read(name);
    if (!bytes) return http::Response::Text("Not found\n", http::Status::not_found);
    http::Response response(http::Status::ok, std::string(image::MediaStore::ContentType(name)), std::move(*bytes));
    // The name is the content's SHA-256: the file under it never changes.
    response.SetHeader("Cache-Control", "public, max-age=31536000, immutable");
    response.SetHeader("ETag", "\"" + std::string(name.substr(0, name.find('.'))) + "\"");
    response.SetHeader("X-Content-Type-Options", "nosniff");
    return response;
  });
}

}  // namespace manmulsang::media
