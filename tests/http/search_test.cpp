// Search through the real server and the demo store: the product search API with facets, the
// results page, suggestions, trending, and hostile queries, filters and sorts.
#include <set>

#include "blackbox.hpp"

namespace manmulsang::testing {
namespace {

using boost::json::array;
using boost::json::object;

std::string Encoded(std::string_view text) { return PercentEncode(text); }

std::int64_t SumOfCounts(const array& facets) {
  std::int64_t sum = 0;
  for (const auto& facet : facets) sum += facet.at("count").as_int64();
  return sum;
}

std::set<std::int64_t> IdsOf(const object& page) {
  std::set<std::int64_t> ids;
  for (const auto& item : page.at("items").as_array()) ids.insert(item.at("id").as_int64());
  return ids;
}

class SearchTest : public BlackBoxTest {
 protected:
  object Products(const std::string& parameters) {
    HttpResponse response = NewClient().Get("/api/v1/products?" + parameters);
    EXPECT_EQ(response.status, 200) << parameters << ": " << response.body.substr(0, 300);
    if (response.status != 200) return {{"items", array()}, {"total", 0}};
    return AsObject(response.Json());
  }

  array Suggestions(std::string_view prefix) {
    HttpResponse response = NewClient().Get("/api/v1/search/suggest?q=" + Encoded(prefix));
    EXPECT_EQ(response.status, 200) << prefix;
    if (response.status != 200) return {};
    return AsObject(response.Json()).at("items").as_array();
  }

  static bool Suggests(const array& items, std::string_view text) {
    for (const auto& item : items) {
      if (item.at("text").as_string() == text) return true;
    }
    return false;
  }

