#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "manmulsang/db/database.hpp"
#include "manmulsang/payments/payouts.hpp"

namespace manmulsang::payments {

struct StoredVoucher {
  std::int64_t id = 0;
  std::int64_t amount = 0;
  bool redeemed = false;
};

// The vouchers' SQL.
class VoucherRepository {
 public:
  static std::int64_t InsertBatch(db::Connection& connection, std::int64_t amount, std::int64_t count,
                                  std::string_view note, std::int64_t admin, std::int64_t now);
  // prefix: the first characters of the printed code (not enough of it to spend).
  static void InsertVoucher(db::Connection& connection, std::int64_t batch, std::string_view code_hash,
                            std::string_view prefix);
  // Newest first, with how many codes of each were redeemed.
  static std::vector<VoucherBatchSummary> Batches(db::Connection& connection, std::int64_t limit, std::int64_t offset);
  static std::int64_t CountBatches(db::Connection& connection);
  static std::optional<VoucherBatchSummary> Batch(db::Connection& connection, std::int64_t batch);
  // The batch's codes in the order they were minted.
  static std::vector<VoucherListing> Vouchers(db::Connection& connection, std::int64_t batch);
  static std::optional<StoredVoucher> Find(db::Connection& connection, std::string_view code_hash);
  // False when it was redeemed already.
  static bool MarkRedeemed(db::Connection& connection, std::int64_t voucher, std::int64_t user, std::int64_t now);
};

}  // namespace manmulsang::payments
