#pragma once

// How a payout reads on the requester's page and in the admin's queue.

#include "manmulsang/core/local_time.hpp"
#include "money_http.hpp"

namespace manmulsang::payments {

inline html::Data PayoutRow(const MoneyHttp& http, const http::Request& request, const Payout& payout) {
  html::Data row;
  row.set("id", std::to_string(payout.id.value));
  row.set("amount", http.Money(request, payout.amount));
  row.set("method", http.Text(request, "payments.method." + std::string(PayoutMethodName(payout.method))));
  if (payout.method == PayoutMethod::bank) {
    row.set("destination", payout.bank + " " + payout.account_number + " (" + payout.account_holder + ")");
  }
  row.set("status_code", std::string(PayoutStatusName(payout.status)));
  row.set("status", http.Text(request, "payments.status." + std::string(PayoutStatusName(payout.status))));
  row.set("requested_at", core::LocalDateTime(payout.created_at));
  if (payout.decided_at) row.set("decided_at", core::LocalDateTime(*payout.decided_at));
  if (payout.status == PayoutStatus::rejected) row.set("reason", payout.reason);
  row.set("can_approve", html::Data(payout.status == PayoutStatus::requested));
  row.set("can_pay", html::Data(payout.status == PayoutStatus::approved));
  row.set("can_reject", html::Data(payout.open()));
  return row;
}

}  // namespace manmulsang::payments
