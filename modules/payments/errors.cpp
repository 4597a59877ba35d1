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
  }
  return "top_up";
}

}  // namespace manmulsang::payments
