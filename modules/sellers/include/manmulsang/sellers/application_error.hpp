#pragma once

#include <string_view>

namespace manmulsang::sellers {

// Why a seller application, its decision, or the check before listing was refused.
enum class ApplicationError {
  unauthenticated,        // 401: nobody is signed in
  invalid_shop_name,      // 400: blank, too long, bad UTF-8 or control characters
  invalid_description,    // 400
  invalid_phone,          // 400: not a phone number's shape
  invalid_city,           // 400
  invalid_reason,         // 400: a rejection needs a reason
  invalid_page,           // 400: page < 1, per_page outside 1..100
  application_open,       // 409: the member's application is still waiting
  already_seller,         // 409: the member already has an approved shop
  already_decided,        // 409: the application was approved or rejected before
  application_not_found,  // 404
  forbidden,              // 403: only admins decide
  not_a_seller,           // 403: never applied (the check before listing)
  application_pending,    // 403: waiting for an admin
  application_rejected,   // 403: turned down; the member may apply again
  shop_suspended,         // 403: the member's shop is suspended by an admin (the check before listing)
};

std::string_view ErrorCode(ApplicationError error);   // snake_case, as above
std::string_view ErrorField(ApplicationError error);  // the input it is about ("shop_name"), or ""

}  // namespace manmulsang::sellers
