#pragma once

#include <cstdint>
#include <expected>
#include <memory>
#include <optional>
#include <span>
#include <string_view>

#include "manmulsang/core/clock.hpp"
#include "manmulsang/core/embedded_file.hpp"
#include "manmulsang/db/database.hpp"
#include "manmulsang/payments/errors.hpp"
#include "manmulsang/payments/exchange.hpp"
#include "manmulsang/payments/ledger.hpp"

namespace manmulsang::payments {

// Wallets, escrow and exchange rates over an append-only double-entry ledger (docs/BUYING.md).
// Methods taking a db::Connection& run inside the caller's write transaction: the caller's
// rollback undoes them with everything else.
class PaymentService {
 public:
  PaymentService(db::Database& database, const core::Clock& clock);
  ~PaymentService();

  // --- Queries ---
  core::Money WalletBalance(core::UserId user);
  WalletStatement Wallet(core::UserId user, int page = 1, int per_page = 20);
  // The shop's wallet: its balance and entries newest first; each release carries its order,
  // gross and fee. The caller checks that the actor may see the shop.
  WalletStatement SellerStatement(core::SellerId seller, int page = 1, int per_page = 20);
  ExchangeRates CurrentRates();
  LedgerAudit Audit();

  // --- Commands, each in its own transaction ---
  std::expected<TransferId, PaymentError> CreditWallet(const WalletCredit& credit);
  // count codes worth amount_kpw each; nothing moves in the ledger until one is redeemed.
  std::expected<VoucherBatch, PaymentError> MintVouchers(core::UserId admin, std::int64_t count,
                                                         std::int64_t amount_kpw, std::string_view note);
  // Credits the voucher's amount to the user's wallet, once per code; returns the amount.
  std::expected<core::Money, PaymentError> RedeemVoucher(core::UserId user, std::string_view typed_code);
  // rate: won per major unit × kRateScale; KPW cannot be set.
  std::expected<void, PaymentError> SetExchangeRate(core::Currency currency, std::int64_t rate, core::UserId admin);

  // --- Steps inside a caller's transaction ---
  ExchangeRates RatesIn(db::Connection& connection);
  // buyer wallet → escrow; insufficient_funds when the wallet holds less than amount.
  std::expected<TransferId, PaymentError> PayFromWallet(db::Connection& connection, core::UserId buyer,
                                                        core::OrderId order, std::int64_t amount);
  // cash → escrow: a confirmed bank deposit or cash collected on delivery.
  std::expected<TransferId, PaymentError> RecordCashPayment(db::Connection& connection, core::OrderId order,
                                                            std::int64_t amount, std::string_view reference,
                                                            std::optional<core::UserId> actor);
  // escrow → buyer wallet, the whole payment; not_paid without one.
  std::expected<TransferId, PaymentError> Refund(db::Connection& connection, core::OrderId order, core::UserId buyer,
                                                 std::optional<core::UserId> actor);
  // escrow → seller wallet, minus fee to the platform; not_paid without a payment.
  std::expected<TransferId, PaymentError> Release(db::Connection& connection, core::OrderId order,
                                                  core::SellerId seller, std::int64_t fee);
  // The won an order paid into escrow; nullopt when it has no payment.
  std::optional<std::int64_t> PaidAmount(db::Connection& connection, core::OrderId order);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The seller's wallet balance (what confirmed orders released to the shop).
core::Money SellerBalance(db::Database& database, core::SellerId seller);

std::span<const core::EmbeddedFile> Migrations();

}  // namespace manmulsang::payments
