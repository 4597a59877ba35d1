#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "manmulsang/core/clock.hpp"
#include "manmulsang/core/ids.hpp"
#include "manmulsang/core/money.hpp"

namespace manmulsang::payments {

using TransferId = core::Id<struct TransferTag>;

// Why money moved. Each order has at most one transfer of each kind (a UNIQUE index says so);
// payout transfers carry no order, their reference is "payout:<id>".
enum class TransferKind {
  top_up,           // cash deposit → buyer wallet (admin)
  payment,          // buyer wallet or cash → escrow
  refund,           // escrow → buyer wallet
  release,          // escrow → seller wallet + platform fee
  payout,           // a wallet → payout clearing: a withdrawal requested (docs/BUYING.md §2a)
  payout_paid,      // payout clearing → cash or bank: the office paid it
  payout_returned,  // payout clearing → the wallet: the request was rejected
};

std::string_view TransferKindName(TransferKind kind);

// What PaymentService::SplitEscrow moved: the buyer's refund and, unless the refund took it all,
// the release to the shop.
struct EscrowSplit {
  TransferId refund;
  std::optional<TransferId> release;
  std::int64_t refund_kpw = 0;
  std::int64_t released_kpw = 0;  // gross, what escrow gave up to the shop and the fee
  std::int64_t fee_kpw = 0;
};

// One line of a wallet statement: how a transfer changed this wallet.
struct WalletEntry {
  TransferId transfer;
  TransferKind kind = TransferKind::top_up;
  std::int64_t amount = 0;  // won; negative when money left the wallet
  std::optional<core::OrderId> order;
  std::string reference;
  core::TimePoint created_at;
  // A release in a seller's statement: what escrow gave up (gross) and the platform's fee;
  // amount is the net (gross − fee). Zero in other entries.
  std::int64_t gross = 0;
  std::int64_t fee = 0;
};

struct WalletStatement {
  core::Money balance;               // always KPW
  std::vector<WalletEntry> entries;  // newest first
  std::int64_t total = 0;            // entries in all pages
  int page = 1;
  int per_page = 20;
};

// An admin's top-up against cash handed over at a counter.
struct WalletCredit {
  core::UserId user;
  core::Money amount;     // converted to KPW at the current rate when in another currency
  std::string reference;  // the deposit slip, 1..200 bytes
  core::UserId admin;     // who recorded it
};

// A freshly minted batch: the codes are shown once, to the admin who prints them; only their
// hashes are stored.
struct VoucherBatch {
  std::int64_t id = 0;
  core::Money amount;  // per code, KPW
  std::vector<std::string> codes;
};

inline constexpr std::int64_t kMaxVoucherBatch = 1000;

// The ledger's invariants, for tests: every number but the count of transfers must be zero on a
// healthy store. Not on /metrics: computing it reads every ledger entry.
struct LedgerAudit {
  std::int64_t sum = 0;                   // of all entries
  std::int64_t unbalanced_transfers = 0;  // transfers whose entries do not sum to zero
  std::int64_t negative_wallets = 0;      // buyer or seller wallets below zero
  std::int64_t transfers = 0;
  std::int64_t misstated_wallets = 0;  // wallets whose kept balance is not the sum of their entries
};

}  // namespace manmulsang::payments
