// /wishlist (찜한 상품 and 최근 본 상품) and /following (followed shops and their new listings), and
// the forms behind the hearts and the shop page's follow button. No JavaScript: each button is a
// POST form that comes back to the page it was pressed on.

#include "manmulsang/core/grouped_number.hpp"
#include "manmulsang/html/page_numbers.hpp"
#include "manmulsang/html/product_card.hpp"
#include "manmulsang/http/form.hpp"
#include "manmulsang/http/request_parameters.hpp"
#include "wishlist_http.hpp"

namespace manmulsang::wishlist {
namespace {

constexpr http::RouteOptions kFormBody{.body_limit = 16 * 1024, .no_store = true};
// A member's own list: no cache may keep it.
constexpr http::RouteOptions kPerMember{.no_store = true};
constexpr int kRecentlyViewedOnPage = 12;

html::List Cards(const std::vector<catalog::Product>& products, core::Locale locale,
                 const std::vector<core::ProductId>& saved) {
  html::List cards;
  for (const catalog::Product& product : products) {
    html::ProductCard card;
    card.id = product.id;
    card.name = product.name;
    card.price = product.price;
    card.shop_name = product.seller_name;
    if (!product.list_images.empty()) {
      card.image_url = product.list_images.front();
    } else if (!product.images.empty()) {
      card.image_url = product.images.front();
    }
    card.rating_average = product.rating_average;
    card.rating_count = product.rating_count;
    card.sold_out = product.stock <= 0;
    card.saved = std::ranges::find(saved, product.id) != saved.end();
    cards.push_back(html::CardData(card, locale));
  }
  return cards;
}

std::vector<core::ProductId> IdsOf(const std::vector<catalog::Product>& products) {
  std::vector<core::ProductId> ids;
  for (const catalog::Product& product : products) ids.push_back(product.id);
  return ids;
}

class WishlistPages {
 public:
  explicit WishlistPages(const WishlistHttp& http) : http_(http) {}

  http::Response Wishlist(http::Request& request) const {
    const core::Actor& actor = request.context().actor;
    if (!actor.signed_in()) return http::SignInRedirect(request.target());
    const core::Locale locale = request.context().locale;
    const std::string code(core::LocaleCode(locale));
    const http::ListPage page = http::ParseListPage(request).value_or(http::ListPage{});
    auto list = http_.services.wishlist.List(actor, page.page, page.per_page);
    if (!list) return http_.renderer.NotFound(request);
    html::Data data;
    data.set("title", http_.Text(request, "wishlist.title"));
    data.set("total", core::FormatCount(list->total));
    html::List items;
    for (const WishlistItem& item : list->items) {
      html::Data row;
      row.set("id", std::to_string(item.product.value));
      row.set("name", item.name);
      row.set("available", item.available);
      row.set("shop_name", item.shop_name);
      row.set("shop_url", "/s/" + std::to_string(item.shop.value));
      row.set("image_url", item.image_url.empty() ? html::Data(false) : html::Data(item.image_url));
      row.set("price_text", item.price ? html::Data(core::FormatMoney(*item.price, code)) : html::Data(false));
      row.set("saved_price_text", core::FormatMoney(item.saved_price, code));
      row.set("drop_text", item.price_drop ? html::Data(core::FormatMoney(*item.price_drop, code)) : html::Data(false));
      row.set("sold_out", item.sold_out);
      items.push_back(std::move(row));
    }
    data.set("has_items", !list->items.empty());
    data.set("items", std::move(items));
    html::SetPageNumbers(data, list->page, list->per_page, list->total);
    // Recently viewed products are the member's own too; the strip's hearts show what is saved.
    std::vector<catalog::Product> viewed = http_.services.wishlist.RecentlyViewed(actor, kRecentlyViewedOnPage);
    data.set("has_viewed", !viewed.empty());
    data.set("viewed", Cards(viewed, locale, http_.services.wishlist.SavedAmong(actor, IdsOf(viewed))));
    data.set("return_to", std::string(request.target()));
    if (request.Query("removed")) data.set("notice", http_.Text(request, "wishlist.removed"));
    return http_.renderer.Page(request, "wishlist/wishlist", std::move(data));
  }

