#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <stop_token>
#include <string>
#include <tuple>
#include <vector>

#include "listing_test_store.hpp"
#include "manmulsang/catalog/listing_csv.hpp"
#include "manmulsang/text/csv.hpp"

namespace manmulsang::catalog {
namespace {

class ListingCsvTest : public ListingTestStore {
 protected:
  void SetUp() override { shops_ = InsertShops(); }

  std::vector<std::string> Found(std::string_view text) {
    ProductQuery query;
    query.text = text;
    std::vector<std::string> names;
    // Named: a range-for over a member of a temporary std::expected would outlive it.
    const auto page = catalog_.ListProducts(query);
    for (const Product& product : page->items) names.push_back(product.name);
    return names;
  }

  std::vector<Product> ShopListings(std::int64_t user) {
    ListingFilter filter;
    filter.per_page = 100;
    return listings_.ShopListings(Member(user), filter)->items;
  }

  ListingImportResult Import(std::int64_t user, std::string_view bytes) {
    auto plan = ReadListingCsv(bytes);
    EXPECT_TRUE(plan.has_value()) << (plan ? "" : plan.error().code);
    auto result = ImportListings(listings_, Member(user), *plan);
    EXPECT_TRUE(result.has_value());
    return *result;
  }

  std::vector<core::SellerId> shops_;
};

using Errors = std::vector<std::tuple<std::size_t, std::string, std::string>>;

Errors ErrorsOf(const std::vector<ListingCsvRowError>& errors) {
  Errors out;
  for (const auto& error : errors) out.emplace_back(error.row, error.code, error.field);
  return out;
}

TEST_F(ListingCsvTest, GoodRowsAreCreatedAndBadRowsStoreNothingOfThemselves) {
  const ListingImportResult result =
      Import(1,
             "name,category,price,stock,description\n"
             "솜동복,clothing-winter,\"40,000\",7,따뜻한 겨울옷\n"  // row 2: good
             ",clothing-winter,1000,1,이름 없음\n"                  // row 3: no name
             "유령상품,no-such-category,1000,1,\n"                  // row 4: unknown category
             "비싼 모자,clothing-winter,12abc,1,\n"                 // row 5: price not a number
             "재고 음수,clothing-winter,1000,-3,\n"                 // row 6: stock below zero
             "\xB8\xF0\xC0\xDA,clothing-winter,1000,1,\n"           // row 7: CP949 bytes
             "털장갑,clothing-winter,9000,,\"손뜨개\n두 겹\"\n");   // row 8: good, stock empty → 0
  EXPECT_EQ(result.created, 2);
  EXPECT_EQ(ErrorsOf(result.errors), (Errors{{3, "invalid_name", "name"},
                                             {4, "invalid_category", "category"},
                                             {5, "invalid_price", "price"},
                                             {6, "invalid_stock", "stock"},
                                             {7, "csv_invalid_utf8", ""}}));
  const std::vector<Product> stored = ShopListings(1);
  ASSERT_EQ(stored.size(), 2u);
  std::vector<std::string> names;
  for (const Product& product : stored) names.push_back(product.name);
  std::ranges::sort(names);
  EXPECT_EQ(names, (std::vector<std::string>{"솜동복", "털장갑"}));
  EXPECT_EQ(Found("솜동복").size(), 1u);
  EXPECT_TRUE(Found("유령상품").empty());
  EXPECT_TRUE(Found("비싼 모자").empty());
  EXPECT_TRUE(ShopListings(2).empty());  // nothing landed in another shop
}

TEST_F(ListingCsvTest, GroupedRowsBecomeOneListingWithOptionsOrNothing) {
  const ListingImportResult result =
      Import(1,
             "group,name,category,price,stock,size,colour\n"
             "coat,솜동복,clothing-winter,45000,3,M,검정\n"  // row 2
             "hat,털모자,clothing-winter,8000,1,,빨강\n"     // row 3: group hat, first row
             "coat,,,42000,2,L,검정\n"                       // row 4: coat, inherits name and category
             "hat,털모자,clothing-winter,8000,1,,빨강\n"     // row 5: same option twice → hat fails whole
             "scarf,목도리,clothing-winter,5000,1,,\n"       // row 6: one row, no option → plain listing
             "bad,장갑,clothing-winter,5000,1,S,\n"          // row 7
             "bad,다른 이름,,5000,1,M,\n");                  // row 8: contradicts row 7's name
  EXPECT_EQ(result.created, 2);
  EXPECT_EQ(ErrorsOf(result.errors), (Errors{{3, "group_not_imported", "group"},
                                             {5, "invalid_size", "size"},
                                             {7, "group_not_imported", "group"},
                                             {8, "group_mismatch", "name"}}));
  const std::vector<Product> stored = ShopListings(1);
  ASSERT_EQ(stored.size(), 2u);
  const Product& coat = stored[0].name == "솜동복" ? stored[0] : stored[1];
  const Product& scarf = stored[0].name == "솜동복" ? stored[1] : stored[0];
  ASSERT_EQ(coat.variants.size(), 2u);
  EXPECT_EQ(coat.variants[0].size, "M");
  EXPECT_EQ(coat.variants[1].size, "L");
  EXPECT_EQ(coat.variants[1].price.amount, 42000);
  EXPECT_EQ(coat.stock, 5);
  EXPECT_EQ(scarf.name, "목도리");
  EXPECT_TRUE(scarf.variants.empty());
  EXPECT_TRUE(Found("털모자").empty());
  EXPECT_TRUE(Found("장갑").empty());
}

TEST_F(ListingCsvTest, ColumnsInAnyOrderKoreanNamesAndCurrencies) {
  const ListingImportResult result = Import(1,
                                            "재고,가격,상품명,카테고리,통화,unknown note\n"
                                            "3,12.50,Wool scarf,clothing-winter,USD,ignored\n"
                                            "2,10,솜바지,clothing-winter,XYZ,\n");
  EXPECT_EQ(result.created, 1);
  EXPECT_EQ(ErrorsOf(result.errors), (Errors{{3, "invalid_currency", "currency"}}));
  const std::vector<Product> stored = ShopListings(1);
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].price, (core::Money{1250, core::Currency::usd}));
  EXPECT_EQ(stored[0].stock, 3);
}

