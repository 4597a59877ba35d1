#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "manmulsang/db/database.hpp"

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
  static void InsertVoucher(db::Connection& connection, std::int64_t batch, std::string_view code_hash);
  static std::optional<StoredVoucher> Find(db::Connection& connection, std::string_view code_hash);
  // False when it was redeemed already.
  static bool MarkRedeemed(db::Connection& connection, std::int64_t voucher, std::int64_t user, std::int64_t now);
};

}  // namespace manmulsang::payments
