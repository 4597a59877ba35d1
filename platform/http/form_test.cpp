#include "manmulsang/http/form.hpp"

#include <gtest/gtest.h>

#include <random>

#include "manmulsang/http/multipart.hpp"

namespace manmulsang::http {
namespace {

TEST(FormTest, DecodesNamesValuesPlusAndEscapes) {
  const Form form = Form::Parse("name=%ED%95%9C%EA%B8%80+%EC%83%81%EC%A0%90&q=a%2Bb&empty=&flag");
  EXPECT_EQ(form.GetOr("name"), "한글 상점");
  EXPECT_EQ(form.GetOr("q"), "a+b");
  ASSERT_TRUE(form.Get("empty"));
  EXPECT_EQ(*form.Get("empty"), "");
  ASSERT_TRUE(form.Get("flag"));
  EXPECT_FALSE(form.Get("missing"));
  EXPECT_EQ(form.GetOr("missing", "fallback"), "fallback");
}

TEST(FormTest, KeepsRepeatedFieldsInOrder) {
  const Form form = Form::Parse("tag=a&tag=b&&tag=c");
  EXPECT_EQ(form.GetAll("tag"), (std::vector<std::string_view>{"a", "b", "c"}));
  EXPECT_EQ(form.GetOr("tag"), "a");
  EXPECT_EQ(form.fields().size(), 3u);
}

TEST(FormTest, MalformedEscapesStayLiteral) {
  const Form form = Form::Parse("a=100%&b=%zz&c=%4&d=%%41&e==x=y");
  EXPECT_EQ(form.GetOr("a"), "100%");
  EXPECT_EQ(form.GetOr("b"), "%zz");
  EXPECT_EQ(form.GetOr("c"), "%4");
  EXPECT_EQ(form.GetOr("d"), "%A");
  EXPECT_EQ(form.GetOr("e"), "=x=y");
}

TEST(FormTest, SurvivesHostileBytes) {
  std::mt19937 random(42);
  for (int round = 0; round < 2000; ++round) {
    std::string input(random() % 64, '\0');
    for (char& character : input) {
      static constexpr char kAlphabet[] = {'%', '&', '=', '+', 'A', 'f', '0', '\0', '\xff', '\x80', ';'};
      character = random() % 3 == 0 ? static_cast<char>(random()) : kAlphabet[random() % sizeof kAlphabet];
    }
    const Form form = Form::Parse(input);
    for (const auto& [name, value] : form.fields()) {
      EXPECT_LE(name.size() + value.size(), input.size());
    }
    PercentDecode(input, true);
    DecodePath(input);
  }
}

TEST(FormTest, CapsTheNumberOfFields) {
  std::string input;
  for (int index = 0; index < 20000; ++index) input += "a=1&";
  EXPECT_EQ(Form::Parse(input).fields().size(), Form::kMaxFields);
}

TEST(FormTest, PercentEncodeRoundTrips) {
  const std::string text = "노트북 & 가방/100% ~ok";
  const std::string encoded = PercentEncode(text);
  EXPECT_EQ(encoded.find(' '), std::string::npos);
  EXPECT_EQ(encoded.find('&'), std::string::npos);
  EXPECT_EQ(PercentDecode(encoded, false), text);
  EXPECT_EQ(PercentEncode("a-b_c.d~e"), "a-b_c.d~e");
}

TEST(FormTest, DecodePathIsStrict) {
  EXPECT_EQ(DecodePath("/p/%EB%85%B8"), "/p/노");
  EXPECT_EQ(DecodePath("/a+b"), "/a+b");
  EXPECT_FALSE(DecodePath("/bad%"));
  EXPECT_FALSE(DecodePath("/bad%4"));
  EXPECT_FALSE(DecodePath("/bad%zz"));
  EXPECT_FALSE(DecodePath("/nul%00"));
  EXPECT_FALSE(DecodePath(std::string_view("/raw\0nul", 8)));
}

TEST(MultipartTest, ParsesFieldsAndFiles) {
  const std::string body =
      "preamble\r\n"
      "--XyZ\r\n"
      "Content-Disposition: form-data; name=\"title\"\r\n"
      "\r\n"
      "노트북\r\n"
      "--XyZ\r\n"
      "Content-Disposition: form-data; name=\"image\"; filename=\"a \\\"b\\\".png\"\r\n"
      "Content-Type: image/png\r\n"
      "\r\n"
      "\x89PNG\r\n--not-the-boundary\r\n"
      "--XyZ--\r\n"
      "epilogue";
  const auto boundary = MultipartBoundary("multipart/form-data; boundary=XyZ");
  ASSERT_TRUE(boundary);
  const auto parts = ParseMultipart(body, *boundary);
  ASSERT_TRUE(parts);
  ASSERT_EQ(parts->size(), 2u);
  EXPECT_EQ((*parts)[0].name, "title");
  EXPECT_EQ((*parts)[0].data, "노트북");
  EXPECT_FALSE((*parts)[0].is_file);
  EXPECT_EQ((*parts)[1].name, "image");
  EXPECT_EQ((*parts)[1].file_name, "a \"b\".png");
  EXPECT_EQ((*parts)[1].content_type, "image/png");
  EXPECT_EQ((*parts)[1].data, "\x89PNG\r\n--not-the-boundary");
  EXPECT_TRUE((*parts)[1].is_file);
}

TEST(MultipartTest, RejectsBrokenBodies) {
  EXPECT_FALSE(MultipartBoundary("application/x-www-form-urlencoded"));
  EXPECT_FALSE(MultipartBoundary("multipart/form-data"));
  EXPECT_TRUE(MultipartBoundary("Multipart/Form-Data; charset=utf-8; boundary=\"q u\""));
  EXPECT_FALSE(ParseMultipart("--b\r\nContent-Disposition: form-data; name=a\r\n\r\nno end", "b"));
  EXPECT_FALSE(ParseMultipart("no delimiter at all", "b"));
  EXPECT_FALSE(ParseMultipart("--b\r\nheader without colon\r\n\r\nx\r\n--b--", "b"));
  EXPECT_TRUE(ParseMultipart("--b--\r\n", "b"));
}

}  // namespace
}  // namespace manmulsang::http
