#pragma once

#include <string>
#include <string_view>

#include "manmulsang/html/api_error.hpp"
#include "manmulsang/html/renderer.hpp"
#include "manmulsang/http/api_problem.hpp"
#include "manmulsang/http/request.hpp"
#include "manmulsang/http/response.hpp"
#include "manmulsang/wishlist/http/wishlist_routes.hpp"

// Shared by this module's handlers; private to wishlist/http.
namespace manmulsang::wishlist {

http::ApiProblem ProblemOf(WishlistError error);

struct WishlistHttp {
  const html::Renderer& renderer;
  WishlistServices services;

  http::Response Error(const http::Request& request, const http::ApiProblem& problem) const {
    return html::ApiError(renderer, request, problem, "wishlist.error." + problem.code);
  }
  http::Response Error(const http::Request& request, WishlistError error) const {
    return Error(request, ProblemOf(error));
  }
  std::string Text(const http::Request& request, std::string_view key) const {
    return std::string(renderer.Translate(request.context().locale, key));
  }
};

// The form's `return` when it is a path of this site ("/search?q=x"), else fallback: never
// "//host" or "/\host", which browsers read as another site, nor a full URL.
std::string SameSitePath(std::string_view wanted, std::string_view fallback);

void AddWishlistApi(http::Router& router, const WishlistHttp& http);
void AddWishlistPages(http::Router& router, const WishlistHttp& http);

}  // namespace manmulsang::wishlist
