// The catalog through the JSON API: categories, listing filters, sorting, pagination, one product.
#include <set>

#include "blackbox.hpp"

namespace manmulsang::testing {
namespace {

using boost::json::array;
using boost::json::object;
using boost::json::value;

std::set<std::string> KeysOf(const object& json) {
  std::set<std::string> keys;
  for (const auto& member : json) keys.emplace(member.key());
  return keys;
}

std::int64_t AmountOf(const value& product) { return product.at("price").at("amount").to_number<std::int64_t>(); }

class CatalogApiTest : public BlackBoxTest {
 protected:
  // GET that must answer 200 with a list page; returns the parsed body.
  object List(const std::string& target) {
    HttpResponse response = NewClient().Get(target);
    EXPECT_EQ(response.status, 200) << target << ": " << response.body.substr(0, 300);
    if (response.status != 200) return {};
    object body = AsObject(response.Json());
    for (const char* key : {"items", "total", "page", "per_page"}) {
      EXPECT_TRUE(body.contains(key)) << target << " lacks " << key;
    }
    if (!body.contains("items")) body["items"] = array();
    return body;
  }
};

TEST_F(CatalogApiTest, CategoriesHoldAllTopCategories) {
  HttpResponse response = NewClient().Get("/api/v1/categories");
  ASSERT_EQ(response.status, 200) << response.body;
  value json = response.Json();
  const array& items = json.is_array() ? json.as_array() : json.at("items").as_array();
  std::set<std::string> slugs;
  for (const value& category : items) {
    EXPECT_TRUE(category.as_object().contains("name")) << boost::json::serialize(category);
    slugs.emplace(category.at("slug").as_string());
  }
  for (const char* slug : kTopCategories) EXPECT_TRUE(slugs.contains(slug)) << "missing category " << slug;
}

TEST_F(CatalogApiTest, ListingPagesAndTotals) {
  object first = List("/api/v1/products?per_page=10");
  EXPECT_EQ(first.at("page").to_number<int>(), 1);
  EXPECT_EQ(first.at("per_page").to_number<int>(), 10);
  EXPECT_EQ(first.at("items").as_array().size(), 10u);
  EXPECT_GE(first.at("total").to_number<std::int64_t>(), 10);

  object page_one = List("/api/v1/products?per_page=5&page=1&sort=price_asc");
  object page_two = List("/api/v1/products?per_page=5&page=2&sort=price_asc");
  std::set<std::int64_t> ids;
  for (const value& item : page_one.at("items").as_array()) ids.insert(item.at("id").to_number<std::int64_t>());
  for (const value& item : page_two.at("items").as_array()) {
    EXPECT_FALSE(ids.contains(item.at("id").to_number<std::int64_t>())) << "pages overlap";
  }
  EXPECT_EQ(page_two.at("page").to_number<int>(), 2);

  object beyond = List("/api/v1/products?per_page=100&page=1000");
  EXPECT_TRUE(beyond.at("items").as_array().empty());
}

TEST_F(CatalogApiTest, CategoryFilterKeepsToTheSubtree) {
  object listing = List("/api/v1/products?category=computers&per_page=100");
  const array& items = listing.at("items").as_array();
  ASSERT_FALSE(items.empty()) << "the demo store should have computers";
  for (const value& item : items) {
    std::string slug(item.at("category").at("slug").as_string());
    EXPECT_TRUE(slug == "computers" || slug.starts_with("computers-")) << slug;
  }
  object all = List("/api/v1/products?per_page=1");
  EXPECT_LT(listing.at("total").to_number<std::int64_t>(), all.at("total").to_number<std::int64_t>());
}

TEST_F(CatalogApiTest, PriceFilterAndSorting) {
  object ascending = List("/api/v1/products?sort=price_asc&per_page=100");
  const array& items = ascending.at("items").as_array();
  ASSERT_GE(items.size(), 3u);
  for (std::size_t i = 1; i < items.size(); ++i) EXPECT_LE(AmountOf(items[i - 1]), AmountOf(items[i]));

  object descending = List("/api/v1/products?sort=price_desc&per_page=100");
  const array& down = descending.at("items").as_array();
  for (std::size_t i = 1; i < down.size(); ++i) EXPECT_GE(AmountOf(down[i - 1]), AmountOf(down[i]));

  object rated = List("/api/v1/products?sort=rating&per_page=100");
  const array& by_rating = rated.at("items").as_array();
  for (std::size_t i = 1; i < by_rating.size(); ++i) {
    EXPECT_GE(by_rating[i - 1].at("rating").at("average").to_number<double>(),
              by_rating[i].at("rating").at("average").to_number<double>());
  }
  EXPECT_EQ(List("/api/v1/products?sort=newest&per_page=5").at("items").as_array().size(), 5u);
  EXPECT_EQ(List("/api/v1/products?sort=relevance&per_page=5").at("items").as_array().size(), 5u);

  // A price window taken from the middle of the range.
  std::int64_t low = AmountOf(items[items.size() / 4]);
  std::int64_t high = AmountOf(items[items.size() * 3 / 4]);
  object window =
      List("/api/v1/products?per_page=100&min_price=" + std::to_string(low) + "&max_price=" + std::to_string(high));
  ASSERT_FALSE(window.at("items").as_array().empty());
  for (const value& item : window.at("items").as_array()) {
    EXPECT_GE(AmountOf(item), low);
    EXPECT_LE(AmountOf(item), high);
  }
}

TEST_F(CatalogApiTest, BadParametersAre400) {
  HttpClient client = NewClient();
  for (const char* target : {"/api/v1/products?page=0", "/api/v1/products?page=abc", "/api/v1/products?page=-1",
                             "/api/v1/products?per_page=0", "/api/v1/products?per_page=1000",
                             "/api/v1/products?sort=bogus", "/api/v1/products?min_price=abc",
                             "/api/v1/products?max_price=1e99", "/api/v1/products?page=99999999999999999999"}) {
    EXPECT_TRUE(IsJsonError(client.Get(target), 400)) << target;
  }
}

TEST_F(CatalogApiTest, ProductHasExactlyThePublishedShape) {
  std::int64_t id = AnyProductId();
  HttpResponse response = NewClient().Get("/api/v1/products/" + std::to_string(id));
  ASSERT_EQ(response.status, 200) << response.body;
  const object product = AsObject(response.Json());
  EXPECT_EQ(KeysOf(product), (std::set<std::string>{"id", "name", "description", "price", "stock", "category", "seller",
                                                    "rating", "images"}))
      << response.body;
  EXPECT_EQ(product.at("id").to_number<std::int64_t>(), id);
  EXPECT_TRUE(product.at("name").is_string() && !product.at("name").as_string().empty());
  EXPECT_TRUE(product.at("description").is_string());
  EXPECT_TRUE(product.at("stock").is_int64() || product.at("stock").is_uint64());

  const object price = AsObject(product.at("price"));
  EXPECT_EQ(KeysOf(price), (std::set<std::string>{"amount", "currency"}));
  EXPECT_TRUE(price.at("amount").is_int64() || price.at("amount").is_uint64()) << "money is never a float";
  std::string currency(price.at("currency").as_string());
  EXPECT_TRUE(currency == "KPW" || currency == "USD" || currency == "CNY") << currency;

  const object category = AsObject(product.at("category"));
  EXPECT_EQ(KeysOf(category), (std::set<std::string>{"slug", "name"}));
  const object seller = AsObject(product.at("seller"));
  EXPECT_EQ(KeysOf(seller), (std::set<std::string>{"id", "name"}));
  const object rating = AsObject(product.at("rating"));
  EXPECT_EQ(KeysOf(rating), (std::set<std::string>{"average", "count"}));
  EXPECT_TRUE(rating.at("average").is_number());
  EXPECT_TRUE(rating.at("count").is_int64() || rating.at("count").is_uint64());
  ASSERT_TRUE(product.at("images").is_array());
  for (const value& image : product.at("images").as_array()) {
    ASSERT_TRUE(image.is_string());
    EXPECT_FALSE(PointsToAnotherHost(image.as_string())) << image.as_string();
  }
}

TEST_F(CatalogApiTest, ListItemsMatchTheProductEndpoint) {
  object listing = List("/api/v1/products?per_page=3");
  for (const value& item : listing.at("items").as_array()) {
    HttpResponse single =
        NewClient().Get("/api/v1/products/" + std::to_string(item.at("id").to_number<std::int64_t>()));
    ASSERT_EQ(single.status, 200);
    value product = single.Json();
    EXPECT_EQ(product.at("name"), item.at("name"));
    EXPECT_EQ(product.at("price"), item.at("price"));
  }
}

TEST_F(CatalogApiTest, UnknownProductIs404AndBadIdIsAnError) {
  HttpClient client = NewClient();
  EXPECT_TRUE(IsJsonError(client.Get("/api/v1/products/999999999"), 404));
  HttpResponse bad = client.Get("/api/v1/products/abc");
  // No product has that id: the same 404 as an id that does not exist.
  EXPECT_TRUE(IsJsonError(bad, 404));
  EXPECT_EQ(ErrorCode(bad), "product_not_found");
}

TEST_F(CatalogApiTest, UnknownApiRouteIsAJson404) {
  EXPECT_TRUE(IsJsonError(NewClient().Get("/api/v1/no-such-thing"), 404));
}

}  // namespace
}  // namespace manmulsang::testing
