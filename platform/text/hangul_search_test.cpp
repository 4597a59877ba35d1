#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "manmulsang/text/dueum.hpp"
#include "manmulsang/text/initial_consonants.hpp"
#include "manmulsang/text/jamo.hpp"
#include "manmulsang/text/keyboard_layout.hpp"
#include "manmulsang/text/utf8.hpp"

namespace manmulsang::text {
namespace {

struct SyllableCase {
  char32_t syllable;
  SyllableJamo jamo;
};

TEST(Jamo, DecomposesAndComposesSyllables) {
  const SyllableCase cases[] = {
      {U'가', {U'ㄱ', U'ㅏ', 0}},     {U'힣', {U'ㅎ', U'ㅣ', U'ㅎ'}}, {U'한', {U'ㅎ', U'ㅏ', U'ㄴ'}},
      {U'닭', {U'ㄷ', U'ㅏ', U'ㄺ'}}, {U'값', {U'ㄱ', U'ㅏ', U'ㅄ'}}, {U'앉', {U'ㅇ', U'ㅏ', U'ㄵ'}},
      {U'많', {U'ㅁ', U'ㅏ', U'ㄶ'}}, {U'삶', {U'ㅅ', U'ㅏ', U'ㄻ'}}, {U'넓', {U'ㄴ', U'ㅓ', U'ㄼ'}},
      {U'외', {U'ㅇ', U'ㅚ', 0}},     {U'쀍', {U'ㅃ', U'ㅞ', U'ㄺ'}}, {U'의', {U'ㅇ', U'ㅢ', 0}},
      {U'꽃', {U'ㄲ', U'ㅗ', U'ㅊ'}}, {U'있', {U'ㅇ', U'ㅣ', U'ㅆ'}}, {U'읊', {U'ㅇ', U'ㅡ', U'ㄿ'}},
  };
  for (const SyllableCase& test : cases) {
    EXPECT_EQ(DecomposeSyllable(test.syllable), test.jamo) << EncodeUtf8(std::u32string(1, test.syllable));
    EXPECT_EQ(ComposeSyllable(test.jamo.initial, test.jamo.medial, test.jamo.final_consonant), test.syllable);
  }
}

TEST(Jamo, EverySyllableRoundTrips) {
  for (char32_t syllable = U'가'; syllable <= U'힣'; ++syllable) {
    auto jamo = DecomposeSyllable(syllable);
    ASSERT_TRUE(jamo);
    ASSERT_EQ(ComposeSyllable(jamo->initial, jamo->medial, jamo->final_consonant), syllable);
  }
}

TEST(Jamo, RejectsWhatIsNoSyllable) {
  EXPECT_FALSE(DecomposeSyllable(U'a'));
  EXPECT_FALSE(DecomposeSyllable(U'ㄱ'));
  EXPECT_FALSE(DecomposeSyllable(U'\uD7A4'));
  EXPECT_FALSE(ComposeSyllable(U'ㄳ', U'ㅏ'));         // compound is never an initial
  EXPECT_FALSE(ComposeSyllable(U'ㄱ', U'ㄴ'));         // consonant as vowel
  EXPECT_FALSE(ComposeSyllable(U'ㄱ', U'ㅏ', U'ㄸ'));  // ㄸ is never a final
  EXPECT_FALSE(ComposeSyllable(U'ㅏ', U'ㅏ'));
}

TEST(Jamo, CombinesAndSplitsCompounds) {
  EXPECT_EQ(CombineVowels(U'ㅗ', U'ㅏ'), U'ㅘ');
  EXPECT_EQ(CombineVowels(U'ㅡ', U'ㅣ'), U'ㅢ');
  EXPECT_EQ(CombineVowels(U'ㅜ', U'ㅔ'), U'ㅞ');
  EXPECT_FALSE(CombineVowels(U'ㅏ', U'ㅗ'));
  EXPECT_EQ(CombineFinals(U'ㄹ', U'ㄱ'), U'ㄺ');
  EXPECT_EQ(CombineFinals(U'ㅂ', U'ㅅ'), U'ㅄ');
  EXPECT_FALSE(CombineFinals(U'ㄱ', U'ㄱ'));
  EXPECT_EQ(SplitCompoundJamo(U'ㄺ'), (std::pair{U'ㄹ', U'ㄱ'}));
  EXPECT_EQ(SplitCompoundJamo(U'ㅘ'), (std::pair{U'ㅗ', U'ㅏ'}));
  EXPECT_FALSE(SplitCompoundJamo(U'ㄲ'));
  EXPECT_EQ(ToKeystrokeJamo(U"닭 과자"), U"ㄷㅏㄹㄱ ㄱㅗㅏㅈㅏ");
  EXPECT_EQ(ToKeystrokeJamo(U"ㅘa"), U"ㅗㅏa");
}

struct TextCase {
  std::string_view input;
  std::string_view expected;
};

TEST(InitialConsonants, OfWords) {
  const TextCase cases[] = {
      {"노트북", "ㄴㅌㅂ"},     {"가방", "ㄱㅂ"}, {"노트북 가방", "ㄴㅌㅂ ㄱㅂ"},
      {"갤럭시S7", "ㄱㄹㅅS7"}, {"꽃", "ㄲ"},     {"", ""},
      {"ㄴㅌ", "ㄴㅌ"},         {"abc", "abc"},
  };
  for (const TextCase& test : cases) EXPECT_EQ(InitialConsonants(test.input), test.expected) << test.input;
}

TEST(InitialConsonants, RecognisesInitialConsonantStrings) {
  const std::pair<std::string_view, bool> cases[] = {
      {"ㄴㅌㅂ", true},  {"ㄱ", true},  {"ㄲㅆ", true},   {"ㄳ", true},   {"", false},
      {"ㄴㅌ북", false}, {"ㅏ", false}, {"ㄴ ㅌ", false}, {"abc", false}, {"\xff", false},
  };
  for (const auto& [input, expected] : cases) EXPECT_EQ(IsInitialConsonantString(input), expected) << input;
  EXPECT_EQ(SplitInitialConsonants("ㄳㄴ"), "ㄱㅅㄴ");
  EXPECT_EQ(SplitInitialConsonants("ㄴㅌㅂ"), "ㄴㅌㅂ");
}

TEST(Dueum, FoldsNorthSpellingToSouth) {
  const TextCase cases[] = {
      {"로동", "노동"},
      {"노동", "노동"},
      {"리용", "이용"},
      {"이용", "이용"},
      {"녀자", "여자"},
      {"여자", "여자"},
      {"락원", "낙원"},
      {"낙원", "낙원"},
      {"량", "양"},
      {"양", "양"},
      {"력사", "역사"},
      {"래일", "내일"},
      {"료리", "요리"},
      {"류행", "유행"},
      {"로동 신문", "노동 신문"},
      {"공로동", "공로동"},
      {"생산량", "생산량"},
      {"(리용)", "(이용)"},
      {"nice 리용", "nice 이용"},
      {"가방", "가방"},
      {"", ""},
  };
  for (const TextCase& test : cases) EXPECT_EQ(FoldInitialSounds(test.input), test.expected) << test.input;
}

TEST(KeyboardLayout, LatinKeystrokesTypeHangul) {
  const TextCase cases[] = {
      {"shxmqnr", "노트북"},
      {"dkssud", "안녕"},
      {"rkqkd", "가방"},
      {"tjdnf", "서울"},
      {"ghkwkdvna", "화장품"},
      {"dmlfb", "의류"},
      {"ekfr", "닭"},
      {"ekfrdl", "닭이"},
      {"ekfrl", "달기"},
      {"qkfqrl", "밟기"},
      {"Qkd", "빵"},
      {"Tkf", "쌀"},
      {"RhcTl", "꽃씨"},
      {"Ekfrl", "딸기"},
      {"dhkswjs", "완전"},
      {"gkswhl", "한죄"},
      {"SHXMQNR", "노트뿎"},
      {"shxmqnr rkqkd", "노트북 가방"},
      {"r", "ㄱ"},
      {"k", "ㅏ"},
      {"rr", "ㄱㄱ"},
      {"kk", "ㅏㅏ"},
      {"ab", "뮤"},
      {"abc1", "뮻1"},
      {"", ""},
      {"노트북", "노트북"},
      {"dkssud!", "안녕!"},
      {"dPwjd", "예정"},
  };
  for (const TextCase& test : cases) EXPECT_EQ(KeystrokesToHangul(test.input), test.expected) << test.input;
}

TEST(KeyboardLayout, HangulTypesBackToKeystrokes) {
  const TextCase cases[] = {
      {"노트북", "shxmqnr"}, {"안녕", "dkssud"}, {"닭", "ekfr"},          {"빵", "Qkd"},
      {"의류", "dmlfb"},     {"ㄴㅌㅂ", "sxq"},  {"A4 용지", "A4 dydwl"},
  };
  for (const TextCase& test : cases) {
    EXPECT_EQ(HangulToKeystrokes(test.input), test.expected) << test.input;
    EXPECT_EQ(KeystrokesToHangul(HangulToKeystrokes(test.input)), KeystrokesToHangul(test.expected));
  }
}

TEST(KeyboardLayout, TellsKoreanTypedInLatinFromLatinWords) {
  const std::pair<std::string_view, bool> cases[] = {
      {"shxmqnr", true}, {"dkssud", true}, {"tjdnf", true}, {"usb", false},  {"laptop", false},
      {"i5", false},     {"", false},      {"123", false},  {"qwer", false},
  };
  for (const auto& [input, expected] : cases) EXPECT_EQ(LooksLikeKoreanTypedInLatin(input), expected) << input;
}

}  // namespace
}  // namespace manmulsang::text
