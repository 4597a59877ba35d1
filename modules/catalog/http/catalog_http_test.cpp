#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <array>
#include <set>

#include "embedded/web_i18n.hpp"
#include "embedded/web_static.hpp"
#include "embedded/web_templates.hpp"
#include "http/catalog_http.hpp"
#include "listing_test_store.hpp"
#include "manmulsang/catalog/http/catalog_routes.hpp"
#include "manmulsang/http/static_assets.hpp"
#include "manmulsang/search/search.hpp"
#include "manmulsang/search/trending_searches.hpp"

namespace manmulsang::catalog {
namespace {

using namespace std::chrono_literals;

// Stands on the listing tests' store; its own shops are a computer shop and one still applying.
class CatalogHttpTest : public ListingTestStore {
 protected:
  CatalogHttpTest() {
    AddCatalogRoutes(router_, renderer_, catalog_, sellers_, page_cache_, trending_);
    std::vector<sellers::NewShop> shops = {
        {core::UserId{1}, "평양 전자상점", "컴퓨터를 팝니다.", "평양", sellers::ShopStatus::approved},
        {core::UserId{2}, "남포 신청상점", "", "남포", sellers::ShopStatus::pending}};
    shop_ids_ = sellers_.InsertShops(shops);
    std::vector<NewProduct> products = {
        Make("computers-laptops", "아리랑 노트북 15.6인치 i5-8250U 8GB 256GB SSD", 2'500'000, 3),
        Make("computers-monitors", "LED 모니터 24인치", 320'000, 0),
        Make("solar-panels", "단결정 태양광 패널 300W 24V", 450'000, 10),
    };
    products[0].description = "첫째 줄\n<b>둘째</b> 줄";
    products[0].images.push_back("/media/demo/computers-laptops-1-2.svg");
    products[0].rating_average = 4.5;
    products[0].rating_count = 12;
    product_ids_ = catalog_.InsertProducts(products);
  }

  NewProduct Make(std::string_view category, std::string name, std::int64_t price, std::int64_t stock) {
    NewProduct product;
    product.seller = shop_ids_.at(0);
    product.category = catalog_.CategoryBySlug(category).value().id;
    product.name = std::move(name);
    product.description = "설명";
    product.price = {price, core::Currency::kpw};
    product.stock = stock;
    product.images = {"/media/demo/" + std::string(category) + "-1-1.svg"};
    return product;
  }

  http::Response Get(std::string target, bool signed_in = false, std::string_view cookies = {},
                     std::string remote_address = "127.0.0.1") {
    http::BeastRequest message{http::Method::get, target, 11};
    if (!cookies.empty()) message.set(boost::beast::http::field::cookie, cookies);
    http::Request request(std::move(message), std::move(remote_address), "test");
    if (signed_in) request.context().actor.user = core::UserId{77};
    http::Response response = router_.Dispatch(request);
    // Cached pages carry a shared, precompressed body: look at the bytes a client would get.
    if (response.shared) response.body = std::string(response.BodyView());
    return response;
  }

  static boost::json::value Json(const http::Response& response) { return boost::json::parse(response.body); }

  static std::set<std::string> Keys(const boost::json::object& object) {
    std::set<std::string> keys;
    for (const auto& entry : object) keys.insert(std::string(entry.key()));
    return keys;
  }

  static void ExpectBadField(const http::Response& response, std::string_view field) {
    EXPECT_EQ(response.status, http::Status::bad_request) << response.body;
    auto error = Json(response).at("error").as_object();
    EXPECT_EQ(error.at("code").as_string(), "invalid_query");
    EXPECT_EQ(error.at("field").as_string(), field);
    EXPECT_FALSE(error.at("message").as_string().empty());
  }

  search::TrendingSearches trending_{store_.database(), clock_};
  http::StaticAssets assets_{embedded::web_static()};
  html::Renderer renderer_{embedded::web_templates(), embedded::web_i18n(), assets_};
  http::PageCache page_cache_{clock_};
  http::Router router_;
  std::vector<core::SellerId> shop_ids_;
  std::vector<core::ProductId> product_ids_;
};

TEST_F(CatalogHttpTest, CategoriesApiIsTheTree) {
  auto response = Get("/api/v1/categories");
  ASSERT_EQ(response.status, http::Status::ok);
  auto items = Json(response).at("items").as_array();
  ASSERT_GE(items.size(), 12u);
  auto computers = items[2].as_object();
  EXPECT_EQ(computers.at("slug").as_string(), "computers");
  EXPECT_EQ(computers.at("name").as_string(), "컴퓨터");
  EXPECT_EQ(Keys(computers), (std::set<std::string>{"slug", "name", "children"}));
  EXPECT_EQ(computers.at("children").as_array().at(0).at("slug").as_string(), "computers-laptops");
  auto english = Json(Get("/api/v1/categories?lang=en"));
  (void)english;  // locale selection is the app's middleware; the default here is Korean
}

TEST_F(CatalogHttpTest, ProductApiHasExactlyTheDocumentedShape) {
  auto response = Get("/api/v1/products/" + std::to_string(product_ids_[0].value));
  ASSERT_EQ(response.status, http::Status::ok);
  EXPECT_TRUE(response.content_type.starts_with("application/json"));
  auto product = Json(response).as_object();
  EXPECT_EQ(Keys(product), (std::set<std::string>{"id", "name", "description", "price", "stock", "category", "seller",
                                                  "rating", "images"}));
  EXPECT_EQ(product.at("id").as_int64(), product_ids_[0].value);
  EXPECT_EQ(Keys(product.at("price").as_object()), (std::set<std::string>{"amount", "currency"}));
  EXPECT_EQ(product.at("price").at("amount").as_int64(), 2'500'000);
  EXPECT_EQ(product.at("price").at("currency").as_string(), "KPW");
  EXPECT_EQ(product.at("stock").as_int64(), 3);
  EXPECT_EQ(Keys(product.at("category").as_object()), (std::set<std::string>{"slug", "name"}));
  EXPECT_EQ(product.at("category").at("slug").as_string(), "computers-laptops");
  EXPECT_EQ(product.at("category").at("name").as_string(), "노트북");
  EXPECT_EQ(Keys(product.at("seller").as_object()), (std::set<std::string>{"id", "name"}));
  EXPECT_EQ(product.at("seller").at("id").as_int64(), shop_ids_[0].value);
  EXPECT_EQ(product.at("seller").at("name").as_string(), "평양 전자상점");
  EXPECT_EQ(Keys(product.at("rating").as_object()), (std::set<std::string>{"average", "count"}));
  EXPECT_DOUBLE_EQ(product.at("rating").at("average").to_number<double>(), 4.5);
  EXPECT_EQ(product.at("rating").at("count").as_int64(), 12);
  EXPECT_EQ(product.at("images").as_array().size(), 2u);
}

TEST_F(CatalogHttpTest, ProductListApiFiltersPagesAndCountsFacets) {
  auto response = Get("/api/v1/products?category=computers&sort=price_asc&per_page=1&page=2");
  ASSERT_EQ(response.status, http::Status::ok) << response.body;
  auto page = Json(response).as_object();
  EXPECT_EQ(Keys(page), (std::set<std::string>{"items", "total", "page", "per_page", "facets"}));
  EXPECT_EQ(Keys(page.at("facets").as_object()), (std::set<std::string>{"categories", "shops", "prices"}));
  EXPECT_EQ(page.at("total").as_int64(), 2);
  EXPECT_EQ(page.at("page").as_int64(), 2);
  EXPECT_EQ(page.at("per_page").as_int64(), 1);
  ASSERT_EQ(page.at("items").as_array().size(), 1u);
  EXPECT_EQ(page.at("items").at(0).at("price").at("amount").as_int64(), 2'500'000);
  auto facets = page.at("facets").at("categories").as_array();
  ASSERT_EQ(facets.size(), 2u);
  EXPECT_EQ(facets[0].at("slug").as_string(), "computers-laptops");
  EXPECT_EQ(facets[0].at("count").as_int64(), 1);

  auto searched = Json(Get("/api/v1/products?q=%ED%83%9C%EC%96%91%EA%B4%91&min_price=&max_price=500000"));
  EXPECT_EQ(searched.at("total").as_int64(), 1);  // 태양광
  EXPECT_EQ(Json(Get("/api/v1/products")).at("total").as_int64(), 3);
}

TEST_F(CatalogHttpTest, BadListParametersAre400WithTheirField) {
  ExpectBadField(Get("/api/v1/products?page=0"), "page");
  ExpectBadField(Get("/api/v1/products?page=abc"), "page");
  ExpectBadField(Get("/api/v1/products?per_page=101"), "per_page");
  ExpectBadField(Get("/api/v1/products?per_page=-1"), "per_page");
  ExpectBadField(Get("/api/v1/products?min_price=-5"), "min_price");
  ExpectBadField(Get("/api/v1/products?min_price=12.5"), "min_price");
  ExpectBadField(Get("/api/v1/products?max_price=99999999999999999999999"), "max_price");
  ExpectBadField(Get("/api/v1/products?min_price=10&max_price=5"), "max_price");
  ExpectBadField(Get("/api/v1/products?sort=cheapest"), "sort");
  ExpectBadField(Get("/api/v1/products?category=nothing"), "category");
  ExpectBadField(Get("/api/v1/products?seller=abc"), "seller");
  ExpectBadField(Get("/api/v1/products?in_stock=maybe"), "in_stock");
  ExpectBadField(Get("/api/v1/products?q=x&page=1001"), "page");  // a search pages its best matches only
}

TEST_F(CatalogHttpTest, OverlongSearchTextIsCutNotRefused) {
  // 5,000 characters: cut to kMaxQueryText bytes at a character boundary, then searched.
  std::string hangul;
  for (int index = 0; index < 2500; ++index) hangul += "노트";
  for (const std::string& text : {std::string(5000, 'a'), hangul}) {
    auto response = Get("/api/v1/products?q=" + http::PercentEncode(text));
    EXPECT_EQ(response.status, http::Status::ok) << response.body.substr(0, 200);
  }
  EXPECT_EQ(CleanSearchText(hangul).size(), kMaxQueryText - kMaxQueryText % 3);
  EXPECT_EQ(CleanSearchText("  노트북 \t 가방\n"), "노트북 가방");
  EXPECT_EQ(CleanSearchText(std::string("a\0b", 3)), "a b");
  EXPECT_EQ(CleanSearchText("\xff\xfe"), "\uFFFD\uFFFD");
  EXPECT_TRUE(SearchTextWasCut(hangul));
  EXPECT_FALSE(SearchTextWasCut("노트북"));
}

std::size_t Count(std::string_view text, std::string_view needle) {
  std::size_t count = 0;
  for (std::size_t at = text.find(needle); at != std::string_view::npos; at = text.find(needle, at + 1)) ++count;
  return count;
}

TEST_F(CatalogHttpTest, SearchPageShowsResultsFacetsSortsAndFilters) {
  auto response = Get("/search?q=" + http::PercentEncode("노트북"));
  ASSERT_EQ(response.status, http::Status::ok);
  const std::string& body = response.body;
  EXPECT_NE(body.find("아리랑 노트북"), std::string::npos);
  EXPECT_EQ(body.find("LED 모니터"), std::string::npos);
  EXPECT_NE(body.find("2,500,000원"), std::string::npos);
  EXPECT_NE(body.find("평양 전자상점"), std::string::npos);     // the card's shop
  EXPECT_NE(body.find("value=\"노트북\""), std::string::npos);  // the header box keeps it
  EXPECT_NE(body.find("id=\"facet-categories\""), std::string::npos);
  EXPECT_NE(body.find("href=\"/search?q=%EB%85%B8%ED%8A%B8%EB%B6%81&amp;category=computers\""), std::string::npos);
  EXPECT_NE(
      body.find("href=\"/search?q=%EB%85%B8%ED%8A%B8%EB%B6%81&amp;seller=" + std::to_string(shop_ids_[0].value) + "\""),
      std::string::npos);
  EXPECT_NE(body.find("id=\"facet-prices\""), std::string::npos);
  EXPECT_NE(body.find("href=\"/search?q=%EB%85%B8%ED%8A%B8%EB%B6%81&amp;min_price=1000000\""), std::string::npos);
  EXPECT_NE(body.find("href=\"/search?q=%EB%85%B8%ED%8A%B8%EB%B6%81&amp;sort=price_asc\""), std::string::npos);
  EXPECT_NE(body.find("name=\"in_stock\""), std::string::npos);

  // Following a facet narrows and marks it; the link back widens again.
  auto in_laptops = Get("/search?q=" + http::PercentEncode("노트북") + "&category=computers");
  ASSERT_EQ(in_laptops.status, http::Status::ok);
  EXPECT_NE(in_laptops.body.find("아리랑 노트북"), std::string::npos);
  EXPECT_NE(in_laptops.body.find("href=\"/search?q=%EB%85%B8%ED%8A%B8%EB%B6%81\""), std::string::npos);
  auto elsewhere = Get("/search?q=" + http::PercentEncode("노트북") + "&category=solar");
  EXPECT_EQ(elsewhere.status, http::Status::ok);
  EXPECT_EQ(elsewhere.body.find("아리랑 노트북"), std::string::npos);
  EXPECT_NE(elsewhere.body.find("id=\"no-results\""), std::string::npos);
  auto cheap = Get("/search?q=" + http::PercentEncode("노트북") + "&max_price=100000");
  EXPECT_EQ(cheap.body.find("아리랑 노트북"), std::string::npos);
  EXPECT_NE(cheap.body.find("value=\"100000\""), std::string::npos);

  // In stock only: the monitor (stock 0) goes.
  auto all_monitors = Get("/search?q=" + http::PercentEncode("모니터"));
  EXPECT_NE(all_monitors.body.find("LED 모니터"), std::string::npos);
  auto stocked = Get("/search?q=" + http::PercentEncode("모니터") + "&in_stock=1");
  EXPECT_EQ(stocked.body.find("LED 모니터"), std::string::npos);
  EXPECT_NE(stocked.body.find("checked"), std::string::npos);
}

TEST_F(CatalogHttpTest, SearchPageReadsEnglishKeyboardAndInitials) {
  auto typed = Get("/search?q=shxmqnr");
  ASSERT_EQ(typed.status, http::Status::ok);
  EXPECT_NE(typed.body.find("아리랑 노트북"), std::string::npos);
  EXPECT_NE(typed.body.find("id=\"interpreted-as\""), std::string::npos);
  EXPECT_NE(typed.body.find("<strong>노트북</strong>"), std::string::npos);

  auto initials = Get("/search?q=" + http::PercentEncode("ㄴㅌㅂ"));
  EXPECT_NE(initials.body.find("아리랑 노트북"), std::string::npos);
  EXPECT_EQ(initials.body.find("id=\"interpreted-as\""), std::string::npos);
}

TEST_F(CatalogHttpTest, SearchPageEmptyStatesOfferTrendingAndCategories) {
  auto nothing = Get("/search?q=" + http::PercentEncode("없는물건"));
  EXPECT_EQ(nothing.status, http::Status::ok);
  EXPECT_NE(nothing.body.find("id=\"no-results\""), std::string::npos);
  EXPECT_NE(nothing.body.find("id=\"empty-categories\""), std::string::npos);
  EXPECT_NE(nothing.body.find("href=\"/c/computers\""), std::string::npos);
  EXPECT_EQ(nothing.body.find("id=\"empty-trending\""), std::string::npos);  // nothing searched yet

  Get("/search?q=" + http::PercentEncode("태양광"));
  auto after = Get("/search?q=" + http::PercentEncode("없는물건"));
  EXPECT_NE(after.body.find("id=\"empty-trending\""), std::string::npos);
  EXPECT_NE(after.body.find("href=\"/search?q=%ED%83%9C%EC%96%91%EA%B4%91\""), std::string::npos);

  for (std::string target : {"/search", "/search?q=", "/search?q=+++", "/search?q=%00%01"}) {
    auto empty = Get(target);
    EXPECT_EQ(empty.status, http::Status::ok) << target;
    EXPECT_NE(empty.body.find("id=\"empty-query\""), std::string::npos) << target;
    EXPECT_EQ(Count(empty.body, "<article class=\"card"), 0u) << target;
  }
}

TEST_F(CatalogHttpTest, SearchPageBadFiltersAre400BesideTheField) {
  struct Case {
    std::string parameters;
    std::string message_id;
  };
  for (const Case& bad : {Case{"min_price=abc", "price-error"}, Case{"min_price=10&max_price=5", "price-error"},
                          Case{"sort=cheapest", "sort-error"}, Case{"category=nothing", "filter-error"},
                          Case{"seller=-1", "filter-error"}, Case{"in_stock=maybe", "stock-error"},
                          Case{"page=0", "page-error"}, Case{"page=1001", "page-error"}}) {
    auto response = Get("/search?q=" + http::PercentEncode("노트북") + "&" + bad.parameters);
    EXPECT_EQ(response.status, http::Status::bad_request) << bad.parameters;
    EXPECT_NE(response.body.find("id=\"" + bad.message_id + "\""), std::string::npos) << bad.parameters;
    EXPECT_NE(response.body.find("아리랑 노트북"), std::string::npos)
        << bad.parameters << ": the words are still searched";
  }
}

TEST_F(CatalogHttpTest, HostileSearchTextIsOnlyText) {
  for (const std::string& text :
       std::vector<std::string>{"<script>alert(1)</script>\"'&", "\"노트북", "노트*", "NEAR(노트 북)",
                                "a OR b AND NOT c", "ㄱ", "ㅏㅏㅏ", "\xff\xfe\xed\xa0\x80", std::string("노트\0북", 9),
                                "'; DROP TABLE products; --", std::string(5000, 'x'), "{{title}}"}) {
    auto response = Get("/search?q=" + http::PercentEncode(text));
    EXPECT_TRUE(response.status == http::Status::ok) << text << " gave " << static_cast<int>(response.status);
    EXPECT_EQ(response.body.find("<script>alert"), std::string::npos);
    EXPECT_EQ(response.body.find('\0'), std::string::npos);
    EXPECT_EQ(response.body.find("\xff"), std::string::npos);
    auto api = Get("/api/v1/products?q=" + http::PercentEncode(text));
    EXPECT_EQ(api.status, http::Status::ok) << text << ": " << api.body.substr(0, 200);
  }
  auto script = Get("/search?q=" + http::PercentEncode("<script>alert(1)</script>"));
  EXPECT_NE(script.body.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  auto long_query = Get("/search?q=" + std::string(5000, 'x'));
  EXPECT_NE(long_query.body.find("id=\"query-truncated\""), std::string::npos);
  EXPECT_EQ(long_query.body.find(std::string(kMaxQueryText + 1, 'x')), std::string::npos);
}

TEST_F(CatalogHttpTest, SearchesThatFindSomethingCountOncePerVisitorInTrending) {
  const std::string visitor = "mm_visitor=0123456789abcdef0123456789abcdef";
  const std::string laptop = "/search?q=" + http::PercentEncode("노트북");
  Get(laptop, false, visitor);
  Get(laptop, false, visitor);
  Get("/api/v1/products?q=" + http::PercentEncode("노트북"), false, visitor);
  Get(laptop, /*signed_in=*/true);                      // user 77
  Get(laptop, false, "mm_visitor=forged", "10.0.0.9");  // an odd cookie counts by address
  Get(laptop, false, "mm_visitor=forged2", "10.0.0.9");
  Get("/search?q=" + http::PercentEncode("없는물건"), false, visitor);  // found nothing: not counted
  std::vector<search::TrendingQuery> top = trending_.Top();
  ASSERT_EQ(top.size(), 1u);
  EXPECT_EQ(top[0].query, "노트북");
  EXPECT_EQ(top[0].count, 3);
}

TEST_F(CatalogHttpTest, ProductSearchApiHasFacetsAndReading) {
  auto response = Get("/api/v1/products?q=shxmqnr");
  ASSERT_EQ(response.status, http::Status::ok) << response.body;
  auto page = Json(response).as_object();
  EXPECT_EQ(Keys(page),
            (std::set<std::string>{"items", "total", "page", "per_page", "facets", "interpreted_as", "partial_match"}));
  EXPECT_EQ(page.at("interpreted_as").as_string(), "노트북");
  EXPECT_FALSE(page.at("partial_match").as_bool());
  ASSERT_EQ(page.at("total").as_int64(), 1);
  auto facets = page.at("facets").as_object();
  ASSERT_EQ(facets.at("shops").as_array().size(), 1u);
  EXPECT_EQ(Keys(facets.at("shops").at(0).as_object()), (std::set<std::string>{"id", "name", "count"}));
  EXPECT_EQ(facets.at("shops").at(0).at("name").as_string(), "평양 전자상점");
  std::int64_t in_ranges = 0;
  for (const auto& range : facets.at("prices").as_array()) {
    EXPECT_EQ(Keys(range.as_object()), (std::set<std::string>{"min", "max", "count"}));
    in_ranges += range.at("count").as_int64();
  }
  EXPECT_EQ(in_ranges, 1);
  EXPECT_TRUE(facets.at("prices").as_array().back().at("max").is_null());
  std::int64_t in_categories = 0;
  for (const auto& category : facets.at("categories").as_array()) in_categories += category.at("count").as_int64();
  EXPECT_EQ(in_categories, 1);
}

TEST_F(CatalogHttpTest, UnknownOrHiddenProductIs404Json) {
  for (std::string target :
       {"/api/v1/products/999999", "/api/v1/products/abc", "/api/v1/products/0", "/api/v1/products/-1"}) {
    auto response = Get(target);
    EXPECT_EQ(response.status, http::Status::not_found) << target;
    EXPECT_EQ(Json(response).at("error").at("code").as_string(), "product_not_found");
  }
  store_->Write([&](db::Connection& connection) {
    connection.Execute("UPDATE products SET status = 'hidden' WHERE id = $1", {product_ids_[2].value});
  });
  EXPECT_EQ(Get("/api/v1/products/" + std::to_string(product_ids_[2].value)).status, http::Status::not_found);
}

TEST_F(CatalogHttpTest, CategoryPageListsTheSubtreeWithSortsAndFilters) {
  auto response = Get("/c/computers");
  ASSERT_EQ(response.status, http::Status::ok);
  const std::string& body = response.body;
  EXPECT_NE(body.find("아리랑 노트북"), std::string::npos);
  EXPECT_NE(body.find("LED 모니터"), std::string::npos);
  EXPECT_EQ(body.find("태양광 패널 300W"), std::string::npos);
  EXPECT_NE(body.find("href=\"/c/computers-laptops\""), std::string::npos);
  EXPECT_NE(body.find("href=\"/c/computers?sort=price_asc\""), std::string::npos);
  EXPECT_NE(body.find("name=\"min_price\""), std::string::npos);
  EXPECT_NE(body.find("2,500,000원"), std::string::npos);

  auto filtered = Get("/c/computers?min_price=1000000&sort=price_desc");
  ASSERT_EQ(filtered.status, http::Status::ok);
  EXPECT_EQ(filtered.body.find("LED 모니터"), std::string::npos);
  EXPECT_NE(filtered.body.find("value=\"1000000\""), std::string::npos);

  auto bad = Get("/c/computers?min_price=abc");
  EXPECT_EQ(bad.status, http::Status::bad_request);
  EXPECT_NE(bad.body.find("role=\"alert\""), std::string::npos);
  EXPECT_NE(bad.body.find("value=\"abc\""), std::string::npos);
  EXPECT_NE(bad.body.find("LED 모니터"), std::string::npos);  // the listing is still there

  EXPECT_EQ(Get("/c/no-such-category").status, http::Status::not_found);
}

TEST_F(CatalogHttpTest, ProductPageShowsTheProductAndIsCached) {
  std::string path = "/p/" + std::to_string(product_ids_[0].value);
  auto response = Get(path);
  ASSERT_EQ(response.status, http::Status::ok);
  const std::string& body = response.body;
  EXPECT_NE(body.find("아리랑 노트북 15.6인치"), std::string::npos);
  EXPECT_NE(body.find("2,500,000원"), std::string::npos);
  EXPECT_NE(body.find("href=\"/s/" + std::to_string(shop_ids_[0].value) + "\""), std::string::npos);
  EXPECT_NE(body.find("href=\"/c/computers-laptops\""), std::string::npos);
  EXPECT_NE(body.find("<p>첫째 줄</p>"), std::string::npos);
  EXPECT_NE(body.find("&lt;b&gt;둘째&lt;/b&gt;"), std::string::npos);  // escaped, never raw HTML
  EXPECT_NE(body.find("/media/demo/computers-laptops-1-2.svg"), std::string::npos);
  EXPECT_EQ(body.find("<form class=\"cart"), std::string::npos);
  ASSERT_TRUE(response.shared);
  EXPECT_LT(response.shared->gzip.size(), 25u * 1024);  // docs/ARCHITECTURE.md, performance model: ≤ 25 KB compressed
  EXPECT_TRUE(response.cacheable);
  EXPECT_EQ(page_cache_.size(), 1u);
  EXPECT_TRUE(page_cache_.Get(http::PageCache::Key(path, "ko")).has_value());

  auto sold_out = Get("/p/" + std::to_string(product_ids_[1].value));
  EXPECT_NE(sold_out.body.find("badge-sold-out"), std::string::npos);

  Get(path, /*signed_in=*/true);
  EXPECT_EQ(page_cache_.size(), 2u);  // the signed-in view was not stored
}

TEST_F(CatalogHttpTest, UnknownProductAndShopPagesAre404) {
  EXPECT_EQ(Get("/p/999999").status, http::Status::not_found);
  EXPECT_EQ(Get("/p/abc").status, http::Status::not_found);
  EXPECT_EQ(Get("/s/999999").status, http::Status::not_found);
  // A shop still waiting for approval is not public.
  EXPECT_EQ(Get("/s/" + std::to_string(shop_ids_[1].value)).status, http::Status::not_found);
  EXPECT_EQ(Get("/s/" + std::to_string(shop_ids_[0].value) + "?page=0").status, http::Status::not_found);
}

TEST_F(CatalogHttpTest, ShopPageListsItsProducts) {
  auto response = Get("/s/" + std::to_string(shop_ids_[0].value));
  ASSERT_EQ(response.status, http::Status::ok);
  EXPECT_NE(response.body.find("평양 전자상점"), std::string::npos);
  EXPECT_NE(response.body.find("단결정 태양광 패널"), std::string::npos);
  EXPECT_NE(response.body.find("컴퓨터를 팝니다."), std::string::npos);
}

TEST_F(CatalogHttpTest, DemoImagesAreSmallImmutableSvg) {
  auto response = Get("/media/demo/computers-laptops-123-2.svg");
  ASSERT_EQ(response.status, http::Status::ok);
  EXPECT_EQ(response.content_type, "image/svg+xml");
  EXPECT_LT(response.body.size(), 2048u);
  EXPECT_TRUE(response.body.starts_with("<svg "));
  EXPECT_NE(response.body.find("#2d89ef"), std::string::npos);
  EXPECT_NE(response.body.find("노트북 123-2"), std::string::npos);
  EXPECT_EQ(response.body.find("<script"), std::string::npos);
  EXPECT_EQ(response.body.find("href"), std::string::npos);
  bool immutable = false;
  for (const auto& [name, value] : response.headers) {
    if (name == "Cache-Control") immutable = value.find("immutable") != std::string::npos;
  }
  EXPECT_TRUE(immutable);
  EXPECT_EQ(Get("/media/demo/computers-laptops-123-2.svg").body, response.body);  // deterministic

  // Goods of the kind, in the product's colour on every picture of it: a laptop is not a tablet,
  // and another product of the category may come in another colour.
  const auto body_colour = [&](const std::string& path) {
    const std::string svg = Get(path).body;
    const std::size_t at = svg.find(R"(fill="#)", svg.find("<g "));
    return at == std::string::npos ? std::string() : svg.substr(at, 14);
  };
  EXPECT_NE(Get("/media/demo/computers-laptops-1-1.svg").body, Get("/media/demo/computers-tablets-1-1.svg").body);
  EXPECT_EQ(body_colour("/media/demo/computers-laptops-7-1.svg"), body_colour("/media/demo/computers-laptops-7-3.svg"));
  EXPECT_NE(body_colour("/media/demo/computers-laptops-7-1.svg"), body_colour("/media/demo/computers-laptops-8-1.svg"));
  EXPECT_EQ(Get("/media/demo/computers-laptops-1-1.svg").body.find("{body}"), std::string::npos);

  for (std::string bad :
       {"/media/demo/nothing-1-1.svg", "/media/demo/computers-laptops-1-1.png", "/media/demo/computers-laptops-x-1.svg",
        "/media/demo/computers-laptops-1-0.svg", "/media/demo/..svg"}) {
    EXPECT_EQ(Get(bad).status, http::Status::not_found) << bad;
  }
}

}  // namespace
}  // namespace manmulsang::catalog
