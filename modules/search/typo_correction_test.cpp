#include "typo_correction.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "manmulsang/search/search.hpp"
#include "test_database.hpp"

namespace manmulsang::search {
namespace {

bool Holds(const std::vector<std::string>& candidates, std::string_view word) {
  return std::ranges::find(candidates, word) != candidates.end();
}

TEST(EditDistance, CountsSubstitutionsInsertionsDeletionsAndSwaps) {
  EXPECT_EQ(EditDistance(U"laptop", U"laptop"), 0u);
  EXPECT_EQ(EditDistance(U"labtop", U"laptop"), 1u);
  EXPECT_EQ(EditDistance(U"samsnug", U"samsung"), 1u);  // a swap is one edit
  EXPECT_EQ(EditDistance(U"keybaodr", U"keyboard"), 2u);
  EXPECT_EQ(EditDistance(U"kitten", U"sitting"), 3u);
  EXPECT_EQ(EditDistance(U"", U"abc"), 3u);
  EXPECT_EQ(EditDistance(U"abc", U""), 3u);
}

TEST(OneEditCandidates, HangulAtTheLevelOfTheKeys) {
  EXPECT_TRUE(Holds(OneEditCandidates("노트묵"), "노트북"));             // ㅁ for ㅂ
  EXPECT_TRUE(Holds(OneEditCandidates("갸방"), "가방"));                 // ㅑ for ㅏ
  EXPECT_TRUE(Holds(OneEditCandidates("갑방"), "가방"));                 // a key too many
  EXPECT_TRUE(Holds(OneEditCandidates("노트부"), "노트북"));             // a key missing
  EXPECT_TRUE(Holds(OneEditCandidates("트노북"), "노트북"));             // two syllables swapped
  EXPECT_TRUE(Holds(OneEditCandidates("냉장ㄱ고"), "냉장고") == false);  // lone jamo: not a word we correct
  EXPECT_FALSE(Holds(OneEditCandidates("노트묵"), "노트묵"));
  for (const std::string& candidate : OneEditCandidates("가방")) {
    EXPECT_GE(candidate.size(), 6u) << candidate;  // whole syllables, at least two
  }
}

TEST(OneEditCandidates, LatinLettersAndDigits) {
  EXPECT_TRUE(Holds(OneEditCandidates("labtop"), "laptop"));
  EXPECT_TRUE(Holds(OneEditCandidates("samsnug"), "samsung"));
  EXPECT_TRUE(Holds(OneEditCandidates("lenvo"), "lenovo"));
  EXPECT_TRUE(Holds(OneEditCandidates("256gv"), "256gb"));
}

TEST(OneEditCandidates, LeavesAloneWhatItShouldNotGuess) {
  EXPECT_TRUE(OneEditCandidates("가").empty());      // one syllable
  EXPECT_TRUE(OneEditCandidates("usb").empty());     // too short to guess
  EXPECT_TRUE(OneEditCandidates("a4용지").empty());  // mixed scripts
  EXPECT_TRUE(OneEditCandidates("1234").empty());    // digits only: a number, not a typo
  EXPECT_TRUE(OneEditCandidates(std::string(40, 'x')).empty());
  EXPECT_TRUE(OneEditCandidates("가나다라마바사").empty());  // 7 syllables: a compound
  EXPECT_TRUE(OneEditCandidates("abcdefghijklm").empty());   // 13 letters: a code
  EXPECT_LE(OneEditCandidates("가나다라마바").size(), kMaxCandidateLookups);
  EXPECT_LE(OneEditCandidates("abcdefghijkl").size(), kMaxCandidateLookups);
  EXPECT_TRUE(OneEditCandidates("").empty());
  EXPECT_TRUE(OneEditCandidates("\xff\xfe").empty());
}

// Through the whole service, on the tables and on the in-memory copy.
class TypoToleranceTest : public ::testing::TestWithParam<bool> {
 protected:
  static std::array<db::Database::ModuleMigrations, 1> Modules() { return {{{"search", Migrations()}}}; }

