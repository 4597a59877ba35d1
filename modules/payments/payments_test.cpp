#include <gtest/gtest.h>

#include <array>
#include <atomic>
#include <thread>
#include <vector>

#include "manmulsang/audit/audit.hpp"
#include "manmulsang/payments/payments.hpp"
#include "test_database.hpp"

namespace manmulsang::payments {
namespace {

class PaymentsTest : public ::testing::Test {
 protected:
  // Admin actions record an audit entry in their transaction: the audit log's table is there too,
  // and the settings' (the two-person rule's limit is one).
  static std::array<db::Database::ModuleMigrations, 3> Modules() {
    return {{{"audit", audit::Migrations()}, {"settings", settings::Migrations()}, {"payments", Migrations()}}};
  }

  void TearDown() override {
    LedgerAudit audit = payments_.Audit();
    EXPECT_EQ(audit.sum, 0);
    EXPECT_EQ(audit.unbalanced_transfers, 0);
    EXPECT_EQ(audit.negative_wallets, 0);
    EXPECT_EQ(audit.misstated_wallets, 0);
  }

  void TopUp(core::UserId user, std::int64_t won) {
    ASSERT_TRUE(payments_.CreditWallet({user, {won, core::Currency::kpw}, "입금표 1", kAdmin}).has_value());
  }

