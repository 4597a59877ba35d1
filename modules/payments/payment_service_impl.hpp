#pragma once

// PaymentService's state and the one place money moves (payment_service.cpp), shared with the
// payout and money-desk halves of the service (payout_service.cpp, money_desk.cpp).

#include <algorithm>
#include <span>
#include <stdexcept>

#include "ledger_repository.hpp"
#include "manmulsang/payments/payments.hpp"

namespace manmulsang::payments {

// No single movement of money is larger than this (a trillion won): anything bigger is a typing
// error, and sums of such amounts stay far from overflow.
inline constexpr std::int64_t kMaxTransfer = 1'000'000'000'000;
inline constexpr std::size_t kMaxReference = 200;
inline constexpr int kMaxPerPage = 100;

inline bool ValidAmount(std::int64_t amount) { return amount > 0 && amount <= kMaxTransfer; }

struct PaymentService::Impl {
  db::Database& database;
  const core::Clock& clock;
  settings::SettingsService& settings;

  std::int64_t Now() const { return core::ToUnixSeconds(clock.Now()); }

  // Every movement goes through here: the legs must balance, and a wallet that gives money must
  // hold it. The wallets' rows are written first (the one lock order: wallet account, listing,
  // product, order), each by a conditional UPDATE, so that no interleaving of writers on any
  // store spends a won twice. An error leaves writes behind that the caller's transaction rolls
  // back (every caller returns it from its Write).
  std::expected<TransferId, PaymentError> Move(db::Connection& connection, const NewTransfer& transfer,
                                               std::span<const Leg> legs) {
    std::int64_t sum = 0;
    for (const Leg& leg : legs) sum += leg.amount;
    if (sum != 0) throw std::logic_error("an unbalanced transfer was built");
    for (const Leg& leg : legs) {
      if (!LedgerRepository::ApplyToWallet(connection, leg)) return std::unexpected(PaymentError::insufficient_funds);
    }
    auto id = LedgerRepository::Insert(connection, transfer, legs);
    if (!id) return std::unexpected(PaymentError::already_recorded);
    return *id;
  }

  // cash → the member's wallet, won already converted and checked; audited as "wallet.credit" by
  // admin (the one who asked, or the second admin who approved a large credit).
  std::expected<TransferId, PaymentError> CreditIn(db::Connection& connection, core::UserId user, std::int64_t won,
                                                   std::string_view reference, core::UserId admin);
};

}  // namespace manmulsang::payments
