#pragma once

#include "manmulsang/catalog/catalog.hpp"
#include "manmulsang/coupons/coupons.hpp"
#include "manmulsang/html/renderer.hpp"
#include "manmulsang/http/router.hpp"

namespace manmulsang::coupons {

struct CouponHttpServices {
  CouponService& coupons;
  // A product's shop, for the coupons claimable on its page.
  catalog::CatalogService& catalog;
};

// Coupons (docs/BUYING.md §10). JSON (errors {"error": {code, message, field}}):
//   GET  /api/v1/coupons → {usable, used, expired: [claim]} (the member's)
//   POST /api/v1/coupons/:id/claim → 201 claim; 404 coupon_not_found, 409 already_claimed |
//        sold_out | coupon_ended
//   GET  /api/v1/products/:id/coupons → {items: [{coupon, claimed}]} (claimable for its shop)
//   GET|POST /api/v1/seller/coupons[?shop_id=], POST /api/v1/seller/coupons/:id/stop
//   GET|POST /api/v1/admin/coupons, POST /api/v1/admin/coupons/:id/stop
//   A new coupon: {name, kind: amount|percent, amount?, percent?, maximum_discount?,
//   minimum_order?, valid_days (1..366, from now), total_limit}.
// HTML (no JavaScript; forms carry _csrf): GET /coupons (mine), GET /s/:id/coupons (claimable
//   for a shop, "쿠폰 받기"), POST /coupons/:id/claim {back}, /seller/coupons (GET, POST),
//   POST /seller/coupons/:id/stop, /admin/coupons (GET, POST), POST /admin/coupons/:id/stop.
void AddCouponRoutes(http::Router& router, html::Renderer& renderer, const CouponHttpServices& services);

}  // namespace manmulsang::coupons