  void SetUp() override {
    const std::vector<std::string> names = {
        "만물 노트북 15인치",    "아리랑 노트북 14인치", "노트북 가방 방수",   "학생 가방",
        "여행 가방 대형",        "가망 없는 책",         "Lenovo laptop 15.6", "Samsung SSD 256GB",
        "Samsung 모니터 24인치", "Logitech keyboard",    "노트 공책 10권",     "전기 밥솥",
        "냉장고 300L",           "아동 운동복 130",      "류원 운동화 240",    "대성 운동화 250"};
    std::vector<IndexedProduct> products;
    std::int64_t id = 1;
    for (const std::string& name : names) {
      const std::string description = name + (id == 14 ? " 활동하기 편합니다." : " 상품입니다.");
      products.push_back({core::ProductId{id}, core::CategoryId{1}, core::SellerId{1}, name, description, 10'000 * id,
                          true, 4.0, 100 - id, 1'700'000'000 + id});
      ++id;
    }
    search_.Index(products);
  }

  SearchResult Find(std::string_view text) {
    SearchRequest request;
    request.text = std::string(text);
    auto result = search_.Search(request);
    EXPECT_TRUE(result.has_value()) << text;
    return result ? *result : SearchResult{};
  }

  testing::TestDatabase store_{Modules()};
  SearchService search_{store_.database(), SearchOptions{.in_memory = GetParam()}};
};

TEST_P(TypoToleranceTest, ATypoFindsTheProductAndSaysWhatItSearched) {
  struct Case {
    std::string_view typed;
    std::string_view read_as;
    std::int64_t first;
  };
  for (const Case& test :
       {Case{"노트묵", "노트북", 1}, Case{"트노북", "노트북", 1}, Case{"갸방", "가방", 4}, Case{"labtop", "laptop", 7},
        Case{"samsnug", "samsung", 8}, Case{"samsnug ssd", "samsung ssd", 8}, Case{"냉장거", "냉장고", 13},
        Case{"keybaodr", "keyboard", 10}, Case{"노트묵 가방", "노트북 가방", 3}}) {
    const SearchResult result = Find(test.typed);
    ASSERT_FALSE(result.ids.empty()) << test.typed;
    EXPECT_EQ(result.ids.front().value, test.first) << test.typed;
    EXPECT_EQ(result.interpreted_as, test.read_as) << test.typed;
    EXPECT_EQ(result.normalized_query, test.typed);  // trending counts what was typed
  }
}

TEST_P(TypoToleranceTest, ACommonerWordOneKeyAwayBeatsAnAccidentalMatchOfTheBigrams) {
  // 운동하 matches the 운동복 whose description says 활동하기 (운동 + 동하, no positions in the
  // index); 운동화, one key away, is what more listings hold and what was meant.
  const SearchResult result = Find("운동하");
  ASSERT_FALSE(result.ids.empty());
  EXPECT_TRUE(result.ids.front().value == 15 || result.ids.front().value == 16);
  EXPECT_EQ(result.total, 2);
  EXPECT_EQ(result.interpreted_as, "운동화");
  EXPECT_FALSE(result.partial_match);
  // A query whose words listing names hold is never corrected.
  EXPECT_EQ(Find("노트 공책").interpreted_as, "");
}

TEST_P(TypoToleranceTest, PrefersTheWordMoreListingsHold) {
  // 가낭 is one key from 가방 (3 listings) and from 가망 (1): the commoner word wins, though 가망
  // comes first in code order.
  EXPECT_EQ(Find("가낭").interpreted_as, "가방");
}

TEST_P(TypoToleranceTest, CorrectWordsAndRealFindsAreLeftAlone) {
  EXPECT_EQ(Find("노트북").interpreted_as, "");
  EXPECT_EQ(Find("laptop").interpreted_as, "");
  const SearchResult nothing = Find("흙먼지");
  EXPECT_EQ(nothing.total, 0);
  EXPECT_EQ(nothing.interpreted_as, "");
  EXPECT_EQ(Find("zzzzqqq").total, 0);
}

TEST_P(TypoToleranceTest, AnEditedListingChangesTheVocabularyAtOnce) {
  EXPECT_EQ(Find("밥솓").interpreted_as, "밥솥");
  search_.Remove(core::ProductId{12});
  EXPECT_EQ(Find("밥솓").total, 0);
  search_.Index(std::vector<IndexedProduct>{
      {core::ProductId{12}, core::CategoryId{1}, core::SellerId{1}, "전기 밥솥", "", 1, true, 0, 0, 0}});
  EXPECT_EQ(Find("밥솓").ids.front().value, 12);
}

INSTANTIATE_TEST_SUITE_P(TablesAndMemory, TypoToleranceTest, ::testing::Bool(),
                         [](const auto& info) { return info.param ? "memory" : "tables"; });

}  // namespace
}  // namespace manmulsang::search
