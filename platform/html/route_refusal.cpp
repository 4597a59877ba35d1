#include "manmulsang/html/route_refusal.hpp"

#include <string>

#include "manmulsang/html/api_error.hpp"

namespace manmulsang::html {
namespace {

// The problem's code → its t.error.* key in web/i18n.
std::string_view MessageKey(const http::ApiProblem& problem) {
  if (problem.status == http::Status::unauthorized) return "error.unauthorized";
  if (problem.status == http::Status::forbidden) return "error.forbidden";
  if (problem.status == http::Status::unsupported_media_type) return "error.unsupported_media_type";
  if (problem.status == http::Status::service_unavailable) return "error.busy";
  return "error.generic";
}

}  // namespace

http::Refusal RouteRefusal(const Renderer& renderer) {
  return [&renderer](const http::Request& request, const http::ApiProblem& problem) {
    if (request.WantsJson()) return ApiError(renderer, request, problem, MessageKey(problem));
    if (problem.status == http::Status::unauthorized) return http::SignInRedirect(request.target());
    // Not cacheable, so the server sends it with no-store.
    return renderer.ErrorPage(request, problem.status,
                              renderer.Translate(request.context().locale, MessageKey(problem)));
  };
}

}  // namespace manmulsang::html