  // A word of two or more Hangul syllables from a listing of the category: something the demo
  // store certainly holds, and that no other scenario searches for.
  std::string HangulWordOf(std::string_view category, int skip) {
    object page = Products("category=" + std::string(category) + "&per_page=50&sort=newest");
    int seen = 0;
    for (const auto& item : page.at("items").as_array()) {
      std::string name(item.at("name").as_string());
      std::size_t start = 0;
      while (start < name.size()) {
        std::size_t end = name.find(' ', start);
        if (end == std::string::npos) end = name.size();
        std::string word = name.substr(start, end - start);
        bool hangul = word.size() >= 6 && word.size() % 3 == 0;
        for (std::size_t at = 0; hangul && at < word.size(); at += 3) {
          hangul = static_cast<unsigned char>(word[at]) >= 0xEA && static_cast<unsigned char>(word[at]) <= 0xED;
        }
        if (hangul && seen++ == skip) return word;
        start = end + 1;
      }
    }
    ADD_FAILURE() << "no Hangul word in " << category;
    return "없는말";
  }
};

TEST_F(SearchTest, ProductSearchHasFacetsThatAddUp) {
  object page = Products("q=" + Encoded("노트북") + "&per_page=100");
  const std::int64_t total = page.at("total").as_int64();
  ASSERT_GT(total, 0) << "the demo store has no 노트북";
  EXPECT_EQ(page.at("interpreted_as").as_string(), "");
  EXPECT_FALSE(page.at("partial_match").as_bool());
  const object facets = AsObject(page.at("facets"));
  const array categories = facets.at("categories").as_array();
  const array shops = facets.at("shops").as_array();
  const array prices = facets.at("prices").as_array();
  // Every match sits in one top category and one price range.
  EXPECT_EQ(SumOfCounts(categories), total);
  EXPECT_EQ(SumOfCounts(prices), total);
  EXPECT_LE(SumOfCounts(shops), total);
  EXPECT_LE(shops.size(), 10u);
  if (shops.size() < 10) {
    EXPECT_EQ(SumOfCounts(shops), total);
  }
  EXPECT_TRUE(prices.back().at("max").is_null());

  // Each facet's count is what following it finds.
  for (const auto& category : categories) {
    object narrowed = Products("q=" + Encoded("노트북") + "&category=" + std::string(category.at("slug").as_string()));
    EXPECT_EQ(narrowed.at("total").as_int64(), category.at("count").as_int64()) << category.at("slug").as_string();
  }
  const auto& shop = shops.at(0);
  object in_shop = Products("q=" + Encoded("노트북") + "&seller=" + std::to_string(shop.at("id").as_int64()));
  EXPECT_EQ(in_shop.at("total").as_int64(), shop.at("count").as_int64());
  for (const auto& range : prices) {
    std::string parameters = "q=" + Encoded("노트북") + "&min_price=" + std::to_string(range.at("min").as_int64());
    if (!range.at("max").is_null()) parameters += "&max_price=" + std::to_string(range.at("max").as_int64() - 1);
    EXPECT_EQ(Products(parameters).at("total").as_int64(), range.at("count").as_int64()) << parameters;
  }
  // In stock only never finds more, and every one it finds has stock.
  object stocked = Products("q=" + Encoded("노트북") + "&in_stock=1&per_page=100");
  EXPECT_LE(stocked.at("total").as_int64(), total);
  for (const auto& item : stocked.at("items").as_array()) EXPECT_GT(item.at("stock").as_int64(), 0);
}

TEST_F(SearchTest, EnglishKeyboardInitialsAndSpacingFindTheSameListings) {
  object literal = Products("q=" + Encoded("노트북") + "&per_page=100");
  ASSERT_GT(literal.at("total").as_int64(), 0);

  object typed = Products("q=shxmqnr&per_page=100");
  EXPECT_EQ(typed.at("interpreted_as").as_string(), "노트북");
  EXPECT_EQ(typed.at("total").as_int64(), literal.at("total").as_int64());

  object spaced = Products("q=" + Encoded("노트 북") + "&per_page=100");
  EXPECT_EQ(IdsOf(spaced), IdsOf(literal));

  object initials = Products("q=" + Encoded("ㄴㅌㅂ") + "&per_page=100");
  std::set<std::int64_t> found = IdsOf(initials);
  for (std::int64_t id : IdsOf(literal)) EXPECT_TRUE(found.contains(id)) << "ㄴㅌㅂ misses listing " << id;

  HttpResponse page = NewClient().Get("/search?q=shxmqnr");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("id=\"interpreted-as\""), std::string::npos);
  EXPECT_NE(page.body.find("<strong>노트북</strong>"), std::string::npos);
}

TEST_F(SearchTest, ResultsPageHasCardsFacetsSortsAndWorksWithoutScript) {
  HttpResponse page = NewClient().Get("/search?q=" + Encoded("노트북"));
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<article class=\"card"), std::string::npos);
  EXPECT_NE(page.body.find("class=\"card-price\""), std::string::npos);
  EXPECT_NE(page.body.find("class=\"card-shop\""), std::string::npos);
  EXPECT_NE(page.body.find("id=\"facet-categories\""), std::string::npos);
  EXPECT_NE(page.body.find("id=\"facet-shops\""), std::string::npos);
  EXPECT_NE(page.body.find("id=\"facet-prices\""), std::string::npos);
  EXPECT_NE(page.body.find("sort=price_asc"), std::string::npos);

  // A facet link is a plain link that narrows the same search.
  std::vector<std::string> links = FindLinks(page.body, "/search?q=");
  std::string category_link;
  for (const std::string& link : links) {
    if (link.find("&category=") != std::string::npos) category_link = link;
  }
  ASSERT_FALSE(category_link.empty()) << "no category facet link";
  HttpResponse narrowed = NewClient().Get(category_link);
  EXPECT_EQ(narrowed.status, 200) << category_link;
  EXPECT_NE(narrowed.body.find("<article class=\"card"), std::string::npos) << category_link;
  std::vector<std::string> products = FindLinks(narrowed.body, "/p/");
  ASSERT_FALSE(products.empty());
  EXPECT_EQ(NewClient().Get(products.front()).status, 200);

  HttpResponse nothing = NewClient().Get("/search?q=" + Encoded("아무도안파는물건"));
  EXPECT_EQ(nothing.status, 200);
  EXPECT_NE(nothing.body.find("id=\"no-results\""), std::string::npos);
  EXPECT_NE(nothing.body.find("href=\"/c/computers\""), std::string::npos);
}

