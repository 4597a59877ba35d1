// The shop's logo: POST /api/v1/seller/shop/logo and the no-JS form POST /seller/shop/logo. The
// owner is checked before the picture is decoded or stored (anyone else learns nothing and leaves
// no file behind), the file is stored before the row names it, and SetLogo checks the owner again
// in its transaction.

#include <optional>

#include "sellers_http.hpp"

namespace manmulsang::sellers {
namespace {

http::ApiProblem ShopNotFound() {
  return http::ApiProblem{http::Status::not_found, std::string(ErrorCode(SellerError::shop_not_found)), ""};
}

// The shop named by ?shop_id= (or the actor's oldest) when the actor owns it.
std::optional<Shop> OwnedShop(const SellersHttp& http, const http::Request& request) {
  std::optional<core::SellerId> asked;
  if (auto text = request.Query("shop_id")) {
    auto id = http::ParsePositiveId(*text);
    if (!id) return std::nullopt;
    asked = core::SellerId{*id};
  }
  auto shop = http.services.sellers.OwnShop(request.context().actor, asked);
  if (!shop) return std::nullopt;
  return std::move(*shop);
}

http::Response ReplaceLogoApi(const SellersHttp& http, http::Request& request) {
  if (!request.context().actor.signed_in()) return http.Error(request, ApplicationError::unauthenticated);
  auto shop = OwnedShop(http, request);
  if (!shop) return http.Error(request, ShopNotFound());
  auto stored = media::StoreUploadedImages(request, "image", 1, http.services.media);
  if (!stored)
    return html::ApiError(http.renderer, request, stored.error(), media::UploadMessageKey(stored.error().code));
  auto changed = http.services.sellers.SetLogo(request.context().actor, shop->id, stored->front().list_url);
  if (!changed) return http.Error(request, ShopNotFound());
  http.ForgetShopPage(changed->id);
  return http::Response::Json(boost::json::object{{"seller", ApplicationJson(*changed)}});
}

http::Response ReplaceLogoPage(const SellersHttp& http, http::Request& request) {
  if (!request.context().actor.signed_in()) {
    return http::SignInRedirect("/seller/application");
  }
  auto shop = OwnedShop(http, request);
  if (!shop) return http.renderer.NotFound(request);
  auto stored = media::StoreUploadedImages(request, "logo", 1, http.services.media);
  if (!stored) {
    return http.renderer.ErrorPage(request, stored.error().status,
                                   http.Text(request, media::UploadMessageKey(stored.error().code)));
  }
  auto changed = http.services.sellers.SetLogo(request.context().actor, shop->id, stored->front().list_url);
  if (!changed) return http.renderer.NotFound(request);
  http.ForgetShopPage(changed->id);
  return http::Response::Redirect("/seller/application?logo=1");
}

}  // namespace

void AddShopLogoRoutes(http::Router& router, const SellersHttp& http) {
  router.Post(
      "/api/v1/seller/shop/logo", [http](http::Request& request) { return ReplaceLogoApi(http, request); }, kLogoRoute);
  router.Post(
      "/seller/shop/logo", [http](http::Request& request) { return ReplaceLogoPage(http, request); }, kLogoRoute);
}

}  // namespace manmulsang::sellers
