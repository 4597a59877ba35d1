#include <gtest/gtest.h>

#include <array>
#include <set>
#include <stdexcept>

#include "manmulsang/catalog/catalog.hpp"
#include "product_rows.hpp"
#include "test_marketplace.hpp"

namespace manmulsang::catalog {
namespace {

using namespace std::chrono_literals;

class CatalogTest : public ::testing::Test {
 protected:
  testing::TestMarketplace store_;
  core::ManualClock& clock_ = store_.clock();
  sellers::SellerService& sellers_ = store_.services().sellers;
  search::SearchService& search_ = store_.services().search;
  CatalogService& catalog_ = store_.services().catalog;

  core::CategoryId Slug(std::string_view slug) {
    auto category = catalog_.CategoryBySlug(slug);
    EXPECT_TRUE(category.has_value()) << slug;
    return category ? category->id : core::CategoryId{};
  }

  std::vector<core::SellerId> Shops(int count) {
    std::vector<sellers::NewShop> shops;
    for (int index = 1; index <= count; ++index) {
      shops.push_back(
          {core::UserId{index}, "상점 " + std::to_string(index), "", "평양", sellers::ShopStatus::approved});
    }
    return sellers_.InsertShops(shops);
  }

  NewProduct Make(core::SellerId seller, std::string_view category, std::string name, std::int64_t price,
                  std::chrono::hours age = 0h) {
    NewProduct product;
    product.seller = seller;
    product.category = Slug(category);
    product.name = std::move(name);
    product.description = "설명";
    product.price = {price, core::Currency::kpw};
    product.stock = 5;
    product.images = {"/media/demo/" + std::string(category) + "-1-1.svg"};
    product.created_at = clock_.Now() - age;
    return product;
  }

