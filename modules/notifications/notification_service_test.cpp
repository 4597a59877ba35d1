#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "manmulsang/db/database.hpp"
#include "manmulsang/notifications/notifications.hpp"
#include "test_database.hpp"

namespace manmulsang::notifications {
namespace {

const db::Database::ModuleMigrations kModules[] = {{"notifications", Migrations()}};

constexpr core::UserId kBuyer{1};
constexpr core::UserId kSeller{2};

class NotificationServiceTest : public ::testing::Test {
 protected:
  void Record(core::UserId recipient, Kind kind, std::string subject = "12", std::string link = "/orders/12") {
    database_.database().Write([&](db::Connection& connection) {
      RecordIn(connection, clock_.Now(), Notice{recipient, kind, std::move(subject), std::move(link)});
    });
  }

  testing::TestDatabase database_{kModules};
  core::ManualClock clock_{core::FromUnixSeconds(1'800'000'000)};
  NotificationService service_{database_.database(), clock_};
};

TEST_F(NotificationServiceTest, ListsNewestFirstWithUnreadCount) {
  Record(kBuyer, Kind::order_shipped, "11", "/orders/11");
  Record(kBuyer, Kind::order_delivered, "12", "/orders/12");
  Record(kSeller, Kind::order_placed, "12", "/seller/orders/12");

  const NotificationPage page = service_.List(kBuyer);
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_EQ(page.total, 2);
  EXPECT_EQ(page.unread, 2);
  EXPECT_EQ(page.items[0].kind, Kind::order_delivered);
  EXPECT_EQ(page.items[0].subject, "12");
  EXPECT_EQ(page.items[0].link, "/orders/12");
  EXPECT_EQ(page.items[0].recipient, kBuyer);
  EXPECT_FALSE(page.items[0].read_at.has_value());
  EXPECT_EQ(page.items[1].kind, Kind::order_shipped);
  EXPECT_EQ(service_.UnreadCount(kBuyer), 2);
  EXPECT_EQ(service_.UnreadCount(kSeller), 1);
  EXPECT_EQ(service_.UnreadCount(core::UserId{99}), 0);
}

TEST_F(NotificationServiceTest, PagesAndClampsPaging) {
  for (int index = 1; index <= 5; ++index) Record(kBuyer, Kind::order_paid, std::to_string(index));
  const NotificationPage first = service_.List(kBuyer, 1, 2);
  ASSERT_EQ(first.items.size(), 2u);
  EXPECT_EQ(first.items[0].subject, "5");
  EXPECT_EQ(first.total, 5);
  const NotificationPage last = service_.List(kBuyer, 3, 2);
  ASSERT_EQ(last.items.size(), 1u);
  EXPECT_EQ(last.items[0].subject, "1");
  EXPECT_EQ(service_.List(kBuyer, -4, 1000).items.size(), 5u);
  EXPECT_EQ(service_.List(kBuyer, -4, 1000).page, 1);
}

TEST_F(NotificationServiceTest, MarksOneReadOnlyForItsRecipient) {
  Record(kBuyer, Kind::order_shipped);
  const std::int64_t id = service_.List(kBuyer).items.at(0).id;

  auto other = service_.MarkRead(kSeller, id);
  ASSERT_FALSE(other.has_value());
  EXPECT_EQ(other.error(), NotificationError::not_found);
  EXPECT_EQ(service_.UnreadCount(kBuyer), 1);
  EXPECT_FALSE(service_.List(kBuyer).items.at(0).read_at.has_value());

  EXPECT_EQ(service_.MarkRead(kBuyer, id + 1000).error(), NotificationError::not_found);

  auto read = service_.MarkRead(kBuyer, id);
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ(read->link, "/orders/12");
  EXPECT_TRUE(read->read_at.has_value());
  EXPECT_EQ(service_.UnreadCount(kBuyer), 0);
  EXPECT_TRUE(service_.MarkRead(kBuyer, id).has_value());  // again is fine
}

TEST_F(NotificationServiceTest, MarksAllOfOneMemberRead) {
  Record(kBuyer, Kind::order_shipped);
  Record(kBuyer, Kind::order_delivered);
  Record(kSeller, Kind::order_placed);
  EXPECT_EQ(service_.MarkAllRead(kBuyer), 2);
  EXPECT_EQ(service_.UnreadCount(kBuyer), 0);
  EXPECT_EQ(service_.UnreadCount(kSeller), 1);
  EXPECT_EQ(service_.MarkAllRead(kBuyer), 0);
}

TEST_F(NotificationServiceTest, SkipsKindsTheRecipientTurnedOff) {
  for (const Preference& preference : service_.Preferences(kBuyer)) EXPECT_TRUE(preference.enabled);
  EXPECT_EQ(service_.Preferences(kBuyer).size(), AllKinds().size());

  const Preference off[] = {{Kind::order_shipped, false}};
  service_.SetPreferences(kBuyer, off);
  Record(kBuyer, Kind::order_shipped);
  Record(kBuyer, Kind::order_delivered);
  Record(kSeller, Kind::order_shipped);  // another member's setting is their own
  const NotificationPage page = service_.List(kBuyer);
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].kind, Kind::order_delivered);
  EXPECT_EQ(service_.UnreadCount(kSeller), 1);
  for (const Preference& preference : service_.Preferences(kBuyer)) {
    EXPECT_EQ(preference.enabled, preference.kind != Kind::order_shipped) << KindName(preference.kind);
  }

  const Preference on[] = {{Kind::order_shipped, true}};
  service_.SetPreferences(kBuyer, on);
  Record(kBuyer, Kind::order_shipped);
  EXPECT_EQ(service_.UnreadCount(kBuyer), 2);
}

TEST_F(NotificationServiceTest, RollsBackWithItsCause) {
  EXPECT_THROW(database_.database().Write([&](db::Connection& connection) {
    RecordIn(connection, clock_.Now(), Notice{kBuyer, Kind::order_shipped, "12", "/orders/12"});
    throw std::runtime_error("the shipment failed after its notification");
  }),
               std::runtime_error);
  EXPECT_EQ(service_.UnreadCount(kBuyer), 0);
  EXPECT_EQ(service_.List(kBuyer).total, 0);
}

TEST_F(NotificationServiceTest, CutsLongSubjectsAndRefusesForeignLinks) {
  std::string long_name;
  for (int index = 0; index < 100; ++index) long_name += "가";  // 3 bytes each
  Record(kBuyer, Kind::question_answered, long_name, "/p/7");
  const std::string subject = service_.List(kBuyer).items.at(0).subject;
  EXPECT_LE(subject.size(), kMaxSubjectBytes);
  EXPECT_EQ(subject.size() % 3, 0u);  // never half a character

  EXPECT_THROW(Record(kBuyer, Kind::order_paid, "1", "https://example.com/"), std::invalid_argument);
  EXPECT_THROW(Record(kBuyer, Kind::order_paid, "1", "//example.com/"), std::invalid_argument);
  EXPECT_THROW(Record(kBuyer, Kind::order_paid, "1", ""), std::invalid_argument);
  EXPECT_THROW(Record(core::UserId{}, Kind::order_paid, "1", "/orders/1"), std::invalid_argument);
  EXPECT_EQ(service_.List(kBuyer).total, 1);
}

TEST(NotificationKinds, HaveNamesBothWays) {
  for (Kind kind : AllKinds()) EXPECT_EQ(ParseKind(KindName(kind)), kind);
  EXPECT_FALSE(ParseKind("order_exploded").has_value());
  EXPECT_EQ(KindName(Kind::low_stock), "low_stock");
}

}  // namespace
}  // namespace manmulsang::notifications