  static constexpr core::UserId kAdmin{1};
  static constexpr core::UserId kBuyer{7};
  testing::TestDatabase store_{Modules()};
  core::ManualClock clock_{core::FromUnixSeconds(1'790'000'000)};
  settings::SettingsService settings_{store_.database(), clock_};
  PaymentService payments_{store_.database(), clock_, settings_};
};

TEST_F(PaymentsTest, TopUpNeedsReferenceAndPositiveAmount) {
  EXPECT_EQ(payments_.CreditWallet({kBuyer, {1000, core::Currency::kpw}, "", kAdmin}).error(),
            PaymentError::reference_required);
  EXPECT_EQ(payments_.CreditWallet({kBuyer, {0, core::Currency::kpw}, "r", kAdmin}).error(),
            PaymentError::invalid_amount);
  EXPECT_EQ(payments_.CreditWallet({kBuyer, {-5, core::Currency::kpw}, "r", kAdmin}).error(),
            PaymentError::invalid_amount);
  EXPECT_EQ(payments_.CreditWallet({kBuyer, {5, core::Currency::usd}, "r", kAdmin}).error(),
            PaymentError::rate_unavailable);
  TopUp(kBuyer, 50'000);
  EXPECT_EQ(payments_.WalletBalance(kBuyer), (core::Money{50'000, core::Currency::kpw}));
  WalletStatement statement = payments_.Wallet(kBuyer);
  ASSERT_EQ(statement.entries.size(), 1u);
  EXPECT_EQ(statement.entries[0].kind, TransferKind::top_up);
  EXPECT_EQ(statement.entries[0].amount, 50'000);
  EXPECT_EQ(statement.entries[0].reference, "입금표 1");
}

TEST_F(PaymentsTest, TopUpInDollarsIsConvertedAtTheAdminsRate) {
  EXPECT_EQ(payments_.SetExchangeRate(core::Currency::kpw, kRateScale, kAdmin).error(), PaymentError::invalid_rate);
  EXPECT_EQ(payments_.SetExchangeRate(core::Currency::usd, 0, kAdmin).error(), PaymentError::invalid_rate);
  ASSERT_TRUE(payments_.SetExchangeRate(core::Currency::usd, 8'000 * kRateScale, kAdmin).has_value());
  ASSERT_TRUE(payments_.SetExchangeRate(core::Currency::usd, 8'100 * kRateScale, kAdmin).has_value());
  ASSERT_TRUE(payments_.CreditWallet({kBuyer, {1'050, core::Currency::usd}, "USD 현금", kAdmin}).has_value());
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 85'050);
  EXPECT_EQ(payments_.CurrentRates().Rate(core::Currency::usd), 8'100 * kRateScale);
}

TEST_F(PaymentsTest, PaymentRefundAndReleaseMoveThroughEscrow) {
  TopUp(kBuyer, 10'000);
  const core::OrderId order{42};
  auto paid = store_->Write(
      [&](db::Connection& connection) { return payments_.PayFromWallet(connection, kBuyer, order, 4'000); });
  ASSERT_TRUE(paid.has_value());
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 6'000);
  // One payment per order, whatever retries.
  auto again = store_->Write(
      [&](db::Connection& connection) { return payments_.PayFromWallet(connection, kBuyer, order, 4'000); });
  EXPECT_EQ(again.error(), PaymentError::already_recorded);
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 6'000);

  auto released = store_->Write(
      [&](db::Connection& connection) { return payments_.Release(connection, order, core::SellerId{3}, 200); });
  ASSERT_TRUE(released.has_value());
  EXPECT_EQ(SellerBalance(store_.database(), core::SellerId{3}).amount, 3'800);
  auto refund = store_->Write(
      [&](db::Connection& connection) { return payments_.Refund(connection, order, kBuyer, std::nullopt); });
  EXPECT_EQ(refund.error(), PaymentError::already_recorded);

  const core::OrderId other{43};
  auto not_paid = store_->Write(
      [&](db::Connection& connection) { return payments_.Refund(connection, other, kBuyer, std::nullopt); });
  EXPECT_EQ(not_paid.error(), PaymentError::not_paid);
  ASSERT_TRUE(
      store_
          ->Write([&](db::Connection& connection) { return payments_.PayFromWallet(connection, kBuyer, other, 6'000); })
          .has_value());
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 0);
  ASSERT_TRUE(
      store_->Write([&](db::Connection& connection) { return payments_.Refund(connection, other, kBuyer, kBuyer); })
          .has_value());
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 6'000);
}

TEST_F(PaymentsTest, WalletNeverGoesNegative) {
  TopUp(kBuyer, 1'000);
  auto short_of_money = store_->Write(
      [&](db::Connection& connection) { return payments_.PayFromWallet(connection, kBuyer, core::OrderId{1}, 1'001); });
  EXPECT_EQ(short_of_money.error(), PaymentError::insufficient_funds);
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 1'000);
}

TEST_F(PaymentsTest, OneWalletSpentFromManyThreadsNeverGoesNegative) {
  TopUp(kBuyer, 10'000);
  constexpr int kThreads = 8;
  constexpr int kAttemptsEach = 10;
  std::atomic<int> succeeded = 0;
  std::atomic<int> refused = 0;
  std::vector<std::thread> threads;
  for (int thread = 0; thread < kThreads; ++thread) {
    threads.emplace_back([&, thread] {
      for (int attempt = 0; attempt < kAttemptsEach; ++attempt) {
        core::OrderId order{thread * 1000 + attempt + 1};
        auto result = store_->Write(
            [&](db::Connection& connection) { return payments_.PayFromWallet(connection, kBuyer, order, 700); });
        if (result) {
          ++succeeded;
        } else {
          EXPECT_EQ(result.error(), PaymentError::insufficient_funds);
          ++refused;
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(succeeded, 14);  // 14 × 700 = 9,800 ≤ 10,000 < 15 × 700
  EXPECT_EQ(refused, kThreads * kAttemptsEach - 14);
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 200);
}

TEST_F(PaymentsTest, AnOrderIsPaidOnceWhenManyThreadsPayItAtOnce) {
  TopUp(kBuyer, 10'000);
  constexpr int kThreads = 8;
  std::atomic<int> succeeded = 0;
  std::vector<std::thread> threads;
  for (int thread = 0; thread < kThreads; ++thread) {
    threads.emplace_back([&] {
      auto result = store_->Write([&](db::Connection& connection) {
        return payments_.PayFromWallet(connection, kBuyer, core::OrderId{42}, 700);
      });
      if (result) {
        ++succeeded;
      } else {
        EXPECT_EQ(result.error(), PaymentError::already_recorded);
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(succeeded, 1);
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 9'300);
}

TEST_F(PaymentsTest, ARefusedPaymentChangesNoBalance) {
  TopUp(kBuyer, 1'000);
  ASSERT_TRUE(store_
                  ->Write([&](db::Connection& connection) {
                    return payments_.PayFromWallet(connection, kBuyer, core::OrderId{1}, 400);
                  })
                  .has_value());
  // The same order again: the wallet row must not move without its transfer.
  EXPECT_EQ(store_
                ->Write([&](db::Connection& connection) {
                  return payments_.PayFromWallet(connection, kBuyer, core::OrderId{1}, 400);
                })
                .error(),
            PaymentError::already_recorded);
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 600);
  EXPECT_EQ(payments_.Audit().misstated_wallets, 0);
}

TEST_F(PaymentsTest, LedgerIsAppendOnly) {
  TopUp(kBuyer, 1'000);
  EXPECT_THROW(store_->Write([](db::Connection& connection) {
    connection.Execute("UPDATE ledger_entries SET amount = amount * 2");
  }),
               db::DatabaseError);
  EXPECT_THROW(store_->Write([](db::Connection& connection) { connection.Execute("DELETE FROM ledger_transfers"); }),
               db::DatabaseError);
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 1'000);
}

// A row the code cannot read is a broken store: the read throws the store's error (a 500 and a
// log line), never a default kind or a silently skipped rate. Written past the schema's CHECKs.
TEST_F(PaymentsTest, UnreadableRowsAreDatabaseErrors) {
  TopUp(kBuyer, 5'000);
  const auto corrupt = [&](std::string_view sql) {
    testing::WritePastChecks(store_.database(), sql);
  };
  EXPECT_EQ(payments_.Wallet(kBuyer).entries.size(), 1u);
  // The ledger is append-only: the bad transfer is a new one, balanced, of a kind nobody knows.
  corrupt(
      "INSERT INTO ledger_transfers (kind, order_id, reference, actor_id, created_at) "
      "VALUES ('gift', NULL, 'x', NULL, 0)");
  corrupt(
      "INSERT INTO ledger_entries (transfer_id, account_id, amount) VALUES ((SELECT MAX(id) FROM "
      "ledger_transfers), (SELECT id FROM ledger_accounts WHERE kind = 'buyer_wallet' AND owner_id = 7), 100)");
  corrupt(
      "INSERT INTO ledger_entries (transfer_id, account_id, amount) VALUES ((SELECT MAX(id) FROM "
      "ledger_transfers), (SELECT MIN(id) FROM ledger_accounts WHERE kind = 'cash'), -100)");
  // The wallet's kept balance follows its entries, as a real transfer's would.
  corrupt("UPDATE ledger_accounts SET balance = balance + 100 WHERE kind = 'buyer_wallet' AND owner_id = 7");
  EXPECT_THROW((void)payments_.Wallet(kBuyer), db::DatabaseError);
  corrupt("INSERT INTO exchange_rates (currency, rate, updated_at, updated_by) VALUES ('XXX', 1, 0, 1)");
  EXPECT_THROW((void)payments_.CurrentRates(), db::DatabaseError);
}

}  // namespace
}  // namespace manmulsang::payments
