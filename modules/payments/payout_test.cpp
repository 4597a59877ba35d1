// Payouts: a shop's or a member's wallet → payout clearing → cash or bank, or back on a rejection;
// one open request per owner; two admins racing "paid" pay once. After every test the ledger sums
// to zero, every transfer balances and no wallet is below zero.

#include <gtest/gtest.h>

#include <array>
#include <atomic>
#include <thread>
#include <vector>

#include "manmulsang/audit/audit.hpp"
#include "manmulsang/notifications/notifications.hpp"
#include "manmulsang/payments/payments.hpp"
#include "test_database.hpp"

namespace manmulsang::payments {
namespace {

class PayoutTest : public ::testing::Test {
 protected:
  static std::array<db::Database::ModuleMigrations, 4> Modules() {
    return {{{"audit", audit::Migrations()},
             {"notifications", notifications::Migrations()},
             {"settings", settings::Migrations()},
             {"payments", Migrations()}}};
  }

  void TearDown() override {
    const LedgerAudit audit = payments_.Audit();
    EXPECT_EQ(audit.sum, 0);
    EXPECT_EQ(audit.unbalanced_transfers, 0);
    EXPECT_EQ(audit.negative_wallets, 0);
    EXPECT_EQ(audit.misstated_wallets, 0);
  }

  void TopUp(core::UserId user, std::int64_t won) {
    ASSERT_TRUE(payments_.CreditWallet({user, {won, core::Currency::kpw}, "입금표 1", kAdmin}).has_value());
  }

  // A shop's balance as confirmed orders leave it: a paid order released to the shop, no fee.
  void Earn(core::SellerId shop, std::int64_t won) {
    TopUp(kBuyer, won);
    const core::OrderId order{++orders_};
    ASSERT_TRUE(store_->Write([&](db::Connection& connection) -> std::expected<void, PaymentError> {
      if (auto paid = payments_.PayFromWallet(connection, kBuyer, order, won); !paid)
        return std::unexpected(paid.error());
      if (auto released = payments_.Release(connection, order, shop, 0); !released) {
        return std::unexpected(released.error());
      }
      return {};
    }));
  }

  static PayoutRequest Bank(std::int64_t won) {
    return {won, PayoutMethod::bank, "조선중앙은행", "0101-2345-6789", "김철수"};
  }
  static PayoutRequest Cash(std::int64_t won) { return {won, PayoutMethod::cash, "", "", ""}; }

  std::int64_t HouseBalance(std::string_view kind) {
    return store_->Read([&](db::Connection& connection) {
      return connection
          .QueryOne(
              "SELECT COALESCE(SUM(e.amount), 0) FROM ledger_entries e JOIN ledger_accounts a "
              "ON a.id = e.account_id WHERE a.kind = $1",
              {kind})
          ->Int(0);
    });
  }
  std::int64_t AuditCount(std::string_view action) {
    return store_->Read([&](db::Connection& connection) {
      return connection.QueryOne("SELECT COUNT(*) FROM audit_entries WHERE action = $1", {action})->Int(0);
    });
  }

