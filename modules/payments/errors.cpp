#include "manmulsang/payments/errors.hpp"

#include "manmulsang/payments/ledger.hpp"

namespace manmulsang::payments {

std::string_view ErrorCode(PaymentError error) {
  switch (error) {
    case PaymentError::insufficient_funds:
      return "insufficient_funds";
    case PaymentError::invalid_amount:
      return "invalid_amount";
    case PaymentError::reference_required:
      return "reference_required";
    case PaymentError::rate_unavailable:
      return "rate_unavailable";
    case PaymentError::invalid_rate:
      return "invalid_rate";
    case PaymentError::already_recorded:
      return "already_recorded";
    case PaymentError::not_paid:
      return "not_paid";
    case PaymentError::voucher_not_found:
      return "voucher_not_found";
    case PaymentError::voucher_used:
      return "voucher_used";
    case PaymentError::invalid_count:
      return "invalid_count";
    case PaymentError::amount_below_minimum:
      return "amount_below_minimum";
    case PaymentError::invalid_payout_method:
      return "invalid_payout_method";
    case PaymentError::invalid_bank:
      return "invalid_bank";
    case PaymentError::invalid_account_number:
      return "invalid_account_number";
    case PaymentError::invalid_account_holder:
      return "invalid_account_holder";
    case PaymentError::reason_required:
      return "reason_required";
    case PaymentError::payout_open:
      return "payout_open";
    case PaymentError::payout_not_found:
      return "payout_not_found";
    case PaymentError::payout_decided:
      return "payout_decided";
    case PaymentError::credit_not_found:
      return "credit_not_found";
    case PaymentError::credit_decided:
      return "credit_decided";
    case PaymentError::second_admin_required:
      return "second_admin_required";
  }
  return "payment_error";
}

std::string_view TransferKindName(TransferKind kind) {
  switch (kind) {
    case TransferKind::top_up:
      return "top_up";
    case TransferKind::payment:
      return "payment";
    case TransferKind::refund:
      return "refund";
    case TransferKind::release:
      return "release";
    case TransferKind::payout:
      return "payout";
    case TransferKind::payout_paid:
      return "payout_paid";
    case TransferKind::payout_returned:
      return "payout_returned";
  }
  return "top_up";
}

}  // namespace manmulsang::payments
