// What the admin's money desk pages read: the wallet credits recorded at the counter, the history
// of exchange rates and the voucher batches with their redemptions.

#include "payment_service_impl.hpp"
#include "voucher_repository.hpp"

namespace manmulsang::payments {

std::vector<CreditRecord> PaymentService::RecentCredits(int limit) {
  return impl_->database.Read([&](db::Connection& connection) {
    return LedgerRepository::RecentCredits(connection, std::clamp(limit, 1, kMaxPerPage));
  });
}

std::vector<RateChange> PaymentService::RateHistory(int limit) {
  return impl_->database.Read([&](db::Connection& connection) {
    return LedgerRepository::RateHistory(connection, std::clamp(limit, 1, kMaxPerPage));
  });
}

std::vector<VoucherBatchSummary> PaymentService::VoucherBatches(int page, int per_page) {
  const int checked = std::clamp(per_page, 1, kMaxPerPage);
  return impl_->database.Read([&](db::Connection& connection) {
    return VoucherRepository::Batches(connection, checked, static_cast<std::int64_t>(std::max(page, 1) - 1) * checked);
  });
}

std::int64_t PaymentService::CountVoucherBatches() {
  return impl_->database.Read([](db::Connection& connection) { return VoucherRepository::CountBatches(connection); });
}

std::optional<VoucherBatchDetail> PaymentService::FindVoucherBatch(std::int64_t batch) {
  return impl_->database.Read([&](db::Connection& connection) -> std::optional<VoucherBatchDetail> {
    auto summary = VoucherRepository::Batch(connection, batch);
    if (!summary) return std::nullopt;
    return VoucherBatchDetail{*summary, VoucherRepository::Vouchers(connection, batch)};
  });
}

}  // namespace manmulsang::payments
