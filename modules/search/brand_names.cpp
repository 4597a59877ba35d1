#include "brand_names.hpp"

#include <array>
#include <utility>

namespace manmulsang::search {
namespace {

// Korean spelling, Latin spelling (lower case, as normalised queries are). Several Korean
// spellings may lead to one Latin name; the first one listed is the one a Latin word becomes.
constexpr std::array<std::pair<std::string_view, std::string_view>, 34> kBrands = {{
    {"삼성", "samsung"},       {"엘지", "lg"},          {"레노버", "lenovo"},       {"레노보", "lenovo"},
    {"에이수스", "asus"},      {"아수스", "asus"},      {"에이서", "acer"},         {"화웨이", "huawei"},
    {"로지텍", "logitech"},    {"킹스톤", "kingston"},  {"캐논", "canon"},          {"엡손", "epson"},
    {"도시바", "toshiba"},     {"씨게이트", "seagate"}, {"기가바이트", "gigabyte"}, {"샌디스크", "sandisk"},
    {"하이얼", "haier"},       {"보쉬", "bosch"},       {"마키타", "makita"},       {"하이닉스", "hynix"},
    {"인텔", "intel"},         {"라이젠", "ryzen"},     {"갤럭시", "galaxy"},       {"에이포텍", "a4tech"},
    {"소니", "sony"},          {"애플", "apple"},       {"샤오미", "xiaomi"},       {"필립스", "philips"},
    {"파나소닉", "panasonic"}, {"델", "dell"},          {"에이치피", "hp"},         {"미디아", "midea"},
    {"그로와트", "growatt"},   {"징코", "jinko"},
}};

std::string_view OtherSpelling(std::string_view word) {
  for (const auto& [korean, latin] : kBrands) {
    if (word == korean) return latin;
  }
  for (const auto& [korean, latin] : kBrands) {
    if (word == latin) return korean;
  }
  return {};
}

}  // namespace

std::string BrandRespelledQuery(std::string_view normalized_query) {
  std::string respelled;
  bool changed = false;
  std::size_t start = 0;
  while (start < normalized_query.size()) {
    std::size_t end = normalized_query.find(' ', start);
    if (end == std::string_view::npos) end = normalized_query.size();
    const std::string_view word = normalized_query.substr(start, end - start);
    if (!word.empty()) {
      if (!respelled.empty()) respelled.push_back(' ');
      const std::string_view other = OtherSpelling(word);
      respelled += other.empty() ? word : other;
      changed = changed || !other.empty();
    }
    start = end + 1;
  }
  return changed ? respelled : std::string();
}

}  // namespace manmulsang::search