TEST_F(SearchTest, HostileQueriesAreOnlyText) {
  // 300 Hangul characters: 2.7 KB once percent-encoded, within the server's 4 KB request-target
  // limit (5,000 of them are refused before any handler with a 414, checked below).
  std::string long_hangul;
  for (int index = 0; index < 150; ++index) long_hangul += "가방";
  const std::vector<std::string> queries = {"\"노트북",
                                            "노트북\"\"",
                                            "*",
                                            "노트*",
                                            "NEAR(노트 북)",
                                            "NEAR(a b, 2)",
                                            "a OR b",
                                            "NOT",
                                            "-노트북",
                                            "^가방",
                                            "name:노트북",
                                            "(((",
                                            "'; DROP TABLE products; --",
                                            "ㄱ",
                                            "ㅏ",
                                            "ㅋㅋㅋㅋ",
                                            "ᄀ",
                                            std::string(3000, 'a'),
                                            long_hangul,
                                            std::string("노트\0북", 9),
                                            "\xff\xfe",
                                            "\xed\xa0\x80",
                                            "\xc0\xaf",
                                            "<script>alert(1)</script>",
                                            "%00",
                                            "{{title}}",
                                            "\t\r\n",
                                            "😀😀",
                                            "ℌ𝔢𝔩𝔩𝔬"};
  for (const std::string& query : queries) {
    HttpResponse api = NewClient().Get("/api/v1/products?q=" + Encoded(query));
    EXPECT_EQ(api.status, 200) << query.substr(0, 40) << ": " << api.body.substr(0, 200);
    HttpResponse page = NewClient().Get("/search?q=" + Encoded(query));
    EXPECT_EQ(page.status, 200) << query.substr(0, 40);
    EXPECT_EQ(page.body.find("<script>alert"), std::string::npos);
    EXPECT_EQ(page.body.find('\0'), std::string::npos);
    HttpResponse suggest = NewClient().Get("/api/v1/search/suggest?q=" + Encoded(query));
    EXPECT_EQ(suggest.status, 200) << query.substr(0, 40);
  }
  std::string huge;
  for (int index = 0; index < 2500; ++index) huge += "가방";
  HttpResponse refused = NewClient().Get("/search?q=" + Encoded(huge));
  EXPECT_EQ(refused.status, 414) << refused.body.substr(0, 200);
  HttpResponse long_page = NewClient().Get("/search?q=" + std::string(3000, 'a'));
  ASSERT_EQ(long_page.status, 200);
  EXPECT_NE(long_page.body.find("id=\"query-truncated\""), std::string::npos);
  EXPECT_EQ(long_page.body.find(std::string(201, 'a')), std::string::npos);
}

TEST_F(SearchTest, BadFiltersAndSortsAre400WithTheField) {
  struct Case {
    std::string parameters;
    std::string field;
    std::string message_id;  // where the results page puts the message
  };
  const std::vector<Case> cases = {
      {"min_price=-1", "min_price", "price-error"},
      {"min_price=abc", "min_price", "price-error"},
      {"max_price=1e9", "max_price", "price-error"},
      {"min_price=500&max_price=100", "max_price", "price-error"},
      {"max_price=99999999999999999999", "max_price", "price-error"},
      {"sort=cheapest", "sort", "sort-error"},
      {"sort=relevance%27--", "sort", "sort-error"},
      {"category=no-such", "category", "filter-error"},
      {"category=..%2F..", "category", "filter-error"},
      {"seller=0", "seller", "filter-error"},
      {"seller=x", "seller", "filter-error"},
      {"in_stock=2", "in_stock", "stock-error"},
      {"page=0", "page", "page-error"},
      {"page=1001", "page", "page-error"},
      {"page=-3", "page", "page-error"},
      {"per_page=1000", "per_page", "page-error"},
  };
  for (const Case& bad : cases) {
    HttpResponse api = NewClient().Get("/api/v1/products?q=" + Encoded("가방") + "&" + bad.parameters);
    ASSERT_TRUE(IsJsonError(api, 400)) << bad.parameters;
    EXPECT_EQ(api.Json().at("error").at("field").as_string(), bad.field) << bad.parameters;
    HttpResponse page = NewClient().Get("/search?q=" + Encoded("가방") + "&" + bad.parameters);
    EXPECT_EQ(page.status, 400) << bad.parameters;
    EXPECT_NE(page.body.find("id=\"" + bad.message_id + "\""), std::string::npos) << bad.parameters;
    EXPECT_NE(page.body.find("</html>"), std::string::npos) << bad.parameters;
  }
}

