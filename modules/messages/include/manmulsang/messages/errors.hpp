#pragma once

#include <string_view>

namespace manmulsang::messages {

enum class MessageError {
  conversation_not_found,  // 404: unknown, or not the actor's (another member's looks as if it did not exist)
  order_not_found,         // 404: unknown, or not the actor's order
  product_not_found,       // 404: unknown or no longer sold
  own_shop,                // 409: a shop's owner writing to their own shop
  invalid_target,          // 400: a start names neither or both of an order and a product
  invalid_body,            // 400 (field "body"): blank, over kMaxMessageBody, control characters, bad UTF-8
  too_many_photos,         // 400 (field "photos"): a message carries at most kMaxMessagePhotos photos
  invalid_reason,          // 400 (field "reason"): a report needs a reason, at most kMaxReportReason
  already_reported,        // 409: this party reported this conversation before
  no_open_report,          // the conversation has no open report (it stays private): the admin's view says only
                           // that; dismissing answers 404
  forbidden,               // 403: an admin's page by someone else
  shop_not_found,          // 404: the inbox of a shop that is not the actor's
};

// "conversation_not_found"; the words people read are the i18n catalogs' messages.error.<code>.
std::string_view ErrorCode(MessageError error);

}  // namespace manmulsang::messages
