#include "manmulsang/html/route_refusal.hpp"

#include <string>

namespace manmulsang::html {
namespace {

// The problem's code → its t.error.* key in web/i18n.
std::string_view MessageKey(const http::ApiProblem& problem) {
  if (problem.status == http::Status::unauthorized) return "error.unauthorized";
  if (problem.status == http::Status::forbidden) return "error.forbidden";
  if (problem.status == http::Status::unsupported_media_type) return "error.unsupported_media_type";
  return "error.generic";
}

}  // namespace

http::Refusal RouteRefusal(const Renderer& renderer) {
  return [&renderer](const http::Request& request, const http::ApiProblem& problem) {
    const std::string_view message = renderer.Translate(request.context().locale, MessageKey(problem));
    if (request.WantsJson()) return http::ApiErrorResponse(problem, message);
    if (problem.status == http::Status::unauthorized) return http::SignInRedirect(request.target());
    http::Response page = renderer.ErrorPage(request, problem.status, message);
    page.SetHeader("Cache-Control", "no-store");
    return page;
  };
}

}  // namespace manmulsang::html