TEST_F(SearchTest, SuggestionsForPrefixesInitialsAndEnglishKeyboard) {
  EXPECT_TRUE(Suggests(Suggestions("노트"), "노트북"));
  EXPECT_TRUE(Suggests(Suggestions("ㄴㅌ"), "노트북"));
  EXPECT_TRUE(Suggests(Suggestions("shxm"), "노트북"));
  EXPECT_TRUE(Suggestions("").empty());
  EXPECT_TRUE(Suggestions("   ").empty());
  array items = Suggestions("노");
  ASSERT_FALSE(items.empty());
  EXPECT_LE(items.size(), 10u);
  std::int64_t previous = INT64_MAX;
  for (const auto& item : items) {
    const object suggestion = AsObject(item);
    EXPECT_EQ(suggestion.size(), 2u);
    EXPECT_GT(suggestion.at("listings").as_int64(), 0);
    EXPECT_LE(suggestion.at("listings").as_int64(), previous);  // most listings first
    previous = suggestion.at("listings").as_int64();
  }
}

TEST_F(SearchTest, TrendingCountsOncePerVisitorAndShowsOnTheHomePage) {
  const std::string word = HangulWordOf("food", 0);
  const std::string search = "/search?q=" + Encoded(word);
  // Two visitors, each known by the visit counter's cookie, searching again and again.
  for (int visitor = 0; visitor < 2; ++visitor) {
    HttpClient browser = NewClient();
    ASSERT_EQ(browser.Get("/").status, 200);
    ASSERT_TRUE(browser.Cookie("mm_visitor").has_value());
    for (int repeat = 0; repeat < 3; ++repeat) ASSERT_EQ(browser.Get(search).status, 200);
    ASSERT_EQ(browser.Get("/api/v1/products?q=" + Encoded(word)).status, 200);
  }
  HttpResponse trending = NewClient().Get("/api/v1/search/trending");
  ASSERT_EQ(trending.status, 200);
  const array items = AsObject(trending.Json()).at("items").as_array();
  EXPECT_LE(items.size(), 10u);
  bool found = false;
  std::int64_t rank = 0;
  for (const auto& item : items) {
    const object entry = AsObject(item);
    EXPECT_EQ(entry.size(), 5u);
    EXPECT_EQ(entry.at("rank").as_int64(), ++rank);
    const std::string movement(entry.at("movement").as_string());
    EXPECT_TRUE(movement == "up" || movement == "down" || movement == "same" || movement == "new") << movement;
    if (entry.at("query").as_string() == word) {
      found = true;
      EXPECT_EQ(entry.at("count").as_int64(), 2) << "one count per visitor";
    }
  }
  EXPECT_TRUE(found) << word << " is not trending";

  // A search that finds nothing is not counted.
  NewClient().Get("/search?q=" + Encoded("아무도안파는물건"));
  HttpResponse after = NewClient().Get("/api/v1/search/trending");
  EXPECT_EQ(after.body.find("아무도안파는물건"), std::string::npos);

  // The home page shows it (signed in, so the page is rendered now rather than from its cache).
  HttpClient member = Client(RegisterViaApi(UniqueEmail("trending"), kPassword));
  HttpResponse home = member.Get("/");
  ASSERT_EQ(home.status, 200);
  EXPECT_NE(home.body.find("id=\"trending\""), std::string::npos);
  EXPECT_NE(home.body.find("href=\"" + search + "\""), std::string::npos) << word;
}

}  // namespace
}  // namespace manmulsang::testing
