#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "manmulsang/core/context.hpp"
#include "manmulsang/http/api_problem.hpp"
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
  // The handler hashes or checks a password (Argon2id: tens of ms of CPU and 19 MiB each). The
  // server runs it on a bounded pool of its own (ServerOptions::password_threads), so a flood of
  // logins never holds the I/O threads; when that pool's queue is full (password_queue) the
  // request is answered 503 with Retry-After at once, without running the handler.
  bool password_work = false;
  // Only actors with this role reach the handler. Checked by the router after the middleware
  // (which knows the actor) and before any other rule or the body is read: a visitor gets 401
  // (API) or the sign-in page, anyone signed in without the role 403.
  std::optional<core::Role> role;
  // The route takes a JSON body: a body of any other type (a charset parameter is fine) is 415
  // before the handler runs. A request without a body passes (the handler decides).
  bool json_body = false;
  // The answers hold one person's data (a cart, a ledger, a form with their entries): the router
  // sets Cache-Control: no-store on every answer of the route, whatever the handler set.
  bool no_store = false;
};

// A route's rule refused a request: problem is 401 unauthenticated, 403 forbidden or 415
// unsupported_media_type; or the server did, 503 busy (Router::Refuse). The app words it from the
// message catalogs (html::RouteRefusal); the router's default answers with the code alone.
using Refusal = std::function<Response(const Request&, const ApiProblem&)>;

// A registered route as the route tests and the API contract see it.
struct RouteInfo {
  Method method;
  std::string pattern;
  RouteOptions options;
};

// Whether a Content-Type header names JSON: application/json, any case, parameters allowed.
bool IsJsonContentType(std::string_view content_type);

// Where a visitor goes to sign in and come back: 303 to /login?next=<back>. A back that is not a
// path of this site (an absolute URL, "//host") becomes "/", so the login never sends people away.
Response SignInRedirect(std::string_view back);

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
  void Get(std::string_view pattern, Handler handler, RouteOptions options = {}) {
    Add(Method::get, pattern, std::move(handler), options);
  }
  void Post(std::string_view pattern, Handler handler, RouteOptions options = {}) {
    Add(Method::post, pattern, std::move(handler), options);
  }
  void Use(Middleware middleware);
  void SetNotFound(Handler handler);
  // How refusals by RouteOptions rules are answered (see Refusal).
  void SetRefusal(Refusal refusal);

  // Every route in the order added.
  std::vector<RouteInfo> Routes() const;

  // The options of the route matching method and raw path (the request target without its
  // query); the defaults when none matches.
  RouteOptions Options(Method method, std::string_view raw_path) const;
  std::size_t BodyLimit(Method method, std::string_view raw_path) const { return Options(method, raw_path).body_limit; }
  // Some route was added with RouteOptions::offload: the server then starts its worker pool.
  bool HasOffloadedRoutes() const;
  // Some route was added with RouteOptions::password_work: the server then starts its password pool.
  bool HasPasswordRoutes() const;
  // Matches, records the route on the request, and runs middleware + handler. A path that
  // exists with another method gets 405 with Allow.
  Response Dispatch(Request& request) const;
  // Answers a request that the server refused before its handler could run (problem: 503 busy
  // when the password pool's queue is full) as a route rule's refusal is answered: the route is
  // recorded, the middleware runs (so the language and the actor are known) and the refusal hook
  // words it. Never cacheable. Unlike Dispatch, no handler runs.
  Response Refuse(Request& request, const ApiProblem& problem) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace manmulsang::http
