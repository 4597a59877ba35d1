#include "reviews_http.hpp"

#include <boost/json/parse.hpp>
#include <charconv>

#include "embedded/reviews_i18n.hpp"
#include "embedded/reviews_templates.hpp"
#include "manmulsang/media/image_upload.hpp"
#include "manmulsang/media/upload_messages.hpp"
#include "moderation_http.hpp"

namespace manmulsang::reviews {

using Status = http::Status;

http::ApiProblem ProblemOf(ReviewError error) {
  const std::string code(ErrorCode(error));
  switch (error) {
    case ReviewError::invalid_rating:
      return {Status::bad_request, code, "rating"};
    case ReviewError::invalid_text:
      return {Status::bad_request, code, "body"};
    case ReviewError::too_many_photos:
      return {Status::bad_request, code, "photos"};
    case ReviewError::invalid_reason:
      return {Status::bad_request, code, "reason"};
    case ReviewError::invalid_query:
      return {Status::bad_request, code, ""};
    case ReviewError::own_review:
      return {Status::forbidden, code, ""};
    case ReviewError::already_marked:
      return {Status::conflict, code, ""};
    case ReviewError::no_open_reports:
      return {Status::conflict, code, ""};
    case ReviewError::not_a_buyer:
    case ReviewError::not_yet_delivered:
    case ReviewError::forbidden:
      return {Status::forbidden, code, ""};
    case ReviewError::already_reviewed:
    case ReviewError::already_reported:
      return {Status::conflict, code, ""};
    case ReviewError::shop_not_found:
      return {Status::not_found, code, "shop_id"};
    case ReviewError::product_not_found:
    case ReviewError::review_not_found:
    case ReviewError::question_not_found:
      return {Status::not_found, code, ""};
  }
  return {Status::bad_request, code, ""};
}

http::Response ReviewsHttp::Error(const http::Request& request, const http::ApiProblem& problem) const {
  return html::ApiError(renderer, request, problem, "reviews.error." + problem.code);
}

boost::json::array PhotosJson(const std::vector<ReviewPhoto>& photos) {
  boost::json::array items;
  for (const ReviewPhoto& photo : photos) {
    items.push_back(boost::json::object{{"url", photo.url}, {"thumbnail_url", photo.thumbnail_url}});
  }
  return items;
}

std::optional<http::Response> ReviewsHttp::RefuseAnonymous(const http::Request& request) const {
  if (request.context().actor.signed_in()) return std::nullopt;
  return Error(request, http::ApiProblem{Status::unauthorized, "unauthenticated", ""});
}

int ParseRating(std::string_view text) {
  int rating = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), rating);
  return error == std::errc() && end == text.data() + text.size() ? rating : 0;
}

void AddReviewRoutes(http::Router& router, html::Renderer& renderer, const ReviewServices& services) {
  renderer.AddMessages(media::UploadMessages());
  renderer.AddMessages(embedded::reviews_i18n());
  renderer.AddTemplates("reviews", embedded::reviews_templates());
  const ReviewsHttp http{renderer, services};
  AddReviewApi(router, http);
  AddQuestionApi(router, http);
  AddReviewPages(router, http);
  AddQuestionPages(router, http);
  AddModerationApi(router, http);
  AddModerationPages(router, http);
}

}  // namespace manmulsang::reviews
