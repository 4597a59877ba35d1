#include "manmulsang/http/router.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <unordered_map>

#include "manmulsang/http/form.hpp"

namespace manmulsang::http {
namespace {

// Paths deeper than this match nothing: no route is that deep, and the bound keeps the
// segment list on the stack.
constexpr std::size_t kMaxSegments = 32;

struct TransparentHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view>{}(text); }
};

struct Route {
  Method method;
  std::string pattern;
  Handler handler;
  RouteOptions options;
  std::vector<std::pair<std::size_t, std::string>> parameters;  // segment index, name
};

struct Node {
  std::unordered_map<std::string, std::unique_ptr<Node>, TransparentHash, std::equal_to<>> literals;
  std::unique_ptr<Node> parameter;
  std::vector<Route> routes;  // one per method

  const Route* Find(Method method) const {
    for (const Route& route : routes) {
      if (route.method == method) return &route;
    }
    if (method == Method::head) return Find(Method::get);
    return nullptr;
  }
};

struct Segments {
  std::array<std::string_view, kMaxSegments> items;
  std::size_t count = 0;
};

// "/a/b" → {"a", "b"}; "/" → {}; false when too deep.
bool SplitPath(std::string_view raw_path, Segments& segments) {
  if (!raw_path.empty() && raw_path.front() == '/') raw_path.remove_prefix(1);
  if (raw_path.empty()) return true;
  while (true) {
    if (segments.count == kMaxSegments) return false;
    const std::size_t slash = raw_path.find('/');
    segments.items[segments.count++] = raw_path.substr(0, slash);
    if (slash == std::string_view::npos) return true;
    raw_path.remove_prefix(slash + 1);
  }
}

// Depth-first: the literal child first, then the parameter child, so "/p/new" beats "/p/:id"
// and a literal dead end still falls back to the parameter. accept says which nodes count.
template <typename Accept>
const Node* Match(const Node& node, const Segments& segments, std::size_t index, const Accept& accept) {
  if (index == segments.count) return accept(node) ? &node : nullptr;
  const std::string_view raw = segments.items[index];
  std::string decoded;
  std::string_view segment = raw;
  if (raw.find('%') != std::string_view::npos) {
    decoded = PercentDecode(raw, false);
    segment = decoded;
  }
  if (const auto literal = node.literals.find(segment); literal != node.literals.end()) {
    if (const Node* found = Match(*literal->second, segments, index + 1, accept)) return found;
  }
  if (node.parameter && !segment.empty()) {
    if (const Node* found = Match(*node.parameter, segments, index + 1, accept)) return found;
  }
  return nullptr;
}

struct Chain {
  const std::vector<Middleware>* middleware;
  const Handler* last;
};

Response RunChain(const Chain& chain, std::size_t index, Request& request) {
  if (index == chain.middleware->size()) return (*chain.last)(request);
  // Two pointers' worth of capture: std::function keeps it inline, no allocation per layer.
  const Handler next = [chain = &chain, index](Request& inner) { return RunChain(*chain, index + 1, inner); };
  return (*chain.middleware)[index](request, next);
}

Response DefaultNotFound(Request& request) {
  if (request.WantsJson()) return Response::JsonError(Status::not_found, "not_found", "No such resource.");
  return Response::Html(
      "<!doctype html><html lang=\"ko\"><meta charset=\"utf-8\"><title>404</title>"
      "<h1>페이지를 찾을 수 없습니다 (404)</h1><p><a href=\"/\">처음으로</a></p></html>",
      Status::not_found);
}

Response DefaultRefusal(const Request& request, const ApiProblem& problem) {
  if (problem.status == Status::unauthorized && !request.WantsJson()) return SignInRedirect(request.target());
  if (request.WantsJson()) return ApiErrorResponse(problem, problem.code);
  return Response::Text(problem.code + "\n", problem.status);
}