  http::Response Following(http::Request& request) const {
    const core::Actor& actor = request.context().actor;
    if (!actor.signed_in()) return http::SignInRedirect(request.target());
    const core::Locale locale = request.context().locale;
    const http::ListPage page = http::ParseListPage(request, 24).value_or(http::ListPage{1, 24});
    auto shops = http_.services.wishlist.FollowedShops(actor, 1, kMaxPerPage);
    auto listings = http_.services.wishlist.NewListings(actor, page.page, page.per_page);
    if (!shops || !listings) return http_.renderer.NotFound(request);
    html::Data data;
    data.set("title", http_.Text(request, "wishlist.following_title"));
    html::List shop_rows;
    for (const FollowedShop& followed : shops->items) {
      html::Data row;
      row.set("id", std::to_string(followed.shop.id.value));
      row.set("name", followed.shop.name);
      row.set("city", followed.shop.city);
      shop_rows.push_back(std::move(row));
    }
    data.set("shop_count", core::FormatCount(shops->total));
    data.set("has_shops", !shops->items.empty());
    data.set("shops", std::move(shop_rows));
    data.set("has_listings", !listings->items.empty());
    data.set("listing_count", core::FormatCount(listings->total));
    data.set("listings",
             Cards(listings->items, locale, http_.services.wishlist.SavedAmong(actor, IdsOf(listings->items))));
    html::SetPageNumbers(data, listings->page, listings->per_page, listings->total);
    data.set("return_to", std::string(request.target()));
    return http_.renderer.Page(request, "wishlist/following", std::move(data));
  }

  http::Response Save(http::Request& request) const { return Heart(request, true); }
  http::Response Remove(http::Request& request) const { return Heart(request, false); }
  http::Response Follow(http::Request& request) const { return FollowButton(request, true); }
  http::Response Unfollow(http::Request& request) const { return FollowButton(request, false); }

 private:
  http::Response Heart(http::Request& request, bool save) const {
    auto id = http::ParsePositiveId(request.PathParam("product_id"));
    if (!id) return http_.renderer.NotFound(request);
    const std::string back = SameSitePath(request.form().GetOr("return"), "/p/" + std::to_string(*id));
    // A visitor signs in and comes back to the page; the heart is pressed again there.
    if (!request.context().actor.signed_in()) return http::SignInRedirect(back);
    const core::ProductId product{*id};
    auto done = save ? http_.services.wishlist.Save(request.context().actor, product)
                     : http_.services.wishlist.Remove(request.context().actor, product);
    if (!done) return Refused(request, done.error());
    return http::Response::Redirect(back);
  }

  http::Response FollowButton(http::Request& request, bool follow) const {
    auto id = http::ParsePositiveId(request.PathParam("shop_id"));
    if (!id) return http_.renderer.NotFound(request);
    const std::string back = SameSitePath(request.form().GetOr("return"), "/s/" + std::to_string(*id));
    if (!request.context().actor.signed_in()) return http::SignInRedirect(back);
    const core::SellerId shop{*id};
    auto done = follow ? http_.services.wishlist.Follow(request.context().actor, shop)
                       : http_.services.wishlist.Unfollow(request.context().actor, shop);
    if (!done) return Refused(request, done.error());
    return http::Response::Redirect(back);
  }

  http::Response Refused(const http::Request& request, WishlistError error) const {
    const http::ApiProblem problem = ProblemOf(error);
    if (problem.status == http::Status::not_found) return http_.renderer.NotFound(request);
    return http_.renderer.ErrorPage(request, problem.status, http_.Text(request, "wishlist.error." + problem.code));
  }

  const WishlistHttp http_;
};

}  // namespace

void AddWishlistPages(http::Router& router, const WishlistHttp& http) {
  auto pages = std::make_shared<const WishlistPages>(http);
  router.Get(
      "/wishlist", [pages](http::Request& request) { return pages->Wishlist(request); }, kPerMember);
  router.Post(
      "/wishlist/:product_id", [pages](http::Request& request) { return pages->Save(request); }, kFormBody);
  router.Post(
      "/wishlist/:product_id/remove", [pages](http::Request& request) { return pages->Remove(request); }, kFormBody);
  router.Get(
      "/following", [pages](http::Request& request) { return pages->Following(request); }, kPerMember);
  router.Post(
      "/following/:shop_id", [pages](http::Request& request) { return pages->Follow(request); }, kFormBody);
  router.Post(
      "/following/:shop_id/remove", [pages](http::Request& request) { return pages->Unfollow(request); }, kFormBody);
}

}  // namespace manmulsang::wishlist
