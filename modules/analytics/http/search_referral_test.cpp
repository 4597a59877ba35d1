#include "manmulsang/analytics/http/search_referral.hpp"

#include <gtest/gtest.h>

#include <string>

namespace manmulsang::analytics {
namespace {

constexpr std::string_view kHost = "shop.example:8080";

std::string Of(std::string_view referer) { return SearchQueryOfReferer(referer, kHost); }

TEST(SearchReferralTest, TheWordsOfASameSiteSearch) {
  EXPECT_EQ(Of("http://shop.example:8080/search?q=%EB%85%B8%ED%8A%B8%EB%B6%81"), "노트북");
  EXPECT_EQ(Of("https://SHOP.example:8080/search?page=2&q=gaming+laptop&sort=price"), "gaming laptop");
  EXPECT_EQ(Of("/search?q=%EA%B0%80%EB%B0%A9"), "가방");
  EXPECT_EQ(Of("http://shop.example:8080/search?q=a%2Bb#results"), "a+b");
  // NFC, trimmed, inner white space and control characters folded to one space.
  EXPECT_EQ(Of("http://shop.example:8080/search?q=%E1%84%82%E1%85%A9%E1%84%90%E1%85%B3"), "노트");
  EXPECT_EQ(Of("http://shop.example:8080/search?q=++%E3%80%80red%0A%0D%09bag%E3%80%80"), "red bag");
}

TEST(SearchReferralTest, NothingFromOtherPagesOrNoWords) {
  EXPECT_EQ(Of(""), "");
  EXPECT_EQ(Of("http://shop.example:8080/"), "");
  EXPECT_EQ(Of("http://shop.example:8080"), "");
  EXPECT_EQ(Of("http://shop.example:8080/search"), "");
  EXPECT_EQ(Of("http://shop.example:8080/search?query=x"), "");
  EXPECT_EQ(Of("http://shop.example:8080/search?q="), "");
  EXPECT_EQ(Of("http://shop.example:8080/search?q=+++"), "");
  EXPECT_EQ(Of("http://shop.example:8080/searching?q=x"), "");
  EXPECT_EQ(Of("http://shop.example:8080/p/1?q=x"), "");
  EXPECT_EQ(Of("http://shop.example:8080/c/x/search?q=x"), "");
}

TEST(SearchReferralTest, OtherHostsAreNotOurSearches) {
  EXPECT_EQ(Of("http://evil.example/search?q=x"), "");
  EXPECT_EQ(Of("http://shop.example/search?q=x"), "");  // another port
  EXPECT_EQ(Of("http://shop.example:8080.evil/search?q=x"), "");
  EXPECT_EQ(Of("http://shop.example:8080@evil.example/search?q=x"), "");
  EXPECT_EQ(Of("//evil.example/search?q=x"), "");
  EXPECT_EQ(Of("ftp://shop.example:8080/search?q=x"), "");
  EXPECT_EQ(Of("javascript:alert(1)//search?q=x"), "");
  EXPECT_EQ(SearchQueryOfReferer("http://shop.example:8080/search?q=x", ""), "");  // no Host
}

TEST(SearchReferralTest, BrokenEncodingGivesNothing) {
  EXPECT_EQ(Of("http://shop.example:8080/search?q=%zz"), "");
  EXPECT_EQ(Of("http://shop.example:8080/search?q=abc%"), "");
  EXPECT_EQ(Of("http://shop.example:8080/search?q=abc%E"), "");
  EXPECT_EQ(Of("http://shop.example:8080/search?q=%00"), "");
  EXPECT_EQ(Of("http://shop.example:8080/search?q=%FF%FE"), "");  // not UTF-8
  EXPECT_EQ(Of("http://shop.example:8080/search?q=%C0%AF"), "");  // overlong
}

TEST(SearchReferralTest, HugeReferersAndWordsAreBounded) {
  std::string huge = "http://shop.example:8080/search?q=" + std::string(kMaxRefererBytes, 'a');
  EXPECT_EQ(Of(huge), "");
  // Long words are cut to the limit, never in the middle of a character.
  std::string words;
  for (int i = 0; i < 100; ++i) words += "%EA%B0%80";  // 가 is three bytes
  std::string query = Of("http://shop.example:8080/search?q=" + words);
  EXPECT_LE(query.size(), kMaxSearchQueryBytes);
  EXPECT_EQ(query.size(), kMaxSearchQueryBytes / 3 * 3);
  EXPECT_EQ(query.substr(0, 3), "가");
  std::string ascii(kMaxSearchQueryBytes + 50, 'b');
  EXPECT_EQ(Of("http://shop.example:8080/search?q=" + ascii), std::string(kMaxSearchQueryBytes, 'b'));
}

}  // namespace
}  // namespace manmulsang::analytics