// The rules of RouteOptions, in order: the role first, so nothing about a request to a route it
// may not use (its body, its type, the resource it names) is looked at or answered.
std::optional<ApiProblem> BrokenRule(const Request& request, const RouteOptions& options) {
  if (options.role) {
    const core::Actor& actor = request.context().actor;
    if (!actor.signed_in()) return ApiProblem{Status::unauthorized, "unauthenticated", ""};
    if (!actor.is(*options.role)) return ApiProblem{Status::forbidden, "forbidden", ""};
  }
  if (options.json_body && !request.body().empty() && !IsJsonContentType(request.Header("Content-Type"))) {
    return ApiProblem{Status::unsupported_media_type, "unsupported_media_type", ""};
  }
  return std::nullopt;
}

}  // namespace

bool IsJsonContentType(std::string_view content_type) {
  const std::string_view media_type = content_type.substr(0, content_type.find(';'));
  std::size_t begin = 0;
  std::size_t end = media_type.size();
  while (begin < end && (media_type[begin] == ' ' || media_type[begin] == '\t')) ++begin;
  while (end > begin && (media_type[end - 1] == ' ' || media_type[end - 1] == '\t')) --end;
  constexpr std::string_view kJson = "application/json";
  if (end - begin != kJson.size()) return false;
  for (std::size_t index = 0; index < kJson.size(); ++index) {
    char letter = media_type[begin + index];
    if (letter >= 'A' && letter <= 'Z') letter = static_cast<char>(letter - 'A' + 'a');
    if (letter != kJson[index]) return false;
  }
  return true;
}

Response SignInRedirect(std::string_view back) {
  // Only a path of this site: "/x" but not "//host" or "/\\host", which browsers read as another host.
  const bool local = back.size() >= 1 && back[0] == '/' && (back.size() == 1 || (back[1] != '/' && back[1] != '\\'));
  return Response::Redirect("/login?next=" + PercentEncode(local ? back : "/"));
}

struct Router::Impl {
  Node root;
  std::vector<Middleware> middleware;
  Handler not_found = DefaultNotFound;
  Refusal refusal = DefaultRefusal;
  bool offloaded_routes = false;
  bool password_routes = false;
  std::vector<RouteInfo> routes;  // in the order added, for Routes()

  // The node whose route takes this method; failing that, one with any route (for 405).
  const Node* FindNode(Method method, const Segments& segments, bool& method_allowed) const {
    const Node* node =
        Match(root, segments, 0, [method](const Node& candidate) { return candidate.Find(method) != nullptr; });
    method_allowed = node != nullptr;
    if (node) return node;
    return Match(root, segments, 0, [](const Node& candidate) { return !candidate.routes.empty(); });
  }
};

Router::Router() : impl_(std::make_unique<Impl>()) {}
Router::~Router() = default;

void Router::Add(Method method, std::string_view pattern, Handler handler, RouteOptions options) {
  if (pattern.empty() || pattern.front() != '/') {
    throw std::invalid_argument("route pattern must start with '/': " + std::string(pattern));
  }
  if (!handler) throw std::invalid_argument("route without a handler: " + std::string(pattern));
  Segments segments;
  if (!SplitPath(pattern, segments)) throw std::invalid_argument("route pattern too deep");
  Node* node = &impl_->root;
  std::vector<std::pair<std::size_t, std::string>> parameters;
  for (std::size_t index = 0; index < segments.count; ++index) {
    const std::string_view segment = segments.items[index];
    if (segment.starts_with(':')) {
      if (segment.size() == 1) throw std::invalid_argument("route parameter without a name");
      parameters.emplace_back(index, std::string(segment.substr(1)));
      if (!node->parameter) node->parameter = std::make_unique<Node>();
      node = node->parameter.get();
    } else {
      auto found = node->literals.find(segment);
      if (found == node->literals.end()) {
        found = node->literals.emplace(std::string(segment), std::make_unique<Node>()).first;
      }
      node = found->second.get();
    }
  }
  for (const Route& route : node->routes) {
    if (route.method == method) {
      throw std::invalid_argument("route registered twice: " + std::string(pattern));
    }
  }
  if (options.offload) impl_->offloaded_routes = true;
  if (options.password_work) impl_->password_routes = true;
  impl_->routes.push_back(RouteInfo{method, std::string(pattern), options});
  node->routes.push_back(Route{method, std::string(pattern), std::move(handler), options, std::move(parameters)});
}

void Router::Use(Middleware middleware) { impl_->middleware.push_back(std::move(middleware)); }

