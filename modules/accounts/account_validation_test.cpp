#include "account_validation.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace manmulsang::accounts {
namespace {

TEST(NormaliseEmailTest, TrimsFoldsCaseAndComposes) {
  EXPECT_EQ(NormaliseEmail("  Kim.Cheolsu@Example.COM \t").value(), "kim.cheolsu@example.com");
  // Ideographic space (U+3000) from a Korean IME is trimmed too.
  EXPECT_EQ(NormaliseEmail("\xE3\x80\x80user@shop.kp\xE3\x80\x80").value(), "user@shop.kp");
  // Decomposed Hangul (NFD) and precomposed (NFC) are the same address.
  EXPECT_EQ(NormaliseEmail("\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB@mail.kp").value(), "\xED\x95\x9C@mail.kp");
}

TEST(NormaliseEmailTest, RejectsImplausibleAddresses) {
  const std::vector<std::string> bad_addresses = {"",
                                                  "   ",
                                                  "plain",
                                                  "@example.com",
                                                  "user@",
                                                  "user@localhost",
                                                  "user@example.c",
                                                  "user@@example.com",
                                                  "us er@example.com",
                                                  "user@exa mple.com",
                                                  "user@.example.com",
                                                  "user@example..com",
                                                  ".user@example.com",
                                                  "user.@example.com",
                                                  "a..b@example.com",
                                                  "user@-example.com",
                                                  "user@example.123",
                                                  "<user>@example.com",
                                                  "user@exam_ple.com",
                                                  "user\n@example.com",
                                                  std::string("user\0@example.com", 17),
                                                  "\xFF@example.com"};
  for (const std::string& bad : bad_addresses) {
    EXPECT_EQ(NormaliseEmail(bad).error(), AccountError::invalid_email) << bad;
  }
  EXPECT_FALSE(NormaliseEmail(std::string(64, 'a') + "b@example.com"));
  EXPECT_TRUE(NormaliseEmail(std::string(64, 'a') + "@example.com"));
  EXPECT_FALSE(NormaliseEmail("a@" + std::string(250, 'b') + ".com"));  // over 254 bytes
  EXPECT_FALSE(NormaliseEmail(std::string(100000, 'a')));
}

TEST(NormaliseNameTest, TrimsAndCountsCodePoints) {
  EXPECT_EQ(NormaliseName("  김철수 ").value(), "김철수");
  std::string sixty;
  for (int index = 0; index < 60; ++index) sixty += "가";
  EXPECT_TRUE(NormaliseName(sixty));
  EXPECT_EQ(NormaliseName(sixty + "가").error(), AccountError::invalid_name);
  EXPECT_EQ(NormaliseName("   ").error(), AccountError::invalid_name);
  EXPECT_EQ(NormaliseName("").error(), AccountError::invalid_name);
}

TEST(NormaliseNameTest, RejectsControlAndBidiCharacters) {
  const std::vector<std::string> bad_names = {
      "Kim\nCheolsu", "Kim\tCheolsu", "Kim\x7FLee", "Kim\xC2\x85Lee", "evil\xE2\x80\xAEgnp.exe", "bad\xFFutf8"};
  for (const std::string& bad : bad_names) {
    EXPECT_EQ(NormaliseName(bad).error(), AccountError::invalid_name) << bad;
  }
}

TEST(CheckPasswordTest, CountsCodePointsNotBytes) {
  EXPECT_EQ(CheckPassword("short").error(), AccountError::password_too_short);
  EXPECT_EQ(CheckPassword("123456789").error(), AccountError::password_too_short);
  EXPECT_TRUE(CheckPassword("1234567890"));
  // Nine Hangul syllables are 27 bytes but only nine characters.
  EXPECT_EQ(CheckPassword("가나다라마바사아자").error(), AccountError::password_too_short);
  EXPECT_TRUE(CheckPassword("가나다라마바사아자차"));
  EXPECT_TRUE(CheckPassword(std::string(1024, 'x')));
  EXPECT_EQ(CheckPassword(std::string(1025, 'x')).error(), AccountError::password_too_long);
}

}  // namespace
}  // namespace manmulsang::accounts
