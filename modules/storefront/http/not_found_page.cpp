#include "manmulsang/storefront/http/storefront_routes.hpp"

namespace manmulsang::storefront {

http::Handler NotFoundPage(html::Renderer& renderer) {
  return [&renderer](http::Request& request) {
    core::Locale locale = request.context().locale;
    if (request.path() == "/api" || request.path().starts_with("/api/")) {
      return http::Response::JsonError(http::Status::not_found, "not_found",
                                       renderer.Translate(locale, "error.not_found"));
    }
    html::Data data;
    data.set("title", std::string(renderer.Translate(locale, "not_found.title")));
    return renderer.Page(request, "web/not_found", std::move(data), http::Status::not_found);
  };
}

}  // namespace manmulsang::storefront
