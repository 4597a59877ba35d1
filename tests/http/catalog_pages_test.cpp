// The storefront pages a browser without JavaScript sees.
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
      case '&': escaped += "&amp;"; break;
      case '<': escaped += "&lt;"; break;
      case '>': escaped += "&gt;"; break;
      case '"': escaped += "&quot;"; break;
      default: escaped += character;
    }
  }
  EXPECT_TRUE(product.body.find(name) != std::string::npos || product.body.find(escaped) != std::string::npos)
      << "the product page does not show the name " << name;
}

TEST_F(CatalogPagesTest, CategoryPagePaginates) {
  HttpResponse second = NewClient().Get("/c/computers?page=2");
  EXPECT_TRUE(second.status == 200 || second.status == 404) << second.status;
  HttpResponse bad = NewClient().Get("/c/computers?page=abc");
  EXPECT_TRUE(bad.status == 200 || bad.status == 400) << "bad page number gave " << bad.status;
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
