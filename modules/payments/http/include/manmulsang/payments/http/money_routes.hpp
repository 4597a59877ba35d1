#pragma once

#include "manmulsang/accounts/accounts.hpp"
#include "manmulsang/html/renderer.hpp"
#include "manmulsang/http/router.hpp"
#include "manmulsang/payments/payments.hpp"
#include "manmulsang/sellers/sellers.hpp"

namespace manmulsang::payments {

// The services the payout and money desk routes call.
struct MoneyServices {
  PaymentService& payments;
  // Members by id or e-mail (the credit form) and their names in the admin's lists.
  accounts::AccountService& accounts;
  // The shop a seller's payout is for: the actor's own (SellerService::OwnShop).
  sellers::SellerService& sellers;
};

// Payouts and the money desk (docs/BUYING.md §2a). JSON (errors {"error": {code, message, field}}):
//   GET  /api/v1/seller/payouts?shop_id= → {shop_id, balance, minimum, items: [payout]}
//   POST /api/v1/seller/payouts {shop_id?, amount, method: bank|cash, bank?, account_number?,
//        account_holder?} → 201 payout; 400 amount_below_minimum | invalid_amount | invalid_bank |
//        invalid_account_number | invalid_account_holder | invalid_payout_method, 402
//        insufficient_funds, 404 shop_not_found (not the actor's shop), 409 payout_open
//   GET|POST /api/v1/wallet/payouts — the same for the member's own wallet credit
//   GET  /api/v1/admin/payouts?status=&page=&per_page= → {items, total, page, per_page}
//   POST /api/v1/admin/payouts/:id/approve | pay | reject {reason} → payout; 404 payout_not_found,
//        409 payout_decided, 400 reason_required
//   GET  /api/v1/admin/credits → {items}; POST /api/v1/admin/credits {member (id or e-mail),
//        amount, reference} → 201 {transfer_id, member_id, balance}
//   GET  /api/v1/admin/exchange-rates → {items: current, history}
//   GET  /api/v1/admin/vouchers?page=&per_page=&batch_id= → {items, total, ...} or one batch with
//        its codes by index and prefix
// HTML (no JavaScript; forms carry _csrf): /seller/payouts, /wallet/payouts (GET, POST),
//   /admin/payouts?status= (GET), POST /admin/payouts/:id/approve | pay | reject {reason},
//   /admin/credits, /admin/exchange-rates, /admin/vouchers (GET, POST; the POST answers the
//   printable codes once, or with format=csv a CSV of them), /admin/vouchers?batch=.
// Also registers the templates ("payments/*") and messages (t.payments.*) with renderer.
void AddMoneyRoutes(http::Router& router, html::Renderer& renderer, const MoneyServices& services);

}  // namespace manmulsang::payments
