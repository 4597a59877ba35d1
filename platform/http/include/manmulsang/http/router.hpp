#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "manmulsang/http/request.hpp"
#include "manmulsang/http/response.hpp"

namespace manmulsang::http {

using Handler = std::function<Response(Request&)>;
// Wraps every handled request: may answer itself, or call next and adjust the response.
using Middleware = std::function<Response(Request&, const Handler& next)>;

struct RouteOptions {
  std::size_t body_limit = 1024 * 1024;  // larger bodies get 413 before they are read
};

// Maps method + path pattern to a handler. Patterns are literal segments and ":name" segments
// ("/api/v1/products/:id"); literal segments win over parameters. Middleware runs in the
// order added, around the handler and around the not-found handler.
class Router {
 public:
  Router();
  ~Router();

  void Add(Method method, std::string_view pattern, Handler handler, RouteOptions options = {});
  void Get(std::string_view pattern, Handler handler) { Add(Method::get, pattern, std::move(handler)); }
  void Post(std::string_view pattern, Handler handler, RouteOptions options = {}) {
    Add(Method::post, pattern, std::move(handler), options);
  }
  void Use(Middleware middleware);
  void SetNotFound(Handler handler);

  // The body limit of the route matching method and path (the default when none matches).
  std::size_t BodyLimit(Method method, std::string_view path) const;
  // Matches, records the route on the request, and runs middleware + handler. A path that
  // exists with another method gets 405 with Allow.
  Response Dispatch(Request& request) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace manmulsang::http
