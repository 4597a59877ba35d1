#pragma once

#include <cstdint>
#include <expected>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "manmulsang/core/clock.hpp"
#include "manmulsang/core/embedded_file.hpp"
#include "manmulsang/db/database.hpp"
#include "manmulsang/payments/errors.hpp"
#include "manmulsang/payments/exchange.hpp"
#include "manmulsang/payments/ledger.hpp"
#include "manmulsang/payments/payouts.hpp"
#include "manmulsang/settings/settings.hpp"

namespace manmulsang::payments {

// Wallets, escrow and exchange rates over an append-only double-entry ledger (docs/BUYING.md).
// Methods taking a db::Connection& run inside the caller's write transaction: the caller's
// rollback undoes them with everything else.
class PaymentService {
 public:
  // settings: the two-person rule's credit limit is read from it at every credit.
  PaymentService(db::Database& database, const core::Clock& clock, settings::SettingsService& settings);
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
  // cash → the member's wallet; audited ("wallet.credit") with the admin and the reference.
  std::expected<TransferId, PaymentError> CreditWallet(const WalletCredit& credit);
  // count codes worth amount_kpw each; nothing moves in the ledger until one is redeemed.
  // Audited ("voucher_batch.mint").
  std::expected<VoucherBatch, PaymentError> MintVouchers(core::UserId admin, std::int64_t count,
                                                         std::int64_t amount_kpw, std::string_view note);
  // Credits the voucher's amount to the user's wallet, once per code; returns the amount.
  std::expected<core::Money, PaymentError> RedeemVoucher(core::UserId user, std::string_view typed_code);
  // rate: won per major unit × kRateScale; KPW cannot be set. Kept in the history and audited
  // ("exchange_rate.set").
  std::expected<void, PaymentError> SetExchangeRate(core::Currency currency, std::int64_t rate, core::UserId admin);

  // --- Steps inside a caller's transaction ---
  ExchangeRates RatesIn(db::Connection& connection);
  // Takes the member's wallet account row for the rest of the transaction, before any listing,
  // product or order row (the one lock order on PostgreSQL; nothing on SQLite, whose writer is
  // alone). Checkout calls it first when it pays from the wallet.
  void HoldWallet(db::Connection& connection, core::UserId member);
  // buyer wallet → escrow; insufficient_funds when the wallet holds less than amount. promotion:
  // the marketplace's coupon share of the order, a leg promotions → escrow in the same transfer
  // (docs/BUYING.md §10), so escrow holds the full price; amount may then be 0.
  std::expected<TransferId, PaymentError> PayFromWallet(db::Connection& connection, core::UserId buyer,
                                                        core::OrderId order, std::int64_t amount,
                                                        std::int64_t promotion = 0);
  // cash → escrow: a confirmed bank deposit or cash collected on delivery (promotion as above).
  std::expected<TransferId, PaymentError> RecordCashPayment(db::Connection& connection, core::OrderId order,
                                                            std::int64_t amount, std::string_view reference,
                                                            std::optional<core::UserId> actor,
                                                            std::int64_t promotion = 0);
  // escrow → buyer wallet, the whole payment; not_paid without one. The promotions leg of the
  // payment goes back to promotions, so the buyer gets back what they paid.
  std::expected<TransferId, PaymentError> Refund(db::Connection& connection, core::OrderId order, core::UserId buyer,
                                                 std::optional<core::UserId> actor);
  // escrow → seller wallet, minus fee to the platform; not_paid without a payment.
  std::expected<TransferId, PaymentError> Release(db::Connection& connection, core::OrderId order,
                                                  core::SellerId seller, std::int64_t fee);
  // The won an order paid into escrow; nullopt when it has no payment.
  std::optional<std::int64_t> PaidAmount(db::Connection& connection, core::OrderId order);
  // An admin's partial decision on a dispute: of what escrow holds for the order, refund_kpw goes
  // back to the buyer's wallet (a refund transfer) and the rest to the shop minus fee (a release
  // transfer, as at confirmation), both in the caller's transaction, each balanced. The fee is
  // the caller's, computed on the rest. invalid_amount when refund_kpw is not 1..what the buyer
  // paid (escrow less a marketplace coupon's part, which stays with the sale) or the fee
  // not 0..rest; not_paid; already_recorded when the order has a refund or a release already.
  // When refund_kpw is the whole payment there is nothing to release and only the refund is made.
  std::expected<EscrowSplit, PaymentError> SplitEscrow(db::Connection& connection, core::OrderId order,
                                                       core::UserId buyer, core::SellerId seller,
                                                       std::int64_t refund_kpw, std::int64_t fee,
                                                       std::optional<core::UserId> actor);
  // The won escrow gave back to the buyer for the order (a refund, whole or part); nullopt when
  // none. A read: it creates no account.
  std::optional<std::int64_t> RefundedAmount(db::Connection& connection, core::OrderId order);
  // The won the marketplace's coupons put into that order's escrow (0 without a payment).
  std::int64_t PromotionPaid(db::Connection& connection, core::OrderId order);
  // The promotions account's balance (negative: what the marketplace's coupons have cost).
  std::int64_t PromotionsBalance();

