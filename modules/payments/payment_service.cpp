#include <array>
#include <string>
#include <vector>

#include "embedded/payments_migrations.hpp"
#include "ledger_repository.hpp"
#include "manmulsang/audit/audit.hpp"
#include "manmulsang/payments/payments.hpp"
#include "payment_service_impl.hpp"
#include "voucher_code.hpp"
#include "voucher_repository.hpp"

namespace manmulsang::payments {
namespace {

// The printed code's first group: enough to tell a batch's codes apart on its page, far too
// little to spend (60 random bits stay unknown).
constexpr std::size_t kVoucherPrefixLength = 4;

}  // namespace

PaymentService::PaymentService(db::Database& database, const core::Clock& clock, settings::SettingsService& settings)
    : impl_(std::make_unique<Impl>(database, clock, settings)) {}

PaymentService::~PaymentService() = default;

core::Money PaymentService::WalletBalance(core::UserId user) {
  return {impl_->database.Read([&](db::Connection& connection) {
            return LedgerRepository::Balance(connection, AccountKind::buyer_wallet, user.value);
          }),
          core::Currency::kpw};
}

WalletStatement PaymentService::Wallet(core::UserId user, int page, int per_page) {
  WalletStatement statement;
  statement.page = std::max(page, 1);
  statement.per_page = std::clamp(per_page, 1, kMaxPerPage);
  impl_->database.Read([&](db::Connection& connection) {
    statement.balance = {LedgerRepository::Balance(connection, AccountKind::buyer_wallet, user.value),
                         core::Currency::kpw};
    statement.total = LedgerRepository::CountWalletEntries(connection, user);
    statement.entries = LedgerRepository::WalletEntries(
        connection, user, statement.per_page, static_cast<std::int64_t>(statement.page - 1) * statement.per_page);
  });
  return statement;
}

WalletStatement PaymentService::SellerStatement(core::SellerId seller, int page, int per_page) {
  WalletStatement statement;
  statement.page = std::max(page, 1);
  statement.per_page = std::clamp(per_page, 1, kMaxPerPage);
  impl_->database.Read([&](db::Connection& connection) {
    statement.balance = {LedgerRepository::Balance(connection, AccountKind::seller_wallet, seller.value),
                         core::Currency::kpw};
    statement.total = LedgerRepository::CountSellerEntries(connection, seller);
    statement.entries = LedgerRepository::SellerEntries(
        connection, seller, statement.per_page, static_cast<std::int64_t>(statement.page - 1) * statement.per_page);
  });
  return statement;
}

ExchangeRates PaymentService::CurrentRates() {
  return impl_->database.Read([&](db::Connection& connection) { return RatesIn(connection); });
}

LedgerAudit PaymentService::Audit() {
  return impl_->database.Read([](db::Connection& connection) { return LedgerRepository::Audit(connection); });
}

std::expected<TransferId, PaymentError> PaymentService::CreditWallet(const WalletCredit& credit) {
  if (credit.reference.empty() || credit.reference.size() > kMaxReference) {
    return std::unexpected(PaymentError::reference_required);
  }
  if (credit.amount.amount <= 0) return std::unexpected(PaymentError::invalid_amount);
  return impl_->database.Write([&](db::Connection& connection) -> std::expected<TransferId, PaymentError> {
    auto won = RatesIn(connection).ToKpw(credit.amount);
    if (!won) return std::unexpected(won.error());
    if (!ValidAmount(*won)) return std::unexpected(PaymentError::invalid_amount);
    return impl_->CreditIn(connection, credit.user, *won, credit.reference, credit.admin);
  });
}

std::expected<TransferId, PaymentError> PaymentService::Impl::CreditIn(db::Connection& connection, core::UserId user,
                                                                       std::int64_t won, std::string_view reference,
                                                                       core::UserId admin) {
  const std::array<Leg, 2> legs = {
      Leg{LedgerRepository::AccountId(connection, AccountKind::cash, 0), -won},
      Leg{LedgerRepository::AccountId(connection, AccountKind::buyer_wallet, user.value), won}};
  const std::int64_t before = LedgerRepository::BalanceOf(connection, legs[1].account);
  auto moved = Move(connection, {TransferKind::top_up, std::nullopt, reference, admin, Now()}, legs);
  if (!moved) return moved;
  audit::RecordIn(connection, clock.Now(),
                  {admin, "wallet.credit", "member", std::to_string(user.value), std::to_string(before) + " KPW",
                   std::to_string(before + won) + " KPW", std::string(reference)});
  return moved;
}

std::expected<VoucherBatch, PaymentError> PaymentService::MintVouchers(core::UserId admin, std::int64_t count,
                                                                       std::int64_t amount_kpw, std::string_view note) {
  if (count < 1 || count > kMaxVoucherBatch) return std::unexpected(PaymentError::invalid_count);
  if (!ValidAmount(amount_kpw)) return std::unexpected(PaymentError::invalid_amount);
  if (note.size() > kMaxReference) return std::unexpected(PaymentError::reference_required);
  VoucherBatch batch;
  batch.amount = {amount_kpw, core::Currency::kpw};
  impl_->database.Write([&](db::Connection& connection) {
    batch.id = VoucherRepository::InsertBatch(connection, amount_kpw, count, note, admin.value, impl_->Now());
    // Made afresh in the body and assigned at its end: a body run again (PostgreSQL retries a
    // serialization failure) must not add to the codes of the run that rolled back.
    std::vector<std::string> codes;
    while (static_cast<std::int64_t>(codes.size()) < count) {
      std::string code = NewVoucherCode();
      const std::string hash = HashVoucherCode(*NormaliseVoucherCode(code));
      // 80 random bits do not collide in practice; checked anyway, since a code is money.
      if (VoucherRepository::Find(connection, hash)) continue;
      VoucherRepository::InsertVoucher(connection, batch.id, hash, code.substr(0, kVoucherPrefixLength));
      codes.push_back(std::move(code));
    }
    batch.codes = std::move(codes);
    audit::RecordIn(connection, impl_->clock.Now(),
                    {admin, "voucher_batch.mint", "voucher_batch", std::to_string(batch.id), "",
                     std::to_string(count) + " × " + std::to_string(amount_kpw) + " KPW", std::string(note)});
  });
  return batch;
}

std::expected<core::Money, PaymentError> PaymentService::RedeemVoucher(core::UserId user, std::string_view typed_code) {
  auto code = NormaliseVoucherCode(typed_code);
  if (!code) return std::unexpected(PaymentError::voucher_not_found);
  const std::string hash = HashVoucherCode(*code);
  return impl_->database.Write([&](db::Connection& connection) -> std::expected<core::Money, PaymentError> {
    auto voucher = VoucherRepository::Find(connection, hash);
    if (!voucher) return std::unexpected(PaymentError::voucher_not_found);
    if (voucher->redeemed || !VoucherRepository::MarkRedeemed(connection, voucher->id, user.value, impl_->Now())) {
      return std::unexpected(PaymentError::voucher_used);
    }
    const std::string reference = "voucher:" + std::to_string(voucher->id);
    const std::array<Leg, 2> legs = {
        Leg{LedgerRepository::AccountId(connection, AccountKind::cash, 0), -voucher->amount},
        Leg{LedgerRepository::AccountId(connection, AccountKind::buyer_wallet, user.value), voucher->amount}};
    auto moved = impl_->Move(connection, {TransferKind::top_up, std::nullopt, reference, user, impl_->Now()}, legs);
    if (!moved) return std::unexpected(moved.error());
    return core::Money{voucher->amount, core::Currency::kpw};
  });
}

std::expected<void, PaymentError> PaymentService::SetExchangeRate(core::Currency currency, std::int64_t rate,
                                                                  core::UserId admin) {
  if (currency == core::Currency::kpw || rate <= 0 || rate > kMaxRate) {
    return std::unexpected(PaymentError::invalid_rate);
  }
  impl_->database.Write([&](db::Connection& connection) {
    std::string before;
    for (auto [set, old_rate] : LedgerRepository::Rates(connection)) {
      if (set == currency) before = FormatRate(old_rate);
    }
    LedgerRepository::SetRate(connection, currency, rate, impl_->Now(), admin);
    audit::RecordIn(connection, impl_->clock.Now(),
                    {admin, "exchange_rate.set", "exchange_rate", std::string(core::CurrencyCode(currency)), before,
                     FormatRate(rate), ""});
  });
  return {};
}

ExchangeRates PaymentService::RatesIn(db::Connection& connection) {
  ExchangeRates rates;
  for (auto [currency, rate] : LedgerRepository::Rates(connection)) rates.Set(currency, rate);
  return rates;
}

std::expected<TransferId, PaymentError> PaymentService::PayFromWallet(db::Connection& connection, core::UserId buyer,
                                                                      core::OrderId order, std::int64_t amount,
                                                                      std::int64_t promotion) {
  if (amount < 0 || promotion < 0 || amount > kMaxTransfer || promotion > kMaxTransfer ||
      !ValidAmount(amount + promotion)) {
    return std::unexpected(PaymentError::invalid_amount);
  }
  const std::int64_t wallet = LedgerRepository::AccountId(connection, AccountKind::buyer_wallet, buyer.value);
  std::vector<Leg> legs = {Leg{wallet, -amount},
                           Leg{LedgerRepository::AccountId(connection, AccountKind::promotions, 0), -promotion},
                           Leg{LedgerRepository::AccountId(connection, AccountKind::escrow, 0), amount + promotion}};
  std::erase_if(legs, [](const Leg& leg) { return leg.amount == 0; });
  return impl_->Move(connection, {TransferKind::payment, order, "wallet", buyer, impl_->Now()}, legs);
}

void PaymentService::HoldWallet(db::Connection& connection, core::UserId member) {
  LedgerRepository::HoldAccount(connection,
                                LedgerRepository::AccountId(connection, AccountKind::buyer_wallet, member.value));
}

std::expected<TransferId, PaymentError> PaymentService::RecordCashPayment(db::Connection& connection,
                                                                          core::OrderId order, std::int64_t amount,
                                                                          std::string_view reference,
                                                                          std::optional<core::UserId> actor,
                                                                          std::int64_t promotion) {
  if (amount < 0 || promotion < 0 || amount > kMaxTransfer || promotion > kMaxTransfer ||
      !ValidAmount(amount + promotion)) {
    return std::unexpected(PaymentError::invalid_amount);
  }
  if (reference.empty() || reference.size() > kMaxReference) return std::unexpected(PaymentError::reference_required);
  std::vector<Leg> legs = {Leg{LedgerRepository::AccountId(connection, AccountKind::cash, 0), -amount},
                           Leg{LedgerRepository::AccountId(connection, AccountKind::promotions, 0), -promotion},
                           Leg{LedgerRepository::AccountId(connection, AccountKind::escrow, 0), amount + promotion}};
  std::erase_if(legs, [](const Leg& leg) { return leg.amount == 0; });
  return impl_->Move(connection, {TransferKind::payment, order, reference, actor, impl_->Now()}, legs);
}

std::optional<std::int64_t> PaymentService::PaidAmount(db::Connection& connection, core::OrderId order) {
  const std::int64_t escrow = LedgerRepository::AccountId(connection, AccountKind::escrow, 0);
  for (const Leg& leg : LedgerRepository::LegsOf(connection, order, TransferKind::payment)) {
    if (leg.account == escrow) return leg.amount;
  }
  return std::nullopt;
}

std::expected<TransferId, PaymentError> PaymentService::Refund(db::Connection& connection, core::OrderId order,
                                                               core::UserId buyer, std::optional<core::UserId> actor) {
  auto paid = PaidAmount(connection, order);
  if (!paid) return std::unexpected(PaymentError::not_paid);
  // Money already released to the shop is not in escrow any more.
  if (!LedgerRepository::LegsOf(connection, order, TransferKind::release).empty()) {
    return std::unexpected(PaymentError::already_recorded);
  }
  const std::int64_t escrow = LedgerRepository::AccountId(connection, AccountKind::escrow, 0);
  // What the marketplace's coupon put in goes back to promotions; the buyer gets what they paid.
  const std::int64_t promotion = PromotionPaid(connection, order);
  std::vector<Leg> legs = {
      Leg{escrow, -*paid},
      Leg{LedgerRepository::AccountId(connection, AccountKind::buyer_wallet, buyer.value), *paid - promotion},
      Leg{LedgerRepository::AccountId(connection, AccountKind::promotions, 0), promotion}};
  std::erase_if(legs, [](const Leg& leg) { return leg.amount == 0; });
  return impl_->Move(connection, {TransferKind::refund, order, "refund", actor, impl_->Now()}, legs);
}

std::int64_t PaymentService::PromotionPaid(db::Connection& connection, core::OrderId order) {
  const std::int64_t promotions = LedgerRepository::AccountId(connection, AccountKind::promotions, 0);
  for (const Leg& leg : LedgerRepository::LegsOf(connection, order, TransferKind::payment)) {
    if (leg.account == promotions) return -leg.amount;
  }
  return 0;
}

std::int64_t PaymentService::PromotionsBalance() {
  return impl_->database.Read([&](db::Connection& connection) {
    return LedgerRepository::Balance(connection, AccountKind::promotions, 0);
  });
}

std::expected<TransferId, PaymentError> PaymentService::Release(db::Connection& connection, core::OrderId order,
                                                                core::SellerId seller, std::int64_t fee) {
  auto paid = PaidAmount(connection, order);
  if (!paid) return std::unexpected(PaymentError::not_paid);
  if (fee < 0 || fee > *paid) return std::unexpected(PaymentError::invalid_amount);
  if (!LedgerRepository::LegsOf(connection, order, TransferKind::refund).empty()) {
    return std::unexpected(PaymentError::already_recorded);
  }
  std::vector<Leg> legs = {
      Leg{LedgerRepository::AccountId(connection, AccountKind::escrow, 0), -*paid},
      Leg{LedgerRepository::AccountId(connection, AccountKind::seller_wallet, seller.value), *paid - fee}};
  if (fee > 0) legs.push_back({LedgerRepository::AccountId(connection, AccountKind::platform_fees, 0), fee});
  // A zero leg says nothing (and the table refuses it): a 100% fee leaves the shop's leg out.
  std::erase_if(legs, [](const Leg& leg) { return leg.amount == 0; });
  return impl_->Move(connection, {TransferKind::release, order, "release", std::nullopt, impl_->Now()}, legs);
}

core::Money SellerBalance(db::Database& database, core::SellerId seller) {
  return {database.Read([&](db::Connection& connection) {
            return LedgerRepository::Balance(connection, AccountKind::seller_wallet, seller.value);
          }),
          core::Currency::kpw};
}

std::span<const core::EmbeddedFile> Migrations() { return embedded::payments_migrations(); }

}  // namespace manmulsang::payments
