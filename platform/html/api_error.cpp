#include "manmulsang/html/api_error.hpp"

namespace manmulsang::html {

http::Response ApiError(const Renderer& renderer, const http::Request& request, const http::ApiProblem& problem,
                        std::string_view message_key) {
  return http::ApiErrorResponse(problem, renderer.Translate(request.context().locale, message_key));
}

}  // namespace manmulsang::html
