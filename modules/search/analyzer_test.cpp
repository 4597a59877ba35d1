#include "manmulsang/search/analyzer.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include <string>
#include <string_view>
#include <vector>

namespace manmulsang::search {
namespace {

using Terms = std::vector<std::string>;

struct IndexCase {
  std::string_view text;
  Terms terms;
};

TEST(Analyzer, IndexTerms) {
  const IndexCase cases[] = {
      {"노트북", {"노트", "트북", "ㄴㅌㅂ"}},
      {"쌀", {"쌀"}},
      {"노트북 가방", {"노트", "트북", "ㄴㅌㅂ", "가방", "북가", "ㄱㅂ"}},
      {"로동 신문", {"노동", "ㄴㄷ", "ㄹㄷ", "신문", "동신", "ㅅㅁ"}},
      {"생산량", {"생산", "산량", "ㅅㅅㄹ"}},
      {"i5-8250U", {"i5-8250u", "i5", "5", "8250u", "8250"}},
      {"300W", {"300w", "300"}},
      {"A4", {"a4", "4"}},
      {"USB", {"usb"}},
      {"12V/24V", {"12v/24v", "12v", "12", "24v", "24"}},
      {"A4용지", {"a4", "4", "용지", "ㅇㅈ"}},
      {"(리용)", {"이용", "ㅇㅇ", "ㄹㅇ"}},
      {"노트북, 가방", {"노트", "트북", "ㄴㅌㅂ", "가방", "ㄱㅂ"}},  // no bigram across punctuation
      {"Straße", {"strasse"}},
      {"ㅋㅋ 좋아요", {"좋아", "아요", "ㅈㅇㅇ"}},
      {"Привет", {"привет"}},
      {"", {}},
      {"\"*NEAR(\x01\xff", {"near"}},
      {"i5-", {"i5", "5"}},
  };
  for (const IndexCase& test : cases) EXPECT_EQ(AnalyzeForIndex(test.text), test.terms) << test.text;
}

struct QueryCase {
  std::string_view text;
  Terms required;
  Terms optional;
  std::string_view normalized;
};

TEST(Analyzer, QueryTerms) {
  const QueryCase cases[] = {
      {"노트북", {"노트", "트북"}, {}, "노트북"},
      {"노트 북", {"노트", "트북"}, {}, "노트 북"},
      {"노트북가방", {"노트", "트북", "북가", "가방"}, {}, "노트북가방"},
      {"로동", {"노동"}, {}, "로동"},
      {"녀자 신발", {"여자", "자신", "신발"}, {}, "녀자 신발"},
      {"쌀", {"쌀"}, {}, "쌀"},
      {"ㄴㅌㅂ", {"ㄴㅌㅂ"}, {}, "ㄴㅌㅂ"},
      {"ㄳ", {"ㄱㅅ"}, {}, "ㄳ"},
      {"ㄴ", {}, {}, "ㄴ"},
      {"ㅏ", {}, {}, "ㅏ"},
      {"I5-8250U", {"i5", "8250u"}, {"i5-8250u"}, "i5-8250u"},
      {"노트북 i5", {"노트", "트북", "i5"}, {}, "노트북 i5"},
      {"  \"노트북\"  AND  NEAR(가방, 5) *",
       {"노트", "트북", "and", "near", "가방", "5"},
       {},
       "노트북 and near 가방 5"},
      {"", {}, {}, ""},
      {std::string_view("a\0b", 3), {"a", "b"}, {}, "a b"},
  };
  for (const QueryCase& test : cases) {
    AnalyzedQuery query = AnalyzeQuery(test.text);
    EXPECT_EQ(query.required, test.required) << test.text;
    EXPECT_EQ(query.optional, test.optional) << test.text;
    EXPECT_EQ(query.normalized, test.normalized) << test.text;
  }
}

TEST(Analyzer, WordTermsLeaveOutTheBigramsAcrossSpaces) {
  EXPECT_EQ(AnalyzeQuery("노트북 방수 가방").word_terms, (Terms{"노트", "트북", "방수", "가방"}));
  EXPECT_EQ(AnalyzeQuery("노트 북").word_terms, (Terms{"노트", "북"}));
  EXPECT_EQ(AnalyzeQuery("ㄴㅌㅂ i5-8250U 로동").word_terms, (Terms{"ㄴㅌㅂ", "i5", "8250u", "노동"}));
}

TEST(Analyzer, QueryTermsAreAlwaysIndexTermsOfTheSameText) {
  // Whatever the query side asks for, a listing whose name is that same text holds it.
  for (std::string_view text :
       {"노트북", "노트북 가방", "로동 신문", "i5-8250U 노트북", "A4용지", "태양광 패널 300W"}) {
    const Terms index = AnalyzeForIndex(text);
    for (const std::string& term : AnalyzeQuery(text).required) {
      EXPECT_NE(std::ranges::find(index, term), index.end()) << text << " → " << term;
    }
  }
}

TEST(Analyzer, HostileQueriesStaySmall) {
  const std::string long_query(5000, 'a');
  EXPECT_LE(AnalyzeQuery(long_query).required.size(), kMaxQueryTerms);
  std::string many_words;
  for (int word = 0; word < 1000; ++word) many_words += "가나다 ";
  EXPECT_LE(AnalyzeQuery(many_words).required.size(), kMaxQueryTerms);
  std::string binary;
  for (int byte = 0; byte < 256; ++byte) binary.push_back(static_cast<char>(byte));
  AnalyzeQuery(binary);
  AnalyzeForIndex(binary);
}

TEST(Analyzer, KeyboardCorrection) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"shxmqnr", "노트북"},   {"shxmqnr rkqkd", "노트북 가방"},
      {"tjdnf i5", "서울 i5"}, {"usb", ""},
      {"노트북", ""},          {"", ""},
      {"shxmqnr 노트북", ""},
  };
  for (const auto& [input, expected] : cases) EXPECT_EQ(KeyboardCorrectedQuery(input), expected) << input;
}

}  // namespace
}  // namespace manmulsang::search
