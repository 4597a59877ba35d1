// /checkout: the cart as it will be charged, a delivery method per shop (radios
// "delivery_<shop id>" = courier | pickup), an address (saved or typed), a payment method, and
// one button. The form carries its own Idempotency-Key, so a double click places one order.
// Coupons (docs/BUYING.md §10): a claim per shop ("coupon_shop_<shop id>") and a marketplace claim
// ("coupon_site"); the button "쿠폰 적용" re-prices the page on the server without placing anything.

#include <algorithm>
#include "buying_pages.hpp"

#include "manmulsang/http/form.hpp"

namespace manmulsang::orders {
namespace {

constexpr http::RouteOptions kFormBody{.body_limit = 8 * 1024, .no_store = true};

class CheckoutPage : BuyingPages {
 public:
  explicit CheckoutPage(const BuyingHttp& http) : BuyingPages{http} {}

  http::Response Show(http::Request& request) const {
    if (!request.context().actor.signed_in()) return http::SignInRedirect("/checkout");
    return Render(request, {}, {}, http::Status::ok);
  }

  http::Response Submit(http::Request& request) const {
    if (!request.context().actor.signed_in()) return http::SignInRedirect("/checkout");
    const http::Form& form = request.form();
    Typed typed{std::string(form.GetOr("payment_method")),
                std::string(form.GetOr("address_id")),
                std::string(form.GetOr("address")),
                std::string(form.GetOr("idempotency_key")),
                {},
                {}};
    const bool delivery_valid = ParseDelivery(form, typed.delivery) && ParseClaims(form, typed.claims);
    if (form.GetOr("preview") == "1") return Render(request, typed, {}, http::Status::ok);
    auto method = ParsePaymentMethod(typed.method);
    if (!method) return Render(request, typed, "invalid_payment_method", http::Status::bad_request);
    if (!delivery_valid) return Render(request, typed, "invalid_delivery", http::Status::bad_request);
    CheckoutCommand command{*request.context().actor.user, *method, "", typed.key};
    command.delivery = typed.delivery;
    command.claims = typed.claims;
    if (typed.address_id.empty() || typed.address_id == "new") {
      command.address = typed.address;
    } else if (auto id = http::ParsePositiveId(typed.address_id)) {
      command.address_id = AddressId{*id};
    } else {
      return Render(request, typed, "invalid_address", http::Status::bad_request);
    }
    auto receipt = http.services.orders.Checkout(command);
    if (!receipt) {
      const http::ApiProblem problem = ProblemOf(receipt.error().error);
      return Render(request, typed, problem.code, problem.status);
    }
    if (receipt->orders.size() == 1) {
      return http::Response::Redirect("/orders/" + std::to_string(receipt->orders.front().id.value) + "?placed=1");
    }
    return http::Response::Redirect("/orders?placed=" + std::to_string(receipt->orders.size()));
  }

 private:
  // What the buyer sent, to show again when the form comes back with a message.
  struct Typed {
    std::string method;
    std::string address_id;
    std::string address;
    std::string key;
    sellers::DeliveryChoices delivery;
    std::vector<coupons::ClaimId> claims;
  };

  // "coupon_site" and every "coupon_shop_<shop id>": a claim id, or empty for none.
  static bool ParseClaims(const http::Form& form, std::vector<coupons::ClaimId>& claims) {
    bool valid = true;
    for (const auto& [name, value] : form.fields()) {
      if (name != "coupon_site" && !std::string_view(name).starts_with("coupon_shop_")) continue;
      if (value.empty()) continue;
      auto id = http::ParsePositiveId(value);
      if (!id) {
        valid = false;
        continue;
      }
      claims.push_back(coupons::ClaimId{*id});
    }
    return valid;
  }

  static html::List ClaimOptions(const std::vector<coupons::Claim>& usable, std::optional<core::SellerId> issuer,
                                 const std::vector<coupons::ClaimId>& chosen) {
    html::List options;
    for (const coupons::Claim& claim : usable) {
      if (claim.coupon.issuer != issuer) continue;
      html::Data option;
      option.set("id", std::to_string(claim.id.value));
      option.set("name", claim.coupon.name);
      if (std::find(chosen.begin(), chosen.end(), claim.id) != chosen.end()) {
        option.set("selected", html::Data(true));
      }
      options.push_back(option);
    }
    return options;
  }

  // Every "delivery_<shop id>" field, into choices; false for a malformed name or value.
  static bool ParseDelivery(const http::Form& form, sellers::DeliveryChoices& choices) {
    constexpr std::string_view kPrefix = "delivery_";
    bool valid = true;
    for (const auto& [name, value] : form.fields()) {
      if (!std::string_view(name).starts_with(kPrefix)) continue;
      auto shop = http::ParsePositiveId(std::string_view(name).substr(kPrefix.size()));
      auto method = sellers::ParseDeliveryMethod(value);
      if (!shop || !method) {
        valid = false;
        continue;
      }
      choices[core::SellerId{*shop}] = *method;
    }
    return valid;
  }

