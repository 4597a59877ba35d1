#include "manmulsang/storefront/http/storefront_routes.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <array>
#include <string>

#include "embedded/web_i18n.hpp"
#include "embedded/web_static.hpp"
#include "embedded/web_templates.hpp"
#include "manmulsang/analytics/http/visit_counting.hpp"
#include "manmulsang/http/form.hpp"
#include "manmulsang/http/static_assets.hpp"
#include "manmulsang/search/trending_searches.hpp"
#include "manmulsang/storefront/storefront.hpp"
#include "test_marketplace.hpp"

namespace manmulsang::storefront {
namespace {

using namespace std::chrono_literals;

constexpr std::array<std::string_view, 12> kTopSlugs = {"clothing",  "cosmetics", "computers", "solar",
                                                        "food",      "shoes",     "bags",      "appliances",
                                                        "household", "building",  "books",     "medicine"};

std::size_t Count(std::string_view text, std::string_view needle) {
  std::size_t count = 0;
  for (std::size_t at = text.find(needle); at != std::string_view::npos; at = text.find(needle, at + 1)) ++count;
  return count;
}

class StorefrontRoutesTest : public ::testing::Test {
 protected:
  StorefrontRoutesTest() {
    router_.Use(analytics::VisitCounting(analytics_));
    AddStorefrontRoutes(router_, renderer_, accounts_, analytics_, sellers_, catalog_, trending_, page_cache_);
    router_.SetNotFound(NotFoundPage(renderer_));

    std::vector<sellers::NewShop> shops = {
        {core::UserId{1}, "평양 전자", "", "평양", sellers::ShopStatus::approved},
        {core::UserId{2}, "함흥 상회", "", "함흥", sellers::ShopStatus::approved},
        {core::UserId{3}, "신청 중", "", "원산", sellers::ShopStatus::pending},
    };
    shops_ = sellers_.InsertShops(shops);
    std::vector<accounts::RegisterCommand> members;
    for (int index = 1; index <= 3; ++index) {
      members.push_back({"member" + std::to_string(index) + "@example.kp", "long enough password", "회원"});
    }
    accounts_.InsertGeneratedMembers(members);
  }

  catalog::NewProduct Make(std::string_view category, std::string name, std::int64_t popularity,
                           std::chrono::hours age) {
    catalog::NewProduct product;
    product.seller = shops_[0];
    product.category = catalog_.CategoryBySlug(category)->id;
    product.name = std::move(name);
    product.description = "설명";
    product.price = {12000, core::Currency::kpw};
    product.stock = 5;
    product.images = {"/media/demo/" + std::string(category) + ".svg"};
    product.popularity = popularity;
    product.rating_average = 4.4;
    product.rating_count = 1234;
    product.created_at = clock_.Now() - age;
    return product;
  }

  http::Response Get(std::string_view target, core::Locale locale = core::Locale::ko, std::string_view cookies = {}) {
    http::BeastRequest message{http::Method::get, target, 11};
    if (!cookies.empty()) message.set(boost::beast::http::field::cookie, cookies);
    http::Request request(std::move(message), "127.0.0.1", "test");
    request.context().locale = locale;
    http::Response response = router_.Dispatch(request);
    // Cached pages share one precompressed body; the tests read the bytes either way.
    if (response.shared) response.body = std::string(response.BodyView());
    return response;
  }

