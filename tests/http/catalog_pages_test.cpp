// The storefront pages a browser without JavaScript sees.
#include <algorithm>
#include <set>

#include "blackbox.hpp"

namespace manmulsang::testing {
namespace {

class CatalogPagesTest : public BlackBoxTest {
 protected:
  HttpResponse Page(const std::string& target, int status = 200) {
    HttpResponse response = NewClient().Get(target);
    EXPECT_EQ(response.status, status) << target;
    EXPECT_NE(response.Header("Content-Type").value_or("").find("text/html"), std::string::npos) << target;
    EXPECT_NE(response.body.find("</html>"), std::string::npos) << target << " is not a whole page";
    return response;
  }
};

TEST_F(CatalogPagesTest, HomeShowsCategoryTilesSearchAndCounter) {
  HttpResponse home = Page("/");
  for (const char* slug : kTopCategories) {
    EXPECT_NE(home.body.find("/c/" + std::string(slug)), std::string::npos) << "no tile for " << slug;
  }
  EXPECT_NE(home.body.find("action=\"/search\""), std::string::npos) << "no search form";
  EXPECT_NE(home.body.find("name=\"q\""), std::string::npos);
  EXPECT_NE(home.body.find("lang=\"ko\""), std::string::npos) << "Korean is the default language";
  EXPECT_FALSE(FindLinks(home.body, "/p/").empty()) << "no new/popular products on the home page";
}

TEST_F(CatalogPagesTest, CategoryPageListsProducts) {
  HttpResponse category = Page("/c/computers");
  std::vector<std::string> products = FindLinks(category.body, "/p/");
  ASSERT_FALSE(products.empty()) << "no product links on /c/computers";
  HttpResponse product = Page(products.front());
  std::int64_t id = std::stoll(products.front().substr(3));
  HttpResponse api = NewClient().Get("/api/v1/products/" + std::to_string(id));
  ASSERT_EQ(api.status, 200);
  std::string name(api.Json().at("name").as_string());
  std::string escaped;
  for (char character : name) {
    switch (character) {
      case '&':
        escaped += "&amp;";
        break;
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '"':
        escaped += "&quot;";
        break;
      default:
        escaped += character;
    }
  }
  EXPECT_TRUE(product.body.find(name) != std::string::npos || product.body.find(escaped) != std::string::npos)
      << "the product page does not show the name " << name;
}

// 24 cards a page: the category's products (as many as the API counts in its subtree) are spread
// over its pages, none twice. A page number that is no number is a 400 that still shows the
// category, like a bad price filter.
TEST_F(CatalogPagesTest, CategoryPagePaginates) {
  const std::int64_t total = Int(NewClient().Get("/api/v1/products?category=computers&per_page=1").Json().at("total"));
  ASSERT_GT(total, 0);
  std::set<std::string> seen;
  std::int64_t shown = 0;
  for (int page = 1; page <= (total + 23) / 24 + 1; ++page) {
    const HttpResponse listed = Page("/c/computers?page=" + std::to_string(page));
    const std::vector<std::string> links = FindLinks(listed.body, "/p/");
    const std::set<std::string> on_page(links.begin(), links.end());
    const std::int64_t expected = std::clamp<std::int64_t>(total - (page - 1) * 24, 0, 24);
    EXPECT_EQ(static_cast<std::int64_t>(on_page.size()), expected) << "page " << page << " of " << total;
    for (const std::string& link : on_page) EXPECT_TRUE(seen.insert(link).second) << link << " on two pages";
    shown += static_cast<std::int64_t>(on_page.size());
  }
  EXPECT_EQ(shown, total);
  HttpResponse bad = NewClient().Get("/c/computers?page=abc");
  EXPECT_EQ(bad.status, 400) << "bad page number";
  EXPECT_NE(bad.body.find("<h1"), std::string::npos) << "the category is still shown";
}

TEST_F(CatalogPagesTest, SearchPageShowsResults) {
  HttpResponse results = Page("/search?q=" + PercentEncode("노트북"));
  EXPECT_NE(results.body.find("노트북"), std::string::npos) << "the query is not echoed";
  HttpResponse empty = Page("/search?q=");
  (void)empty;
  // Markup in the query is escaped, never reflected.
  HttpResponse hostile = Page("/search?q=" + PercentEncode("<script>alert(1)</script>"));
  EXPECT_EQ(hostile.body.find("<script>alert(1)</script>"), std::string::npos);
}

TEST_F(CatalogPagesTest, UnknownProductIsA404Page) {
  Page("/p/999999999", 404);
  Page("/p/not-a-number", 404);
}

TEST_F(CatalogPagesTest, UnknownCategoryAndPathAre404Pages) {
  Page("/c/no-such-category", 404);
  Page("/no/such/page", 404);
}

TEST_F(CatalogPagesTest, LoginAndRegisterPagesHaveForms) {
  for (const char* target : {"/login", "/register"}) {
    HttpResponse page = Page(target);
    EXPECT_NE(page.body.find("action=\"" + std::string(target) + "\""), std::string::npos) << target;
    EXPECT_NE(page.body.find("method=\"post\""), std::string::npos) << target;
    EXPECT_TRUE(FindInputValue(page.body, "_csrf").has_value()) << target;
  }
}

}  // namespace
}  // namespace manmulsang::testing
