#include "manmulsang/audit/audit.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "manmulsang/db/database.hpp"
#include "test_database.hpp"

namespace manmulsang::audit {
namespace {

const db::Database::ModuleMigrations kModules[] = {{"audit", Migrations()}};

constexpr core::UserId kFirstAdmin{1};
constexpr core::UserId kSecondAdmin{2};

class AuditLogTest : public ::testing::Test {
 protected:
  void Record(core::UserId admin, std::string action, std::string kind, std::string id, std::string before = "",
              std::string after = "", std::string reason = "", std::int64_t at = 1'800'000'000) {
    database_.database().Write([&](db::Connection& connection) {
      RecordIn(connection, core::FromUnixSeconds(at),
               AuditEntry{admin, std::move(action), std::move(kind), std::move(id), std::move(before), std::move(after),
                          std::move(reason)});
    });
  }

  testing::TestDatabase database_{kModules};
  AuditLog log_{database_.database()};
};

TEST_F(AuditLogTest, RecordsWhoWhenWhatAndWhy) {
  Record(kFirstAdmin, "member.suspend", "member", "42", "active", "suspended", "spam in reviews", 1'800'000'123);
  AuditPage page = log_.Search({});
  ASSERT_EQ(page.total, 1);
  ASSERT_EQ(page.items.size(), 1u);
  const AuditRecord& record = page.items[0];
  EXPECT_EQ(record.entry.admin, kFirstAdmin);
  EXPECT_EQ(record.entry.action, "member.suspend");
  EXPECT_EQ(record.entry.subject_kind, "member");
  EXPECT_EQ(record.entry.subject_id, "42");
  EXPECT_EQ(record.entry.before, "active");
  EXPECT_EQ(record.entry.after, "suspended");
  EXPECT_EQ(record.entry.reason, "spam in reviews");
  EXPECT_EQ(core::ToUnixSeconds(record.created_at), 1'800'000'123);
}

TEST_F(AuditLogTest, RollsBackWithTheAction) {
  EXPECT_THROW(database_.database().Write([&](db::Connection& connection) {
    RecordIn(connection, core::FromUnixSeconds(1'800'000'000),
             AuditEntry{kFirstAdmin, "wallet.credit", "member", "7", "", "10000 KPW", "slip 12"});
    throw std::runtime_error("the credit failed after its record");
  }),
               std::runtime_error);
  EXPECT_EQ(log_.Search({}).total, 0);
}

TEST_F(AuditLogTest, IsAppendOnly) {
  Record(kFirstAdmin, "settings.update", "settings", "fee", "300 bp", "250 bp");
  EXPECT_THROW(database_.database().Write([](db::Connection& connection) {
    connection.Execute("UPDATE audit_entries SET reason = 'rewritten'");
  }),
               db::DatabaseError);
  EXPECT_THROW(
      database_.database().Write([](db::Connection& connection) { connection.Execute("DELETE FROM audit_entries"); }),
      db::DatabaseError);
  EXPECT_EQ(log_.Search({}).items.at(0).entry.reason, "");
}

TEST_F(AuditLogTest, RefusesEntriesAServiceShouldNeverWrite) {
  auto write = [&](AuditEntry entry) {
    database_.database().Write(
        [&](db::Connection& connection) { RecordIn(connection, core::FromUnixSeconds(1'800'000'000), entry); });
  };
  EXPECT_THROW(write(AuditEntry{kFirstAdmin, "", "member", "1"}), std::invalid_argument);
  EXPECT_THROW(write(AuditEntry{kFirstAdmin, "member.suspend", "", "1"}), std::invalid_argument);
  EXPECT_THROW(write(AuditEntry{core::UserId{}, "member.suspend", "member", "1"}), std::invalid_argument);
  EXPECT_THROW(write(AuditEntry{kFirstAdmin, std::string(65, 'a'), "member", "1"}), std::invalid_argument);
  EXPECT_THROW(write(AuditEntry{kFirstAdmin, "member.suspend", "member", "1", "", "", std::string(5000, 'x')}),
               std::invalid_argument);
  EXPECT_EQ(log_.Search({}).total, 0);
}

TEST_F(AuditLogTest, FiltersByAdminActionSubjectAndText) {
  Record(kFirstAdmin, "wallet.credit", "member", "7", "", "10000 KPW", "slip 100%_a");
  Record(kSecondAdmin, "wallet.credit", "member", "8", "", "5000 KPW", "slip 2");
  Record(kSecondAdmin, "member.suspend", "member", "7", "active", "suspended", "fraud");
  Record(kFirstAdmin, "shop.suspend", "shop", "7", "approved", "suspended", "fake goods");

  EXPECT_EQ(log_.Search({.admin = kSecondAdmin}).total, 2);
  EXPECT_EQ(log_.Search({.action_prefix = "wallet."}).total, 2);
  EXPECT_EQ(log_.Search({.action_prefix = "wallet.credit"}).total, 2);
  EXPECT_EQ(log_.Search({.action_prefix = "wallet._"}).total, 0);  // '_' is a letter here, not a wildcard
  EXPECT_EQ(log_.Search({.subject_kind = "member", .subject_id = "7"}).total, 2);
  EXPECT_EQ(log_.Search({.subject_kind = "shop"}).total, 1);
  EXPECT_EQ(log_.Search({.text = "100%_"}).total, 1);
  EXPECT_EQ(log_.Search({.text = "%"}).total, 1);
  EXPECT_EQ(log_.Search({.text = "suspended"}).total, 2);
  AuditPage both = log_.Search({.admin = kFirstAdmin, .action_prefix = "shop."});
  ASSERT_EQ(both.total, 1);
  EXPECT_EQ(both.items[0].entry.reason, "fake goods");
}

TEST_F(AuditLogTest, PagesNewestFirst) {
  for (int index = 1; index <= 5; ++index) {
    Record(kFirstAdmin, "category.add", "category", std::to_string(index));
  }
  AuditPage first = log_.Search({.page = 1, .per_page = 2});
  EXPECT_EQ(first.total, 5);
  ASSERT_EQ(first.items.size(), 2u);
  EXPECT_EQ(first.items[0].entry.subject_id, "5");
  EXPECT_EQ(first.items[1].entry.subject_id, "4");
  AuditPage last = log_.Search({.page = 3, .per_page = 2});
  ASSERT_EQ(last.items.size(), 1u);
  EXPECT_EQ(last.items[0].entry.subject_id, "1");
  // Out-of-range paging is clamped, not an error.
  EXPECT_EQ(log_.Search({.page = -3, .per_page = 1000}).items.size(), 5u);
}

TEST_F(AuditLogTest, ShowsOneSubjectsHistory) {
  Record(kFirstAdmin, "member.suspend", "member", "7", "active", "suspended");
  Record(kFirstAdmin, "member.suspend", "member", "70", "active", "suspended");
  Record(kSecondAdmin, "member.unsuspend", "member", "7", "suspended", "active");
  auto history = log_.ForSubject("member", "7");
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].entry.action, "member.unsuspend");
  EXPECT_EQ(history[1].entry.action, "member.suspend");
  EXPECT_EQ(log_.ForSubject("member", "7", 1).size(), 1u);
  EXPECT_TRUE(log_.ForSubject("shop", "7").empty());
}

}  // namespace
}  // namespace manmulsang::audit
