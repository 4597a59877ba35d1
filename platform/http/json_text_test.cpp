#include "json_text.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include <limits>

namespace manmulsang::http {
namespace {

TEST(JsonTextTest, FractionsAreWrittenShortAndReadBackTheSame) {
  boost::json::value value = {{"average", 4.5},
                              {"zero", 0.0},
                              {"tenth", 0.1},
                              {"count", 49},
                              {"items", {1.25, "노트북 \"15\"\n", nullptr, true}},
                              {"nested", {{"x", -2.75}}}};
  const std::string text = JsonText(value);
  EXPECT_EQ(
      text,
      R"({"average":4.5,"zero":0.0,"tenth":0.1,"count":49,"items":[1.25,"노트북 \"15\"\n",null,true],"nested":{"x":-2.75}})");
  EXPECT_EQ(boost::json::parse(text), value);  // the same numbers come back
}

TEST(JsonTextTest, WhatJsonCannotHoldIsNull) {
  boost::json::value value = {{"nan", std::numeric_limits<double>::quiet_NaN()},
                              {"infinity", std::numeric_limits<double>::infinity()}};
  EXPECT_EQ(JsonText(value), R"({"nan":null,"infinity":null})");
}

TEST(JsonTextTest, KeysAreEscaped) {
  boost::json::object object;
  object["a\"b"] = 1;
  EXPECT_EQ(JsonText(object), R"({"a\"b":1})");
}

}  // namespace
}  // namespace manmulsang::http
