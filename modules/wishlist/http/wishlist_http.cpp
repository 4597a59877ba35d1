#include "wishlist_http.hpp"

#include "embedded/wishlist_i18n.hpp"
#include "embedded/wishlist_templates.hpp"

namespace manmulsang::wishlist {

http::ApiProblem ProblemOf(WishlistError error) {
  const std::string code(ErrorCode(error));
  switch (error) {
    case WishlistError::not_signed_in:
      return {http::Status::unauthorized, code, ""};
    case WishlistError::product_not_found:
      return {http::Status::not_found, code, "product_id"};
    case WishlistError::shop_not_found:
      return {http::Status::not_found, code, "shop_id"};
    case WishlistError::wishlist_full:
    case WishlistError::too_many_follows:
      return {http::Status::conflict, code, ""};
  }
  return {http::Status::bad_request, code, ""};
}

std::string SameSitePath(std::string_view wanted, std::string_view fallback) {
  const bool local =
      !wanted.empty() && wanted[0] == '/' && (wanted.size() == 1 || (wanted[1] != '/' && wanted[1] != '\\'));
  // Control characters (a CR or LF) would split the Location header.
  const bool clean = std::ranges::none_of(wanted, [](char c) { return static_cast<unsigned char>(c) < 0x20; });
  return std::string(local && clean ? wanted : fallback);
}

void AddWishlistRoutes(http::Router& router, html::Renderer& renderer, const WishlistServices& services) {
  renderer.AddMessages(embedded::wishlist_i18n());
  renderer.AddTemplates("wishlist", embedded::wishlist_templates());
  const WishlistHttp http{renderer, services};
  AddWishlistApi(router, http);
  AddWishlistPages(router, http);
}

}  // namespace manmulsang::wishlist