  static constexpr core::UserId kAdmin{1};
  static constexpr core::UserId kOtherAdmin{2};
  static constexpr core::UserId kBuyer{7};
  static constexpr core::UserId kOwner{8};
  static constexpr core::SellerId kShop{3};
  std::int64_t orders_ = 0;
  testing::TestDatabase store_{Modules()};
  core::ManualClock clock_{core::FromUnixSeconds(1'790'000'000)};
  settings::SettingsService settings_{store_.database(), clock_};
  PaymentService payments_{store_.database(), clock_, settings_};
};

TEST_F(PayoutTest, AShopsBalanceGoesToClearingThenToTheBank) {
  Earn(kShop, 50'000);
  const PayoutOwner shop = PayoutOwner::Shop(kShop);
  auto payout = payments_.RequestPayout(shop, kOwner, Bank(30'000));
  ASSERT_TRUE(payout.has_value()) << ErrorCode(payout.error());
  EXPECT_EQ(payout->status, PayoutStatus::requested);
  EXPECT_EQ(payout->bank, "조선중앙은행");
  EXPECT_EQ(payout->account_number, "0101-2345-6789");
  EXPECT_EQ(payments_.PayoutBalance(shop), 20'000);  // what is promised cannot be spent twice
  EXPECT_EQ(HouseBalance("payout_clearing"), 30'000);
  EXPECT_EQ(payments_.CountPayoutsAwaiting(), 1);

  // Paid only after approval.
  EXPECT_EQ(payments_.MarkPayoutPaid(kAdmin, payout->id).error(), PaymentError::payout_decided);
  auto approved = payments_.ApprovePayout(kAdmin, payout->id);
  ASSERT_TRUE(approved.has_value());
  EXPECT_EQ(approved->status, PayoutStatus::approved);
  EXPECT_EQ(approved->decided_by, kAdmin);
  EXPECT_EQ(payments_.CountPayoutsAwaiting(), 1);
  auto paid = payments_.MarkPayoutPaid(kAdmin, payout->id);
  ASSERT_TRUE(paid.has_value());
  EXPECT_EQ(paid->status, PayoutStatus::paid);
  EXPECT_EQ(HouseBalance("payout_clearing"), 0);
  EXPECT_EQ(HouseBalance("bank"), 30'000);
  EXPECT_EQ(payments_.PayoutBalance(shop), 20'000);
  EXPECT_EQ(payments_.CountPayoutsAwaiting(), 0);
  // Each decision is in the audit log.
  EXPECT_EQ(AuditCount("payout.approve"), 1);
  EXPECT_EQ(AuditCount("payout.paid"), 1);
  // The shop's statement shows the withdrawal.
  const WalletStatement statement = payments_.SellerStatement(kShop);
  ASSERT_FALSE(statement.entries.empty());
  EXPECT_EQ(statement.entries.front().kind, TransferKind::payout);
  EXPECT_EQ(statement.entries.front().amount, -30'000);
  // Decided requests are not decided again.
  EXPECT_EQ(payments_.ApprovePayout(kAdmin, payout->id).error(), PaymentError::payout_decided);
  EXPECT_EQ(payments_.RejectPayout(kAdmin, payout->id, "늦음").error(), PaymentError::payout_decided);
  EXPECT_EQ(payments_.ApprovePayout(kAdmin, PayoutId{999}).error(), PaymentError::payout_not_found);
}

TEST_F(PayoutTest, AMemberCashesOutAtTheOffice) {
  TopUp(kBuyer, 10'000);
  const PayoutOwner member = PayoutOwner::Member(kBuyer);
  // Cash needs no bank details, and whatever was typed there is not kept.
  auto payout = payments_.RequestPayout(member, kBuyer, {10'000, PayoutMethod::cash, "x", "y", "z"});
  ASSERT_TRUE(payout.has_value());
  EXPECT_EQ(payout->bank, "");
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 0);
  ASSERT_TRUE(payments_.ApprovePayout(kAdmin, payout->id));
  ASSERT_TRUE(payments_.MarkPayoutPaid(kAdmin, payout->id));
  // The cash box gave the money back out (it is negative as deposits come in).
  EXPECT_EQ(HouseBalance("cash"), 0);
  ASSERT_EQ(payments_.PayoutsOf(member).size(), 1u);
  EXPECT_EQ(payments_.PayoutsOf(member).front().status, PayoutStatus::paid);
  EXPECT_TRUE(payments_.PayoutsOf(PayoutOwner::Shop(core::SellerId{kBuyer.value})).empty());
}

TEST_F(PayoutTest, RejectionReturnsTheMoneyWithTheReason) {
  Earn(kShop, 5'000);
  const PayoutOwner shop = PayoutOwner::Shop(kShop);
  auto payout = payments_.RequestPayout(shop, kOwner, Bank(5'000));
  ASSERT_TRUE(payout.has_value());
  EXPECT_EQ(payments_.PayoutBalance(shop), 0);
  EXPECT_EQ(payments_.RejectPayout(kAdmin, payout->id, "   ").error(), PaymentError::reason_required);
  EXPECT_EQ(payments_.RejectPayout(kAdmin, payout->id, std::string(501, 'x')).error(), PaymentError::reason_required);
  auto rejected = payments_.RejectPayout(kAdmin, payout->id, "  예금주 이름이 상점 주인과 다릅니다 ");
  ASSERT_TRUE(rejected.has_value());
  EXPECT_EQ(rejected->status, PayoutStatus::rejected);
  EXPECT_EQ(rejected->reason, "예금주 이름이 상점 주인과 다릅니다");
  EXPECT_EQ(payments_.PayoutBalance(shop), 5'000);
  EXPECT_EQ(HouseBalance("payout_clearing"), 0);
  EXPECT_EQ(AuditCount("payout.reject"), 1);
  // Rejected from approved too; the shop may ask again once nothing is open.
  auto again = payments_.RequestPayout(shop, kOwner, Cash(5'000));
  ASSERT_TRUE(again.has_value());
  ASSERT_TRUE(payments_.ApprovePayout(kAdmin, again->id));
  ASSERT_TRUE(payments_.RejectPayout(kAdmin, again->id, "창구에 오지 않음"));
  EXPECT_EQ(payments_.PayoutBalance(shop), 5'000);
  EXPECT_EQ(payments_.MarkPayoutPaid(kAdmin, again->id).error(), PaymentError::payout_decided);
}

TEST_F(PayoutTest, LimitsAndBadInputChangeNothing) {
  Earn(kShop, 20'000);
  const PayoutOwner shop = PayoutOwner::Shop(kShop);
  EXPECT_EQ(payments_.RequestPayout(shop, kOwner, Bank(999)).error(), PaymentError::amount_below_minimum);
  EXPECT_EQ(payments_.RequestPayout(shop, kOwner, Bank(-5)).error(), PaymentError::amount_below_minimum);
  EXPECT_EQ(payments_.RequestPayout(shop, kOwner, Bank(2'000'000'000'000)).error(), PaymentError::invalid_amount);
  EXPECT_EQ(payments_.RequestPayout(shop, kOwner, Bank(20'001)).error(), PaymentError::insufficient_funds);
  EXPECT_EQ(payments_.RequestPayout(shop, kOwner, {5'000, PayoutMethod::bank, " ", "0101-2345", "김"}).error(),
            PaymentError::invalid_bank);
  EXPECT_EQ(payments_.RequestPayout(shop, kOwner, {5'000, PayoutMethod::bank, "은행", "12a4", "김"}).error(),
            PaymentError::invalid_account_number);
  EXPECT_EQ(payments_.RequestPayout(shop, kOwner, {5'000, PayoutMethod::bank, "은행", "123", "김"}).error(),
            PaymentError::invalid_account_number);
  EXPECT_EQ(payments_.RequestPayout(shop, kOwner, {5'000, PayoutMethod::bank, "은행", "1234", "\x01"}).error(),
            PaymentError::invalid_account_holder);
  EXPECT_EQ(
      payments_.RequestPayout(shop, kOwner, {5'000, PayoutMethod::bank, std::string(41, 'b'), "1234", "김"}).error(),
      PaymentError::invalid_bank);
  EXPECT_TRUE(payments_.PayoutsOf(shop).empty());
  EXPECT_EQ(payments_.PayoutBalance(shop), 20'000);

  // One open request at a time, whatever its amount.
  ASSERT_TRUE(payments_.RequestPayout(shop, kOwner, Bank(5'000)));
  EXPECT_EQ(payments_.RequestPayout(shop, kOwner, Cash(1'000)).error(), PaymentError::payout_open);
  EXPECT_EQ(payments_.PayoutsOf(shop).size(), 1u);
  EXPECT_EQ(payments_.PayoutBalance(shop), 15'000);
}

TEST_F(PayoutTest, TwoAdminsRacingPaidPayOnce) {
  Earn(kShop, 100'000);
  const PayoutOwner shop = PayoutOwner::Shop(kShop);
  for (int round = 0; round < 5; ++round) {
    auto payout = payments_.RequestPayout(shop, kOwner, Cash(10'000));
    ASSERT_TRUE(payout.has_value());
    ASSERT_TRUE(payments_.ApprovePayout(kAdmin, payout->id));
    std::atomic<int> paid = 0;
    std::atomic<int> refused = 0;
    std::vector<std::thread> admins;
    for (core::UserId admin : {kAdmin, kOtherAdmin, kAdmin, kOtherAdmin}) {
      admins.emplace_back([&, admin] {
        auto result = payments_.MarkPayoutPaid(admin, payout->id);
        if (result) {
          ++paid;
        } else if (result.error() == PaymentError::payout_decided) {
          ++refused;
        }
      });
    }
    for (std::thread& admin : admins) admin.join();
    EXPECT_EQ(paid.load(), 1);
    EXPECT_EQ(refused.load(), 3);
  }
  EXPECT_EQ(payments_.PayoutBalance(shop), 50'000);
  EXPECT_EQ(HouseBalance("payout_clearing"), 0);
  EXPECT_EQ(AuditCount("payout.paid"), 5);
}

TEST_F(PayoutTest, ConcurrentRequestsOfOneOwnerOpenOne) {
  TopUp(kBuyer, 8'000);
  const PayoutOwner member = PayoutOwner::Member(kBuyer);
  std::atomic<int> opened = 0;
  std::vector<std::thread> tabs;
  for (int tab = 0; tab < 8; ++tab) {
    tabs.emplace_back([&] {
      if (payments_.RequestPayout(member, kBuyer, Cash(5'000))) ++opened;
    });
  }
  for (std::thread& tab : tabs) tab.join();
  EXPECT_EQ(opened.load(), 1);
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 3'000);
}

TEST_F(PayoutTest, TheAdminQueueListsAwaitingRequestsFirst) {
  Earn(kShop, 10'000);
  TopUp(kBuyer, 10'000);
  auto first = payments_.RequestPayout(PayoutOwner::Shop(kShop), kOwner, Cash(2'000));
  ASSERT_TRUE(first.has_value());
  ASSERT_TRUE(payments_.ApprovePayout(kAdmin, first->id));
  ASSERT_TRUE(payments_.MarkPayoutPaid(kAdmin, first->id));
  auto second = payments_.RequestPayout(PayoutOwner::Member(kBuyer), kBuyer, Cash(2'000));
  auto third = payments_.RequestPayout(PayoutOwner::Shop(kShop), kOwner, Cash(2'000));
  ASSERT_TRUE(second.has_value());
  ASSERT_TRUE(third.has_value());
  ASSERT_TRUE(payments_.ApprovePayout(kAdmin, third->id));

  const PayoutPage all = payments_.Payouts({});
  ASSERT_EQ(all.total, 3);
  ASSERT_EQ(all.items.size(), 3u);
  EXPECT_EQ(all.items[0].id, second->id);  // requested
  EXPECT_EQ(all.items[1].id, third->id);   // approved
  EXPECT_EQ(all.items[2].id, first->id);   // paid
  const PayoutPage approved = payments_.Payouts({PayoutStatus::approved});
  ASSERT_EQ(approved.total, 1);
  EXPECT_EQ(approved.items.front().id, third->id);
  EXPECT_EQ(payments_.CountPayoutsAwaiting(), 2);
  ASSERT_TRUE(payments_.RejectPayout(kAdmin, second->id, "본인 확인 필요"));
  ASSERT_TRUE(payments_.RejectPayout(kAdmin, third->id, "본인 확인 필요"));
}

TEST_F(PayoutTest, MoneyDeskRecordsCreditsRatesAndBatches) {
  TopUp(kBuyer, 3'000);
  auto batch = payments_.MintVouchers(kAdmin, 3, 1'000, "설날");
  ASSERT_TRUE(batch.has_value());
  ASSERT_TRUE(payments_.RedeemVoucher(kOwner, batch->codes[1]));
  const std::vector<CreditRecord> credits = payments_.RecentCredits();
  ASSERT_EQ(credits.size(), 1u);  // the voucher's top-up is not a counter credit
  EXPECT_EQ(credits.front().member, kBuyer);
  EXPECT_EQ(credits.front().amount, 3'000);
  EXPECT_EQ(credits.front().reference, "입금표 1");
  EXPECT_EQ(AuditCount("wallet.credit"), 1);
  EXPECT_EQ(AuditCount("voucher_batch.mint"), 1);

  auto detail = payments_.FindVoucherBatch(batch->id);
  ASSERT_TRUE(detail.has_value());
  EXPECT_EQ(detail->batch.count, 3);
  EXPECT_EQ(detail->batch.redeemed, 1);
  EXPECT_EQ(detail->batch.note, "설날");
  ASSERT_EQ(detail->vouchers.size(), 3u);
  EXPECT_EQ(detail->vouchers[1].index, 2);
  EXPECT_EQ(detail->vouchers[1].prefix, batch->codes[1].substr(0, 4));
  EXPECT_EQ(detail->vouchers[1].redeemed_by, kOwner);
  EXPECT_FALSE(detail->vouchers[0].redeemed_by.has_value());
  EXPECT_EQ(payments_.VoucherBatches().size(), 1u);
  EXPECT_EQ(payments_.CountVoucherBatches(), 1);
  EXPECT_FALSE(payments_.FindVoucherBatch(batch->id + 1).has_value());

  ASSERT_TRUE(payments_.SetExchangeRate(core::Currency::usd, 82'505'000, kAdmin));
  ASSERT_TRUE(payments_.SetExchangeRate(core::Currency::usd, 83'000'000, kOtherAdmin));
  const std::vector<RateChange> history = payments_.RateHistory();
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].rate, 83'000'000);
  EXPECT_EQ(history[0].previous_rate, 82'505'000);
  EXPECT_EQ(history[0].admin, kOtherAdmin);
  EXPECT_FALSE(history[1].previous_rate.has_value());
  EXPECT_EQ(AuditCount("exchange_rate.set"), 2);
}

TEST_F(PayoutTest, ALargeCreditWaitsForASecondAdminAndIsCreditedOnce) {
  // The settings' default until an admin changes it.
  const std::int64_t limit = payments_.CreditSecondApprovalAbove();
  EXPECT_EQ(limit, settings::Settings{}.credit_second_approval_above);
  EXPECT_EQ(limit, 1'000'000);
  // At the limit: credited at once.
  auto small = payments_.RequestCredit({kBuyer, {limit, core::Currency::kpw}, "입금표 5", kAdmin});
  ASSERT_TRUE(small.has_value());
  EXPECT_TRUE(small->transfer.has_value());
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, limit);

  auto large = payments_.RequestCredit({kBuyer, {5'000'000, core::Currency::kpw}, "입금표 6", kAdmin});
  ASSERT_TRUE(large.has_value());
  ASSERT_TRUE(large->pending.has_value());
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, limit);  // nothing moved yet
  ASSERT_EQ(payments_.PendingCredits().size(), 1u);
  EXPECT_EQ(payments_.ApproveCredit(kAdmin, *large->pending).error(), PaymentError::second_admin_required);
  EXPECT_EQ(payments_.ApproveCredit(kOtherAdmin, 999).error(), PaymentError::credit_not_found);

  std::atomic<int> credited = 0;
  std::vector<std::thread> admins;
  for (core::UserId admin : {kOtherAdmin, core::UserId{3}, kOtherAdmin}) {
    admins.emplace_back([&, admin] {
      if (payments_.ApproveCredit(admin, *large->pending)) ++credited;
    });
  }
  for (std::thread& admin : admins) admin.join();
  EXPECT_EQ(credited.load(), 1);
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, limit + 5'000'000);
  EXPECT_TRUE(payments_.PendingCredits().empty());
  EXPECT_EQ(payments_.RejectCredit(kOtherAdmin, *large->pending, "늦음").error(), PaymentError::credit_decided);
  EXPECT_EQ(AuditCount("wallet.credit_request"), 1);
  EXPECT_EQ(AuditCount("wallet.credit"), 2);

  auto rejected = payments_.RequestCredit({kBuyer, {2'000'000, core::Currency::kpw}, "입금표 7", kAdmin});
  ASSERT_TRUE(rejected.has_value() && rejected->pending.has_value());
  EXPECT_EQ(payments_.RejectCredit(kOtherAdmin, *rejected->pending, " ").error(), PaymentError::reason_required);
  ASSERT_TRUE(payments_.RejectCredit(kAdmin, *rejected->pending, "입금표와 금액이 다름"));
  EXPECT_EQ(payments_.ApproveCredit(kOtherAdmin, *rejected->pending).error(), PaymentError::credit_decided);
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, limit + 5'000'000);
  EXPECT_EQ(payments_.RequestCredit({kBuyer, {5'000'000, core::Currency::kpw}, "", kAdmin}).error(),
            PaymentError::reference_required);
  EXPECT_EQ(payments_.RequestCredit({kBuyer, {5'000, core::Currency::kpw}, "", kAdmin}).error(),
            PaymentError::reference_required);
  EXPECT_EQ(payments_.RequestCredit({kBuyer, {0, core::Currency::kpw}, "입금표 8", kAdmin}).error(),
            PaymentError::invalid_amount);
  EXPECT_EQ(payments_.RequestCredit({kBuyer, {5'000, core::Currency::usd}, "입금표 8", kAdmin}).error(),
            PaymentError::invalid_amount);
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, limit + 5'000'000);
}

TEST_F(PayoutTest, TheSettingsDecideWhichCreditsWaitForASecondAdmin) {
  const core::Actor admin{kAdmin, core::Role::admin, "관리자"};
  settings::Settings values;
  values.credit_second_approval_above = 10'000;
  ASSERT_TRUE(settings_.Update(admin, 0, values, "소액만 바로 충전").has_value());
  EXPECT_EQ(payments_.CreditSecondApprovalAbove(), 10'000);
  auto at_limit = payments_.RequestCredit({kBuyer, {10'000, core::Currency::kpw}, "입금표 1", kAdmin});
  ASSERT_TRUE(at_limit.has_value());
  EXPECT_TRUE(at_limit->transfer.has_value());
  auto above = payments_.RequestCredit({kBuyer, {20'000, core::Currency::kpw}, "입금표 2", kAdmin});
  ASSERT_TRUE(above.has_value());
  EXPECT_TRUE(above->pending.has_value());
  EXPECT_FALSE(above->transfer.has_value());
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 10'000);

  // 0: every credit waits, however small.
  values.credit_second_approval_above = 0;
  ASSERT_TRUE(settings_.Update(admin, 1, values, "모든 충전 확인").has_value());
  EXPECT_EQ(payments_.CreditSecondApprovalAbove(), 0);
  auto one_won = payments_.RequestCredit({kBuyer, {1, core::Currency::kpw}, "입금표 3", kAdmin});
  ASSERT_TRUE(one_won.has_value());
  EXPECT_TRUE(one_won->pending.has_value());
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 10'000);
  EXPECT_EQ(payments_.PendingCredits().size(), 2u);
  EXPECT_EQ(AuditCount("wallet.credit_request"), 2);

  // Raised again: the same 20,000 is credited at once; what already waits still needs its second admin.
  values.credit_second_approval_above = 5'000'000;
  ASSERT_TRUE(settings_.Update(admin, 2, values, "한도 복구").has_value());
  auto again = payments_.RequestCredit({kBuyer, {20'000, core::Currency::kpw}, "입금표 4", kAdmin});
  ASSERT_TRUE(again.has_value());
  EXPECT_TRUE(again->transfer.has_value());
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 30'000);
  EXPECT_EQ(payments_.PendingCredits().size(), 2u);
  ASSERT_TRUE(payments_.ApproveCredit(kOtherAdmin, *one_won->pending).has_value());
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 30'001);
  EXPECT_EQ(AuditCount("wallet.credit"), 3);
}

TEST(RateText, IsReadAndWrittenInWonPerUnit) {
  EXPECT_EQ(FormatRate(82'505'000), "8250.5");
  EXPECT_EQ(FormatRate(12'345'678), "1234.5678");
  EXPECT_EQ(FormatRate(10'000), "1");
  EXPECT_EQ(ParseRate("8250.5"), 82'505'000);
  EXPECT_EQ(ParseRate(" 1234.5678 "), 12'345'678);
  EXPECT_EQ(ParseRate("1"), 10'000);
  for (std::string_view bad : {"", "0", "1.23456", "-1", "1,000", "1e3", ".5", "5.", "abc", "99999999999"}) {
    EXPECT_FALSE(ParseRate(bad).has_value()) << bad;
  }
}

// A store whose ledger was written before payouts existed keeps every row, balance and rule
// when 0003 rebuilds the ledger's tables with the wider checks.
TEST(PayoutMigration, KeepsTheLedgerWrittenBeforeIt) {
  std::vector<core::EmbeddedFile> before;
  for (const core::EmbeddedFile& file : Migrations()) {
    if (file.path.find("/0001_") != std::string_view::npos || file.path.find("/0002_") != std::string_view::npos) {
      before.push_back(file);
    }
  }
  const std::array<db::Database::ModuleMigrations, 2> old_modules = {
      {{"audit", audit::Migrations()}, {"payments", before}}};
  testing::TestDatabase store(old_modules);
  store->Write([](db::Connection& connection) {
    connection.ExecuteScript(
        "INSERT INTO ledger_accounts (kind, owner_id) VALUES ('buyer_wallet', 7);"
        "INSERT INTO ledger_transfers (kind, reference, actor_id, created_at) VALUES ('top_up', 'slip', 1, 100);"
        "INSERT INTO ledger_entries (transfer_id, account_id, amount) VALUES (1, 3, -500), (1, 4, 500);"
        "INSERT INTO exchange_rates (currency, rate, updated_at, updated_by) VALUES ('USD', 80000000, 100, 1);");
  });
  store->Migrate(std::array<db::Database::ModuleMigrations, 1>{{{"payments", Migrations()}}});
  const core::ManualClock clock{core::FromUnixSeconds(1'790'000'000)};
  settings::SettingsService settings(store.database(), clock);
  PaymentService payments(store.database(), clock, settings);
  EXPECT_EQ(payments.WalletBalance(core::UserId{7}).amount, 500);
  ASSERT_EQ(payments.RateHistory().size(), 1u);
  EXPECT_EQ(payments.RateHistory().front().rate, 80'000'000);
  auto payout = payments.RequestPayout(PayoutOwner::Member(core::UserId{7}), core::UserId{7},
                                       {500 + kMinPayout, PayoutMethod::cash, "", "", ""});
  EXPECT_EQ(payout.error(), PaymentError::insufficient_funds);
  EXPECT_THROW(store->Write([](db::Connection& connection) {
    connection.Execute("UPDATE ledger_entries SET amount = 1 WHERE id = 1");
  }),
               db::DatabaseError);
  EXPECT_THROW(store->Write([](db::Connection& connection) {
    connection.Execute("INSERT INTO ledger_entries (transfer_id, account_id, amount) VALUES (99, 1, 5)");
  }),
               db::DatabaseError);  // the foreign keys still hold
  const LedgerAudit audit = payments.Audit();
  EXPECT_EQ(audit.sum, 0);
  EXPECT_EQ(audit.transfers, 1);
}

TEST_F(PayoutTest, TheMemberWhoAskedHearsWhenItIsPaid) {
  Earn(kShop, 50'000);
  auto payout = payments_.RequestPayout(PayoutOwner::Shop(kShop), kOwner, Cash(12'000));
  ASSERT_TRUE(payout.has_value());
  ASSERT_TRUE(payments_.ApprovePayout(kAdmin, payout->id).has_value());
  notifications::NotificationService notifications(store_.database(), clock_);
  EXPECT_EQ(notifications.UnreadCount(kOwner), 0);  // approval is not yet money
  ASSERT_TRUE(payments_.MarkPayoutPaid(kAdmin, payout->id).has_value());
  const auto items = notifications.List(kOwner).items;
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].kind, notifications::Kind::payout_paid);
  EXPECT_EQ(items[0].subject, "12,000 KPW");
  EXPECT_EQ(items[0].link, "/seller/payouts");
  // A second "paid" moves nothing and tells no one again.
  EXPECT_FALSE(payments_.MarkPayoutPaid(kAdmin, payout->id).has_value());
  EXPECT_EQ(notifications.List(kOwner).total, 1);
}

}  // namespace
}  // namespace manmulsang::payments
