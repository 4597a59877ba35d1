#pragma once

#include "manmulsang/http/request_parameters.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "manmulsang/html/api_error.hpp"
#include "manmulsang/html/renderer.hpp"
#include "manmulsang/http/api_problem.hpp"
#include "manmulsang/http/request.hpp"
#include "manmulsang/http/response.hpp"
#include "manmulsang/reviews/http/reviews_routes.hpp"

namespace manmulsang::reviews {

// A refusal on its way out: status, snake_case code (t.reviews.error.<code>) and the field.

http::ApiProblem ProblemOf(ReviewError error);

// The shared state of the handlers.
struct ReviewsHttp {
  const html::Renderer& renderer;
  ReviewServices services;

  http::Response Error(const http::Request& request, const http::ApiProblem& problem) const;
  http::Response Error(const http::Request& request, ReviewError error) const {
    return Error(request, ProblemOf(error));
  }
  // 401 when nobody is signed in.
  std::optional<http::Response> RefuseAnonymous(const http::Request& request) const;
  std::string Text(const http::Request& request, std::string_view key) const {
    return std::string(renderer.Translate(request.context().locale, key));
  }
  void ForgetProductPage(core::ProductId product) const {
    services.page_cache.Invalidate("/p/" + std::to_string(product.value));
  }
};

// The body of a form that carries review photos: up to five pictures of 10 MiB, as a phone takes
// them, and the text fields. The handler runs off the I/O threads (it decodes).
inline constexpr http::RouteOptions kPhotoFormRoute{.body_limit = 26 * 1024 * 1024, .offload = true, .no_store = true};

boost::json::array PhotosJson(const std::vector<ReviewPhoto>& photos);

// A rating typed into a form or a query: the whole number typed, 0 for anything else; the range
// is the service's rule (kMinRating..kMaxRating).
int ParseRating(std::string_view text);

void AddReviewApi(http::Router& router, const ReviewsHttp& http);
void AddQuestionApi(http::Router& router, const ReviewsHttp& http);
void AddReviewPages(http::Router& router, const ReviewsHttp& http);
void AddQuestionPages(http::Router& router, const ReviewsHttp& http);

}  // namespace manmulsang::reviews
