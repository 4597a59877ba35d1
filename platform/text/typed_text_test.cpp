#include "manmulsang/text/typed_text.hpp"

#include <gtest/gtest.h>

#include <string>

namespace manmulsang::text {
namespace {

constexpr TypedTextLimits kLine{.minimum = 1, .maximum = 10, .multiline = false};
constexpr TypedTextLimits kLines{.minimum = 0, .maximum = 10, .multiline = true};

TEST(TypedText, KeepsWhatPeopleTypeInNfcAndTrimmed) {
  EXPECT_EQ(CleanTypedText("  만물상 \u3000", kLine), "만물상");
  // Loose jamo (as macOS and some IMEs send them) become the one syllable.
  EXPECT_EQ(CleanTypedText("\u1112\u1161\u11AB", kLine), "한");
  EXPECT_EQ(CleanTypedText("첫 줄\r\n둘째\t줄\r\n", kLines), "첫 줄\n둘째\t줄");
}

TEST(TypedText, CountsCodePointsNotBytes) {
  EXPECT_EQ(CleanTypedText("가나다라마바사아자차", kLine), "가나다라마바사아자차");
  EXPECT_EQ(CleanTypedText("가나다라마바사아자차카", kLine), std::nullopt);
  EXPECT_EQ(CleanTypedText("   ", kLine), std::nullopt);  // blank is below the minimum of one
  EXPECT_EQ(CleanTypedText("", kLines), "");
  // Far too long is refused on its bytes, before any normalisation.
  EXPECT_EQ(CleanTypedText(std::string(1 << 20, 'a'), kLines), std::nullopt);
}

TEST(TypedText, RefusesLineBreaksAndTabsInOneLineText) {
  EXPECT_EQ(CleanTypedText("두\n줄", kLine), std::nullopt);
  EXPECT_EQ(CleanTypedText("두\r줄", kLine), std::nullopt);
  EXPECT_EQ(CleanTypedText("탭\t이름", kLine), std::nullopt);
}

TEST(TypedText, RefusesControlsAndCharactersThatHideOrReorderText) {
  for (const std::string text : {std::string("a\0b", 3), std::string("a\x1b[31mb"), std::string("a\x7f"),
                                 std::string("a\u0085b"), std::string("a\u2028b"), std::string("a\u2029b"),
                                 std::string("a\u202Eb"), std::string("a\u2066b"), std::string("a\uFEFFb")}) {
    EXPECT_EQ(CleanTypedText(text, kLines), std::nullopt) << text;
  }
  EXPECT_EQ(CleanTypedText("\xff\xfe", kLines), std::nullopt);  // broken UTF-8
}

}  // namespace
}  // namespace manmulsang::text
