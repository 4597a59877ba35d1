#pragma once

#include "manmulsang/accounts/accounts.hpp"
#include "manmulsang/cart/cart.hpp"
#include "manmulsang/coupons/coupons.hpp"
#include "manmulsang/html/renderer.hpp"
#include "manmulsang/http/page_cache.hpp"
#include "manmulsang/http/router.hpp"
#include "manmulsang/orders/address_book.hpp"
#include "manmulsang/orders/orders.hpp"
#include "manmulsang/payments/payments.hpp"
#include "manmulsang/sellers/sellers.hpp"
#include "manmulsang/settings/settings.hpp"

namespace manmulsang::orders {

// The services the buying API calls.
struct BuyingServices {
  accounts::AccountService& accounts;
  cart::CartService& cart;
  OrderService& orders;
  payments::PaymentService& payments;
  AddressBook& addresses;
  sellers::SellerService& sellers;
  // The carriers the ship form offers and the accounts a bank transfer is paid into.
  settings::SettingsService& settings;
  // Product pages show stock: a checkout, cancel, expiry or accepted return forgets "/p/<id>".
  http::PageCache& page_cache;
  // The buyer's coupon claims the checkout page offers (docs/BUYING.md §10); none when absent.
  coupons::CouponService* coupons = nullptr;
};

// The buying JSON API (docs/ARCHITECTURE.md, public interface, docs/BUYING.md). Every route needs a signed-in actor
// (401 otherwise; the app's Authentication middleware must run first); /admin/ routes need an admin (403).
//   GET    /api/v1/cart                       POST /api/v1/cart/items {product_id, quantity}
//   PATCH  /api/v1/cart/items/:product_id {quantity}    DELETE /api/v1/cart/items/:product_id
//   POST   /api/v1/orders {payment_method, address | address_id, delivery: {"<shop_id>": "courier"|"pickup"}}
//          (Idempotency-Key) → 201 {orders, total}
//   GET|PUT /api/v1/seller/shop/delivery {shop_id?, courier_fee, free_courier_from, pickup_offered, pickup_place}
//   GET    /api/v1/addresses   POST /api/v1/addresses {recipient, phone, line, default}
//   DELETE /api/v1/addresses/:id   POST /api/v1/addresses/:id/default
//   GET    /api/v1/orders   GET /api/v1/orders/:id
//   POST   /api/v1/orders/:id/cancel | confirm | return
//   GET    /api/v1/seller/orders?shop_id=&status=&page=&per_page=
//   POST   /api/v1/seller/orders/:id/prepare | deliver | accept-return
//   POST   /api/v1/seller/orders/:id/ship {carrier, tracking}   (both required)
//   GET    /api/v1/seller/ledger?shop_id=&page=&per_page=
//   POST   /api/v1/admin/orders/:id/confirm-payment
//   GET    /api/v1/wallet   POST /api/v1/wallet/vouchers {code}
//   GET    /api/v1/exchange-rates
//   POST   /api/v1/admin/wallets/:user_id/credit {amount, currency, reference}
//   POST   /api/v1/admin/exchange-rates {currency, rate}
//   POST   /api/v1/admin/vouchers {count, amount, note}
// HTML (no JavaScript needed; forms carry the CSRF token):
//   GET /cart, POST /cart/items {product_id, quantity, buy_now?} (guests get an mm_cart cookie),
//   POST /cart/items/:product_id {quantity}, POST /cart/items/:product_id/remove,
//   GET|POST /checkout, GET /orders, GET /orders/:id, POST /orders/:id/cancel|confirm|return,
//   GET /wallet, POST /wallet/vouchers,
//   GET|POST /addresses, POST /addresses/:id/delete, POST /addresses/:id/default,
//   GET /seller/orders?tab=&page=, GET /seller/orders/:id,
//   POST /seller/orders/:id/prepare | ship {carrier, tracking} | deliver | accept-return,
//   GET /seller/ledger?page=.
// Also registers this module's templates ("orders/*") and messages (t.orders.*) with renderer, and
// tells services.orders to invalidate services.page_cache when stock changes.
void AddBuyingRoutes(http::Router& router, html::Renderer& renderer, const BuyingServices& services);

// Merges a guest's cart (mm_cart cookie) into the member's cart on the first request after
// sign-in, and deletes the cookie. Add it after the Authentication middleware.
http::Middleware GuestCartMerge(cart::CartService& cart);

}  // namespace manmulsang::orders
