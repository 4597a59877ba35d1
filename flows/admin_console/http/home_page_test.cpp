#include "admin_console_routes_fixture.hpp"

namespace manmulsang::admin_console {
namespace {

std::size_t Occurrences(const std::string& text, std::string_view needle) {
  std::size_t count = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size())) {
    ++count;
  }
  return count;
}

class HomePageTest : public AdminConsoleTest {
 protected:
  // A delivered order of buyer's confirmed by the buyer: escrow → shop, the fee → the platform.
  void Confirm(core::OrderId order, core::UserId buyer) {
    ASSERT_TRUE(orders_.Apply(Seller(kOwner), order, orders::OrderEvent::prepare).has_value());
    ASSERT_TRUE(orders_.Ship(Seller(kOwner), order, {"조선우편", "KP-1"}).has_value());
    ASSERT_TRUE(orders_.Apply(Seller(kOwner), order, orders::OrderEvent::deliver).has_value());
    ASSERT_TRUE(orders_.Apply(Buyer(buyer), order, orders::OrderEvent::confirm).has_value());
  }
};

TEST_F(HomePageTest, TheFiguresQueuesAndChartsAreTheMarketplacesOwn) {
  // The counters start on the clock's day, 2026-11-26: that day is "yesterday" here, when the
  // marketplace's first members (the admin among them) and two more joined, two visits came and
  // one order of 12,000 was placed.
  const std::int64_t members_at_start = Count("SELECT COUNT(*) FROM users");
  constexpr core::UserId kBuyer{100};
  AddMembers(2, "yesterday");
  const core::OrderId yesterdays = store_.PlaceOrder(kBuyer, product_, 1);
  analytics_.RecordPageView(true);
  analytics_.RecordPageView(true);
  analytics_.Flush();
  clock_.Advance(std::chrono::hours(24));
  // Today: three members, three visits (one still in memory), two orders and a bank transfer
  // awaiting its deposit; yesterday's order confirmed, so the platform's 3% fee comes in today.
  AddMembers(3, "today");
  store_.PlaceOrder(kBuyer, product_, 1);
  store_.PlaceOrder(kBuyer, product_, 1);
  const core::OrderId cancelled = store_.PlaceOrder(kBuyer, product_, 4);
  ASSERT_TRUE(orders_.Apply(Buyer(kBuyer), cancelled, orders::OrderEvent::cancel).has_value());
  PlaceBankTransfer(core::UserId{101}, product_, 1);
  Confirm(yesterdays, kBuyer);
  // A conversation about that order, reported by its buyer: it waits for an admin too.
  messages::MessageService& messages = store_.services().messages;
  auto posted = messages.Start(Buyer(kBuyer), {.order = yesterdays}, {.body = "상자가 찌그러져 왔습니다."});
  ASSERT_TRUE(posted.has_value());
  ASSERT_TRUE(messages.Report(Buyer(kBuyer), posted->conversation.id, "욕설").has_value());
  analytics_.RecordPageView(true);
  analytics_.RecordPageView(false);
  analytics_.RecordPageView(true);
  analytics_.Flush();
  analytics_.RecordPageView(true);
  store_.AddShop(core::UserId{7}, "신청한 상점", sellers::ShopStatus::pending);

  http::Response api = Get("/api/v1/admin/dashboard", AdminWho());
  ASSERT_EQ(api.status, http::Status::ok) << api.body;
  const boost::json::object json = Json(api);
  const auto& today = json.at("today").as_object();
  EXPECT_EQ(today.at("day").as_string(), "2026-11-27");
  EXPECT_EQ(today.at("visits").as_int64(), 3);
  EXPECT_EQ(today.at("new_members").as_int64(), 3);
  EXPECT_EQ(today.at("orders").as_int64(), 3);  // two wallet orders and the bank transfer; not the cancelled one
  EXPECT_EQ(today.at("sales").at("amount").as_int64(), 36'000);
  EXPECT_EQ(today.at("sales").at("currency").as_string(), "KPW");
  EXPECT_EQ(today.at("fees").at("amount").as_int64(), 360);
  const auto& period = json.at("period").as_object();
  EXPECT_EQ(period.at("days").as_int64(), kFigureDays);
  EXPECT_EQ(period.at("first_day").as_string(), "2026-10-29");
  EXPECT_EQ(period.at("visits").as_int64(), 5);
  EXPECT_EQ(period.at("new_members").as_int64(), members_at_start + 5);
  EXPECT_EQ(period.at("orders").as_int64(), 4);
  EXPECT_EQ(period.at("sales").at("amount").as_int64(), 48'000);
  EXPECT_EQ(period.at("fees").at("amount").as_int64(), 360);
  const auto& days = json.at("days").as_array();
  ASSERT_EQ(days.size(), static_cast<std::size_t>(kFigureDays));
  EXPECT_EQ(days[kFigureDays - 2].at("day").as_string(), "2026-11-26");
  EXPECT_EQ(days[kFigureDays - 2].at("visits").as_int64(), 2);
  EXPECT_EQ(days[kFigureDays - 2].at("new_members").as_int64(), members_at_start + 2);
  EXPECT_EQ(days[kFigureDays - 2].at("orders").as_int64(), 1);
  EXPECT_EQ(days[kFigureDays - 2].at("sales").at("amount").as_int64(), 12'000);
  EXPECT_EQ(days[kFigureDays - 2].at("fees").at("amount").as_int64(), 0);
  const auto& visits = json.at("visits").as_array();
  ASSERT_EQ(visits.size(), static_cast<std::size_t>(kVisitChartDays));
  EXPECT_EQ(visits.back().at("visits").as_int64(), 3);
  EXPECT_EQ(visits.back().at("page_views").as_int64(), 4);
  EXPECT_EQ(visits.front().at("day").as_string(), "2026-08-30");
  const auto& totals = json.at("totals").as_object();
  EXPECT_EQ(totals.at("visits").as_int64(), 5);
  EXPECT_EQ(totals.at("visits_today").as_int64(), 3);
  EXPECT_EQ(totals.at("members").as_int64(), Count("SELECT COUNT(*) FROM users"));
  EXPECT_EQ(totals.at("members").as_int64(), members_at_start + 5);
  std::map<std::string, std::int64_t> queues;
  for (const auto& queue : json.at("queues").as_array()) {
    queues[std::string(queue.at("name").as_string())] = queue.at("count").as_int64();
  }
  EXPECT_EQ(queues.at("applications"), 1);
  EXPECT_EQ(queues.at("transfers"), 1);
  EXPECT_EQ(queues.at("reported_messages"), 1);

  http::Response page = Get("/admin", AdminWho());
  ASSERT_EQ(page.status, http::Status::ok);
  const std::string& html = page.body;
  // Two charts drawn on the server, each with its table.
  EXPECT_EQ(Occurrences(html, "<rect class=\"chart-bar\""), static_cast<std::size_t>(kFigureDays + kVisitChartDays));
  EXPECT_NE(html.find("data-day=\"2026-11-27\" data-sales=\"36000\" data-orders=\"3\""), std::string::npos);
  EXPECT_NE(html.find("data-day=\"2026-11-27\" data-visits=\"3\""), std::string::npos);
  EXPECT_NE(html.find("<title id=\"sales-chart-title\">"), std::string::npos);
  EXPECT_NE(html.find("<title id=\"visits-chart-title\">"), std::string::npos);
  EXPECT_EQ(Occurrences(html, "<tr data-day=\""), static_cast<std::size_t>(kFigureDays));
  EXPECT_EQ(Occurrences(html, "<tr data-visit-day=\""), static_cast<std::size_t>(kVisitChartDays));
  EXPECT_NE(html.find("<tr data-day=\"2026-11-27\"><th scope=\"row\">2026-11-27</th><td class=\"number\">3</td>"),
            std::string::npos);
  EXPECT_NE(html.find("<td class=\"number\">36,000원</td><td class=\"number\">360원</td></tr>"), std::string::npos);
  EXPECT_NE(html.find("id=\"queue-transfers\" data-count=\"1\""), std::string::npos);
  EXPECT_NE(html.find("id=\"queue-applications\" data-count=\"1\""), std::string::npos);
  EXPECT_NE(html.find("href=\"/admin/messages/reports\" id=\"queue-reported_messages\" data-count=\"1\""),
            std::string::npos);
  EXPECT_NE(html.find("<strong id=\"visits-total\">5</strong>"), std::string::npos);
  for (std::string_view link : {"/admin/members", "/admin/credits", "/admin/transfers", "/admin/disputes",
                                "/admin/payouts", "/admin/exchange-rates", "/admin/vouchers", "/admin/reports/listings",
                                "/admin/reports/reviews", "/admin/reports/questions", "/admin/shops",
                                "/admin/categories", "/admin/settings", "/admin/audit", "/admin/sellers"}) {
    EXPECT_NE(html.find("href=\"" + std::string(link) + "\""), std::string::npos) << link;
  }
}

TEST_F(HomePageTest, AnEmptyMarketplaceHasZerosAndAScale) {
  const boost::json::object json = Json(Get("/api/v1/admin/dashboard", AdminWho()));
  EXPECT_EQ(json.at("today").at("orders").as_int64(), 0);
  EXPECT_EQ(json.at("period").at("sales").at("amount").as_int64(), 0);
  const std::string html = Get("/admin", AdminWho()).body;
  EXPECT_EQ(html.find("nan"), std::string::npos);
  for (std::string_view queue : {"applications", "transfers", "disputes", "payouts", "reported_listings",
                                 "reported_reviews", "reported_questions", "reported_messages"}) {
    EXPECT_NE(html.find("id=\"queue-" + std::string(queue) + "\" data-count=\"0\""), std::string::npos) << queue;
  }
}

TEST_F(HomePageTest, OnlyAdminsGetIn) {
  EXPECT_EQ(Get("/admin", Who(kOwner, "seller")).status, http::Status::forbidden);
  EXPECT_EQ(Get("/api/v1/admin/dashboard", Who(core::UserId{100}, "buyer")).status, http::Status::forbidden);
  EXPECT_EQ(Get("/api/v1/admin/dashboard").status, http::Status::unauthorized);
  // The service refuses too, whoever calls it.
  EXPECT_EQ(console_.HomeOf(Seller(kOwner)).error(), ConsoleError::not_an_admin);
}

}  // namespace
}  // namespace manmulsang::admin_console
