#pragma once

#include <string_view>

namespace manmulsang::reviews {

enum class ReviewError {
  product_not_found,   // 404: unknown or no longer sold
  not_a_buyer,         // 403: the member never ordered this product (or not in that order)
  not_yet_delivered,   // 403: ordered, but no such order is delivered or confirmed yet
  already_reviewed,    // 409: every line the member may review has its review
  already_reported,    // 409: this member reported this review before
  invalid_rating,      // 400 (field "rating"): not a whole number from 1 to 5
  invalid_text,        // 400 (field "body"): blank where required, too long, control characters or bad UTF-8
  review_not_found,    // 404: unknown, hidden (for all but admins), or another shop's (reply)
  question_not_found,  // 404: unknown, private to others, or another shop's (answer)
  shop_not_found,      // 404: the seller's questions of a shop that is not the actor's
  forbidden,           // 403: an admin's move by someone else
  too_many_photos,     // 400 (field "photos"): a review has at most kMaxReviewPhotos photos
  invalid_reason,      // 400 (field "reason"): an admin's hide needs a reason, at most kMaxModerationReason
  no_open_reports,     // 409: nothing to dismiss
  invalid_query,       // 400: page or per_page out of range
  own_review,          // 403: a member cannot mark their own review helpful
  already_marked,      // 409: this member marked this review helpful before
};

// "not_a_buyer"; the words people read are the i18n catalogs' reviews.error.<code>.
std::string_view ErrorCode(ReviewError error);

}  // namespace manmulsang::reviews
