#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "manmulsang/db/database.hpp"
#include "manmulsang/payments/ledger.hpp"
#include "manmulsang/payments/payouts.hpp"

namespace manmulsang::payments {

// promotions: the marketplace's coupons are paid from it (docs/BUYING.md §10); negative, like cash.
enum class AccountKind { buyer_wallet, seller_wallet, escrow, platform_fees, cash, payout_clearing, bank, promotions };

// One side of a transfer: won into (positive) or out of (negative) an account.
struct Leg {
  std::int64_t account = 0;
  std::int64_t amount = 0;
};

struct NewTransfer {
  TransferKind kind = TransferKind::top_up;
  std::optional<core::OrderId> order;
  std::string_view reference;
  std::optional<core::UserId> actor;
  std::int64_t created_at = 0;
};

// All of this module's SQL.
class LedgerRepository {
 public:
  // The account's id, created on first use (house accounts have owner 0).
  static std::int64_t AccountId(db::Connection& connection, AccountKind kind, std::int64_t owner);
  // 0 for an account that does not exist yet.
  static std::int64_t Balance(db::Connection& connection, AccountKind kind, std::int64_t owner);
  static std::int64_t BalanceOf(db::Connection& connection, std::int64_t account);
  // Inserts the transfer and its legs; nullopt (nothing written) when the order already has a
  // transfer of this kind.
  static std::optional<TransferId> Insert(db::Connection& connection, const NewTransfer& transfer,
                                          std::span<const Leg> legs);
  // Moves a wallet's kept balance by the leg (a no-op for house accounts); false, changing
  // nothing, when the leg would take a wallet below zero.
  static bool ApplyToWallet(db::Connection& connection, const Leg& leg);
  // Takes the account's row for the rest of the transaction (PostgreSQL), changing nothing.
  static void HoldAccount(db::Connection& connection, std::int64_t account);
  // The balance kept on the account row (wallets only; house accounts read 0).
  static std::int64_t StoredBalance(db::Connection& connection, std::int64_t account);
  // The legs of the order's transfer of that kind; empty when it has none.
  static std::vector<Leg> LegsOf(db::Connection& connection, core::OrderId order, TransferKind kind);

  static std::vector<WalletEntry> WalletEntries(db::Connection& connection, core::UserId user, std::int64_t limit,
                                                std::int64_t offset);
  static std::int64_t CountWalletEntries(db::Connection& connection, core::UserId user);
  // A shop's wallet, newest first; releases carry their gross and fee from the same transfer.
  static std::vector<WalletEntry> SellerEntries(db::Connection& connection, core::SellerId seller, std::int64_t limit,
                                                std::int64_t offset);
  static std::int64_t CountSellerEntries(db::Connection& connection, core::SellerId seller);

  static std::vector<std::pair<core::Currency, std::int64_t>> Rates(db::Connection& connection);
  // Sets the rate and appends the change to its history.
  static void SetRate(db::Connection& connection, core::Currency currency, std::int64_t rate, std::int64_t updated_at,
                      core::UserId admin);
  // Newest first, at most limit.
  static std::vector<RateChange> RateHistory(db::Connection& connection, std::int64_t limit);
  // Admins' top-ups against cash deposits (not voucher redemptions), newest first.
  static std::vector<CreditRecord> RecentCredits(db::Connection& connection, std::int64_t limit);

  static LedgerAudit Audit(db::Connection& connection);
};

}  // namespace manmulsang::payments
