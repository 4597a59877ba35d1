#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "buying_http.hpp"
#include "manmulsang/html/date_text.hpp"
#include "manmulsang/html/page_numbers.hpp"
#include "manmulsang/html/renderer.hpp"

namespace manmulsang::orders {

// The guest cart's cookie: a random token (cart::NewGuestCartToken), HttpOnly, SameSite=Lax.
inline constexpr std::string_view kGuestCartCookie = "mm_cart";

// The cart of whoever asks: the member's, the guest's by cookie, or none yet.
std::optional<cart::CartOwner> CartOwnerOf(const http::Request& request);

// Shared by the buying pages.
struct BuyingPages {
  BuyingHttp http;  // a copy: it holds only references to long-lived services

  std::string Text(const http::Request& request, std::string_view key) const {
    return std::string(http.renderer.Translate(request.context().locale, key));
  }
  std::string Money(const http::Request& request, std::int64_t won) const {
    return core::FormatMoney({won, core::Currency::kpw}, core::LocaleCode(request.context().locale));
  }
  std::string Money(const http::Request& request, core::Money money) const {
    return core::FormatMoney(money, core::LocaleCode(request.context().locale));
  }
  // The message of an error code (t.orders.error.<code>).
  std::string ErrorText(const http::Request& request, std::string_view code) const {
    return Text(request, "orders.error." + std::string(code));
  }
  // A page with the status the error of a failed form deserves. No cache keeps it: every route
  // of the buying pages takes kNoStore or a form option with no_store.
  http::Response Page(const http::Request& request, std::string_view name, html::Data data,
                      http::Status status = http::Status::ok) const {
    return http.renderer.Page(request, name, std::move(data), status);
  }
  // An order's lines as the buyer's and the seller's order pages show them: the price paid in won
  // and, for a line listed in another currency, the listed price beside it.
  html::List OrderLines(const http::Request& request, const Order& order) const;
  // How an order travels: delivery_method, pickup_place, address, carrier and tracking_number.
  void SetDelivery(const http::Request& request, const Order& order, html::Data& data) const;
  // Every status an order went through, when and by whom, oldest first.
  html::List OrderTimeline(const http::Request& request, const Order& order) const;
};

// A random hex key for a form that must not be submitted twice (the checkout's Idempotency-Key).
std::string NewFormKey();

void AddCartPages(http::Router& router, const BuyingHttp& http);
void AddCheckoutPage(http::Router& router, const BuyingHttp& http);
void AddOrderPages(http::Router& router, const BuyingHttp& http);
void AddWalletPage(http::Router& router, const BuyingHttp& http);
void AddAddressPage(http::Router& router, const BuyingHttp& http);
void AddSellerOrderPages(http::Router& router, const BuyingHttp& http);
void AddSellerLedgerPage(http::Router& router, const BuyingHttp& http);
// /admin/disputes and its JSON twins (dispute_desk.cpp).
void AddDisputeDesk(http::Router& router, const BuyingHttp& http);

}  // namespace manmulsang::orders