  // --- Payouts (docs/BUYING.md §2a). The caller checks that the requester may act for the
  // owner (the shop's owner, the member themself); admin routes check the role. ---
  // The won the owner's wallet holds (what a payout may take).
  std::int64_t PayoutBalance(PayoutOwner owner);
  // wallet → payout clearing in the request's transaction: amount_below_minimum, invalid_amount,
  // invalid_bank / invalid_account_number / invalid_account_holder, payout_open (one open request
  // per owner), insufficient_funds (more than the wallet holds).
  std::expected<Payout, PaymentError> RequestPayout(PayoutOwner owner, core::UserId requester,
                                                    const PayoutRequest& request);
  // requested → approved; payout_not_found, payout_decided. Audited ("payout.approve").
  std::expected<Payout, PaymentError> ApprovePayout(core::UserId admin, PayoutId id);
  // approved → paid, payout clearing → cash (at the office) or bank; of two admins racing, one
  // pays and the other gets payout_decided. Audited ("payout.paid").
  std::expected<Payout, PaymentError> MarkPayoutPaid(core::UserId admin, PayoutId id);
  // requested or approved → rejected with the reason the requester reads (reason_required when
  // blank or longer than kMaxPayoutReason); the money goes back to the wallet. Audited ("payout.reject").
  std::expected<Payout, PaymentError> RejectPayout(core::UserId admin, PayoutId id, std::string_view reason);
  std::optional<Payout> FindPayout(PayoutId id);
  // The owner's requests, newest first (the last 100).
  std::vector<Payout> PayoutsOf(PayoutOwner owner);
  // The admin's queue (PayoutFilter says the order).
  PayoutPage Payouts(const PayoutFilter& filter);
  // Requested and approved requests: the admin home's queue count.
  std::int64_t CountPayoutsAwaiting();

  // --- The two-person rule for large credits (docs/BUYING.md §2a) ---
  // A credit in won of at most the settings' credit_second_approval_above, read in the credit's
  // own transaction, is credited at once (audited "wallet.credit"); a larger one waits as a
  // pending credit (audited "wallet.credit_request"), nothing moved yet. invalid_amount,
  // reference_required.
  std::expected<CreditOutcome, PaymentError> RequestCredit(const WalletCredit& credit);
  // The limit RequestCredit applies now (won; a credit above it waits; 0: every credit waits).
  std::int64_t CreditSecondApprovalAbove();
  // A second admin credits it (once, whoever races): credit_not_found, credit_decided,
  // second_admin_required when admin asked for it. Audited ("wallet.credit" with the approver).
  std::expected<TransferId, PaymentError> ApproveCredit(core::UserId admin, std::int64_t pending);
  // Drops it with a reason (reason_required when blank); audited ("wallet.credit_reject").
  std::expected<void, PaymentError> RejectCredit(core::UserId admin, std::int64_t pending, std::string_view reason);
  // The credits waiting for a second admin, oldest first.
  std::vector<PendingCredit> PendingCredits();

  // --- The money desk's records ---
  // Admins' wallet credits against cash deposits, newest first.
  std::vector<CreditRecord> RecentCredits(int limit = 20);
  // Every exchange rate set, newest first.
  std::vector<RateChange> RateHistory(int limit = 50);
  // Voucher batches newest first, with how many of each were redeemed.
  std::vector<VoucherBatchSummary> VoucherBatches(int page = 1, int per_page = 50);
  std::int64_t CountVoucherBatches();
  std::optional<VoucherBatchDetail> FindVoucherBatch(std::int64_t batch);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The seller's wallet balance (what confirmed orders released to the shop).
core::Money SellerBalance(db::Database& database, core::SellerId seller);

std::span<const core::EmbeddedFile> Migrations();

}  // namespace manmulsang::payments
