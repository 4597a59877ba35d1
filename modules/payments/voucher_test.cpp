#include <gtest/gtest.h>

#include <array>
#include <atomic>
#include <set>
#include <thread>
#include <vector>

#include "manmulsang/audit/audit.hpp"
#include "manmulsang/payments/payments.hpp"
#include "test_database.hpp"
#include "voucher_code.hpp"

namespace manmulsang::payments {
namespace {

TEST(VoucherCodeTest, CodesAreGroupedAndForgiveTyping) {
  std::set<std::string> seen;
  for (int index = 0; index < 200; ++index) {
    std::string code = NewVoucherCode();
    ASSERT_EQ(code.size(), 19u);
    EXPECT_EQ(code[4], '-');
    EXPECT_EQ(code.find_first_of("ILOU"), std::string::npos) << code;
    EXPECT_TRUE(seen.insert(code).second);
    auto normalised = NormaliseVoucherCode(code);
    ASSERT_TRUE(normalised.has_value());
    EXPECT_EQ(normalised->size(), 16u);
  }
  EXPECT_EQ(NormaliseVoucherCode("abcd efgh-jkmn pqrs"), "ABCDEFGHJKMNPQRS");
  EXPECT_EQ(NormaliseVoucherCode("O0Il-0000-0000-0000"), "0011000000000000");
  EXPECT_FALSE(NormaliseVoucherCode("ABCD-EFGH-JKMN").has_value());
  EXPECT_FALSE(NormaliseVoucherCode("ABCD-EFGH-JKMN-PQRS-T").has_value());
  EXPECT_FALSE(NormaliseVoucherCode("ABCD-EFGH-JKMN-PQR!").has_value());
  EXPECT_FALSE(NormaliseVoucherCode("상품권").has_value());
  EXPECT_EQ(HashVoucherCode("ABCDEFGHJKMNPQRS").size(), 64u);
  EXPECT_NE(HashVoucherCode("ABCDEFGHJKMNPQRS"), HashVoucherCode("ABCDEFGHJKMNPQRT"));
}

class VoucherTest : public ::testing::Test {
 protected:
  // Admin actions record an audit entry in their transaction: the audit log's table is there too.
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

  static constexpr core::UserId kAdmin{1};
  testing::TestDatabase store_{Modules()};
  core::ManualClock clock_{core::FromUnixSeconds(1'790'000'000)};
  settings::SettingsService settings_{store_.database(), clock_};
  PaymentService payments_{store_.database(), clock_, settings_};
};

TEST_F(VoucherTest, MintAndRedeemOnce) {
  EXPECT_EQ(payments_.MintVouchers(kAdmin, 0, 10'000, "").error(), PaymentError::invalid_count);
  EXPECT_EQ(payments_.MintVouchers(kAdmin, kMaxVoucherBatch + 1, 10'000, "").error(), PaymentError::invalid_count);
  EXPECT_EQ(payments_.MintVouchers(kAdmin, 5, 0, "").error(), PaymentError::invalid_amount);
  auto batch = payments_.MintVouchers(kAdmin, 5, 10'000, "설맞이 상품권");
  ASSERT_TRUE(batch.has_value());
  ASSERT_EQ(batch->codes.size(), 5u);
  EXPECT_EQ(payments_.Audit().transfers, 0);  // minting moves no money

  const core::UserId buyer{7};
  std::string typed = batch->codes[0];
  for (char& character : typed) character = static_cast<char>(std::tolower(static_cast<unsigned char>(character)));
  EXPECT_EQ(payments_.RedeemVoucher(buyer, typed).value(), (core::Money{10'000, core::Currency::kpw}));
  EXPECT_EQ(payments_.WalletBalance(buyer).amount, 10'000);
  EXPECT_EQ(payments_.RedeemVoucher(buyer, batch->codes[0]).error(), PaymentError::voucher_used);
  EXPECT_EQ(payments_.RedeemVoucher(core::UserId{8}, batch->codes[0]).error(), PaymentError::voucher_used);
  EXPECT_EQ(payments_.RedeemVoucher(buyer, "0000-0000-0000-0000").error(), PaymentError::voucher_not_found);
  EXPECT_EQ(payments_.RedeemVoucher(buyer, "nonsense").error(), PaymentError::voucher_not_found);
  EXPECT_EQ(payments_.WalletBalance(buyer).amount, 10'000);
  EXPECT_EQ(payments_.Wallet(buyer).entries[0].reference.rfind("voucher:", 0), 0u);
}

TEST_F(VoucherTest, ACodeRedeemedFromManyThreadsPaysOnce) {
  auto batch = payments_.MintVouchers(kAdmin, 1, 50'000, std::string_view());
  ASSERT_TRUE(batch.has_value());
  std::atomic<int> redeemed = 0;
  std::vector<std::thread> threads;
  for (int thread = 0; thread < 8; ++thread) {
    threads.emplace_back([&, thread] {
      if (payments_.RedeemVoucher(core::UserId{100 + thread}, batch->codes[0])) ++redeemed;
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(redeemed, 1);
  std::int64_t total = 0;
  for (int thread = 0; thread < 8; ++thread) total += payments_.WalletBalance(core::UserId{100 + thread}).amount;
  EXPECT_EQ(total, 50'000);
}

}  // namespace
}  // namespace manmulsang::payments
