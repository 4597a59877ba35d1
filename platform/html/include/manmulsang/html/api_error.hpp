#pragma once

#include <string_view>

#include "manmulsang/html/renderer.hpp"
#include "manmulsang/http/api_problem.hpp"
#include "manmulsang/http/request.hpp"
#include "manmulsang/http/response.hpp"

namespace manmulsang::html {

// The JSON error of an API request (http::ApiErrorResponse), its message the catalog's text at
// message_key in the request's language. Each module words its codes under its own keys
// ("orders.error.<code>"; an image upload's under media::UploadMessageKey), so it names the key.
http::Response ApiError(const Renderer& renderer, const http::Request& request, const http::ApiProblem& problem,
                        std::string_view message_key);

}  // namespace manmulsang::html
