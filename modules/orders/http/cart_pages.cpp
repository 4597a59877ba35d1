// The cart page and its forms: they work without JavaScript, for members and for guests (whose
// cart is found by the mm_cart cookie and merged into the member's at sign-in).

#include "buying_pages.hpp"
#include "manmulsang/http/form.hpp"

namespace manmulsang::orders {
namespace {

constexpr http::RouteOptions kFormBody{.body_limit = 4 * 1024, .no_store = true};

class CartPages : BuyingPages {
 public:
  explicit CartPages(const BuyingHttp& http) : BuyingPages{http} {}

  http::Response Show(http::Request& request) const { return Render(request, {}, http::Status::ok); }

  // "Add to cart" and "buy now" from a product page; a guest gets a cart (and its cookie) here.
  http::Response Add(http::Request& request) const {
    const http::Form& form = request.form();
    auto product = http::ParsePositiveId(form.GetOr("product_id"));
    if (!product) return Render(request, "product_not_found", http::Status::not_found);
    auto quantity = ParseQuantity(form.GetOr("quantity", "1"));
    if (!quantity) return Render(request, "invalid_quantity", http::Status::bad_request);

    std::optional<cart::CartOwner> owner = CartOwnerOf(request);
    std::string new_token;
    if (!owner) {
      new_token = cart::NewGuestCartToken();
      owner = cart::CartOwner::Guest(new_token);
    }
    auto added = http.services.cart.AddItem(*owner, core::ProductId{*product}, *quantity);
    if (!added) return Render(request, ProblemOf(added.error()).code, ProblemOf(added.error()).status);
    const bool buy_now = form.Get("buy_now").has_value();
    http::Response response = http::Response::Redirect(buy_now ? "/checkout" : "/cart?added=1");
    if (!new_token.empty()) {
      http::CookieOptions options;
      options.max_age_seconds = std::chrono::seconds(cart::kGuestCartLifetime).count();
      options.secure = request.Header("X-Forwarded-Proto") == "https";
      response.SetCookie(kGuestCartCookie, new_token, options);
    }
    return response;
  }

  http::Response Change(http::Request& request) const {
    auto owner = CartOwnerOf(request);
    auto product = http::ParsePositiveId(request.PathParam("product_id"));
    if (!owner || !product) return Render(request, "item_not_found", http::Status::not_found);
    auto quantity = ParseQuantity(request.form().GetOr("quantity"));
    if (!quantity) return Render(request, "invalid_quantity", http::Status::bad_request);
    auto changed = http.services.cart.SetQuantity(*owner, core::ProductId{*product}, *quantity);
    if (!changed) return Render(request, ProblemOf(changed.error()).code, ProblemOf(changed.error()).status);
    return http::Response::Redirect("/cart");
  }

  http::Response Remove(http::Request& request) const {
    auto owner = CartOwnerOf(request);
    auto product = http::ParsePositiveId(request.PathParam("product_id"));
    if (!owner || !product) return Render(request, "item_not_found", http::Status::not_found);
    auto removed = http.services.cart.RemoveItem(*owner, core::ProductId{*product});
    if (!removed) return Render(request, ProblemOf(removed.error()).code, ProblemOf(removed.error()).status);
    return http::Response::Redirect("/cart");
  }

 private:
  // A typed quantity: digits only, 1..999 (the service says the same; this catches "abc" and "1e3").
  static std::optional<std::int64_t> ParseQuantity(std::string_view text) {
    if (text.empty() || text.size() > 3) return std::nullopt;
    std::int64_t value = 0;
    for (char character : text) {
      if (character < '0' || character > '9') return std::nullopt;
      value = value * 10 + (character - '0');
    }
    if (value < 1 || value > cart::kMaxQuantity) return std::nullopt;
    return value;
  }