  // The clock at 2026-11-26 11:50 in the marketplace's zone.
  testing::TestMarketplace database_{{.start = core::FromUnixSeconds(1795661400)}};
  core::ManualClock& clock_ = database_.clock();
  accounts::AccountService& accounts_ = database_.services().accounts;
  analytics::AnalyticsService& analytics_ = database_.services().analytics;
  sellers::SellerService& sellers_ = database_.services().sellers;
  catalog::CatalogService& catalog_ = database_.services().catalog;
  search::TrendingSearches& trending_ = database_.services().trending;
  http::StaticAssets assets_{embedded::web_static()};
  html::Renderer renderer_{embedded::web_templates(), embedded::web_i18n(), assets_};
  http::PageCache page_cache_{clock_};
  http::Router router_;
  std::vector<core::SellerId> shops_;
};

TEST_F(StorefrontRoutesTest, HomeShowsEveryTopCategoryAsATileWithItsIcon) {
  http::Response response = Get("/");
  ASSERT_EQ(response.status, http::Status::ok);
  EXPECT_TRUE(response.content_type.starts_with("text/html"));
  const std::string& html = response.body;
  for (std::string_view slug : kTopSlugs) {
    EXPECT_NE(html.find("href=\"/c/" + std::string(slug) + "\""), std::string::npos) << slug;
    // The icon resolves to its content-hashed asset URL.
    std::string icon(assets_.Url("icon-" + std::string(slug) + ".svg"));
    ASSERT_FALSE(icon.empty()) << slug;
    EXPECT_NE(html.find("src=\"" + icon + "\""), std::string::npos) << slug;
  }
  EXPECT_NE(html.find("tile tile-blue\" href=\"/c/computers\""), std::string::npos);
  EXPECT_NE(html.find("tile tile-magenta\" href=\"/c/cosmetics\""), std::string::npos);
  EXPECT_NE(html.find(">컴퓨터<"), std::string::npos);
  EXPECT_EQ(html.find("style="), std::string::npos);  // the CSP allows no inline styles
  EXPECT_EQ(html.find("{{"), std::string::npos);

  std::string english = Get("/", core::Locale::en).body;
  EXPECT_NE(english.find(">Computers<"), std::string::npos);
  EXPECT_NE(english.find("Total visits"), std::string::npos);
}

TEST_F(StorefrontRoutesTest, HomeShowsTheCounterWithGroupedNumbers) {
  for (int view = 0; view < 1234; ++view) analytics_.RecordPageView(true);
  analytics_.Flush();
  analytics_.RecordPageView(true);  // still in memory: counted all the same
  clock_.Advance(24h);
  for (int view = 0; view < 7; ++view) analytics_.RecordPageView(true);

  std::string html = Get("/").body;
  EXPECT_NE(html.find("전체 방문"), std::string::npos);
  EXPECT_NE(html.find("오늘 방문"), std::string::npos);
  EXPECT_NE(html.find("<dd id=\"stat-visits-total\">1,242</dd>"), std::string::npos) << html;
  EXPECT_NE(html.find("<dd id=\"stat-visits-today\">7</dd>"), std::string::npos);
  EXPECT_NE(html.find("<dd id=\"stat-members\">3</dd>"), std::string::npos);
  EXPECT_NE(html.find("<dd id=\"stat-sellers\">2</dd>"), std::string::npos);
  EXPECT_NE(html.find("<dd id=\"stat-products\">0</dd>"), std::string::npos);
}

TEST_F(StorefrontRoutesTest, HomeHasLiveTilesOfNewAndPopularGoods) {
  std::string empty = Get("/").body;
  EXPECT_EQ(Count(empty, "class=\"live-item\""), 2u);  // one honest "nothing yet" face each
  EXPECT_NE(empty.find("아직 올라온 상품이 없습니다"), std::string::npos);

  std::vector<catalog::NewProduct> products;
  for (int index = 0; index < 10; ++index) {
    products.push_back(Make("computers", "노트북 " + std::to_string(index), index, std::chrono::hours(index)));
  }
  products.push_back(Make("food", "인기 만점 김치", 1000, 500h));
  catalog_.InsertProducts(products);
  page_cache_.Clear();

  std::string html = Get("/").body;
  EXPECT_EQ(Count(html, "class=\"live-item\""), 2u * kLiveTileProducts);
  std::size_t new_tile = html.find("id=\"tile-new\"");
  std::size_t popular_tile = html.find("id=\"tile-popular\"");
  ASSERT_NE(new_tile, std::string::npos);
  ASSERT_NE(popular_tile, std::string::npos);
  // The newest listing leads the new tile; the most popular one leads the popular tile.
  EXPECT_LT(html.find("노트북 0", new_tile), popular_tile);
  EXPECT_GT(html.find("인기 만점 김치", popular_tile), popular_tile);
  EXPECT_EQ(html.find("인기 만점 김치", new_tile), html.find("인기 만점 김치", popular_tile));
  EXPECT_NE(html.find("12,000원"), std::string::npos);
  EXPECT_NE(html.find("<dd id=\"stat-products\">11</dd>"), std::string::npos);
}

TEST_F(StorefrontRoutesTest, AnonymousHomeIsCachedForAFewSeconds) {
  std::string first = Get("/").body;
  EXPECT_NE(first.find("<dd id=\"stat-visits-total\">0</dd>"), std::string::npos);
  EXPECT_NE(first.find("<dd id=\"stat-visits-total\">"), std::string::npos);
  analytics_.RecordPageView(true);
  analytics_.RecordPageView(true);
  EXPECT_EQ(Get("/").body, first);
  clock_.Advance(11s);
  std::string later = Get("/").body;
  // Both requests above were counted visits too, by the middleware.
  EXPECT_NE(later.find("<dd id=\"stat-visits-total\">4</dd>"), std::string::npos) << later;
  // ?lang= is part of the cached page; other query strings are rendered afresh.
  EXPECT_NE(Get("/?utm=x").body.find("<dd id=\"stat-visits-total\">5</dd>"), std::string::npos);
}

TEST_F(StorefrontRoutesTest, StatsApiHasItsShapeAndACountedVisitMovesToday) {
  http::Response response = Get("/api/v1/stats");
  ASSERT_EQ(response.status, http::Status::ok);
  EXPECT_TRUE(response.content_type.starts_with("application/json"));
  boost::json::object stats = boost::json::parse(response.body).as_object();
  EXPECT_EQ(stats.size(), 5u);
  for (std::string_view key : {"visits_total", "visits_today", "members", "products", "sellers"}) {
    ASSERT_TRUE(stats.contains(key)) << key;
    EXPECT_TRUE(stats.at(key).is_int64()) << key;
  }
  EXPECT_EQ(stats.at("visits_today").as_int64(), 0);  // an API call is not a visit
  EXPECT_EQ(stats.at("members").as_int64(), 3);
  EXPECT_EQ(stats.at("sellers").as_int64(), 2);

  Get("/");  // a person opens the home page
  boost::json::object after = boost::json::parse(Get("/api/v1/stats").body).as_object();
  EXPECT_EQ(after.at("visits_today").as_int64(), 1);
  EXPECT_EQ(after.at("visits_total").as_int64(), 1);
}

TEST_F(StorefrontRoutesTest, HomeShowsTrendingSearchesWithTheirMovement) {
  http::Response before = Get("/");
  EXPECT_NE(before.body.find("id=\"trending\""), std::string::npos);
  EXPECT_NE(before.body.find("아직 집계된 검색어가 없습니다"), std::string::npos);

  for (int visitor = 0; visitor < 3; ++visitor) trending_.Record("노트북", "visitor " + std::to_string(visitor));
  trending_.Record("태양광 <패널>", "visitor 0");
  // The anonymous home page is cached for a few seconds: trending shows once that has passed.
  clock_.Advance(11s);
  http::Response home = Get("/");
  ASSERT_EQ(home.status, http::Status::ok);
  const std::string& html = home.body;
  std::size_t laptop = html.find("href=\"/search?q=%EB%85%B8%ED%8A%B8%EB%B6%81\"");
  std::size_t solar = html.find("태양광 &lt;패널&gt;");
  ASSERT_NE(laptop, std::string::npos);
  ASSERT_NE(solar, std::string::npos);
  EXPECT_LT(laptop, solar);  // most searched first
  EXPECT_EQ(html.find("태양광 <패널>"), std::string::npos);
  EXPECT_NE(html.find("trending-new"), std::string::npos);
  EXPECT_NE(html.find(">NEW<"), std::string::npos);
  EXPECT_NE(html.find("class=\"trending-rank\">1<"), std::string::npos);
}

TEST_F(StorefrontRoutesTest, TrendingMarksShowHowTheRankMoved) {
  trending_.Record("가방", "visitor 1");
  trending_.Record("노트북", "visitor 1");
  trending_.Record("노트북", "visitor 2");
  clock_.Advance(11min);  // the movement compares with the ranking of ten minutes earlier
  for (int visitor = 3; visitor < 6; ++visitor) trending_.Record("가방", "visitor " + std::to_string(visitor));
  const std::string html = Get("/").body;
  std::size_t bag = html.find(">가방</a>");
  std::size_t laptop = html.find(">노트북</a>");
  ASSERT_NE(bag, std::string::npos);
  ASSERT_NE(laptop, std::string::npos);
  EXPECT_LT(bag, laptop);
  EXPECT_NE(html.find("\u25B21</span>", bag), std::string::npos);  // ▲1 after 가방
  EXPECT_LT(html.find("\u25B21</span>", bag), laptop);
  EXPECT_NE(html.find("\u25BC1</span>", laptop), std::string::npos);  // ▼1 after 노트북
  EXPECT_NE(html.find("trending-up"), std::string::npos);
  EXPECT_NE(html.find("trending-down"), std::string::npos);
}

TEST_F(StorefrontRoutesTest, SearchIsNoLongerTheStorefronts) {
  // /search is the catalog's results page (catalog/http); the storefront only links to it.
  EXPECT_EQ(Get("/search?q=" + http::PercentEncode("노트북")).status, http::Status::not_found);
  EXPECT_NE(Get("/").body.find("action=\"/search\""), std::string::npos);
}

TEST_F(StorefrontRoutesTest, UnknownPagesAre404InTheirLanguage) {
  http::Response page = Get("/no/such/page");
  EXPECT_EQ(page.status, http::Status::not_found);
  EXPECT_TRUE(page.content_type.starts_with("text/html"));
  EXPECT_NE(page.body.find("찾으시는 페이지가 없습니다"), std::string::npos);

  http::Response api = Get("/api/v1/no/such/thing");
  EXPECT_EQ(api.status, http::Status::not_found);
  EXPECT_TRUE(api.content_type.starts_with("application/json"));
  boost::json::value json = boost::json::parse(api.body);
  EXPECT_EQ(json.at("error").at("code").as_string(), "not_found");
}

}  // namespace
}  // namespace manmulsang::storefront
