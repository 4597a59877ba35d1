#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "manmulsang/audit/audit.hpp"
#include "manmulsang/settings/settings.hpp"
#include "marketplace_test_fixture.hpp"

namespace manmulsang::settings {
namespace {

class SettingsServiceTest : public testing::MarketplaceTestFixture {
 protected:
  std::vector<audit::AuditRecord> History() { return store_.services().audit.ForSubject("settings", "marketplace"); }
};

TEST_F(SettingsServiceTest, TheDefaultsApplyUntilAnAdminSaves) {
  const StoredSettings stored = settings_.Current();
  EXPECT_EQ(stored.version, 0);
  EXPECT_EQ(stored.values, Settings{});
  EXPECT_EQ(stored.values.platform_fee_basis_points, 300);
  EXPECT_EQ(stored.values.bank_transfer_deadline_hours, 72);
  EXPECT_EQ(stored.values.auto_confirm_days, 7);
  EXPECT_EQ(stored.values.auto_deliver_days, 14);
  EXPECT_EQ(stored.values.credit_second_approval_above, 1'000'000);
  EXPECT_EQ(stored.values.carriers.size(), 5u);
  EXPECT_EQ(stored.values.marketplace_name, "만물상");
  EXPECT_TRUE(stored.values.bank_accounts.empty());
  EXPECT_FALSE(stored.updated_by.has_value());
  EXPECT_EQ(settings_.CurrentMasthead().marketplace_name, "만물상");
  EXPECT_EQ(settings_.CurrentMasthead().notice, "");
}

TEST_F(SettingsServiceTest, AnUpdateStoresCleanedValuesAndRecordsOnlyTheChangedFields) {
  Settings values;
  values.platform_fee_basis_points = 250;
  values.marketplace_name = "  평양   만물상 ";
  values.notice = "설 연휴에는 배송이 늦습니다.";
  values.carriers = {"조선우편", " 평양특급 "};
  values.bank_accounts = {{"조선무역은행", "0101-2345-6789", "만물상"}};
  auto updated = settings_.Update(Admin(), 0, values, "  수수료 인하  ");
  ASSERT_TRUE(updated.has_value()) << ErrorCode(updated.error());
  EXPECT_EQ(updated->version, 1);

  const StoredSettings stored = settings_.Current();
  EXPECT_EQ(stored.version, 1);
  EXPECT_EQ(stored.values.platform_fee_basis_points, 250);
  EXPECT_EQ(stored.values.marketplace_name, "평양 만물상");
  EXPECT_EQ(stored.values.carriers, (std::vector<std::string>{"조선우편", "평양특급"}));
  ASSERT_EQ(stored.values.bank_accounts.size(), 1u);
  EXPECT_EQ(stored.values.bank_accounts[0].account_number, "0101-2345-6789");
  EXPECT_EQ(stored.updated_by, Admin().user);
  EXPECT_EQ(stored.values, updated->values);
  EXPECT_EQ(settings_.CurrentMasthead().notice, "설 연휴에는 배송이 늦습니다.");

  const std::vector<audit::AuditRecord> history = History();
  ASSERT_EQ(history.size(), 1u);
  const audit::AuditEntry& entry = history[0].entry;
  EXPECT_EQ(entry.admin, *Admin().user);
  EXPECT_EQ(entry.action, "settings.update");
  EXPECT_EQ(entry.reason, "수수료 인하");
  EXPECT_EQ(
      entry.before,
      R"({"platform_fee_basis_points":300,"carriers":["조선우편","평양특급","대동강택배","만물상 배송","직접 배달"],)"
      R"("marketplace_name":"만물상","notice":"","bank_accounts":[]})");
  EXPECT_EQ(entry.after,
            R"({"platform_fee_basis_points":250,"carriers":["조선우편","평양특급"],"marketplace_name":"평양 만물상",)"
            R"("notice":"설 연휴에는 배송이 늦습니다.","bank_accounts":[{"bank":"조선무역은행",)"
            R"("account_number":"0101-2345-6789","holder":"만물상"}]})");

  // The next change lists only what it changed.
  values.platform_fee_basis_points = 200;
  ASSERT_TRUE(settings_.Update(Admin(), 1, values, "행사").has_value());
  ASSERT_EQ(History().size(), 2u);
  EXPECT_EQ(History()[0].entry.before, R"({"platform_fee_basis_points":250})");
  EXPECT_EQ(History()[0].entry.after, R"({"platform_fee_basis_points":200})");
}

TEST_F(SettingsServiceTest, EveryBadFieldIsNamedAndNothingChanges) {
  struct Case {
    void (*spoil)(Settings&);
    SettingsError error;
  };
  const Case cases[] = {
      {[](Settings& s) { s.platform_fee_basis_points = -1; }, SettingsError::invalid_platform_fee},
      {[](Settings& s) { s.platform_fee_basis_points = 3001; }, SettingsError::invalid_platform_fee},
      {[](Settings& s) { s.bank_transfer_deadline_hours = 0; }, SettingsError::invalid_bank_transfer_deadline},
      {[](Settings& s) { s.bank_transfer_deadline_hours = 721; }, SettingsError::invalid_bank_transfer_deadline},
      {[](Settings& s) { s.auto_confirm_days = 0; }, SettingsError::invalid_auto_confirm_days},
      {[](Settings& s) { s.auto_confirm_days = 61; }, SettingsError::invalid_auto_confirm_days},
      {[](Settings& s) { s.auto_deliver_days = 0; }, SettingsError::invalid_auto_deliver_days},
      {[](Settings& s) { s.auto_deliver_days = kMaxAutoDeliverDays + 1; }, SettingsError::invalid_auto_deliver_days},
      {[](Settings& s) { s.auto_deliver_days = -14; }, SettingsError::invalid_auto_deliver_days},
      {[](Settings& s) { s.credit_second_approval_above = -1; }, SettingsError::invalid_credit_second_approval},
      {[](Settings& s) { s.credit_second_approval_above = kMaxCreditSecondApprovalAbove + 1; },
       SettingsError::invalid_credit_second_approval},
      {[](Settings& s) { s.carriers.clear(); }, SettingsError::invalid_carriers},
      {[](Settings& s) { s.carriers = std::vector<std::string>(21, "택배"); }, SettingsError::invalid_carriers},
      {[](Settings& s) {
         s.carriers = {"조선우편", "조선우편"};
       },
       SettingsError::invalid_carriers},
      {[](Settings& s) { s.carriers = {"   "}; }, SettingsError::invalid_carriers},
      {[](Settings& s) { s.carriers = {std::string(41, 'a')}; }, SettingsError::invalid_carriers},
      {[](Settings& s) { s.carriers = {"택배\x01"}; }, SettingsError::invalid_carriers},
      {[](Settings& s) { s.marketplace_name = " "; }, SettingsError::invalid_marketplace_name},
      {[](Settings& s) { s.marketplace_name = std::string(61, 'a'); }, SettingsError::invalid_marketplace_name},
      {[](Settings& s) { s.marketplace_name = "\xff\xfe"; }, SettingsError::invalid_marketplace_name},
      {[](Settings& s) { s.notice = std::string(301, 'a'); }, SettingsError::invalid_notice},
      {[](Settings& s) { s.notice = "두 줄\n공지"; }, SettingsError::invalid_notice},
      {[](Settings& s) {
         s.bank_accounts = std::vector<BankAccount>(6, {"은행", "1", "예금주"});
       },
       SettingsError::invalid_bank_accounts},
      {[](Settings& s) {
         s.bank_accounts = {{"은행", "", "예금주"}};
       },
       SettingsError::invalid_bank_accounts},
      {[](Settings& s) {
         s.bank_accounts = {{"은행", "1", std::string(61, 'a')}};
       },
       SettingsError::invalid_bank_accounts},
  };
  for (const Case& test : cases) {
    Settings values;
    test.spoil(values);
    auto updated = settings_.Update(Admin(), 0, values, "사유");
    ASSERT_FALSE(updated.has_value());
    EXPECT_EQ(updated.error(), test.error) << ErrorCode(updated.error());
    EXPECT_FALSE(ErrorField(test.error).empty());
  }
  Settings changed;
  changed.auto_confirm_days = 3;
  EXPECT_EQ(settings_.Update(Admin(), 0, changed, "").error(), SettingsError::invalid_reason);
  EXPECT_EQ(settings_.Update(Admin(), 0, changed, std::string(501, 'a')).error(), SettingsError::invalid_reason);
  EXPECT_EQ(ErrorField(SettingsError::invalid_reason), "reason");
  EXPECT_EQ(settings_.Current().version, 0);
  EXPECT_TRUE(History().empty());
}

TEST_F(SettingsServiceTest, TheCreditApprovalLimitIsStoredWithinItsBoundsAndAudited) {
  Settings values;
  values.credit_second_approval_above = 10'000;
  ASSERT_TRUE(settings_.Update(Admin(), 0, values, "소액만 바로 충전").has_value());
  EXPECT_EQ(settings_.Current().values.credit_second_approval_above, 10'000);
  ASSERT_EQ(History().size(), 1u);
  EXPECT_EQ(History()[0].entry.before, R"({"credit_second_approval_above":1000000})");
  EXPECT_EQ(History()[0].entry.after, R"({"credit_second_approval_above":10000})");

  // Both ends of the range are allowed: 0 sends every credit to a second admin.
  values.credit_second_approval_above = 0;
  ASSERT_TRUE(settings_.Update(Admin(), 1, values, "모든 충전 확인").has_value());
  EXPECT_EQ(settings_.Current().values.credit_second_approval_above, 0);
  values.credit_second_approval_above = kMaxCreditSecondApprovalAbove;
  ASSERT_TRUE(settings_.Update(Admin(), 2, values, "한도 최대").has_value());
  EXPECT_EQ(settings_.Current().values.credit_second_approval_above, 10'000'000'000);

  values.credit_second_approval_above = kMaxCreditSecondApprovalAbove + 1;
  EXPECT_EQ(settings_.Update(Admin(), 3, values, "너무 큼").error(), SettingsError::invalid_credit_second_approval);
  EXPECT_EQ(ErrorField(SettingsError::invalid_credit_second_approval), "credit_second_approval_above");
  EXPECT_EQ(settings_.Current().version, 3);
  EXPECT_EQ(settings_.Current().values.credit_second_approval_above, 10'000'000'000);
  EXPECT_EQ(History().size(), 3u);
}

TEST_F(SettingsServiceTest, OnlyAnAdminChangesTheSettings) {
  Settings values;
  values.platform_fee_basis_points = 0;
  EXPECT_EQ(settings_.Update(Seller(core::UserId{5}), 0, values, "사유").error(), SettingsError::forbidden);
  EXPECT_EQ(settings_.Update(Buyer(core::UserId{6}), 0, values, "사유").error(), SettingsError::forbidden);
  EXPECT_EQ(settings_.Update(core::Actor{}, 0, values, "사유").error(), SettingsError::forbidden);
  EXPECT_EQ(settings_.Current().values.platform_fee_basis_points, 300);
}

TEST_F(SettingsServiceTest, AStaleVersionIsAConflictAndTheFirstChangeStays) {
  Settings first;
  first.platform_fee_basis_points = 100;
  Settings second;
  second.auto_confirm_days = 14;
  ASSERT_TRUE(settings_.Update(Admin(), 0, first, "첫째").has_value());
  // The second admin's form was read at version 0: saving it would silently undo the fee.
  EXPECT_EQ(settings_.Update(Admin(), 0, second, "둘째").error(), SettingsError::version_conflict);
  EXPECT_EQ(settings_.Update(Admin(), 7, second, "둘째").error(), SettingsError::version_conflict);
  EXPECT_EQ(settings_.Current().values, first);
  EXPECT_EQ(History().size(), 1u);
}

TEST_F(SettingsServiceTest, SavingTheSameValuesChangesAndRecordsNothing) {
  auto unchanged = settings_.Update(Admin(), 0, Settings{}, "그대로");
  ASSERT_TRUE(unchanged.has_value());
  EXPECT_EQ(unchanged->version, 0);
  EXPECT_TRUE(History().empty());
}

TEST_F(SettingsServiceTest, RacingAdminsAtOneVersionSaveOnce) {
  constexpr int kAdmins = 6;
  std::atomic<int> saved = 0;
  std::atomic<int> conflicts = 0;
  std::vector<std::thread> admins;
  for (int index = 0; index < kAdmins; ++index) {
    admins.emplace_back([&, index] {
      Settings values;
      values.platform_fee_basis_points = 100 + index;
      auto updated = settings_.Update(Admin(), 0, values, "경쟁");
      if (updated) ++saved;
      if (!updated && updated.error() == SettingsError::version_conflict) ++conflicts;
    });
  }
  for (std::thread& admin : admins) admin.join();
  EXPECT_EQ(saved, 1);
  EXPECT_EQ(conflicts, kAdmins - 1);
  EXPECT_EQ(settings_.Current().version, 1);
  EXPECT_EQ(History().size(), 1u);
}

}  // namespace
}  // namespace manmulsang::settings
