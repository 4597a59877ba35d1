#include "ledger_repository.hpp"

#include <string>

namespace manmulsang::payments {
namespace {

constexpr std::string_view kEnsureAccount =
    "INSERT INTO ledger_accounts (kind, owner_id, currency) VALUES ($1, $2, 'KPW') "
    "ON CONFLICT (kind, owner_id, currency) DO NOTHING";
constexpr std::string_view kFindAccount =
    "SELECT id FROM ledger_accounts WHERE kind = $1 AND owner_id = $2 AND currency = 'KPW'";
constexpr std::string_view kBalanceByOwner =
    "SELECT CAST(COALESCE(SUM(e.amount), 0) AS BIGINT) FROM ledger_accounts a JOIN ledger_entries e "
    "ON e.account_id = a.id WHERE a.kind = $1 AND a.owner_id = $2 AND a.currency = 'KPW'";
constexpr std::string_view kBalanceOfAccount =
    "SELECT CAST(COALESCE(SUM(amount), 0) AS BIGINT) FROM ledger_entries WHERE account_id = $1";
// Insert-first: of two transfers of one kind for one order (a payment, a refund, a release),
// the unique index lets one in and the other gets no row back, on either store, without an
// error that would spoil a PostgreSQL transaction.
constexpr std::string_view kInsertTransfer =
    "INSERT INTO ledger_transfers (kind, order_id, reference, actor_id, created_at) "
    "VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id";
// A wallet's balance moves with its entries, in one conditional statement: a debit the wallet
// does not cover changes no row. House accounts (no balance kept) change no row either.
constexpr std::string_view kApplyToWallet =
    "UPDATE ledger_accounts SET balance = balance + $2 "
    "WHERE id = $1 AND kind IN ('buyer_wallet', 'seller_wallet') AND balance + $2 >= 0";
constexpr std::string_view kIsWallet =
    "SELECT 1 FROM ledger_accounts WHERE id = $1 AND kind IN ('buyer_wallet', 'seller_wallet')";
// Writes the wallet's row without changing it: on PostgreSQL the row is then this transaction's
// until it ends, so whatever comes next (stock, orders) is taken in the one order every
// transaction keeps — wallet account first.
constexpr std::string_view kHoldAccount = "UPDATE ledger_accounts SET balance = balance WHERE id = $1";
constexpr std::string_view kStoredBalance = "SELECT balance FROM ledger_accounts WHERE id = $1";
constexpr std::string_view kInsertEntry =
    "INSERT INTO ledger_entries (transfer_id, account_id, amount) VALUES ($1, $2, $3)";
constexpr std::string_view kLegsOf =
    "SELECT e.account_id, e.amount FROM ledger_transfers t JOIN ledger_entries e ON e.transfer_id = t.id "
    "WHERE t.order_id = $1 AND t.kind = $2 ORDER BY e.id";
constexpr std::string_view kWalletEntries =
    "SELECT t.id, t.kind, e.amount, t.order_id, t.reference, t.created_at "
    "FROM ledger_accounts a JOIN ledger_entries e ON e.account_id = a.id "
    "JOIN ledger_transfers t ON t.id = e.transfer_id "
    "WHERE a.kind = 'buyer_wallet' AND a.owner_id = $1 ORDER BY e.id DESC LIMIT $2 OFFSET $3";
constexpr std::string_view kCountWalletEntries =
    "SELECT COUNT(*) FROM ledger_accounts a JOIN ledger_entries e ON e.account_id = a.id "
    "WHERE a.kind = 'buyer_wallet' AND a.owner_id = $1";
// gross: what the transfer took out of escrow; fee: what it put into the platform's account
// (both from the same transfer's other legs, found by ledger_entries_transfer).
constexpr std::string_view kSellerEntries =
    "SELECT t.id, t.kind, e.amount, t.order_id, t.reference, t.created_at, "
    "CAST(COALESCE((SELECT -SUM(x.amount) FROM ledger_entries x JOIN ledger_accounts xa ON xa.id = x.account_id "
    "WHERE x.transfer_id = t.id AND xa.kind = 'escrow'), 0) AS BIGINT), "
    "CAST(COALESCE((SELECT SUM(x.amount) FROM ledger_entries x JOIN ledger_accounts xa ON xa.id = x.account_id "
    "WHERE x.transfer_id = t.id AND xa.kind = 'platform_fees'), 0) AS BIGINT) "
    "FROM ledger_accounts a JOIN ledger_entries e ON e.account_id = a.id "
    "JOIN ledger_transfers t ON t.id = e.transfer_id "
    "WHERE a.kind = 'seller_wallet' AND a.owner_id = $1 ORDER BY e.id DESC LIMIT $2 OFFSET $3";
constexpr std::string_view kCountSellerEntries =
    "SELECT COUNT(*) FROM ledger_accounts a JOIN ledger_entries e ON e.account_id = a.id "
    "WHERE a.kind = 'seller_wallet' AND a.owner_id = $1";
constexpr std::string_view kRates = "SELECT currency, rate FROM exchange_rates ORDER BY currency";
constexpr std::string_view kSetRate =
    "INSERT INTO exchange_rates (currency, rate, updated_at, updated_by) VALUES ($1, $2, $3, $4) "
    "ON CONFLICT (currency) DO UPDATE SET rate = excluded.rate, updated_at = excluded.updated_at, "
    "updated_by = excluded.updated_by";
constexpr std::string_view kCurrentRate = "SELECT rate FROM exchange_rates WHERE currency = $1";
constexpr std::string_view kInsertRateChange =
    "INSERT INTO exchange_rate_changes (currency, rate, previous_rate, changed_at, changed_by) "
    "VALUES ($1, $2, $3, $4, $5)";
constexpr std::string_view kRateHistory =
    "SELECT currency, rate, previous_rate, changed_by, changed_at FROM exchange_rate_changes "
    "ORDER BY id DESC LIMIT $1";
// A credit is a top_up whose reference is not a voucher's; its wallet leg names the member.
constexpr std::string_view kRecentCredits =
    "SELECT t.id, a.owner_id, e.amount, t.reference, t.actor_id, t.created_at "
    "FROM ledger_transfers t JOIN ledger_entries e ON e.transfer_id = t.id "
    "JOIN ledger_accounts a ON a.id = e.account_id "
    "WHERE t.kind = 'top_up' AND a.kind = 'buyer_wallet' AND t.reference NOT LIKE 'voucher:%' "
    "ORDER BY t.id DESC LIMIT $1";
constexpr std::string_view kAuditSum =
    "SELECT CAST(COALESCE(SUM(amount), 0) AS BIGINT), COUNT(DISTINCT transfer_id) FROM ledger_entries";
constexpr std::string_view kAuditUnbalanced =
    "SELECT COUNT(*) FROM (SELECT transfer_id FROM ledger_entries GROUP BY transfer_id "
    "HAVING SUM(amount) <> 0) AS unbalanced";
constexpr std::string_view kAuditNegativeWallets =
    "SELECT COUNT(*) FROM (SELECT a.id FROM ledger_accounts a JOIN ledger_entries e ON e.account_id = a.id "
    "WHERE a.kind IN ('buyer_wallet', 'seller_wallet') GROUP BY a.id HAVING SUM(e.amount) < 0) AS negative";
constexpr std::string_view kAuditMisstatedWallets =
    "SELECT COUNT(*) FROM ledger_accounts a WHERE a.kind IN ('buyer_wallet', 'seller_wallet') AND a.balance <> "
    "(SELECT CAST(COALESCE(SUM(e.amount), 0) AS BIGINT) FROM ledger_entries e WHERE e.account_id = a.id)";

std::string_view KindName(AccountKind kind) {
  switch (kind) {
    case AccountKind::buyer_wallet:
      return "buyer_wallet";
    case AccountKind::seller_wallet:
      return "seller_wallet";
    case AccountKind::escrow:
      return "escrow";
    case AccountKind::platform_fees:
      return "platform_fees";
    case AccountKind::cash:
      return "cash";
    case AccountKind::payout_clearing:
      return "payout_clearing";
    case AccountKind::bank:
      return "bank";
    case AccountKind::promotions:
      return "promotions";
  }
  return "cash";
}

// A row this code cannot read is a broken store, not a default: the request ends with a 500 and
// a log line naming the value.
TransferKind ParseTransferKind(std::string_view name) {
  if (name == "top_up") return TransferKind::top_up;
  if (name == "payment") return TransferKind::payment;
  if (name == "refund") return TransferKind::refund;
  if (name == "release") return TransferKind::release;
  if (name == "payout") return TransferKind::payout;
  if (name == "payout_paid") return TransferKind::payout_paid;
  if (name == "payout_returned") return TransferKind::payout_returned;
  throw db::DatabaseError("payments: unreadable transfer kind '" + std::string(name) + "'");
}

}  // namespace

std::int64_t LedgerRepository::AccountId(db::Connection& connection, AccountKind kind, std::int64_t owner) {
  if (auto row = connection.QueryOne(kFindAccount, {KindName(kind), owner})) return row->Int(0);
  connection.Execute(kEnsureAccount, {KindName(kind), owner});
  auto row = connection.QueryOne(kFindAccount, {KindName(kind), owner});
  if (!row) throw db::DatabaseError("ledger account was not created");
  return row->Int(0);
}

std::int64_t LedgerRepository::Balance(db::Connection& connection, AccountKind kind, std::int64_t owner) {
  auto row = connection.QueryOne(kBalanceByOwner, {KindName(kind), owner});
  return row ? row->Int(0) : 0;
}

std::int64_t LedgerRepository::BalanceOf(db::Connection& connection, std::int64_t account) {
  auto row = connection.QueryOne(kBalanceOfAccount, {account});
  return row ? row->Int(0) : 0;
}

std::optional<TransferId> LedgerRepository::Insert(db::Connection& connection, const NewTransfer& transfer,
                                                   std::span<const Leg> legs) {
  const std::string_view kind = TransferKindName(transfer.kind);
  auto row = connection.QueryOne(
      kInsertTransfer,
      {kind, transfer.order ? db::Parameter(transfer.order->value) : db::Parameter(nullptr), transfer.reference,
       transfer.actor ? db::Parameter(transfer.actor->value) : db::Parameter(nullptr), transfer.created_at});
  if (!row) return std::nullopt;
  TransferId id{row->Int(0)};
  for (const Leg& leg : legs) connection.Execute(kInsertEntry, {id.value, leg.account, leg.amount});
  return id;
}

bool LedgerRepository::ApplyToWallet(db::Connection& connection, const Leg& leg) {
  if (connection.Execute(kApplyToWallet, {leg.account, leg.amount}) == 1) return true;
  return !connection.QueryOne(kIsWallet, {leg.account});
}

void LedgerRepository::HoldAccount(db::Connection& connection, std::int64_t account) {
  connection.Execute(kHoldAccount, {account});
}

std::int64_t LedgerRepository::StoredBalance(db::Connection& connection, std::int64_t account) {
  auto row = connection.QueryOne(kStoredBalance, {account});
  return row ? row->Int(0) : 0;
}

std::vector<Leg> LedgerRepository::LegsOf(db::Connection& connection, core::OrderId order, TransferKind kind) {
  std::vector<Leg> legs;
  for (const db::Row& row : connection.Query(kLegsOf, {order.value, TransferKindName(kind)})) {
    legs.push_back({row.Int(0), row.Int(1)});
  }
  return legs;
}

namespace {

// The columns kWalletEntries and kSellerEntries share: transfer, kind, amount, order, reference, time.
WalletEntry WalletEntryOf(const db::Row& row) {
  WalletEntry entry;
  entry.transfer = TransferId{row.Int(0)};
  entry.kind = ParseTransferKind(row.Text(1));
  entry.amount = row.Int(2);
  if (auto order = row.OptionalInt(3)) entry.order = core::OrderId{*order};
  entry.reference = row.Text(4);
  entry.created_at = core::FromUnixSeconds(row.Int(5));
  return entry;
}

}  // namespace

std::vector<WalletEntry> LedgerRepository::WalletEntries(db::Connection& connection, core::UserId user,
                                                         std::int64_t limit, std::int64_t offset) {
  std::vector<WalletEntry> entries;
  for (const db::Row& row : connection.Query(kWalletEntries, {user.value, limit, offset})) {
    entries.push_back(WalletEntryOf(row));
  }
  return entries;
}

std::int64_t LedgerRepository::CountWalletEntries(db::Connection& connection, core::UserId user) {
  auto row = connection.QueryOne(kCountWalletEntries, {user.value});
  return row ? row->Int(0) : 0;
}

std::vector<WalletEntry> LedgerRepository::SellerEntries(db::Connection& connection, core::SellerId seller,
                                                         std::int64_t limit, std::int64_t offset) {
  std::vector<WalletEntry> entries;
  for (const db::Row& row : connection.Query(kSellerEntries, {seller.value, limit, offset})) {
    WalletEntry entry = WalletEntryOf(row);
    entry.gross = row.Int(6);
    entry.fee = row.Int(7);
    entries.push_back(std::move(entry));
  }
  return entries;
}

std::int64_t LedgerRepository::CountSellerEntries(db::Connection& connection, core::SellerId seller) {
  auto row = connection.QueryOne(kCountSellerEntries, {seller.value});
  return row ? row->Int(0) : 0;
}

std::vector<std::pair<core::Currency, std::int64_t>> LedgerRepository::Rates(db::Connection& connection) {
  std::vector<std::pair<core::Currency, std::int64_t>> rates;
  for (const db::Row& row : connection.Query(kRates)) {
    auto currency = core::ParseCurrency(row.Text(0));
    if (!currency) throw db::DatabaseError("payments: unreadable currency '" + row.Text(0) + "'");
    rates.emplace_back(*currency, row.Int(1));
  }
  return rates;
}

void LedgerRepository::SetRate(db::Connection& connection, core::Currency currency, std::int64_t rate,
                               std::int64_t updated_at, core::UserId admin) {
  const std::string_view code = core::CurrencyCode(currency);
  auto previous = connection.QueryOne(kCurrentRate, {code});
  connection.Execute(kSetRate, {code, rate, updated_at, admin.value});
  connection.Execute(
      kInsertRateChange,
      {code, rate, previous ? db::Parameter(previous->Int(0)) : db::Parameter(nullptr), updated_at, admin.value});
}

std::vector<RateChange> LedgerRepository::RateHistory(db::Connection& connection, std::int64_t limit) {
  std::vector<RateChange> changes;
  for (const db::Row& row : connection.Query(kRateHistory, {limit})) {
    changes.push_back(
        {row.Text(0), row.Int(1), row.OptionalInt(2), core::UserId{row.Int(3)}, core::FromUnixSeconds(row.Int(4))});
  }
  return changes;
}

std::vector<CreditRecord> LedgerRepository::RecentCredits(db::Connection& connection, std::int64_t limit) {
  std::vector<CreditRecord> credits;
  for (const db::Row& row : connection.Query(kRecentCredits, {limit})) {
    CreditRecord credit;
    credit.transfer = row.Int(0);
    credit.member = core::UserId{row.Int(1)};
    credit.amount = row.Int(2);
    credit.reference = row.Text(3);
    if (auto admin = row.OptionalInt(4)) credit.admin = core::UserId{*admin};
    credit.created_at = core::FromUnixSeconds(row.Int(5));
    credits.push_back(std::move(credit));
  }
  return credits;
}

LedgerAudit LedgerRepository::Audit(db::Connection& connection) {
  LedgerAudit audit;
  if (auto row = connection.QueryOne(kAuditSum)) {
    audit.sum = row->Int(0);
    audit.transfers = row->Int(1);
  }
  if (auto row = connection.QueryOne(kAuditUnbalanced)) audit.unbalanced_transfers = row->Int(0);
  if (auto row = connection.QueryOne(kAuditNegativeWallets)) audit.negative_wallets = row->Int(0);
  if (auto row = connection.QueryOne(kAuditMisstatedWallets)) audit.misstated_wallets = row->Int(0);
  return audit;
}

}  // namespace manmulsang::payments