  http::Response Render(const http::Request& request, const Typed& typed, std::string_view error,
                        http::Status status) const {
    const core::UserId buyer = *request.context().actor.user;
    html::Data data;
    data.set("title", Text(request, "orders.checkout_title"));
    if (!error.empty()) data.set("message", ErrorText(request, error));
    // The fees shown are those of the methods chosen so far (courier first); without JavaScript
    // a changed radio shows its fee beside it, and the order page shows what was charged.
    // The form stands on the cart without coupons; the prices shown are with the coupons chosen,
    // unless one of them cannot apply (said in the message, and the prices shown without it).
    const cart::Quote plain = http.services.cart.View(cart::CartOwner::Member(buyer), typed.delivery);
    cart::Quote view = plain;
    if (!typed.claims.empty()) {
      cart::Quote with_coupons = http.services.cart.View(cart::CartOwner::Member(buyer), typed.delivery, typed.claims);
      if (with_coupons.problem && !plain.problem) {
        if (error.empty()) data.set("message", ErrorText(request, cart::ErrorCode(with_coupons.problem->error)));
      } else {
        view = std::move(with_coupons);
      }
    }
    // What checkout would refuse (a pickup not offered, a total past the cap), said before it is tried.
    if (error.empty() && view.problem) data.set("message", ErrorText(request, cart::ErrorCode(view.problem->error)));
    std::vector<coupons::Claim> usable;
    if (http.services.coupons) usable = http.services.coupons->UsableClaims(buyer);
    html::List shops;
    for (const cart::QuoteShop& group : view.shops) {
      html::Data shop;
      shop.set("seller_name", group.seller_name);
      shop.set("seller_id", std::to_string(group.seller.value));
      const bool pickup = group.delivery_method == sellers::DeliveryMethod::pickup;
      shop.set("courier_checked", html::Data(!pickup));
      shop.set("pickup_checked", html::Data(pickup));
      shop.set(
          "courier_fee",
          Money(
              request,
              sellers::DeliveryFee(group.delivery, sellers::DeliveryMethod::courier, group.subtotal_kpw).value_or(0)));
      if (group.delivery.free_courier_from_kpw) {
        shop.set("free_courier_from", Money(request, *group.delivery.free_courier_from_kpw));
      }
      shop.set("pickup_offered", html::Data(group.delivery.pickup_offered));
      shop.set("pickup_fee", Money(request, 0));
      shop.set("pickup_place", group.delivery.pickup_place);
      shop.set("delivery_fee", Money(request, group.delivery_fee_kpw));
      shop.set("shop_total", Money(request, group.total_kpw));
      shop.set("shop_coupons", ClaimOptions(usable, group.seller, typed.claims));
      shop.set("has_shop_coupons",
               html::Data(std::any_of(usable.begin(), usable.end(), [&](const coupons::Claim& claim) {
                 return claim.coupon.issuer == group.seller;
               })));
      if (group.shop_discount_kpw > 0) shop.set("shop_discount", Money(request, group.shop_discount_kpw));
      if (group.site_discount_kpw > 0) shop.set("site_discount", Money(request, group.site_discount_kpw));
      html::List lines;
      for (const cart::QuoteLine& line : group.lines) {
        html::Data row;
        row.set("name", line.details.name);
        row.set("quantity", std::to_string(line.quantity));
        if (line.line_total_kpw) row.set("line_total", Money(request, *line.line_total_kpw));
        lines.push_back(row);
      }
      shop.set("lines", lines);
      shop.set("subtotal", Money(request, group.subtotal_kpw));
      shops.push_back(shop);
    }
    data.set("shops", shops);
    data.set("total", Money(request, view.total_kpw));
    data.set("site_coupons", ClaimOptions(usable, std::nullopt, typed.claims));
    data.set("has_coupons", html::Data(!usable.empty()));
    if (view.shop_discount_kpw + view.site_discount_kpw > 0) {
      data.set("discount_total", Money(request, view.shop_discount_kpw + view.site_discount_kpw));
    }
    data.set("ready", html::Data(plain.ready));
    data.set("empty", html::Data(view.shops.empty() && view.unavailable.empty()));

    html::List addresses;
    bool any_checked = false;
    for (const Address& address : http.services.addresses.List(buyer)) {
      html::Data row;
      row.set("id", std::to_string(address.id.value));
      row.set("text", FormatAddress(address));
      const bool checked =
          typed.address_id.empty() ? address.is_default : typed.address_id == std::to_string(address.id.value);
      if (checked) row.set("checked", html::Data(true));
      any_checked = any_checked || checked;
      addresses.push_back(row);
    }
    data.set("addresses", addresses);
    data.set("new_checked", html::Data(!any_checked));
    data.set("address", typed.address);

    const std::string method = typed.method.empty() ? "wallet" : typed.method;
    data.set("wallet_checked", html::Data(method == "wallet"));
    data.set("cod_checked", html::Data(method == "cod"));
    data.set("bank_checked", html::Data(method == "bank_transfer"));
    data.set("balance", Money(request, http.services.payments.WalletBalance(buyer)));
    data.set("idempotency_key", typed.key.empty() ? NewFormKey() : typed.key);
    return Page(request, "orders/checkout", std::move(data), status);
  }
};

}  // namespace

void AddCheckoutPage(http::Router& router, const BuyingHttp& http) {
  auto page = std::make_shared<const CheckoutPage>(http);
  router.Get(
      "/checkout", [page](http::Request& request) { return page->Show(request); }, kNoStore);
  router.Post(
      "/checkout", [page](http::Request& request) { return page->Submit(request); }, kFormBody);
}

}  // namespace manmulsang::orders
