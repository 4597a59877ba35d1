#pragma once

#include "manmulsang/html/renderer.hpp"
#include "manmulsang/http/router.hpp"
#include "manmulsang/seller_center/seller_center.hpp"

namespace manmulsang::seller_center {

struct SellerCenterServices {
  SellerCenter& center;
};

// The seller center (issue 5). The shop is the actor's approved shop, or ?shop_id= of another
// of their own; anyone else's is 404 shop_not_found, never a 403 that says it exists.
// JSON (DESIGN.md §3; errors {"error": {code, message, field}}):
//   GET /api/v1/seller/dashboard[?shop_id=] → {shop, today, period, orders_to_prepare,
//       order_counts, views, days: [{day, orders, revenue, views}], search_terms: [{query, count}],
//       unanswered_questions, balance}; 401 unauthenticated; 403 not_a_seller | application_pending
//       | application_rejected; 404 shop_not_found
// HTML (no JavaScript; forms carry _csrf). A visitor goes to /login, a member without a shop to
// /seller/apply, one whose application waits or was turned down to /seller/application:
//   GET /seller — the dashboard, with the 30-day sales chart drawn as SVG and a table of it
//   GET /seller/questions?page= — unanswered questions (oldest first) with an answer form each,
//       and the latest answered ones; POST /seller/questions/:id/answer {body}
// Also registers the templates ("seller_center/*") and messages (t.seller_center.*).
void AddSellerCenterRoutes(http::Router& router, html::Renderer& renderer, const SellerCenterServices& services);

}  // namespace manmulsang::seller_center