TEST_F(ListingCsvTest, FileProblemsRefuseTheWholeFile) {
  EXPECT_EQ(ReadListingCsv("name,price\n모자,100\n").error().code, "csv_missing_column");
  EXPECT_EQ(ReadListingCsv("name,price\n모자,100\n").error().field, "category");
  EXPECT_EQ(ReadListingCsv(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)).error().code, "csv_not_text");
  const auto unterminated = ReadListingCsv("name,category,price\n\"모자,clothing-winter,100\n");
  EXPECT_EQ(unterminated.error().code, "csv_unterminated_quote");
  EXPECT_EQ(unterminated.error().line, 2u);
  EXPECT_EQ(ReadListingCsv("name,category,price\n" + std::string(70'000, 'x') + ",a,1\n").error().code,
            "csv_field_too_long");
}

TEST_F(ListingCsvTest, WithoutAnApprovedShopNothingIsImported) {
  auto plan = ReadListingCsv("name,category,price\n모자,clothing-winter,100\n");
  ASSERT_TRUE(plan.has_value());
  EXPECT_EQ(ImportListings(listings_, Member(3), *plan).error(), ListingError::not_a_seller);
  EXPECT_EQ(ImportListings(listings_, Member(9), *plan).error(), ListingError::not_a_seller);
  EXPECT_EQ(ExportListingsCsv(listings_, catalog_, Member(3)).error().error, ListingError::not_a_seller);
  EXPECT_TRUE(Found("모자").empty());
}

TEST_F(ListingCsvTest, ProgressCountsEveryRowAndStopEndsEarly) {
  auto plan = ReadListingCsv(
      "name,category,price\n"
      "하나,clothing-winter,100\n"
      "둘,clothing-winter,abc\n"
      "셋,clothing-winter,300\n");
  ASSERT_TRUE(plan.has_value());
  std::vector<std::size_t> done;
  auto result = ImportListings(listings_, Member(1), *plan, [&](const ListingImportProgress& progress) {
    EXPECT_EQ(progress.rows_total, 3u);
    done.push_back(progress.rows_done);
  });
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(done, (std::vector<std::size_t>{1, 2, 3}));  // the bad row first, then each listing

  std::stop_source stop;
  stop.request_stop();
  auto stopped = ImportListings(listings_, Member(2), *plan, {}, stop.get_token());
  ASSERT_TRUE(stopped.has_value());
  EXPECT_TRUE(stopped->stopped);
  EXPECT_EQ(stopped->created, 0);
  EXPECT_TRUE(ShopListings(2).empty());
}

TEST_F(ListingCsvTest, ExportImportsAgainIntoTheSameListings) {
  const ListingImportResult first = Import(
      1,
      "group,name,category,price,currency,stock,size,colour,description\n"
      ",=HYPERLINK(\"http://evil\"),clothing-winter,\"40,000\",KPW,7,,,\"- 두 줄 설명\n, 쉼표와 \"\"따옴표\"\"\"\n"
      "c,솜동복,clothing-winter,45000,KPW,3,M,검정,겨울옷\n"
      "c,솜동복,clothing-winter,42000,KPW,2,L,검정,겨울옷\n"
      ",Wool scarf,clothing-winter,12.50,USD,3,,,'quoted\n");
  ASSERT_EQ(first.created, 3) << ::testing::PrintToString(ErrorsOf(first.errors));
  ASSERT_TRUE(first.errors.empty());
  auto exported = ExportListingsCsv(listings_, catalog_, Member(1));
  ASSERT_TRUE(exported.has_value());
  EXPECT_TRUE(exported->starts_with(text::kUtf8ByteOrderMark));
  EXPECT_NE(exported->find("'=HYPERLINK"), std::string::npos);  // a spreadsheet will not run it
  EXPECT_NE(exported->find("\"'- 두 줄 설명"), std::string::npos);
  EXPECT_TRUE(ExportListingsCsv(listings_, catalog_, Member(2))->ends_with("description\r\n"));  // header only

  const ListingImportResult second = Import(2, *exported);
  EXPECT_EQ(second.created, 3);
  EXPECT_TRUE(second.errors.empty());
  const auto summary = [&](std::int64_t user) {
    std::vector<std::string> lines;
    for (const Product& product : ShopListings(user)) {
      std::string line = product.name + "|" + std::to_string(catalog_.CategoryById(product.category)->id.value) + "|" +
                         product.description + "|" + std::to_string(product.price.amount) +
                         std::string(core::CurrencyCode(product.price.currency)) + "|" + std::to_string(product.stock);
      for (const Variant& variant : product.variants) {
        line += "|" + variant.size + "/" + variant.colour + "/" + std::to_string(variant.price.amount) + "/" +
                std::to_string(variant.stock);
      }
      lines.push_back(line);
    }
    std::ranges::sort(lines);
    return lines;
  };
  EXPECT_EQ(summary(2), summary(1));
  EXPECT_EQ(summary(1).size(), 3u);
}

}  // namespace
}  // namespace manmulsang::catalog
