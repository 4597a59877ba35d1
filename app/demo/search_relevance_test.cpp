// The search relevance set (issue 3): queries over the demo marketplace of `manmulsang demo`
// with what must come first. Every class of query the search promises is here — exact words,
// spacing, 초성, North/South spelling, Korean typed in English mode, typing mistakes, Latin model
// numbers, Korean and Latin mixed — and the set runs on the tables and on the in-memory copy.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "demo/demo_generator.hpp"
#include "demo/demo_test_store.hpp"
#include "manmulsang/search/search.hpp"

namespace manmulsang::demo {
namespace {

// The default demo (`manmulsang demo`: 10,000 listings, seed 1).
const std::int64_t kDemoProducts = DemoOptions{}.products;
const std::uint64_t kDemoSeed = DemoOptions{}.seed;

struct Store : DemoTestStore {
  search::SearchService& search = database.services().search;
};

// What the first results must be. Each needle must occur in the name of every one of the first
// `top` results (ASCII case ignored); a needle "a|b" is satisfied by either.
struct RelevanceCase {
  std::string_view query;
  int top = 5;
  std::vector<std::string_view> needles;
  // The reading shown as "did you mean"; nullopt: whatever it is (the literal words usually).
  std::optional<std::string_view> interpreted_as = std::nullopt;
  // The category (slug) every one of the first `top` results must be in or below: a word that
  // names a category means that category's goods before goods that only mention it (노트북
  // means laptops, not laptop backpacks).
  std::optional<std::string_view> category = std::nullopt;
};

const std::vector<RelevanceCase>& Cases() {
  static const std::vector<RelevanceCase> cases = {
      // exact words
      {"노트북", 10, {"노트북"}, "", "computers-laptops"},
      {"가방", 10, {"가방"}, "", "bags"},
      {"태블릿", 10, {"태블릿"}},
      {"냉장고", 10, {"냉장고"}, std::nullopt, "appliances-fridges"},
      // a category's name finds its goods even where their names leave it unsaid
      {"컴퓨터", 10, {}, std::nullopt, "computers"},
      {"태양광", 10, {}, std::nullopt, "solar"},
      {"laptops", 5, {}, std::nullopt, "computers-laptops"},
      {"세탁기", 5, {"세탁기"}},
      {"운동화", 5, {"운동화"}},
      {"인삼", 5, {"인삼"}},
      {"전기밥솥", 5, {"전기밥솥"}},
      {"배낭", 10, {"배낭"}},
      {"된장", 5, {"된장"}},
      {"복숭아 통조림", 5, {"복숭아", "통조림"}},
      {"강냉이쌀", 5, {"강냉이쌀"}},
      {"고추장", 5, {"고추장"}},
      {"우황청심환", 5, {"우황청심환"}},
      {"조선말대사전", 3, {"조선말대사전"}},
      {"춘향전", 3, {"춘향전"}},
      {"작업복", 5, {"작업복"}},
      {"선풍기", 5, {"선풍기"}},
      {"망치", 3, {"망치"}},
      {"정현파 인버터", 5, {"정현파 인버터"}},
      // spacing
      {"노트 북", 5, {"노트북"}},
      {"노트북가방", 3, {"노트북", "가방"}},
      {"전기 밥솥", 5, {"전기밥솥"}},
      {"여행 가방", 3, {"여행", "가방"}},
      {"솜 이불", 5, {"솜이불"}},
      {"태양광패널", 5, {"태양광 패널"}},
      {"등산배낭", 5, {"등산 배낭"}},
      {"고려 인삼차", 3, {"고려인삼차"}},
      // 초성
      {"ㄴㅌㅂ", 5, {"노트북"}},
      {"ㄴㅈㄱ", 5, {"냉장고"}},
      {"ㅌㅂㄹ", 5, {"태블릿"}},
      {"ㅅㅌㄱ", 5, {"세탁기"}},
      {"ㄱㅊㅈ", 5, {"고추장"}},
      {"ㅇㄷㅎ", 5, {"운동화"}},
      {"ㅈㅇㅂ", 5, {"작업복"}},
      // North and South spelling (두음): each finds the other
      {"낙원", 5, {"락원"}},
      {"락원 비누", 3, {"락원", "비누"}},
      {"용흥 노트북", 5, {"룡흥", "노트북"}},
      {"역사 교과서", 3, {"력사 교과서"}},
      {"용성 맥주", 3, {"룡성 맥주"}},
      {"유원 운동화", 3, {"류원", "운동화"}},
      {"노조사전", 3, {"로조사전"}},
      {"녀성 구두", 5, {"여성 구두"}},
      {"녀성 원피스", 5, {"여성 원피스"}},
      {"용천 찹쌀", 3, {"룡천", "찹쌀"}},
      // Korean typed with the keyboard in English mode
      {"shxmqnr", 5, {"노트북"}, "노트북"},
      {"rkqkd", 5, {"가방"}, "가방"},
      {"sodwkdrh", 5, {"냉장고"}, "냉장고"},
      {"xoqmfflt", 5, {"태블릿"}, "태블릿"},
      {"dnsehdghk", 5, {"운동화"}, "운동화"},
      {"tpxkrrl", 5, {"세탁기"}, "세탁기"},
      // a typo
      {"노트묵", 5, {"노트북"}, "노트북"},
      {"냉장거", 5, {"냉장고"}, "냉장고"},
      {"운동하", 5, {"운동화"}, "운동화"},
      {"세탁끼", 5, {"세탁기"}, "세탁기"},
      {"트노북", 5, {"노트북"}, "노트북"},
      {"lenvoo", 5, {"lenovo"}, "lenovo"},
      {"samsnug", 5, {"samsung"}, "samsung"},
      {"kingstom", 5, {"kingston"}, "kingston"},
      {"logitehc", 5, {"logitech"}, "logitech"},
      {"toshbia", 3, {"toshiba"}, "toshiba"},
      // Latin model numbers
      {"i5-8250U", 10, {"i5-8250u"}},
      {"8250u", 10, {"i5-8250u"}},
      {"i7-8550U", 5, {"i7-8550u"}},
      {"i5-7400", 5, {"i5-7400"}},
      {"300W", 10, {"300w"}},
      {"100Ah", 5, {"100ah"}},
      {"1TB", 5, {"1tb"}},
      {"DDR4", 5, {"ddr4"}},
      {"12V/24V", 5, {"12v/24v"}},
      {"SPF50", 3, {"spf50"}},
      {"1920x1080", 5, {"1920x1080"}},
      {"MPPT", 5, {"mppt"}},
      // Korean and Latin mixed
      {"Samsung SSD", 5, {"samsung ssd"}},
      {"SSD 256GB", 5, {"ssd", "256gb"}},
      {"Lenovo 노트북", 5, {"lenovo 노트북"}},
      {"LED 모니터", 5, {"led 모니터"}},
      {"USB 기억기", 5, {"usb 기억기"}},
      {"MPPT 충전조절기 40A", 3, {"mppt 충전조절기", "40a"}},
      {"태양광 패널 300W", 5, {"태양광 패널", "300w"}},
      {"노트북 i7", 5, {"노트북", "i7"}},
      {"DDR4 메모리 8GB", 5, {"ddr4 메모리", "8gb"}},
      {"a4tech 마우스", 3, {"a4tech", "마우스"}},
      // a brand the demo writes in Latin, typed in Korean
      {"삼성 SSD", 5, {"samsung ssd"}, "samsung ssd"},
      {"레노버 노트북", 5, {"lenovo 노트북"}, "lenovo 노트북"},
      {"로지텍 마우스", 3, {"logitech", "마우스"}, "logitech 마우스"},
      {"킹스톤 DDR4", 3, {"kingston", "ddr4"}, "kingston ddr4"},
  };
  return cases;
}

std::string AsciiLower(std::string_view text) {
  std::string lower(text);
  for (char& character : lower) character = static_cast<char>(std::tolower(static_cast<unsigned char>(character)));
  return lower;
}

bool HoldsNeedle(std::string_view lower_name, std::string_view needle) {
  std::size_t start = 0;
  while (start <= needle.size()) {
    std::size_t end = needle.find('|', start);
    if (end == std::string_view::npos) end = needle.size();
    if (lower_name.find(AsciiLower(needle.substr(start, end - start))) != std::string_view::npos) return true;
    start = end + 1;
  }
  return false;
}

// Runs every case against service; the names come from the catalog.
void ExpectRelevance(search::SearchService& service, catalog::CatalogService& catalog, std::string_view mode) {
  for (const RelevanceCase& test : Cases()) {
    SCOPED_TRACE(std::string(mode) + ": " + std::string(test.query));
    search::SearchRequest request;
    request.text = std::string(test.query);
    request.per_page = test.top;
    const auto result = service.Search(request);
    ASSERT_TRUE(result.has_value());
    ASSERT_GE(result->total, test.top) << "too few matches";
    ASSERT_EQ(result->ids.size(), static_cast<std::size_t>(test.top));
    if (test.interpreted_as) EXPECT_EQ(result->interpreted_as, *test.interpreted_as);
    for (std::size_t rank = 0; rank < result->ids.size(); ++rank) {
      const auto product = catalog.GetProduct(result->ids[rank]);
      ASSERT_TRUE(product.has_value()) << "an indexed listing that the catalog does not show";
      const std::string name = AsciiLower(product->name);
      if (test.category) {
        const auto path = catalog.Breadcrumb(product->category);
        EXPECT_TRUE(
            std::ranges::any_of(path, [&](const catalog::Category& step) { return step.slug == *test.category; }))
            << "#" << rank + 1 << " " << product->name << " is not in " << *test.category;
      }
      for (std::string_view needle : test.needles) {
        EXPECT_TRUE(HoldsNeedle(name, needle)) << "#" << rank + 1 << " " << product->name << " lacks " << needle;
      }
    }
  }
}

TEST(SearchRelevance, TheDemoMarketplaceAnswersEveryQueryClass) {
  ASSERT_GE(Cases().size(), 60u);
  Store store;
  DemoOptions options;
  options.products = kDemoProducts;
  options.seed = kDemoSeed;
  options.progress = false;
  GenerateDemoMarketplace(store.database.database(), store.accounts, store.sellers, store.catalog, store.clock,
                          options);
  // The catalog indexes its listings as it writes them: every active listing is searchable.
  ASSERT_EQ(store.search.IndexedCount(), store.catalog.CountActiveProducts());

  ExpectRelevance(store.search, store.catalog, "tables");
  search::SearchService memory(store.database.database(), search::SearchOptions{.in_memory = true});
  ExpectRelevance(memory, store.catalog, "memory");
}

// What typo tolerance costs (docs/SEARCH.md): whole searches that miss, that need a correction,
// that hold a word outside the vocabulary, and ordinary ones. Runs only when
// MANMULSANG_SEARCH_MEASURE_TYPO is set (a measurement, not a test; use a Release build).
TEST(SearchRelevance, MeasureTheCostOfTypoTolerance) {
  if (!std::getenv("MANMULSANG_SEARCH_MEASURE_TYPO")) GTEST_SKIP() << "set MANMULSANG_SEARCH_MEASURE_TYPO=1";
  Store store;
  DemoOptions options;
  options.products = kDemoProducts;
  options.seed = kDemoSeed;
  options.progress = false;
  GenerateDemoMarketplace(store.database.database(), store.accounts, store.sellers, store.catalog, store.clock,
                          options);
  search::SearchService memory(store.database.database(), search::SearchOptions{.in_memory = true});
  // The measurement reads the index's table directly, as index_measurement_test does.
  const std::int64_t vocabulary = store.database.database().Read(
      [](db::Connection& connection) { return connection.QueryOne("SELECT count(*) FROM search_words")->Int(0); });
  std::printf("listings %lld, vocabulary %lld words\n", static_cast<long long>(store.search.IndexedCount()),
              static_cast<long long>(vocabulary));
  const auto milliseconds = [](auto duration) { return std::chrono::duration<double, std::milli>(duration).count(); };
  for (const char* text :
       {"노트북", "태양광 패널", "없는말", "흙먼지떡 qqqq", "zzzzqqqq", "노트묵", "냉장거", "samsnug", "kingstom",
        "운동하", "노트북가방", "태양광패널", "고려 인삼차", "가나다라마바 하나둘셋넷다 qwertyuiopas zxcvbnmasdfg"}) {
    for (auto* service : {&store.search, &memory}) {
      search::SearchRequest request;
      request.text = text;
      std::vector<double> times;
      search::SearchResult result;
      for (int repetition = 0; repetition < 200; ++repetition) {
        const auto start = std::chrono::steady_clock::now();
        result = *service->Search(request);
        times.push_back(milliseconds(std::chrono::steady_clock::now() - start));
      }
      std::ranges::sort(times);
      std::printf("%-16s %-7s total %5lld read as %-14s p50 %6.2f ms p99 %6.2f ms\n", text,
                  service == &memory ? "memory" : "tables", static_cast<long long>(result.total),
                  result.interpreted_as.c_str(), times[times.size() / 2], times[times.size() * 99 / 100]);
    }
  }
  // Searches per second, 8 threads for 3 s, through the query classes of docs/SEARCH.md's
  // throughput line plus two typos.
  const std::vector<std::string> words_known = {"노트북",  "가방",    "태블릿 64GB", "ㄴㅌㅂ",      "로동 장갑",
                                                "shxmqnr", "i5-7400", "평양가방",    "태양광 패널", "ssd"};
  std::vector<std::string> with_typos = words_known;
  with_typos.insert(with_typos.end(), {"없는말", "노트묵", "samsnug"});
  const std::vector<const std::vector<std::string>*> mixes = {&words_known, &with_typos};
  for (const auto* mix : mixes)
    for (auto* service : {&store.search, &memory}) {
      std::atomic<std::int64_t> searches = 0;
      std::atomic<bool> stop = false;
      std::vector<std::thread> clients;
      for (std::size_t client = 0; client < 8; ++client) {
        clients.emplace_back([&, client] {
          search::SearchRequest request;
          for (std::size_t next = client; !stop; ++next) {
            request.text = (*mix)[next % mix->size()];
            (void)service->Search(request);
            ++searches;
          }
        });
      }
      std::this_thread::sleep_for(std::chrono::seconds(3));
      stop = true;
      for (std::thread& client : clients) client.join();
      std::printf("throughput, 8 threads, %s, %s: %.0f searches/s\n", service == &memory ? "memory" : "tables",
                  mix == &words_known ? "known words" : "with a miss and two typos", static_cast<double>(searches) / 3);
    }
}

}  // namespace
}  // namespace manmulsang::demo
