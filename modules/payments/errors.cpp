#include "manmulsang/payments/errors.hpp"

#include "manmulsang/payments/ledger.hpp"

namespace manmulsang::payments {

std::string_view ErrorCode(PaymentError error) {
  switch (error) {
    case PaymentError::insufficient_funds: return "insufficient_funds";
    case PaymentError::invalid_amount: return "invalid_amount";
    case PaymentError::reference_required: return "reference_required";
    case PaymentError::rate_unavailable: return "rate_unavailable";
    case PaymentError::invalid_rate: return "invalid_rate";
    case PaymentError::already_recorded: return "already_recorded";
    case PaymentError::not_paid: return "not_paid";
    case PaymentError::voucher_not_found: return "voucher_not_found";
    case PaymentError::voucher_used: return "voucher_used";
    case PaymentError::invalid_count: return "invalid_count";
  }
  return "payment_error";
}

std::string_view ErrorMessage(PaymentError error) {
  switch (error) {
    case PaymentError::insufficient_funds: return "지갑 잔액이 부족합니다.";
    case PaymentError::invalid_amount: return "금액이 올바르지 않습니다.";
    case PaymentError::reference_required: return "입금 증빙 번호를 입력하십시오.";
    case PaymentError::rate_unavailable: return "이 통화의 환율이 정해지지 않았습니다.";
    case PaymentError::invalid_rate: return "환율이 올바르지 않습니다.";
    case PaymentError::already_recorded: return "이미 처리된 결제입니다.";
    case PaymentError::not_paid: return "결제되지 않은 주문입니다.";
    case PaymentError::voucher_not_found: return "상품권 번호를 확인하십시오.";
    case PaymentError::voucher_used: return "이미 사용한 상품권입니다.";
    case PaymentError::invalid_count: return "상품권은 한 번에 1장부터 1000장까지 만들 수 있습니다.";
  }
  return "결제 오류입니다.";
}

std::string_view TransferKindName(TransferKind kind) {
  switch (kind) {
    case TransferKind::top_up: return "top_up";
    case TransferKind::payment: return "payment";
    case TransferKind::refund: return "refund";
    case TransferKind::release: return "release";
  }
  return "top_up";
}

}  // namespace manmulsang::payments
