#include "listing_form.hpp"

#include <gtest/gtest.h>

namespace manmulsang::catalog {
namespace {

TEST(ListingFormTest, CountsAreDigitsWithThousandsCommas) {
  EXPECT_EQ(ParseFormCount("1,200"), 1200);
  EXPECT_EQ(ParseFormCount(" 7 "), 7);
  EXPECT_EQ(ParseFormCount("-1"), std::nullopt);
  EXPECT_EQ(ParseFormCount("1.5"), std::nullopt);
  EXPECT_EQ(ParseFormCount(""), std::nullopt);
  EXPECT_EQ(ParseFormCount("1234567890123"), std::nullopt);
}

TEST(ListingFormTest, PostedRowsBecomeTheInputAndEmptyRowsAreDropped) {
  const http::Form form = http::Form::Parse(
      "category=food&name=%EC%8C%80&price=40%2C000&currency=KPW&stock=3"
      "&variant_id=&variant_size=S&variant_colour=&variant_price=1000&variant_stock=2"
      "&variant_id=&variant_size=&variant_colour=&variant_price=&variant_stock=");
  const ListingForm typed = FormOf(form);
  ASSERT_EQ(typed.variants.size(), 1u);
  auto input = InputOfForm(typed);
  ASSERT_TRUE(input);
  EXPECT_EQ(input->name, "쌀");
  ASSERT_EQ(input->variants.size(), 1u);
  EXPECT_EQ(input->variants[0].size, "S");
  EXPECT_EQ(input->variants[0].stock, 2);
}

TEST(ListingFormTest, ANumberThatDoesNotReadNamesItsField) {
  ListingForm typed;
  typed.price = "lots";
  typed.stock = "1";
  EXPECT_EQ(InputOfForm(typed).error().field, "price");
  typed.price = "100";
  typed.variants.push_back({"", "M", "", "100", "many"});
  EXPECT_EQ(InputOfForm(typed).error().field, "variants[0].stock");
  typed.currency = "XXX";
  EXPECT_EQ(InputOfForm(typed).error().field, "currency");
}

}  // namespace
}  // namespace manmulsang::catalog
