#pragma once

#include <string_view>

namespace manmulsang::payments {

enum class PaymentError {
  insufficient_funds,      // 409 (payment_required in the wallet flow): the wallet would go below zero
  invalid_amount,          // 400: not a positive amount, or too large
  reference_required,      // 400: a top-up names the cash deposit it records
  rate_unavailable,        // 409: no exchange rate for the price's currency
  invalid_rate,            // 400
  already_recorded,        // 409: the order already has this kind of transfer (one payment, one refund)
  not_paid,                // 409: a refund or release of an order without a payment
  voucher_not_found,       // 404: no such code (or mistyped)
  voucher_used,            // 409: the code was redeemed already
  invalid_count,           // 400: a batch of 1..kMaxVoucherBatch codes
  amount_below_minimum,    // 400: a payout of less than kMinPayout
  invalid_payout_method,   // 400: neither bank nor cash
  invalid_bank,            // 400: a bank payout names its bank (1..40 characters)
  invalid_account_number,  // 400: digits and dashes, 4..30 of them
  invalid_account_holder,  // 400: 1..40 characters
  reason_required,         // 400: a rejection tells the requester why (1..500 characters)
  payout_open,             // 409: the shop or member has a request that is not finished yet
  payout_not_found,        // 404
  payout_decided,          // 409: the request is not in a state this decision applies to
  credit_not_found,        // 404: no such pending credit
  credit_decided,          // 409: the pending credit was approved or rejected already
  second_admin_required,   // 409: the admin who asked for a large credit cannot approve it too
};

// "insufficient_funds"; the words people read are in the i18n catalogs, keyed by the code.
std::string_view ErrorCode(PaymentError error);

}  // namespace manmulsang::payments
