#include "manmulsang/messages/errors.hpp"

namespace manmulsang::messages {

std::string_view ErrorCode(MessageError error) {
  switch (error) {
    case MessageError::conversation_not_found:
      return "conversation_not_found";
    case MessageError::order_not_found:
      return "order_not_found";
    case MessageError::product_not_found:
      return "product_not_found";
    case MessageError::own_shop:
      return "own_shop";
    case MessageError::invalid_target:
      return "invalid_target";
    case MessageError::invalid_body:
      return "invalid_body";
    case MessageError::too_many_photos:
      return "too_many_photos";
    case MessageError::invalid_reason:
      return "invalid_reason";
    case MessageError::already_reported:
      return "already_reported";
    case MessageError::no_open_report:
      return "no_open_report";
    case MessageError::forbidden:
      return "forbidden";
    case MessageError::shop_not_found:
      return "shop_not_found";
  }
  return "invalid_input";
}

}  // namespace manmulsang::messages
