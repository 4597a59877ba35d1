#include "manmulsang/wishlist/wishlist.hpp"

namespace manmulsang::wishlist {

std::string_view ErrorCode(WishlistError error) {
  switch (error) {
    case WishlistError::not_signed_in:
      return "unauthenticated";
    case WishlistError::product_not_found:
      return "product_not_found";
    case WishlistError::shop_not_found:
      return "shop_not_found";
    case WishlistError::wishlist_full:
      return "wishlist_full";
    case WishlistError::too_many_follows:
      return "too_many_follows";
  }
  return "invalid_input";
}

}  // namespace manmulsang::wishlist