  std::vector<std::string> Names(const ProductPage& page) {
    std::vector<std::string> names;
    for (const Product& product : page.items) names.push_back(product.name);
    return names;
  }
};

TEST_F(CatalogTest, CategoryTreeIsSeeded) {
  std::vector<Category> tops = catalog_.TopCategories();
  ASSERT_GE(tops.size(), 12u);
  std::vector<std::string> slugs;
  for (const Category& top : tops) slugs.push_back(top.slug);
  std::vector<std::string> expected = {"clothing", "cosmetics",  "computers", "solar",    "food",  "shoes",
                                       "bags",     "appliances", "household", "building", "books", "medicine"};
  EXPECT_EQ(slugs, expected);
  for (const Category& top : tops) {
    EXPECT_FALSE(top.parent.has_value());
    EXPECT_EQ(top.icon, "icon-" + top.slug + ".svg");
    EXPECT_EQ(top.colour.size(), 7u);
    std::vector<Category> children = catalog_.Children(top.id);
    EXPECT_GE(children.size(), 3u) << top.slug;
    EXPECT_LE(children.size(), 6u) << top.slug;
    for (const Category& child : children) {
      EXPECT_EQ(child.parent, top.id);
      EXPECT_TRUE(child.slug.starts_with(top.slug + "-")) << child.slug;
    }
  }
  EXPECT_EQ(catalog_.CategoryBySlug("computers")->name_ko, "컴퓨터");
  EXPECT_EQ(catalog_.CategoryBySlug("solar-panels")->name_ko, "태양광 패널");
  EXPECT_FALSE(catalog_.CategoryBySlug("nothing").has_value());
  std::vector<Category> crumbs = catalog_.Breadcrumb(Slug("computers-laptops"));
  ASSERT_EQ(crumbs.size(), 2u);
  EXPECT_EQ(crumbs[0].name_ko, "컴퓨터");
  EXPECT_EQ(crumbs[1].name_ko, "노트북");
  // Depth first: each top category is followed by its children.
  std::vector<Category> all = catalog_.Categories();
  EXPECT_EQ(all[0].slug, "clothing");
  EXPECT_EQ(all[1].parent, all[0].id);
}

TEST_F(CatalogTest, InsertAndGetProductHydratesSellerAndImages) {
  auto shops = Shops(1);
  std::vector<NewProduct> products = {Make(shops[0], "computers-laptops", "아리랑 노트북 15.6인치", 2'500'000)};
  products[0].images.push_back("/media/demo/second.svg");
  auto ids = catalog_.InsertProducts(products);
  ASSERT_EQ(ids.size(), 1u);
  auto product = catalog_.GetProduct(ids[0]);
  ASSERT_TRUE(product.has_value());
  EXPECT_EQ(product->name, "아리랑 노트북 15.6인치");
  EXPECT_EQ(product->seller_name, "상점 1");
  EXPECT_EQ(product->price, (core::Money{2'500'000, core::Currency::kpw}));
  EXPECT_EQ(product->images,
            (std::vector<std::string>{"/media/demo/computers-laptops-1-1.svg", "/media/demo/second.svg"}));
  EXPECT_EQ(product->created_at, products[0].created_at);
  EXPECT_EQ(catalog_.CountActiveProducts(), 1);
}

TEST_F(CatalogTest, HiddenOrUnknownProductIsNotFound) {
  auto shops = Shops(1);
  std::vector<NewProduct> products = {Make(shops[0], "food-grain", "흰쌀 10kg", 50'000)};
  auto ids = catalog_.InsertProducts(products);
  store_->Write([&](db::Connection& connection) {
    connection.Execute("UPDATE products SET status = 'hidden' WHERE id = $1", {ids[0].value});
  });
  EXPECT_EQ(catalog_.GetProduct(ids[0]).error(), CatalogError::product_not_found);
  EXPECT_EQ(catalog_.GetProduct(core::ProductId{424242}).error(), CatalogError::product_not_found);
  EXPECT_EQ(catalog_.CountActiveProducts(), 0);
  EXPECT_EQ(catalog_.ListProducts({}).value().total, 0);
}

// A products or shops row the code cannot read (a currency or status it does not know) is a broken
// store: the read throws the store's error (a 500 and a log line), never a default. The rows are
// written past the schema's CHECKs, as a hand edit or a bad migration would leave them.
TEST_F(CatalogTest, UnreadableRowsAreDatabaseErrors) {
  auto shops = Shops(1);
  std::vector<NewProduct> products = {Make(shops[0], "food-grain", "흰쌀 10kg", 50'000)};
  auto ids = catalog_.InsertProducts(products);
  const auto corrupt = [&](std::string_view sql, std::int64_t id) {
    testing::WritePastChecks(*store_, sql, {id});
  };
  corrupt("UPDATE products SET currency = 'XYZ' WHERE id = $1", ids[0].value);
  EXPECT_THROW((void)catalog_.GetProduct(ids[0]), db::DatabaseError);
  corrupt("UPDATE products SET currency = 'KPW', status = 'lost' WHERE id = $1", ids[0].value);
  // Every read of a listing goes through ProductFromRow; the buyer's reads never see this row,
  // since they ask for status = 'active' in SQL, so the row reader is called as the seller's are.
  store_->Read([&](db::Connection& connection) {
    const std::string sql = std::string(kProductColumns) + " WHERE id = $1";
    const db::Rows rows = connection.Query(sql, {ids[0].value});
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_THROW((void)ProductFromRow(rows[0]), db::DatabaseError);
  });
  corrupt("UPDATE shops SET status = 'lost' WHERE id = $1", shops[0].value);
  EXPECT_THROW((void)sellers_.GetShop(shops[0]), db::DatabaseError);
}

TEST_F(CatalogTest, ActiveProductsReadsSeveralByIdsLeavingOutHiddenAndUnknownOnes) {
  auto shops = Shops(2);
  std::vector<NewProduct> products = {
      Make(shops[0], "food-grain", "흰쌀 10kg", 50'000), Make(shops[1], "food-grain", "옥수수 5kg", 20'000),
      Make(shops[0], "food-grain", "감자 3kg", 9'000), Make(shops[1], "food-grain", "숨긴 콩", 7'000)};
  auto ids = catalog_.InsertProducts(products);
  store_->Write([&](db::Connection& connection) {
    connection.Execute("UPDATE products SET status = 'hidden' WHERE id = $1", {ids[3].value});
  });
  // Out of order, repeated, hidden and unknown ids: each active listing once, in id order.
  const std::vector<core::ProductId> wanted = {ids[2], ids[0], core::ProductId{424242}, ids[3], ids[2], ids[1]};
  std::vector<Product> found = catalog_.ActiveProducts(wanted);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].id, ids[0]);
  EXPECT_EQ(found[0].name, "흰쌀 10kg");
  EXPECT_EQ(found[0].seller_name, "상점 1");
  EXPECT_EQ(found[1].name, "옥수수 5kg");
  EXPECT_EQ(found[1].seller_name, "상점 2");
  EXPECT_EQ(found[2].name, "감자 3kg");
  EXPECT_EQ(found[2].images, (std::vector<std::string>{"/media/demo/food-grain-1-1.svg"}));
  EXPECT_TRUE(catalog_.ActiveProducts({}).empty());
}

TEST_F(CatalogTest, ListFiltersByCategorySubtreeSellerAndPrice) {
  auto shops = Shops(2);
  std::vector<NewProduct> products = {
      Make(shops[0], "computers-laptops", "노트북 A", 2'000'000),
      Make(shops[0], "computers-monitors", "모니터 B", 300'000),
      Make(shops[1], "computers", "컴퓨터 C", 1'000'000),
      Make(shops[1], "solar-panels", "태양광 패널 D", 150'000),
  };
  catalog_.InsertProducts(products);

  ProductQuery query;
  query.category = Slug("computers");
  query.sort = ProductSort::price_asc;
  auto page = catalog_.ListProducts(query).value();
  EXPECT_EQ(page.total, 3);
  EXPECT_EQ(Names(page), (std::vector<std::string>{"모니터 B", "컴퓨터 C", "노트북 A"}));

  query.category = Slug("computers-laptops");
  EXPECT_EQ(Names(catalog_.ListProducts(query).value()), (std::vector<std::string>{"노트북 A"}));

  ProductQuery by_seller;
  by_seller.seller = shops[1];
  by_seller.sort = ProductSort::price_desc;
  EXPECT_EQ(Names(catalog_.ListProducts(by_seller).value()), (std::vector<std::string>{"컴퓨터 C", "태양광 패널 D"}));

  ProductQuery by_price;
  by_price.min_price = 200'000;
  by_price.max_price = 1'000'000;
  by_price.sort = ProductSort::price_asc;
  EXPECT_EQ(Names(catalog_.ListProducts(by_price).value()), (std::vector<std::string>{"모니터 B", "컴퓨터 C"}));
}

TEST_F(CatalogTest, TextQueriesGoThroughTheSearchIndexWithFacets) {
  auto shops = Shops(2);
  std::vector<NewProduct> products = {
      Make(shops[0], "solar-panels", "단결정 태양광 패널 300W 24V", 400'000),
      Make(shops[1], "solar-panels", "다결정 태양광 패널 100W", 90'000),
      Make(shops[0], "household", "할인 50% 패널", 100'000),
      Make(shops[0], "food-drinks", "평양 소주 360ml 20병", 60'000),
  };
  catalog_.InsertProducts(products);  // indexed in the same transaction: found at once
  ProductQuery query;
  query.text = "태양광";
  ProductPage page = catalog_.ListProducts(query).value();
  EXPECT_EQ(page.total, 2);
  const std::vector<std::string> names = Names(page);
  EXPECT_EQ(std::set<std::string>(names.begin(), names.end()),
            (std::set<std::string>{"단결정 태양광 패널 300W 24V", "다결정 태양광 패널 100W"}));
  ASSERT_FALSE(page.items.empty());
  EXPECT_EQ(page.items.front().seller_name.substr(0, 6), "상점");  // hydrated like any listing
  EXPECT_EQ(page.normalized_query, "태양광");
  EXPECT_TRUE(page.interpreted_as.empty());
  // Category facets are rolled up to the top categories; shops come with their names.
  ASSERT_EQ(page.category_facets.size(), 1u);
  EXPECT_EQ(page.category_facets[0].count, 2);
  EXPECT_EQ(page.category_facets[0].key, catalog_.Breadcrumb(Slug("solar-panels")).front().slug);
  ASSERT_EQ(page.shop_facets.size(), 2u);
  EXPECT_EQ(page.shop_facets[0].count + page.shop_facets[1].count, 2);
  EXPECT_FALSE(page.shop_facets[0].name.empty());
  // Every price range is listed; the two matches fall into [50,000, 100,000) and [100,000, 500,000).
  std::int64_t in_ranges = 0;
  for (const PriceFacet& range : page.price_facets) {
    in_ranges += range.count;
    if (range.min == 50'000) EXPECT_EQ(range.count, 1);
    if (range.min == 100'000) EXPECT_EQ(range.count, 1);
  }
  EXPECT_EQ(in_ranges, 2);
  ASSERT_FALSE(page.price_facets.empty());
  EXPECT_FALSE(page.price_facets.back().max.has_value());

  // Filters narrow the text query; query syntax is only text.
  query.max_price = 100'000;
  EXPECT_EQ(Names(catalog_.ListProducts(query).value()), (std::vector<std::string>{"다결정 태양광 패널 100W"}));
  query = {};
  query.text = "50%";
  EXPECT_EQ(Names(catalog_.ListProducts(query).value()), (std::vector<std::string>{"할인 50% 패널"}));
  for (const std::string& hostile : std::vector<std::string>{"%", "\"*\"", "NEAR(태양광", "ㅋ", std::string("\0", 1)}) {
    query.text = hostile;
    EXPECT_TRUE(catalog_.ListProducts(query).has_value()) << hostile;
  }
  // Korean typed with the keyboard in English mode is read as Hangul.
  query.text = "xodidrhkd";
  page = catalog_.ListProducts(query).value();
  EXPECT_EQ(page.total, 2);
  EXPECT_EQ(page.interpreted_as, "태양광");
}

TEST_F(CatalogTest, AQueryNamingACategoryRanksThatCategoryFirst) {
  auto shops = Shops(1);
  std::vector<NewProduct> products = {
      Make(shops[0], "bags-backpacks", "은하 노트북 배낭 45L", 35'000),
      Make(shops[0], "computers-laptops", "Lenovo ThinkPad i5-8250U", 900'000),  // the name says no 노트북
      Make(shops[0], "computers-laptops", "은하 노트북 i3", 700'000),
  };
  catalog_.InsertProducts(products);
  ProductQuery query;
  query.text = "노트북";
  const std::vector<std::string> names = Names(catalog_.ListProducts(query).value());
  ASSERT_EQ(names.size(), 3u);
  EXPECT_EQ(std::set<std::string>(names.begin(), names.begin() + 2),
            (std::set<std::string>{"Lenovo ThinkPad i5-8250U", "은하 노트북 i3"}));
  EXPECT_EQ(names.back(), "은하 노트북 배낭 45L");
  query.text = "laptops";  // the English name of the category too
  EXPECT_EQ(catalog_.ListProducts(query).value().total, 2);
}

TEST_F(CatalogTest, SellingOutAndRestockingMoveTheListingInAndOutOfInStockSearches) {
  auto shops = Shops(1);
  NewProduct panel = Make(shops[0], "solar-panels", "태양광 패널", 100'000);
  panel.stock = 2;
  const core::ProductId id = catalog_.InsertProducts(std::vector<NewProduct>{panel}).front();
  ProductQuery query;
  query.text = "태양광";
  query.in_stock_only = true;
  EXPECT_EQ(catalog_.ListProducts(query).value().total, 1);

  const StockRequest all{id, 2};
  store_.database().Write([&](db::Connection& connection) {
    EXPECT_TRUE(catalog_.ReserveStock(connection, std::span(&all, 1)).has_value());
  });
  EXPECT_EQ(catalog_.ListProducts(query).value().total, 0);
  query.in_stock_only = false;
  EXPECT_EQ(catalog_.ListProducts(query).value().total, 1);  // still listed, as sold out

  // A reservation that is rolled back leaves the index as it was.
  store_.database().Write([&](db::Connection& connection) -> std::expected<void, int> {
    catalog_.ReleaseStock(connection, std::span(&all, 1));
    return std::unexpected(0);
  });
  query.in_stock_only = true;
  EXPECT_EQ(catalog_.ListProducts(query).value().total, 0);
  store_.database().Write([&](db::Connection& connection) { catalog_.ReleaseStock(connection, std::span(&all, 1)); });
  EXPECT_EQ(catalog_.ListProducts(query).value().total, 1);
}

TEST_F(CatalogTest, IndexAllListingsIndexesAStoreMadeBeforeTheIndex) {
  auto shops = Shops(1);
  CatalogService without_index(store_.database(), clock_, sellers_);
  std::vector<NewProduct> products;
  for (int index = 0; index < 2'500; ++index) {
    products.push_back(Make(shops[0], "solar-panels", "태양광 패널 " + std::to_string(index), 100'000 + index));
  }
  without_index.InsertProducts(products);
  EXPECT_EQ(search_.IndexedCount(), 0);
  EXPECT_EQ(catalog_.IndexAllListings(), 2'500);
  EXPECT_EQ(search_.IndexedCount(), 2'500);
  ProductQuery query;
  query.text = "태양광 패널 2499";
  ProductPage page = catalog_.ListProducts(query).value();
  ASSERT_FALSE(page.items.empty());
  EXPECT_EQ(page.items.front().name, "태양광 패널 2499");
  EXPECT_EQ(catalog_.IndexAllListings(), 2'500);  // again: replaces, never doubles
  EXPECT_EQ(search_.IndexedCount(), 2'500);
}

TEST_F(CatalogTest, ListSortsAndPaginates) {
  auto shops = Shops(1);
  std::vector<NewProduct> products;
  for (int index = 1; index <= 25; ++index) {
    NewProduct product =
        Make(shops[0], "books-novels", "소설 " + std::to_string(100 + index), 1000 * index, std::chrono::hours(index));
    product.popularity = index % 7;
    product.rating_average = (index % 5) + 0.5;
    product.rating_count = index;
    products.push_back(std::move(product));
  }
  catalog_.InsertProducts(products);

  ProductQuery query;
  query.sort = ProductSort::newest;
  query.per_page = 10;
  query.page = 1;
  auto first = catalog_.ListProducts(query).value();
  EXPECT_EQ(first.total, 25);
  ASSERT_EQ(first.items.size(), 10u);
  EXPECT_EQ(first.items.front().name, "소설 101");
  query.page = 3;
  auto last = catalog_.ListProducts(query).value();
  ASSERT_EQ(last.items.size(), 5u);
  EXPECT_EQ(last.items.back().name, "소설 125");
  EXPECT_EQ(last.page, 3);
  EXPECT_EQ(last.per_page, 10);
  query.page = 4;
  EXPECT_TRUE(catalog_.ListProducts(query).value().items.empty());

  query.page = 1;
  query.per_page = 100;
  query.sort = ProductSort::rating;
  auto by_rating = catalog_.ListProducts(query).value();
  for (std::size_t index = 1; index < by_rating.items.size(); ++index) {
    EXPECT_GE(by_rating.items[index - 1].rating_average, by_rating.items[index].rating_average);
  }
  query.sort = ProductSort::relevance;
  auto by_popularity = catalog_.ListProducts(query).value();
  for (std::size_t index = 1; index < by_popularity.items.size(); ++index) {
    EXPECT_GE(by_popularity.items[index - 1].popularity, by_popularity.items[index].popularity);
  }
  auto newest = catalog_.NewestProducts(3);
  ASSERT_EQ(newest.size(), 3u);
  EXPECT_EQ(newest[0].name, "소설 101");
  EXPECT_EQ(catalog_.PopularProducts(1).front().popularity, 6);
}

TEST_F(CatalogTest, PopularMeansPaidNotCancelledAndRecent) {
  auto shops = Shops(1);
  catalog_.InsertProducts(std::vector<NewProduct>{
      Make(shops[0], "solar-panels", "오래 팔린 책", 1000), Make(shops[0], "solar-panels", "취소된 책", 1000),
      Make(shops[0], "solar-panels", "요즘 팔린 책", 1000), Make(shops[0], "solar-panels", "안 팔린 책", 1000)});
  auto id = [&](std::string_view name) {
    for (const Product& product : catalog_.NewestProducts(10)) {
      if (product.name == name) return product.id;
    }
    throw std::runtime_error("no such product");
  };
  const core::ProductId older = id("오래 팔린 책"), cancelled = id("취소된 책"), recent = id("요즘 팔린 책");
  const auto sell = [&](std::int64_t order, core::ProductId product, std::int64_t units) {
    const std::array<StockRequest, 1> lines = {{{product, units}}};
    store_.database().Write(
        [&](db::Connection& connection) { catalog_.RecordSale(connection, core::OrderId{order}, lines); });
  };
  auto names = [&] {
    std::vector<std::string> popular;
    for (const Product& product : catalog_.PopularProducts(3)) popular.push_back(product.name);
    return popular;
  };

  sell(1, older, 2);
  sell(2, cancelled, 10);  // the most units, then cancelled: counts for nothing
  store_.database().Write([&](db::Connection& connection) { catalog_.WithdrawSale(connection, core::OrderId{2}); });
  clock_.Advance(std::chrono::days(20));
  sell(3, recent, 2);  // as many units, 20 days later: weighs more
  EXPECT_EQ(names(), (std::vector<std::string>{"요즘 팔린 책", "오래 팔린 책", "안 팔린 책"}));

  // More units can outweigh age: 2 units 20 days ago and 3 today beat 2 today.
  sell(4, older, 3);
  EXPECT_EQ(names().front(), "오래 팔린 책");

  // Thirty days after a sale it no longer counts.
  clock_.Advance(std::chrono::days(11));
  sell(5, cancelled, 1);
  EXPECT_EQ(names().front(), "오래 팔린 책");  // 3 units 11 days ago
  clock_.Advance(std::chrono::days(20));
  EXPECT_EQ(names().front(), "취소된 책");  // 1 unit 20 days ago; the others are 31 days and more
}

TEST_F(CatalogTest, FacetsCountOneLevelBelowTheQuery) {
  auto shops = Shops(1);
  std::vector<NewProduct> products = {
      Make(shops[0], "computers-laptops", "노트북 1", 1000),
      Make(shops[0], "computers-laptops", "노트북 2", 1000),
      Make(shops[0], "computers-monitors", "모니터", 1000),
      Make(shops[0], "solar-panels", "패널", 1000),
  };
  catalog_.InsertProducts(products);
  auto all = catalog_.ListProducts({}).value();
  ASSERT_EQ(all.category_facets.size(), 2u);
  EXPECT_EQ(all.category_facets[0].key, "computers");
  EXPECT_EQ(all.category_facets[0].label, "컴퓨터");
  EXPECT_EQ(all.category_facets[0].count, 3);
  EXPECT_EQ(all.category_facets[1].key, "solar");
  EXPECT_EQ(all.category_facets[1].count, 1);

  ProductQuery computers;
  computers.category = Slug("computers");
  auto below = catalog_.ListProducts(computers).value();
  ASSERT_EQ(below.category_facets.size(), 2u);
  EXPECT_EQ(below.category_facets[0].key, "computers-laptops");
  EXPECT_EQ(below.category_facets[0].count, 2);
  EXPECT_EQ(below.category_facets[1].key, "computers-monitors");

  ProductQuery leaf;
  leaf.category = Slug("computers-laptops");
  auto itself = catalog_.ListProducts(leaf).value();
  ASSERT_EQ(itself.category_facets.size(), 1u);
  EXPECT_EQ(itself.category_facets[0].count, 2);
}

TEST_F(CatalogTest, HydrationCoversAWholePageFromManyShops) {
  auto shops = Shops(30);
  std::vector<NewProduct> products;
  for (int index = 0; index < 100; ++index) {
    products.push_back(Make(shops[index % 30], "household-kitchen", "냄비 " + std::to_string(index), 5000));
  }
  catalog_.InsertProducts(products);
  ProductQuery query;
  query.per_page = 100;
  auto page = catalog_.ListProducts(query).value();
  ASSERT_EQ(page.items.size(), 100u);
  std::set<std::string> shop_names;
  for (const Product& product : page.items) {
    EXPECT_FALSE(product.seller_name.empty());
    EXPECT_EQ(product.images.size(), 1u);
    shop_names.insert(product.seller_name);
  }
  EXPECT_EQ(shop_names.size(), 30u);
}

TEST_F(CatalogTest, BadQueriesAreRejected) {
  auto expect_invalid = [&](ProductQuery query, std::string_view field) {
    EXPECT_EQ(FirstInvalidField(query), field);
    EXPECT_EQ(catalog_.ListProducts(query).error(), CatalogError::invalid_query);
  };
  ProductQuery query;
  query.page = 0;
  expect_invalid(query, "page");
  query = {};
  query.per_page = 0;
  expect_invalid(query, "per_page");
  query.per_page = 101;
  expect_invalid(query, "per_page");
  query = {};
  query.min_price = -1;
  expect_invalid(query, "min_price");
  query = {};
  query.min_price = 10;
  query.max_price = 5;
  expect_invalid(query, "max_price");
  query = {};
  query.text = std::string(kMaxQueryText + 1, 'a');
  expect_invalid(query, "q");
  query = {};
  query.category = core::CategoryId{99999};
  EXPECT_EQ(catalog_.ListProducts(query).error(), CatalogError::category_not_found);
  query = {};
  query.per_page = 100;
  EXPECT_TRUE(catalog_.ListProducts(query).has_value());
}

TEST_F(CatalogTest, CategoryCountsAreKeptBrieflyAndDroppedOnInsert) {
  auto shops = Shops(1);
  std::vector<NewProduct> products = {Make(shops[0], "food-grain", "흰쌀", 5000),
                                      Make(shops[0], "food-grain", "찹쌀", 6000)};
  auto ids = catalog_.InsertProducts(products);
  EXPECT_EQ(catalog_.ListProducts({}).value().total, 2);
  store_->Write([&](db::Connection& connection) {
    connection.Execute("UPDATE products SET status = 'hidden' WHERE id = $1", {ids[0].value});
  });
  EXPECT_EQ(catalog_.ListProducts({}).value().total, 2);  // the store-wide counts are cached
  ProductQuery filtered;
  filtered.min_price = 0;
  EXPECT_EQ(catalog_.ListProducts(filtered).value().total, 1);  // other filters count afresh
  clock_.Advance(31s);
  EXPECT_EQ(catalog_.ListProducts({}).value().total, 1);
  std::vector<NewProduct> more = {Make(shops[0], "food-grain", "콩", 3000)};
  catalog_.InsertProducts(more);
  EXPECT_EQ(catalog_.ListProducts({}).value().total, 2);  // an insert drops them at once
}

TEST_F(CatalogTest, SortNamesRoundTrip) {
  for (ProductSort sort : {ProductSort::relevance, ProductSort::price_asc, ProductSort::price_desc, ProductSort::newest,
                           ProductSort::rating}) {
    EXPECT_EQ(ParseProductSort(ProductSortName(sort)), sort);
  }
  EXPECT_FALSE(ParseProductSort("cheapest").has_value());
  EXPECT_EQ(ErrorCode(CatalogError::invalid_query), "invalid_query");
}

}  // namespace
}  // namespace manmulsang::catalog
