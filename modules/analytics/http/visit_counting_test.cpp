#include "manmulsang/analytics/http/visit_counting.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <string>

#include "manmulsang/http/router.hpp"
#include "test_database.hpp"

namespace manmulsang::analytics {
namespace {

using namespace std::chrono_literals;

const db::Database::ModuleMigrations kModules[] = {{"analytics", Migrations()}};

// A browser's cookie jar, enough for two cookies.
using Cookies = std::map<std::string, std::string>;

class VisitCountingTest : public ::testing::Test {
 protected:
  VisitCountingTest() {
    router_.Use(VisitCounting(analytics_));
    router_.Get("/", [](http::Request&) { return http::Response::Html("<p>home</p>"); });
    router_.Get("/p/:id", [](http::Request&) { return http::Response::Html("<p>product</p>"); });
    router_.Get("/api/v1/stats", [](http::Request&) { return http::Response::Json({{"ok", true}}); });
    router_.Get("/assets/:file", [](http::Request&) { return http::Response::Text("body{}"); });
    router_.Get("/healthz", [](http::Request&) { return http::Response::Text("ok\n"); });
    router_.Get("/cached", [](http::Request&) {
      return http::Response(http::Status::not_modified, "text/html; charset=utf-8", "");
    });
    router_.Get("/plain", [](http::Request&) { return http::Response::Text("a file"); });
    router_.Post("/form", [](http::Request&) { return http::Response::Html("<p>posted</p>"); });
    router_.SetNotFound([](http::Request&) { return http::Response::Html("<p>missing</p>", http::Status::not_found); });
  }

  // Sends a request with the jar's cookies and keeps the cookies the answer sets.
  http::Response Send(http::Method method, std::string_view target, Cookies& jar) {
    http::BeastRequest message{method, target, 11};
    std::string cookie_header;
    for (const auto& [name, value] : jar) {
      if (!cookie_header.empty()) cookie_header += "; ";
      cookie_header += name + "=" + value;
    }
    if (!cookie_header.empty()) message.set(boost::beast::http::field::cookie, cookie_header);
    http::Request request(std::move(message), "127.0.0.1", "test");
    http::Response response = router_.Dispatch(request);
    for (const auto& [name, value] : response.headers) {
      if (name != "Set-Cookie") continue;
      std::string_view pair = std::string_view(value).substr(0, value.find(';'));
      std::size_t equals = pair.find('=');
      jar[std::string(pair.substr(0, equals))] = std::string(pair.substr(equals + 1));
    }
    return response;
  }
  http::Response Get(std::string_view target, Cookies& jar) { return Send(http::Method::get, target, jar); }

  static std::string SetCookieFor(const http::Response& response, std::string_view name) {
    for (const auto& [header, value] : response.headers) {
      if (header == "Set-Cookie" && value.starts_with(std::string(name) + "=")) return value;
    }
    return {};
  }

