// The demo's people and shops: the cities they are in, the words shop names are made of, the
// trade names per top category, and Korean surnames and given-name syllables. The listings'
// recipes are in demo_data.cpp.
#include <array>
#include <utility>

#include "demo/demo_data.hpp"

namespace manmulsang::demo {
namespace {

constexpr std::array<std::string_view, 16> kCities = {"평양", "남포",   "신의주", "함흥", "청진", "원산",
                                                      "개성", "사리원", "해주",   "강계", "혜산", "평성",
                                                      "순천", "김책",   "라선",   "안주"};

constexpr std::array<std::string_view, 16> kShopNameParts = {"",     "",       "",     "중앙",    "대동강", "모란봉",
                                                             "새날", "해맞이", "은덕", "광복",    "련못",   "창광",
                                                             "락원", "보통문", "제일", "통일거리"};

constexpr std::array<std::pair<std::string_view, std::array<std::string_view, 3>>, 12> kTrades = {{
    {"clothing", {"옷상점", "피복상점", "의류판매소"}},
    {"cosmetics", {"화장품상점", "미용품상점", "화장품판매소"}},
    {"computers", {"전자상점", "컴퓨터봉사소", "정보기술상점"}},
    {"solar", {"태양광상점", "에너지상점", "태양빛전지상점"}},
    {"food", {"식료품상점", "식품상점", "특산물상점"}},
    {"shoes", {"신발상점", "구두상점", "신발판매소"}},
    {"bags", {"가방상점", "가방판매소", "여행용품상점"}},
    {"appliances", {"가전제품상점", "전기제품상점", "가정용품상점"}},
    {"household", {"생활용품상점", "백화상점", "살림용품상점"}},
    {"building", {"건재상점", "건축자재상점", "공구상점"}},
    {"books", {"서점", "책방", "도서판매소"}},
    {"medicine", {"약국", "의약품상점", "고려약방"}},
}};

constexpr std::array<std::string_view, 30> kSurnames = {"김", "리", "박", "최", "정", "강", "조", "윤", "장", "림",
                                                        "한", "오", "서", "신", "권", "황", "안", "송", "전", "홍",
                                                        "류", "고", "문", "량", "손", "배", "백", "허", "남", "로"};

constexpr std::array<std::string_view, 32> kGivenSyllables = {
    "철", "영", "명", "수", "혁", "성", "일", "광", "남", "순", "옥", "희", "금", "은", "향", "미",
    "경", "진", "호", "준", "혜", "정", "현", "주", "룡", "복", "춘", "학", "국", "선", "림", "설"};

}  // namespace

std::span<const std::string_view> Cities() { return kCities; }
std::span<const std::string_view> ShopNameParts() { return kShopNameParts; }
std::span<const std::string_view> Surnames() { return kSurnames; }
std::span<const std::string_view> GivenNameSyllables() { return kGivenSyllables; }

std::span<const std::string_view> Trades(std::string_view top_category) {
  for (const auto& [slug, names] : kTrades) {
    if (slug == top_category) return names;
  }
  return kTrades.front().second;
}

}  // namespace manmulsang::demo
