#include "manmulsang/http/request_parameters.hpp"

#include <gtest/gtest.h>

#include "test_requests.hpp"

namespace manmulsang::http {
namespace {

using testing::MakeRequest;

TEST(RequestParametersTest, PositiveIdsAreDigitsAboveZeroOnly) {
  EXPECT_EQ(ParsePositiveId("123"), 123);
  EXPECT_EQ(ParsePositiveId("9223372036854775807"), 9'223'372'036'854'775'807);
  for (std::string_view bad : {"", "0", "-1", "+1", " 1", "1 ", "1a", "0x10", "9223372036854775808", "1.0"}) {
    EXPECT_FALSE(ParsePositiveId(bad).has_value()) << bad;
  }
}

TEST(RequestParametersTest, ListPagesTakeDefaultsAndRefuseWhatIsOutOfRange) {
  auto plain = ParseListPage(MakeRequest(Method::get, "/api/v1/orders"));
  ASSERT_TRUE(plain.has_value());
  EXPECT_EQ(plain->page, 1);
  EXPECT_EQ(plain->per_page, 20);
  auto given = ParseListPage(MakeRequest(Method::get, "/x?page=3&per_page=50"), 24);
  ASSERT_TRUE(given.has_value());
  EXPECT_EQ(given->page, 3);
  EXPECT_EQ(given->per_page, 50);
  EXPECT_EQ(ParseListPage(MakeRequest(Method::get, "/x"), 24)->per_page, 24);
  for (std::string_view target :
       {"/x?page=0", "/x?per_page=101", "/x?page=abc", "/x?page=-2", "/x?page=100001", "/x?per_page=", "/x?page=1e3"}) {
    EXPECT_FALSE(ParseListPage(MakeRequest(Method::get, target)).has_value()) << target;
  }
}

}  // namespace
}  // namespace manmulsang::http
