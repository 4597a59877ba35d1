#include <gtest/gtest.h>

#include <string>

#include "manmulsang/text/characters.hpp"

namespace manmulsang::text {
namespace {

TEST(IsControlCharacter, CoversC0DelAndC1Only) {
  EXPECT_TRUE(IsControlCharacter(U'\0'));
  EXPECT_TRUE(IsControlCharacter(U'\n'));
  EXPECT_TRUE(IsControlCharacter(U'\x1F'));
  EXPECT_TRUE(IsControlCharacter(U'\x7F'));
  EXPECT_TRUE(IsControlCharacter(U'\x85'));
  EXPECT_TRUE(IsControlCharacter(U'\x9F'));
  EXPECT_FALSE(IsControlCharacter(U' '));
  EXPECT_FALSE(IsControlCharacter(U'~'));
  EXPECT_FALSE(IsControlCharacter(U'\xA0'));
  EXPECT_FALSE(IsControlCharacter(U'한'));
}

TEST(IsAsciiControl, LeavesTheBytesOfLongerCharactersAlone) {
  EXPECT_TRUE(IsAsciiControl('\t'));
  EXPECT_TRUE(IsAsciiControl('\x7F'));
  EXPECT_FALSE(IsAsciiControl(' '));
  // "한" is ED 95 9C: the 0x95 and 0x9C continuation bytes are not C1 controls.
  for (char byte : std::string("한")) EXPECT_FALSE(IsAsciiControl(byte));
}

TEST(HasControlCharacter, FindsControlsInUtf8UnlessAllowed) {
  EXPECT_FALSE(HasControlCharacter("만물상 노트북"));
  EXPECT_TRUE(HasControlCharacter("line\nbreak"));
  EXPECT_FALSE(HasControlCharacter("line\nbreak\tand tab", U"\n\t"));
  EXPECT_TRUE(HasControlCharacter("carriage\rreturn", U"\n\t"));
  EXPECT_TRUE(HasControlCharacter("del\x7F"));
  EXPECT_TRUE(HasControlCharacter("next line \xC2\x85"));  // U+0085 encoded
  EXPECT_FALSE(HasControlCharacter("broken \xFF byte"));   // U+FFFD, not a control
  EXPECT_FALSE(HasControlCharacter(""));
}

TEST(TrimAscii, RemovesOuterBlanksOnly) {
  EXPECT_EQ(TrimAscii("  gzip ;q=1\t"), "gzip ;q=1");
  EXPECT_EQ(TrimAscii("\r\n value \r\n"), "value");
  EXPECT_EQ(TrimAscii(" \t\r\n"), "");
  EXPECT_EQ(TrimAscii(""), "");
  EXPECT_EQ(TrimAscii("a b"), "a b");
  // Unicode white space is data here (Trim in normalize.hpp removes it from typed text).
  EXPECT_EQ(TrimAscii("\xE3\x80\x80x"), "\xE3\x80\x80x");
}

}  // namespace
}  // namespace manmulsang::text
