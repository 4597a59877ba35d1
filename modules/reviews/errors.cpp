#include "manmulsang/reviews/errors.hpp"

namespace manmulsang::reviews {

std::string_view ErrorCode(ReviewError error) {
  switch (error) {
    case ReviewError::product_not_found:
      return "product_not_found";
    case ReviewError::not_a_buyer:
      return "not_a_buyer";
    case ReviewError::not_yet_delivered:
      return "not_yet_delivered";
    case ReviewError::already_reviewed:
      return "already_reviewed";
    case ReviewError::already_reported:
      return "already_reported";
    case ReviewError::invalid_rating:
      return "invalid_rating";
    case ReviewError::invalid_text:
      return "invalid_text";
    case ReviewError::review_not_found:
      return "review_not_found";
    case ReviewError::question_not_found:
      return "question_not_found";
    case ReviewError::shop_not_found:
      return "shop_not_found";
    case ReviewError::forbidden:
      return "forbidden";
    case ReviewError::too_many_photos:
      return "too_many_photos";
    case ReviewError::invalid_reason:
      return "invalid_reason";
    case ReviewError::no_open_reports:
      return "no_open_reports";
    case ReviewError::invalid_query:
      return "invalid_query";
    case ReviewError::own_review:
      return "own_review";
    case ReviewError::already_marked:
      return "already_marked";
  }
  return "invalid_input";
}

}  // namespace manmulsang::reviews