  html::Data LineData(const http::Request& request, const cart::QuoteLine& line) const {
    html::Data data;
    data.set("product_id", std::to_string(line.product.value));
    data.set("quantity", std::to_string(line.quantity));
    if (line.available) {
      data.set("name", line.details.name);
      data.set("price", Money(request, line.details.price));
      if (line.unit_price_kpw && line.details.price.currency != core::Currency::kpw) {
        data.set("price_kpw", Money(request, *line.unit_price_kpw));
      }
      if (line.line_total_kpw) data.set("line_total", Money(request, *line.line_total_kpw));
      if (!line.unit_price_kpw) data.set("unpriced", html::Data(true));
      if (!line.enough_stock) data.set("short_stock", std::to_string(line.details.stock));
    }
    return data;
  }

  http::Response Render(const http::Request& request, std::string_view error, http::Status status) const {
    html::Data data;
    data.set("title", Text(request, "orders.cart_title"));
    if (!error.empty()) data.set("message", ErrorText(request, error));
    if (request.Query("added")) data.set("notice", Text(request, "orders.cart_added"));
    cart::Quote view;
    if (auto owner = CartOwnerOf(request)) view = http.services.cart.View(*owner);
    html::List shops;
    for (const cart::QuoteShop& group : view.shops) {
      html::Data shop;
      shop.set("seller_name", group.seller_name);
      shop.set("seller_id", std::to_string(group.seller.value));
      html::List lines;
      for (const cart::QuoteLine& line : group.lines) lines.push_back(LineData(request, line));
      shop.set("lines", lines);
      shop.set("subtotal", Money(request, group.subtotal_kpw));
      shop.set("delivery_fee", Money(request, group.delivery_fee_kpw));
      shop.set("shop_total", Money(request, group.total_kpw));
      if (group.delivery.pickup_offered) {
        shop.set("pickup_offered", html::Data(true));
        shop.set("pickup_fee", Money(request, 0));
      }
      shops.push_back(shop);
    }
    html::List unavailable;
    for (const cart::QuoteLine& line : view.unavailable) unavailable.push_back(LineData(request, line));
    data.set("shops", shops);
    data.set("unavailable", unavailable);
    data.set("has_unavailable", html::Data(!view.unavailable.empty()));
    data.set("empty", html::Data(view.shops.empty() && view.unavailable.empty()));
    data.set("total", Money(request, view.total_kpw));
    data.set("ready", html::Data(view.ready));
    data.set("max_quantity", std::to_string(cart::kMaxQuantity));
    return Page(request, "orders/cart", std::move(data), status);
  }
};

}  // namespace

std::optional<cart::CartOwner> CartOwnerOf(const http::Request& request) {
  const core::Actor& actor = request.context().actor;
  if (actor.signed_in()) return cart::CartOwner::Member(*actor.user);
  auto token = request.Cookie(kGuestCartCookie);
  if (!token || !cart::ValidGuestCartToken(*token)) return std::nullopt;
  return cart::CartOwner::Guest(std::string(*token));
}

std::string NewFormKey() { return cart::NewGuestCartToken(); }

void AddCartPages(http::Router& router, const BuyingHttp& http) {
  auto pages = std::make_shared<const CartPages>(http);
  router.Get(
      "/cart", [pages](http::Request& request) { return pages->Show(request); }, kNoStore);
  router.Post(
      "/cart/items", [pages](http::Request& request) { return pages->Add(request); }, kFormBody);
  router.Post(
      "/cart/items/:product_id", [pages](http::Request& request) { return pages->Change(request); }, kFormBody);
  router.Post(
      "/cart/items/:product_id/remove", [pages](http::Request& request) { return pages->Remove(request); }, kFormBody);
}

http::Middleware GuestCartMerge(cart::CartService& cart) {
  return [&cart](http::Request& request, const http::Handler& next) {
    const core::Actor& actor = request.context().actor;
    auto token = request.Cookie(kGuestCartCookie);
    if (!actor.signed_in() || !token) return next(request);
    cart.MergeGuestCart(*token, *actor.user);
    http::Response response = next(request);
    http::CookieOptions gone;
    gone.max_age_seconds = 0;
    response.SetCookie(kGuestCartCookie, "gone", gone);
    return response;
  };
}

}  // namespace manmulsang::orders
