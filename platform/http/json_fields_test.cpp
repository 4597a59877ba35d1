#include "manmulsang/http/json_fields.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace manmulsang::http {
namespace {

const boost::json::object kBody = boost::json::parse(R"({"count": 3, "name": "쌀", "gift": true, "empty": null,
  "text_count": "3", "half": 1.5, "huge": 18446744073709551615, "word_flag": "yes"})")
                                      .as_object();

TEST(JsonFieldsTest, ReadsFieldsOfTheirType) {
  EXPECT_EQ(Int64Field(kBody, "count").value(), 3);
  EXPECT_EQ(StringField(kBody, "name").value(), "쌀");
  EXPECT_TRUE(BoolField(kBody, "gift").value());
  EXPECT_EQ(OptionalInt64Field(kBody, "count").value(), 3);
  EXPECT_EQ(OptionalStringField(kBody, "name").value(), "쌀");
  EXPECT_EQ(OptionalBoolField(kBody, "gift").value(), true);
}

TEST(JsonFieldsTest, RefusesAbsentAndMistypedFieldsNamingThem) {
  for (const std::string_view name : {"missing", "empty", "text_count", "half", "huge"}) {
    const auto read = Int64Field(kBody, name);
    ASSERT_FALSE(read) << name;
    EXPECT_EQ(read.error().status, Status::bad_request);
    EXPECT_EQ(read.error().code, "invalid_input");
    EXPECT_EQ(read.error().field, name);
  }
  EXPECT_EQ(StringField(kBody, "count").error().field, "count");
  EXPECT_EQ(BoolField(kBody, "word_flag").error().field, "word_flag");
  EXPECT_FALSE(StringField(kBody, "missing"));
  EXPECT_FALSE(BoolField(kBody, "missing"));
}

TEST(JsonFieldsTest, OptionalFieldsMayBeAbsentButNotMistyped) {
  EXPECT_EQ(OptionalInt64Field(kBody, "missing").value(), std::nullopt);
  EXPECT_EQ(OptionalStringField(kBody, "missing").value(), std::nullopt);
  EXPECT_EQ(OptionalBoolField(kBody, "missing").value(), std::nullopt);
  EXPECT_FALSE(OptionalInt64Field(kBody, "name"));
  EXPECT_FALSE(OptionalStringField(kBody, "empty"));
  EXPECT_EQ(OptionalBoolField(kBody, "count").error().field, "count");
}

TEST(JsonFieldsTest, PatchFieldsOverwriteWhenPresentAndKeepWhenAbsent) {
  std::int64_t count = 7;
  std::string name = "보리";
  ASSERT_TRUE(PatchInt64Field(kBody, "missing", count));
  ASSERT_TRUE(PatchStringField(kBody, "missing", name));
  EXPECT_EQ(count, 7);
  EXPECT_EQ(name, "보리");
  ASSERT_TRUE(PatchInt64Field(kBody, "count", count));
  ASSERT_TRUE(PatchStringField(kBody, "name", name));
  EXPECT_EQ(count, 3);
  EXPECT_EQ(name, "쌀");
}

TEST(JsonFieldsTest, PatchFieldsRefuseMistypedValuesAndKeepTheTarget) {
  std::int64_t count = 7;
  std::string name = "보리";
  const auto number = PatchInt64Field(kBody, "half", count, {.code = "invalid_field", .field = "price.amount"});
  ASSERT_FALSE(number);
  EXPECT_EQ(number.error().code, "invalid_field");
  EXPECT_EQ(number.error().field, "price.amount");
  EXPECT_EQ(PatchStringField(kBody, "empty", name).error().field, "empty");
  EXPECT_EQ(count, 7);
  EXPECT_EQ(name, "보리");
}

TEST(JsonFieldsTest, TheProblemCarriesTheCallersCodeAndPath) {
  const auto read = Int64Field(kBody, "half", {.code = "invalid_field", .field = "variants[2].stock"});
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().code, "invalid_field");
  EXPECT_EQ(read.error().field, "variants[2].stock");
}

}  // namespace
}  // namespace manmulsang::http
