#include "manmulsang/search/search.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "memory_index.hpp"
#include "query_executor.hpp"
#include "test_database.hpp"

namespace manmulsang::search {
namespace {

struct Listing {
  std::int64_t id;
  std::int64_t category;
  std::string_view name;
  std::int64_t price;
};

// Hand-made listings the relevance cases point at; ids are what the cases expect.
constexpr Listing kListings[] = {
    {1, 31, "만물 노트북 15.6인치 i5-8250U 8GB 256GB SSD", 650'000},
    {2, 71, "노트북 가방 15인치 방수", 35'000},
    {3, 111, "노트 A5 줄공책 10권", 5'000},
    {4, 91, "로동 장갑 면 10켤레", 8'000},
    {5, 61, "노동 안전화 강철 앞코", 45'000},
    {6, 111, "리용 안내서 태양광 패널 설치", 12'000},
    {7, 11, "녀자 겨울 외투 솜", 120'000},
    {8, 61, "여자 운동화 흰색 240", 60'000},
    {9, 51, "락원 사과 5kg", 30'000},
    {10, 51, "량강도 감자 10kg", 15'000},
    {11, 41, "태양광 패널 300W 단결정", 280'000},
    {12, 41, "태양광 패널 100W 다결정", 110'000},
    {13, 111, "A4 복사용지 500매", 9'000},
    {14, 31, "USB 메모리 32GB", 11'000},
    {15, 111, "서울 관광 지도", 3'000},
    {16, 71, "학생용 백팩 가방", 40'000},
    {17, 51, "햅쌀 20kg", 70'000},
    {18, 51, "평양 복숭아 통조림 400g", 4'000},
    {19, 81, "전기 밥솥 6인용", 90'000},
    {20, 91, "LED 전구 10W 주광색", 2'500},
    {21, 31, "Samsung Galaxy Tab A7 태블릿", 300'000},
    {22, 41, "인버터 1000W 12V/24V 겸용", 150'000},
    {23, 41, "축전지 12V 100Ah", 200'000},
    {24, 31, "휴대용 노트 북 거치대 알루미늄", 25'000},
    {25, 51, "쌀 10kg", 30'000},
};

// Other listings, so that every word has competition and BM25 has a corpus to weigh against.
std::vector<IndexedProduct> Filler() {
  constexpr std::array<std::string_view, 8> kBrands = {"만물",   "금빛", "아리랑", "룡흥",
                                                       "대동강", "은하", "새날",   "모란"};
  constexpr std::array<std::string_view, 20> kItems = {"볼펜", "공책", "세제", "수건", "컵",   "칫솔",   "의자",
                                                       "책상", "양말", "모자", "치약", "비누", "빗자루", "냄비",
                                                       "접시", "우산", "장화", "담요", "베개", "전선"};
  constexpr std::array<std::string_view, 2> kSizes = {"대형", "소형"};
  std::vector<IndexedProduct> products;
  std::int64_t id = 1000;
  for (std::string_view brand : kBrands) {
    for (std::string_view item : kItems) {
      for (std::string_view size : kSizes) {
        const std::string name = std::string(brand) + " " + std::string(item) + " " + std::string(size);
        products.push_back({core::ProductId{id}, core::CategoryId{91}, core::SellerId{id % 7 + 1}, name,
                            std::string(item) + " (" + std::string(brand) + "). 튼튼하고 오래 씁니다.", 1'000 + id,
                            true, 4.0, id % 13, 1'700'000'000 + id});
        ++id;
      }
    }
  }
  return products;
}

IndexedProduct ToProduct(const Listing& listing) {
  return {core::ProductId{listing.id},
          core::CategoryId{listing.category},
          core::SellerId{listing.id % 3 + 1},
          std::string(listing.name),
          std::string(listing.name) + ". 품질이 좋고 값이 쌉니다. 주문하시면 2~3일 안에 보내 드립니다.",
          listing.price,
          listing.id != 20,  // the LED bulb is out of stock
          static_cast<double>(listing.id % 5),
          listing.id,
          1'750'000'000 + listing.id};
}

// Every case runs twice: queries on the tables, and on the in-memory copy that loads empty and
// catches up with every write through search_changes.
class SearchServiceTest : public ::testing::TestWithParam<bool> {
 protected:
  static std::array<db::Database::ModuleMigrations, 1> Modules() { return {{{"search", Migrations()}}}; }

  void SetUp() override {
    std::vector<IndexedProduct> products = Filler();
    for (const Listing& listing : kListings) products.push_back(ToProduct(listing));
    search_.Index(products);
  }

  SearchResult Find(std::string_view text, SearchSort sort = SearchSort::relevance, SearchFilters filters = {}) {
    SearchRequest request;
    request.text = std::string(text);
    request.sort = sort;
    request.filters = std::move(filters);
    auto result = search_.Search(request);
    EXPECT_TRUE(result.has_value()) << text;
    return result ? *result : SearchResult{};
  }

  static std::vector<std::int64_t> Ids(const SearchResult& result) {
    std::vector<std::int64_t> ids;
    for (core::ProductId id : result.ids) ids.push_back(id.value);
    return ids;
  }

  testing::TestDatabase store_{Modules()};
  SearchService search_{store_.database(), SearchOptions{.in_memory = GetParam()}};
};

struct RelevanceCase {
  std::string_view query;
  std::vector<std::int64_t> acceptable_first;
};

TEST_P(SearchServiceTest, FindsTheRightListingFirst) {
  const RelevanceCase cases[] = {
      // exact words
      {"노트북 i5", {1}},
      {"노트북 가방", {2}},
      {"밥솥", {19}},
      {"거치대", {24}},
      {"통조림 복숭아", {18}},
      {"햅쌀", {17}},
      {"쌀", {25}},
      {"노트북", {1, 2}},
      // spacing
      {"노트북가방", {2}},
      {"노트 북 가방", {2}},
      {"복사 용지", {13}},
      {"전기밥솥", {19}},
      {"노트북 거치대", {24}},
      // 초성
      {"ㄴㅌㅂ ㄱㅂ", {2}},
      {"ㅂㅅ", {19}},
      {"ㄴㅌㅂ", {1, 2}},
      {"ㄳㅊㄷ", {}},
      // North and South spelling
      {"노동 장갑", {4}},
      {"로동 장갑", {4}},
      {"로동 안전화", {5}},
      {"이용 안내서", {6}},
      {"여자 외투", {7}},
      {"녀자 운동화", {8}},
      {"낙원 사과", {9}},
      {"양강도 감자", {10}},
      // English keyboard
      {"shxmqnr rkqkd", {2}},
      {"tjdnf", {15}},
      {"qkqthx", {19}},
      // Latin model numbers
      {"i5-8250U", {1}},
      {"8250u", {1}},
      {"I5 8250", {1}},
      {"300W", {11}},
      {"A4", {13}},
      {"usb 32gb", {14}},
      {"12V 100Ah", {23}},
      {"12v/24v", {22}},
      {"galaxy tab a7", {21}},
      // mixed Korean and Latin
      {"태양광 패널 300W", {11}},
      {"A4용지", {13}},
      {"LED 전구", {20}},
      {"삼성 galaxy 태블릿", {21}},
      {"태블릿 Galaxy", {21}},
      {"삼성 태블릿", {21}},
      {"갤럭시 태블릿", {21}},
  };
  for (const RelevanceCase& test : cases) {
    const SearchResult result = Find(test.query);
    if (test.acceptable_first.empty()) {
      EXPECT_EQ(result.total, 0) << test.query;
      continue;
    }
    ASSERT_FALSE(result.ids.empty()) << test.query;
    EXPECT_NE(std::ranges::find(test.acceptable_first, result.ids.front().value), test.acceptable_first.end())
        << test.query << " found " << result.ids.front().value << " first";
  }
}

TEST_P(SearchServiceTest, SaysHowTheQueryWasRead) {
  EXPECT_EQ(Find("shxmqnr rkqkd").interpreted_as, "노트북 가방");
  EXPECT_EQ(Find("노트북 가방").interpreted_as, "");
  EXPECT_EQ(Find("삼성 태블릿").interpreted_as, "samsung 태블릿");
  EXPECT_FALSE(Find("삼성 태블릿").partial_match);
  const SearchResult partial = Find("노트북 방수 가방 가죽");
  EXPECT_TRUE(partial.partial_match);
  ASSERT_FALSE(partial.ids.empty());
  EXPECT_EQ(partial.ids.front().value, 2);
}

TEST_P(SearchServiceTest, HostileQueriesFindNothingOrSomethingButNeverFail) {
  const std::string long_query(5000, 'x');
  const std::string nul_query("노트북\0가방", 16);
  for (std::string_view query :
       {std::string_view("\""), std::string_view("*"), std::string_view("NEAR("), std::string_view("노트북 AND"),
        std::string_view("' OR 1=1 --"), std::string_view(long_query), std::string_view(nul_query),
        std::string_view("ㅏ"), std::string_view("ㄱ"), std::string_view(""), std::string_view("   "),
        std::string_view("((("), std::string_view("\xff\xfe"), std::string_view("%_%"),
        std::string_view("{name}:노트북"), std::string_view("^노트북")}) {
    SearchRequest request;
    request.text = std::string(query);
    EXPECT_TRUE(search_.Search(request).has_value()) << query;
  }
  EXPECT_EQ(Find("\"노트북*\"").total, Find("노트북").total);
  // "near" is only a word; no listing has it, so the looser match finds the bag.
  const SearchResult near = Find("NEAR(노트북 가방)");
  EXPECT_TRUE(near.partial_match);
  ASSERT_FALSE(near.ids.empty());
  EXPECT_EQ(near.ids.front().value, 2);
  EXPECT_EQ(Find(nul_query).ids.front().value, 2);
}

TEST_P(SearchServiceTest, RejectsBadPagesAndPrices) {
  SearchRequest request;
  request.text = "노트북";
  request.page = 0;
  EXPECT_EQ(search_.Search(request).error(), SearchError::invalid_page);
  request.page = 1;
  request.per_page = kMaxPerPage + 1;
  EXPECT_EQ(search_.Search(request).error(), SearchError::invalid_page);
  request.per_page = 20;
  request.filters.min_price = 10;
  request.filters.max_price = 5;
  EXPECT_EQ(search_.Search(request).error(), SearchError::invalid_price);
  request.filters.min_price = -1;
  request.filters.max_price.reset();
  EXPECT_EQ(search_.Search(request).error(), SearchError::invalid_price);
}

TEST_P(SearchServiceTest, FiltersSortsFacetsAndPages) {
  EXPECT_EQ(Find("태양광").total, 3);  // panels 11, 12 and the guide 6
  SearchFilters panels;
  panels.categories = {core::CategoryId{41}};
  EXPECT_EQ(Ids(Find("태양광", SearchSort::price_ascending, panels)), (std::vector<std::int64_t>{12, 11}));
  EXPECT_EQ(Ids(Find("태양광", SearchSort::price_descending, panels)), (std::vector<std::int64_t>{11, 12}));
  EXPECT_EQ(Ids(Find("태양광", SearchSort::newest, panels)), (std::vector<std::int64_t>{12, 11}));

  const SearchResult faceted = Find("태양광", SearchSort::relevance, panels);
  // The category facet ignores the category filter: the guide's category still shows.
  ASSERT_EQ(faceted.categories.size(), 2u);
  EXPECT_EQ(faceted.categories[0].value, 41);
  EXPECT_EQ(faceted.categories[0].count, 2);
  EXPECT_EQ(faceted.categories[1].value, 111);
  // Buckets 0, 10k, 50k, 100k, 500k, 1M: 110k and 280k are both in the 100k bucket.
  ASSERT_EQ(faceted.price_buckets.size(), 6u);
  EXPECT_EQ(faceted.price_buckets[3].value, 100'000);
  EXPECT_EQ(faceted.price_buckets[3].count, 2);

  SearchFilters cheap;
  cheap.max_price = 150'000;
  EXPECT_EQ(Ids(Find("태양광 패널", SearchSort::price_descending, cheap)), (std::vector<std::int64_t>{12, 6}));
  SearchFilters in_stock;
  in_stock.in_stock_only = true;
  EXPECT_EQ(Find("전구", SearchSort::relevance, in_stock).total, 0);
  EXPECT_EQ(Find("전구").total, 1);
  SearchFilters seller;
  seller.seller = core::SellerId{3};  // ids 2, 5, 8, ... (id % 3 + 1 == 3)
  for (core::ProductId id : Find("노트북", SearchSort::relevance, seller).ids) EXPECT_EQ(id.value % 3, 2);

  SearchRequest request;
  request.text = "만물";
  request.per_page = 7;
  const SearchResult first = *search_.Search(request);
  request.page = 2;
  const SearchResult second = *search_.Search(request);
  EXPECT_EQ(first.total, 41);  // 40 filler listings and the laptop
  EXPECT_EQ(first.ids.size(), 7u);
  for (core::ProductId id : second.ids) EXPECT_EQ(std::ranges::find(first.ids, id), first.ids.end());
  request.page = 100;
  EXPECT_TRUE(search_.Search(request)->ids.empty());
}

TEST_P(SearchServiceTest, IndexChangesShowAtOnce) {
  EXPECT_EQ(Find("자전거").total, 0);
  IndexedProduct bicycle = ToProduct({500, 91, "접이식 자전거 20인치", 180'000});
  search_.Index(std::span(&bicycle, 1));
  EXPECT_EQ(Ids(Find("자전거")), (std::vector<std::int64_t>{500}));

  bicycle.name = "접이식 킥보드";
  search_.Index(std::span(&bicycle, 1));  // an edit replaces the old terms
  bicycle.description.clear();
  search_.Index(std::span(&bicycle, 1));
  EXPECT_EQ(Find("자전거").total, 0);
  EXPECT_EQ(Ids(Find("킥보드")), (std::vector<std::int64_t>{500}));

  search_.Remove(core::ProductId{500});
  EXPECT_EQ(Find("킥보드").total, 0);
  search_.Remove(core::ProductId{500});  // twice is fine
  EXPECT_TRUE(search_.Suggest("킥보").empty());

  // Inside the owner's transaction: a rolled-back write leaves the index as it was.
  EXPECT_THROW(store_->Write([&](db::Connection& connection) {
    search_.Index(connection, bicycle);
    throw std::runtime_error("the listing write failed");
  }),
               std::runtime_error);
  EXPECT_EQ(Find("킥보드").total, 0);
}

TEST_P(SearchServiceTest, MemoryIndexAnswersLikeTheTables) {
  store_->Read([&](db::Connection& connection) {
    SearchRepository tables(connection);
    MemoryIndex memory = MemoryIndex::Load(tables);
    EXPECT_EQ(memory.documents(), Filler().size() + std::size(kListings));
    for (std::string_view text : {"노트북", "노트북가방", "ㄴㅌㅂ", "로동 장갑", "shxmqnr", "i5-8250U", "만물",
                                  "노트북 방수 가방 가죽", "태양광", "", "ㅏ"}) {
      for (SearchSort sort : {SearchSort::relevance, SearchSort::price_ascending}) {
        SearchRequest request;
        request.text = std::string(text);
        request.sort = sort;
        const SearchResult from_tables = RunSearch(tables, request);
        const SearchResult from_memory = RunSearch(memory, request);
        EXPECT_EQ(from_memory.ids, from_tables.ids) << text;
        EXPECT_EQ(from_memory.total, from_tables.total) << text;
        EXPECT_EQ(from_memory.categories.size(), from_tables.categories.size()) << text;
        EXPECT_EQ(from_memory.interpreted_as, from_tables.interpreted_as) << text;
      }
    }
  });
}

TEST_P(SearchServiceTest, SuggestsWordsForPrefixesInitialsAndLatinKeys) {
  const auto texts = [this](std::string_view prefix) {
    std::vector<std::string> words;
    for (const Suggestion& suggestion : search_.Suggest(prefix)) words.push_back(suggestion.text);
    return words;
  };
  const auto has = [](const std::vector<std::string>& words, std::string_view word) {
    return std::ranges::find(words, word) != words.end();
  };
  EXPECT_TRUE(has(texts("노트"), "노트북"));
  EXPECT_TRUE(has(texts("ㄴㅌ"), "노트북"));
  EXPECT_TRUE(has(texts("shxm"), "노트북"));
  EXPECT_TRUE(has(texts("노틉"), "노트북"));  // the IME is still composing 북
  EXPECT_TRUE(has(texts("노트ㅂ"), "노트북"));
  EXPECT_TRUE(has(texts("태양"), "태양광"));
  EXPECT_TRUE(has(texts("GAL"), "galaxy"));
  EXPECT_TRUE(has(texts("i5"), "i5-8250u"));
  EXPECT_TRUE(texts("").empty());
  EXPECT_TRUE(texts("ㅏ").empty());
  EXPECT_TRUE(texts("\"*NEAR(").empty());
  EXPECT_LE(texts("만").size(), static_cast<std::size_t>(kMaxSuggestions));
  EXPECT_TRUE(texts(std::string(5000, 'z')).empty());
}

TEST_P(SearchServiceTest, AServiceStartedLaterSeesTheSameIndex) {
  SearchService later(store_.database(), SearchOptions{.in_memory = GetParam()});
  SearchRequest request;
  request.text = "노트북 가방";
  EXPECT_EQ(later.Search(request)->ids, search_.Search(request)->ids);
  IndexedProduct bicycle = ToProduct({600, 91, "접이식 자전거", 180'000});
  later.Index(std::span(&bicycle, 1));  // written through one service, seen by the other
  request.text = "자전거";
  EXPECT_EQ(Ids(*search_.Search(request)), (std::vector<std::int64_t>{600}));
  search_.Remove(core::ProductId{600});
  EXPECT_EQ(later.Search(request)->total, 0);
}

INSTANTIATE_TEST_SUITE_P(TablesAndMemory, SearchServiceTest, ::testing::Bool(),
                         [](const ::testing::TestParamInfo<bool>& info) {
                           return info.param ? std::string("Memory") : std::string("Tables");
                         });

}  // namespace
}  // namespace manmulsang::search
