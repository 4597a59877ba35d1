// The JSON twins of the wishlist and following pages: every answer is the caller's own.

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "manmulsang/http/request_parameters.hpp"
#include "wishlist_http.hpp"

namespace manmulsang::wishlist {
namespace {

// Who asks decides every answer: no cache may keep one.
constexpr http::RouteOptions kMemberOnly{.no_store = true};
// PUT and DELETE carry no body; one of another type than JSON is refused (415) like every JSON
// write's, so no form a browser can send cross-site reaches them.
constexpr http::RouteOptions kMemberWrite{.json_body = true, .no_store = true};

boost::json::value MoneyJson(const std::optional<core::Money>& money) {
  if (!money) return nullptr;
  return boost::json::object{{"amount", money->amount}, {"currency", core::CurrencyCode(money->currency)}};
}

boost::json::object ItemJson(const WishlistItem& item) {
  boost::json::object json{{"product_id", item.product.value},
                           {"name", item.name},
                           {"shop", nullptr},
                           {"image_url", item.image_url},
                           {"saved_price", MoneyJson(item.saved_price)},
                           {"price", MoneyJson(item.price)},
                           {"price_drop", MoneyJson(item.price_drop)},
                           {"sold_out", item.sold_out},
                           {"available", item.available},
                           {"saved_at", core::FormatIso8601(item.saved_at)}};
  if (item.available) json["shop"] = boost::json::object{{"id", item.shop.value}, {"name", item.shop_name}};
  return json;
}

boost::json::object ListingJson(const catalog::Product& product) {
  return boost::json::object{{"id", product.id.value},
                             {"name", product.name},
                             {"shop", boost::json::object{{"id", product.seller.value}, {"name", product.seller_name}}},
                             {"price", MoneyJson(product.price)},
                             {"sold_out", product.stock <= 0},
                             {"image_url", product.list_images.empty() ? std::string() : product.list_images.front()},
                             {"created_at", core::FormatIso8601(product.created_at)}};
}

http::Response Page(boost::json::array items, std::int64_t total, int page, int per_page) {
  return http::Response::Json(
      boost::json::object{{"items", std::move(items)}, {"total", total}, {"page", page}, {"per_page", per_page}});
}

http::Response NoContent() { return http::Response(http::Status::no_content, "", ""); }

class WishlistApi {
 public:
  explicit WishlistApi(const WishlistHttp& http) : http_(http) {}

  http::Response List(http::Request& request) const {
    auto page = http::ParseListPage(request);
    if (!page) return http_.Error(request, http::ApiProblem{http::Status::bad_request, "invalid_page", "page"});
    auto list = http_.services.wishlist.List(request.context().actor, page->page, page->per_page);
    if (!list) return http_.Error(request, list.error());
    boost::json::array items;
    for (const WishlistItem& item : list->items) items.push_back(ItemJson(item));
    return Page(std::move(items), list->total, list->page, list->per_page);
  }

  http::Response Save(http::Request& request) const {
    auto id = http::ParsePositiveId(request.PathParam("product_id"));
    if (!id) return http_.Error(request, WishlistError::product_not_found);
    auto saved = http_.services.wishlist.Save(request.context().actor, core::ProductId{*id});
    if (!saved) return http_.Error(request, saved.error());
    return NoContent();
  }

  http::Response Remove(http::Request& request) const {
    auto id = http::ParsePositiveId(request.PathParam("product_id"));
    if (!id) return http_.Error(request, WishlistError::product_not_found);
    auto removed = http_.services.wishlist.Remove(request.context().actor, core::ProductId{*id});
    if (!removed) return http_.Error(request, removed.error());
    return NoContent();
  }

  http::Response Following(http::Request& request) const {
    auto page = http::ParseListPage(request);
    if (!page) return http_.Error(request, http::ApiProblem{http::Status::bad_request, "invalid_page", "page"});
    auto shops = http_.services.wishlist.FollowedShops(request.context().actor, page->page, page->per_page);
    if (!shops) return http_.Error(request, shops.error());
    boost::json::array items;
    for (const FollowedShop& followed : shops->items) {
      items.push_back(boost::json::object{{"shop_id", followed.shop.id.value},
                                          {"name", followed.shop.name},
                                          {"city", followed.shop.city},
                                          {"followed_at", core::FormatIso8601(followed.followed_at)}});
    }
    return Page(std::move(items), shops->total, shops->page, shops->per_page);
  }

  http::Response Follow(http::Request& request) const {
    auto id = http::ParsePositiveId(request.PathParam("shop_id"));
    if (!id) return http_.Error(request, WishlistError::shop_not_found);
    auto followed = http_.services.wishlist.Follow(request.context().actor, core::SellerId{*id});
    if (!followed) return http_.Error(request, followed.error());
    return NoContent();
  }

  http::Response Unfollow(http::Request& request) const {
    auto id = http::ParsePositiveId(request.PathParam("shop_id"));
    if (!id) return http_.Error(request, WishlistError::shop_not_found);
    auto unfollowed = http_.services.wishlist.Unfollow(request.context().actor, core::SellerId{*id});
    if (!unfollowed) return http_.Error(request, unfollowed.error());
    return NoContent();
  }

  http::Response NewListings(http::Request& request) const {
    auto page = http::ParseListPage(request, 24);
    if (!page) return http_.Error(request, http::ApiProblem{http::Status::bad_request, "invalid_page", "page"});
    auto listings = http_.services.wishlist.NewListings(request.context().actor, page->page, page->per_page);
    if (!listings) return http_.Error(request, listings.error());
    boost::json::array items;
    for (const catalog::Product& product : listings->items) items.push_back(ListingJson(product));
    return Page(std::move(items), listings->total, listings->page, listings->per_page);
  }

 private:
  const WishlistHttp http_;
};

}  // namespace

void AddWishlistApi(http::Router& router, const WishlistHttp& http) {
  auto api = std::make_shared<WishlistApi>(http);
  const auto route = [api](http::Response (WishlistApi::*handler)(http::Request&) const) {
    return [api, handler](http::Request& request) { return ((*api).*handler)(request); };
  };
  router.Get("/api/v1/wishlist", route(&WishlistApi::List), kMemberOnly);
  router.Add(http::Method::put, "/api/v1/wishlist/:product_id", route(&WishlistApi::Save), kMemberWrite);
  router.Add(http::Method::delete_, "/api/v1/wishlist/:product_id", route(&WishlistApi::Remove), kMemberWrite);
  router.Get("/api/v1/following", route(&WishlistApi::Following), kMemberOnly);
  router.Get("/api/v1/following/listings", route(&WishlistApi::NewListings), kMemberOnly);
  router.Add(http::Method::put, "/api/v1/following/:shop_id", route(&WishlistApi::Follow), kMemberWrite);
  router.Add(http::Method::delete_, "/api/v1/following/:shop_id", route(&WishlistApi::Unfollow), kMemberWrite);
}

}  // namespace manmulsang::wishlist