  testing::TestDatabase database_{kModules};
  // 2026-11-26 11:50 in the marketplace's zone: the tests below stay within the day.
  core::ManualClock clock_{core::FromUnixSeconds(1795661400)};
  AnalyticsService analytics_{database_.database(), clock_, AnalyticsOptions{std::chrono::hours(1)}};
  http::Router router_;
};

TEST_F(VisitCountingTest, AFirstViewStartsAVisitAndSetsBothCookies) {
  Cookies jar;
  http::Response response = Get("/", jar);
  EXPECT_EQ(response.status, http::Status::ok);
  EXPECT_EQ(analytics_.Stats().visits_today, 1);
  EXPECT_EQ(analytics_.Stats().page_views_today, 1);

  ASSERT_TRUE(jar.contains("mm_visitor"));
  EXPECT_TRUE(IsVisitorId(jar["mm_visitor"]));
  EXPECT_EQ(jar["mm_visit"], std::to_string(core::ToUnixSeconds(clock_.Now())));
  EXPECT_NE(SetCookieFor(response, "mm_visitor").find("Max-Age=31536000"), std::string::npos);
  EXPECT_NE(SetCookieFor(response, "mm_visit").find("Max-Age=1800"), std::string::npos);
}

TEST_F(VisitCountingTest, ViewsWithinThirtyMinutesStayInTheVisit) {
  Cookies jar;
  Get("/", jar);
  std::string visitor = jar["mm_visitor"];
  for (int view = 0; view < 4; ++view) {
    clock_.Advance(29min);  // each view refreshes the last-seen time
    Get("/p/1", jar);
  }
  VisitStats stats = analytics_.Stats();
  EXPECT_EQ(stats.visits_today, 1);
  EXPECT_EQ(stats.page_views_today, 5);
  EXPECT_EQ(jar["mm_visitor"], visitor);  // the same visitor throughout
}

TEST_F(VisitCountingTest, ThirtyIdleMinutesStartANewVisitForTheSameVisitor) {
  Cookies jar;
  Get("/", jar);
  std::string visitor = jar["mm_visitor"];
  clock_.Advance(30min);
  Get("/", jar);
  EXPECT_EQ(analytics_.Stats().visits_total, 1);  // exactly 30 minutes: still the same visit
  clock_.Advance(31min);
  Get("/", jar);
  EXPECT_EQ(analytics_.Stats().visits_total, 2);
  EXPECT_EQ(jar["mm_visitor"], visitor);
}

TEST_F(VisitCountingTest, AnotherBrowserIsAnotherVisit) {
  Cookies first, second;
  Get("/", first);
  Get("/", second);
  EXPECT_EQ(analytics_.Stats().visits_total, 2);
  EXPECT_NE(first["mm_visitor"], second["mm_visitor"]);
}

TEST_F(VisitCountingTest, ForgedOrBrokenCookiesStartAVisitAndAreReplaced) {
  Cookies jar{{"mm_visitor", "not-an-id"}, {"mm_visit", std::to_string(core::ToUnixSeconds(clock_.Now()))}};
  Get("/", jar);
  EXPECT_EQ(analytics_.Stats().visits_total, 1);
  EXPECT_EQ(jar["mm_visitor"].size(), 32u);

  Cookies garbage{{"mm_visitor", jar["mm_visitor"]}, {"mm_visit", "12abc"}};
  Get("/", garbage);
  Cookies future{{"mm_visitor", jar["mm_visitor"]}, {"mm_visit", "99999999999"}};
  Get("/", future);
  EXPECT_EQ(analytics_.Stats().visits_total, 3);
}

TEST_F(VisitCountingTest, OnlyHtmlPageGetsAnsweredWellAreCounted) {
  Cookies jar;
  Get("/api/v1/stats", jar);
  Get("/assets/site.css", jar);
  Get("/healthz", jar);
  Get("/plain", jar);
  Get("/no/such/page", jar);
  Send(http::Method::post, "/form", jar);
  Send(http::Method::head, "/", jar);
  EXPECT_EQ(analytics_.Stats().page_views_today, 0);
  EXPECT_TRUE(jar.empty());

  Get("/cached", jar);  // a 304 is a person looking at the page again
  EXPECT_EQ(analytics_.Stats().page_views_today, 1);
}

// The visitor id's shape, the one rule analytics and search's once-per-visitor count share.
TEST(VisitorIdTest, OnlyTheIssuedShapeIsAVisitor) {
  EXPECT_TRUE(IsVisitorId("0123456789abcdef0123456789abcdef"));
  EXPECT_FALSE(IsVisitorId(""));
  EXPECT_FALSE(IsVisitorId("0123456789abcdef0123456789abcde"));    // 31
  EXPECT_FALSE(IsVisitorId("0123456789abcdef0123456789abcdef0"));  // 33
  EXPECT_FALSE(IsVisitorId("0123456789ABCDEF0123456789ABCDEF"));   // upper case
  EXPECT_FALSE(IsVisitorId("0123456789abcdef0123456789abcdeg"));
}

}  // namespace
}  // namespace manmulsang::analytics
