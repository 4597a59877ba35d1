#include "brand_names.hpp"

#include <gtest/gtest.h>

namespace manmulsang::search {
namespace {

TEST(BrandRespelledQuery, SwapsListedBrandsBothWays) {
  EXPECT_EQ(BrandRespelledQuery("삼성 ssd"), "samsung ssd");
  EXPECT_EQ(BrandRespelledQuery("samsung 모니터"), "삼성 모니터");
  EXPECT_EQ(BrandRespelledQuery("레노보 노트북"), "lenovo 노트북");
  EXPECT_EQ(BrandRespelledQuery("lenovo 노트북"), "레노버 노트북");  // the first Korean spelling
  EXPECT_EQ(BrandRespelledQuery("로지텍 키보드 엘지"), "logitech 키보드 lg");
}

TEST(BrandRespelledQuery, LeavesOtherQueriesAlone) {
  EXPECT_EQ(BrandRespelledQuery("노트북 가방"), "");
  EXPECT_EQ(BrandRespelledQuery("삼성전자"), "");  // whole words only
  EXPECT_EQ(BrandRespelledQuery(""), "");
  EXPECT_EQ(BrandRespelledQuery("   "), "");
}

}  // namespace
}  // namespace manmulsang::search