void Router::SetNotFound(Handler handler) { impl_->not_found = std::move(handler); }

void Router::SetRefusal(Refusal refusal) { impl_->refusal = std::move(refusal); }

std::vector<RouteInfo> Router::Routes() const { return impl_->routes; }

RouteOptions Router::Options(Method method, std::string_view raw_path) const {
  Segments segments;
  bool method_allowed = false;
  if (SplitPath(raw_path.substr(0, raw_path.find('?')), segments)) {
    if (const Node* node = impl_->FindNode(method, segments, method_allowed); node && method_allowed) {
      return node->Find(method)->options;
    }
  }
  return RouteOptions{};
}

bool Router::HasOffloadedRoutes() const { return impl_->offloaded_routes; }

bool Router::HasPasswordRoutes() const { return impl_->password_routes; }

Response Router::Refuse(Request& request, const ApiProblem& problem) const {
  Segments segments;
  bool method_allowed = false;
  if (SplitPath(request.raw_path(), segments)) {
    if (const Node* node = impl_->FindNode(request.method(), segments, method_allowed); node && method_allowed) {
      request.SetRoute(node->Find(request.method())->pattern, {});
    }
  }
  const Handler refused = [&problem, &refusal = impl_->refusal](Request& inner) {
    Response response = refusal(inner, problem);
    response.SetHeader("Cache-Control", "no-store");
    response.cacheable = false;
    return response;
  };
  const Chain chain{&impl_->middleware, &refused};
  return RunChain(chain, 0, request);
}

Response Router::Dispatch(Request& request) const {
  Segments segments;
  bool method_allowed = false;
  const Node* node = nullptr;
  if (SplitPath(request.raw_path(), segments)) {
    node = impl_->FindNode(request.method(), segments, method_allowed);
  }

  if (node == nullptr) {
    const Chain chain{&impl_->middleware, &impl_->not_found};
    return RunChain(chain, 0, request);
  }

  if (!method_allowed) {
    std::vector<std::string_view> methods;
    for (const Route& route : node->routes) {
      methods.push_back(boost::beast::http::to_string(route.method));
      if (route.method == Method::get) methods.push_back("HEAD");
    }
    std::sort(methods.begin(), methods.end());
    methods.erase(std::unique(methods.begin(), methods.end()), methods.end());
    std::string allow;
    for (const std::string_view method : methods) {
      if (!allow.empty()) allow += ", ";
      allow += method;
    }
    request.SetRoute(node->routes.front().pattern, {});
    const Handler not_allowed = [allow = std::move(allow)](Request& inner) {
      Response response = inner.WantsJson() ? Response::JsonError(Status::method_not_allowed, "method_not_allowed",
                                                                  "This resource does not accept that method.")
                                            : Response::Text("Method not allowed\n", Status::method_not_allowed);
      response.SetHeader("Allow", allow);
      return response;
    };
    const Chain chain{&impl_->middleware, &not_allowed};
    return RunChain(chain, 0, request);
  }

  const Route& route = *node->Find(request.method());
  // The matched pattern has as many segments as the path, so its parameter positions index it.
  std::vector<std::pair<std::string, std::string>> parameters;
  parameters.reserve(route.parameters.size());
  for (const auto& [index, name] : route.parameters) {
    parameters.emplace_back(name, PercentDecode(segments.items[index], false));
  }
  request.SetRoute(route.pattern, std::move(parameters));
  const bool has_rules = route.options.role || route.options.json_body || route.options.no_store;
  if (!has_rules) {
    const Chain chain{&impl_->middleware, &route.handler};
    return RunChain(chain, 0, request);
  }
  // The rules run inside the middleware, which has found the actor and the locale by then.
  const Handler ruled = [&route, &refusal = impl_->refusal](Request& inner) {
    std::optional<ApiProblem> problem = BrokenRule(inner, route.options);
    Response response = problem ? refusal(inner, *problem) : route.handler(inner);
    if (route.options.no_store) {
      response.SetHeader("Cache-Control", "no-store");
      response.cacheable = false;
    }
    return response;
  };
  const Chain chain{&impl_->middleware, &ruled};
  return RunChain(chain, 0, request);
}

}  // namespace manmulsang::http
