#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "manmulsang/text/hangul.hpp"
#include "manmulsang/text/normalize.hpp"
#include "manmulsang/text/utf8.hpp"

namespace manmulsang::text {
namespace {

const std::string kReplacement = "\xEF\xBF\xBD";

struct Case {
  std::string_view input;
  std::string expected;
};

TEST(Utf8, ValidityTable) {
  const std::vector<std::pair<std::string_view, bool>> cases = {
      {"", true},
      {"hello", true},
      {"만물상", true},
      {"\xF0\x9F\x98\x80", true},   // 😀
      {"\xC0\xAF", false},          // overlong '/'
      {"\xE0\x80\xAF", false},      // overlong
      {"\xED\xA0\x80", false},      // surrogate U+D800
      {"\xF4\x90\x80\x80", false},  // above U+10FFFF
      {"\xEB\xA7", false},          // truncated 만
      {"\x80", false},              // lone continuation
      {"\xFF", false},
      {std::string_view("a\0b", 3), true},  // NUL is valid UTF-8
  };
  for (const auto& [input, valid] : cases) {
    EXPECT_EQ(IsValidUtf8(input), valid) << testing::PrintToString(std::string(input));
  }
}

TEST(Utf8, DecodeReplacesMaximalSubparts) {
  EXPECT_EQ(DecodeUtf8("만a"), std::u32string(U"만a"));
  EXPECT_EQ(DecodeUtf8("\xEB\xA7"), std::u32string(U"\uFFFD"));        // one truncated sequence
  EXPECT_EQ(DecodeUtf8("\xE0\x80"), std::u32string(U"\uFFFD\uFFFD"));  // E0 80 can never be valid
  EXPECT_EQ(DecodeUtf8("a\xFF"
                       "b"),
            std::u32string(U"a\uFFFDb"));
  EXPECT_EQ(DecodeUtf8("\xF0\x9F\x98"), std::u32string(U"\uFFFD"));
}

TEST(Utf8, EncodeRoundTripsAndRejectsSurrogates) {
  EXPECT_EQ(EncodeUtf8(U"만물상 😀"), "만물상 😀");
  EXPECT_EQ(EncodeUtf8(std::u32string(1, char32_t{0xD800})), kReplacement);
  EXPECT_EQ(EncodeUtf8(std::u32string(1, char32_t{0x110000})), kReplacement);
  EXPECT_EQ(SanitizeUtf8("ok\xC0"), "ok" + kReplacement);
  EXPECT_EQ(SanitizeUtf8("만물상"), "만물상");
}

TEST(Utf8, TruncateTable) {
  struct TruncateCase {
    std::string_view input;
    std::size_t limit;
    std::string_view ellipsis;
    std::string expected;
  };
  const std::vector<TruncateCase> cases = {
      {"만물상 노트북", 3, "", "만물상"},
      {"만물상 노트북", 4, "…", "만물상…"},
      {"만물상", 3, "…", "만물상"},  // fits: unchanged, no ellipsis
      {"만물상", 10, "…", "만물상"},
      {"abcdef", 1, "…", "a"},  // limit too small for the ellipsis
      {"abcdef", 0, "", ""},
      {"😀😀😀", 2, "", "😀😀"},
      {"\xEB\xA7\x8C\xEB\xAC", 5, "", "만" + kReplacement},  // broken tail sanitized
      {"", 3, "…", ""},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Truncate(c.input, c.limit, c.ellipsis), c.expected) << c.input << " / " << c.limit;
    EXPECT_TRUE(IsValidUtf8(Truncate(c.input, c.limit, c.ellipsis)));
  }
  EXPECT_EQ(CodePointCount("만물상 abc"), 7u);
}

TEST(Normalize, NfcTable) {
  const std::vector<Case> cases = {
      {"", ""},
      {"plain ascii", "plain ascii"},
      {"\u1112\u1161\u11AB\u1100\u1173\u11AF", "한글"},  // NFD jamo → syllables
      {"한글", "한글"},
      {"e\u0301", "\u00E9"},
      {"Cafe\u0301 노트북", "Caf\u00E9 노트북"},
      {"bad\xFF", "bad" + kReplacement},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(NormalizeNfc(c.input), c.expected) << c.input;
  }
}

TEST(Normalize, FoldCaseTable) {
  const std::vector<Case> cases = {
      {"Seller@Example.COM", "seller@example.com"},
      {"Straße", "strasse"},
      {"ÀÉÎ", "àéî"},
      {"노트북 ABC", "노트북 abc"},
      {"\u1112\u1161\u11AB", "한"},  // folded keys are NFC too
      {"\xC3", kReplacement},
      {"ΣΑΣ", "σασ"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(FoldCase(c.input), c.expected) << c.input;
  }
}

TEST(Normalize, TrimTable) {
  const std::vector<Case> cases = {
      {"  hello  ", "hello"},
      {"\t\r\n hi \n", "hi"},
      {"\u3000만물상\u3000", "만물상"},  // ideographic space
      {"\u00A0노트북\u00A0", "노트북"},
      {"\uFEFF\u200Bname\u200B", "name"},
      {"   ", ""},
      {"", ""},
      {"a b", "a b"},
      {" \xFF ", kReplacement},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Trim(c.input), c.expected) << c.input;
  }
}

TEST(Normalize, CollapseWhitespaceTable) {
  const std::vector<Case> cases = {
      {"  만물상   노트북 \n 가방 ", "만물상 노트북 가방"},
      {"a\t\tb\r\nc", "a b c"},
      {"\u3000a\u3000\u3000b", "a b"},
      {"", ""},
      {" \n ", ""},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(CollapseWhitespace(c.input), c.expected) << c.input;
  }
}

TEST(Hangul, Classification) {
  EXPECT_TRUE(IsHangulSyllable(U'가'));
  EXPECT_TRUE(IsHangulSyllable(U'힣'));
  EXPECT_TRUE(IsHangulSyllable(U'만'));
  EXPECT_FALSE(IsHangulSyllable(U'ㄱ'));
  EXPECT_FALSE(IsHangulSyllable(U'a'));
  EXPECT_FALSE(IsHangulSyllable(U'\uD7A4'));
  EXPECT_TRUE(IsCompatibilityJamo(U'ㄴ'));
  EXPECT_TRUE(IsConjoiningJamo(U'\u1100'));
  EXPECT_TRUE(IsHangul(U'ㅂ'));
  EXPECT_FALSE(IsHangul(U'漢'));
}

}  // namespace
}  // namespace manmulsang::text
