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
  // The handler is CPU-heavy (an image decode): the server runs it on a small worker pool of its
  // own, not on an I/O thread, so other connections keep being served meanwhile.
  bool offload = false;
};

// Maps method + path pattern to a handler. Patterns are literal segments and ":name" segments
// ("/api/v1/products/:id"); literal segments win over parameters. Middleware runs in the
// order added, around the handler, the not-found handler and the 405 answer.
//
// Matching walks a segment tree built by Add (no regex, no allocation for literal paths), because
// every request of the product page and the API passes through it. Build the router completely
// before the server starts: it is read by all I/O threads without locks.
class Router {
 public:
  Router();
  ~Router();
  Router(const Router&) = delete;
  Router& operator=(const Router&) = delete;

  // Throws std::invalid_argument for a pattern that does not start with '/', has an empty
  // ":" name, or is already registered for the method.
  void Add(Method method, std::string_view pattern, Handler handler, RouteOptions options = {});
  // GET routes answer HEAD too (the server drops the body).
  void Get(std::string_view pattern, Handler handler) { Add(Method::get, pattern, std::move(handler)); }
  void Post(std::string_view pattern, Handler handler, RouteOptions options = {}) {
    Add(Method::post, pattern, std::move(handler), options);
  }
  void Use(Middleware middleware);
  void SetNotFound(Handler handler);

  // The options of the route matching method and raw path (the request target without its
  // query); the defaults when none matches.
  RouteOptions Options(Method method, std::string_view raw_path) const;
  std::size_t BodyLimit(Method method, std::string_view raw_path) const { return Options(method, raw_path).body_limit; }
  // Some route was added with RouteOptions::offload: the server then starts its worker pool.
  bool HasOffloadedRoutes() const;
  // Matches, records the route on the request, and runs middleware + handler. A path that
  // exists with another method gets 405 with Allow.
  Response Dispatch(Request& request) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace manmulsang::http
