#include "manmulsang/notifications/http/notification_routes.hpp"

#include <gtest/gtest.h>

#include <string>

#include "manmulsang/html/locale.hpp"
#include "route_test_fixture.hpp"
#include "test_database.hpp"

namespace manmulsang::notifications {
namespace {

const db::Database::ModuleMigrations kModules[] = {{"notifications", Migrations()}};

constexpr core::UserId kBuyer{5};
constexpr core::UserId kSeller{6};

class NotificationRoutesTest : public ::testing::Test, public testing::RouteTestFixture {
 protected:
  NotificationRoutesTest() {
    router_.Use(html::LocaleSelection());
    AddNotificationRoutes(router_, renderer_, service_);
  }

  void Record(core::UserId recipient, Kind kind, std::string subject, std::string link) {
    database_->Write([&](db::Connection& connection) {
      RecordIn(connection, clock_.Now(), Notice{recipient, kind, std::move(subject), std::move(link)});
    });
  }
  std::int64_t NewestId(core::UserId member) { return service_.List(member).items.at(0).id; }

  testing::TestDatabase database_{kModules};
  core::ManualClock clock_{core::FromUnixSeconds(1'800'000'000)};
  NotificationService service_{database_.database(), clock_};
};

TEST_F(NotificationRoutesTest, TheListShowsTheSentenceInTheReadersLanguage) {
  Record(kBuyer, Kind::order_shipped, "12", "/orders/12");
  Record(kBuyer, Kind::question_answered, "<b>노트북</b>", "/p/7");
  http::Response page = Get("/notifications", Who(kBuyer));
  ASSERT_EQ(page.status, http::Status::ok);
  EXPECT_EQ(page.Header("Cache-Control"), "no-store");
  EXPECT_NE(page.body.find("주문 12번이 발송되었습니다."), std::string::npos);
  EXPECT_NE(page.body.find("&lt;b&gt;노트북&lt;/b&gt;"), std::string::npos);  // escaped
  EXPECT_EQ(page.body.find("<b>노트북"), std::string::npos);
  EXPECT_NE(page.body.find("action=\"/notifications/" + std::to_string(NewestId(kBuyer)) + "/read\""),
            std::string::npos);

  http::Response english = Get("/notifications?lang=en", Who(kBuyer));
  EXPECT_NE(english.body.find("Order #12 has shipped."), std::string::npos);

  http::Response visitor = Get("/notifications");
  EXPECT_EQ(visitor.status, http::Status::see_other);
  EXPECT_TRUE(visitor.Header("Location").starts_with("/login"));
}

TEST_F(NotificationRoutesTest, OpeningMarksReadAndGoesToTheLinkOnlyForTheRecipient) {
  Record(kBuyer, Kind::order_shipped, "12", "/orders/12");
  const std::string target = "/notifications/" + std::to_string(NewestId(kBuyer)) + "/read";

  http::Response other = PostForm(target, {}, Who(kSeller));
  EXPECT_EQ(other.status, http::Status::not_found);
  EXPECT_EQ(service_.UnreadCount(kBuyer), 1);

  http::Response opened = PostForm(target, {}, Who(kBuyer));
  EXPECT_EQ(opened.status, http::Status::see_other);
  EXPECT_EQ(opened.Header("Location"), "/orders/12");
  EXPECT_EQ(service_.UnreadCount(kBuyer), 0);

  EXPECT_EQ(PostForm("/notifications/abc/read", {}, Who(kBuyer)).status, http::Status::not_found);
}

TEST_F(NotificationRoutesTest, ReadAllAndPreferencesForms) {
  Record(kBuyer, Kind::order_shipped, "12", "/orders/12");
  Record(kBuyer, Kind::order_delivered, "12", "/orders/12");
  http::Response all = PostForm("/notifications/read-all", {}, Who(kBuyer));
  EXPECT_EQ(all.status, http::Status::see_other);
  EXPECT_EQ(service_.UnreadCount(kBuyer), 0);

  http::Response form = Get("/account/notifications", Who(kBuyer));
  ASSERT_EQ(form.status, http::Status::ok);
  EXPECT_NE(form.body.find("value=\"order_shipped\" checked"), std::string::npos);

  // Only the boxes sent stay on.
  http::Response saved = PostForm("/account/notifications", {{"kind", "order_delivered"}}, Who(kBuyer));
  EXPECT_EQ(saved.status, http::Status::see_other);
  for (const Preference& preference : service_.Preferences(kBuyer)) {
    EXPECT_EQ(preference.enabled, preference.kind == Kind::order_delivered) << KindName(preference.kind);
  }
  EXPECT_EQ(Get("/account/notifications", Who(kBuyer)).body.find("value=\"order_shipped\" checked"), std::string::npos);
}

TEST_F(NotificationRoutesTest, TheApiListsReadsAndSetsPreferences) {
  Record(kBuyer, Kind::order_shipped, "12", "/orders/12");
  Record(kSeller, Kind::order_placed, "12", "/seller/orders/12");
  http::Response listed = Get("/api/v1/notifications", Who(kBuyer));
  ASSERT_EQ(listed.status, http::Status::ok);
  auto body = Json(listed);
  EXPECT_EQ(body.at("total").as_int64(), 1);
  EXPECT_EQ(body.at("unread").as_int64(), 1);
  const auto& item = body.at("items").as_array().at(0).as_object();
  EXPECT_EQ(item.at("kind").as_string(), "order_shipped");
  EXPECT_EQ(item.at("text").as_string(), "주문 12번이 발송되었습니다.");
  EXPECT_EQ(item.at("read").as_bool(), false);

  EXPECT_EQ(Code(Get("/api/v1/notifications?per_page=0", Who(kBuyer))), "invalid_paging");
  EXPECT_EQ(Code(Get("/api/v1/notifications?page=x", Who(kBuyer))), "invalid_paging");
  EXPECT_EQ(Get("/api/v1/notifications").status, http::Status::unauthorized);

  const std::string seller_item = "/api/v1/notifications/" + std::to_string(NewestId(kSeller)) + "/read";
  http::Response foreign = Post(seller_item, "", Who(kBuyer));
  EXPECT_EQ(foreign.status, http::Status::not_found);
  EXPECT_EQ(Code(foreign), "not_found");
  EXPECT_EQ(service_.UnreadCount(kSeller), 1);
  http::Response own = Post(seller_item, "", Who(kSeller));
  ASSERT_EQ(own.status, http::Status::ok);
  EXPECT_EQ(Json(own).at("read").as_bool(), true);

  http::Response all = Post("/api/v1/notifications/read-all", "", Who(kBuyer));
  EXPECT_EQ(Json(all).at("marked").as_int64(), 1);

  http::Response put = Send(http::Method::put, "/api/v1/notifications/preferences",
                            R"({"preferences": {"order_shipped": false}})", Who(kBuyer));
  ASSERT_EQ(put.status, http::Status::ok);
  EXPECT_EQ(Json(put).at("preferences").at("order_shipped").as_bool(), false);
  EXPECT_EQ(Json(put).at("preferences").at("order_delivered").as_bool(), true);

  http::Response unknown = Send(http::Method::put, "/api/v1/notifications/preferences",
                                R"({"preferences": {"order_delivered": false, "weather": true}})", Who(kBuyer));
  EXPECT_EQ(unknown.status, http::Status::bad_request);
  EXPECT_EQ(Json(unknown).at("error").at("field").as_string(), "preferences.weather");
  // Nothing of a refused body is written.
  EXPECT_EQ(Json(Get("/api/v1/notifications/preferences", Who(kBuyer))).at("preferences").at("order_delivered"), true);
  EXPECT_EQ(Send(http::Method::put, "/api/v1/notifications/preferences", "kind=order_shipped", Who(kBuyer),
                 "application/x-www-form-urlencoded")
                .status,
            http::Status::unsupported_media_type);
}

}  // namespace
}  // namespace manmulsang::notifications
