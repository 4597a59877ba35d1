#include "manmulsang/reviews/errors.hpp"

namespace manmulsang::reviews {

std::string_view ErrorCode(ReviewError error) {
  switch (error) {
    case ReviewError::product_not_found: return "product_not_found";
    case ReviewError::not_a_buyer: return "not_a_buyer";
    case ReviewError::not_yet_delivered: return "not_yet_delivered";
    case ReviewError::already_reviewed: return "already_reviewed";
    case ReviewError::already_reported: return "already_reported";
    case ReviewError::invalid_rating: return "invalid_rating";
    case ReviewError::invalid_text: return "invalid_text";
    case ReviewError::review_not_found: return "review_not_found";
    case ReviewError::question_not_found: return "question_not_found";
    case ReviewError::shop_not_found: return "shop_not_found";
    case ReviewError::forbidden: return "forbidden";
    case ReviewError::too_many_photos: return "too_many_photos";
  }
  return "invalid_input";
}

std::string_view ErrorMessage(ReviewError error) {
  switch (error) {
    case ReviewError::product_not_found: return "판매하지 않는 상품입니다.";
    case ReviewError::not_a_buyer: return "이 상품을 구매한 회원만 후기를 쓸 수 있습니다.";
    case ReviewError::not_yet_delivered: return "배송이 완료된 주문에만 후기를 쓸 수 있습니다.";
    case ReviewError::already_reviewed: return "이 주문의 상품에는 이미 후기를 썼습니다.";
    case ReviewError::already_reported: return "이미 신고한 후기입니다.";
    case ReviewError::invalid_rating: return "평점은 1부터 5까지의 정수입니다.";
    case ReviewError::invalid_text: return "글의 길이가 맞지 않거나 쓸 수 없는 문자가 있습니다.";
    case ReviewError::review_not_found: return "후기를 찾을 수 없습니다.";
    case ReviewError::question_not_found: return "문의를 찾을 수 없습니다.";
    case ReviewError::shop_not_found: return "상점을 찾을 수 없습니다.";
    case ReviewError::forbidden: return "관리자만 할 수 있습니다.";
    case ReviewError::too_many_photos: return "후기 한 건에 사진은 5장까지입니다.";
  }
  return "입력값이 올바르지 않습니다.";
}

}  // namespace manmulsang::reviews
