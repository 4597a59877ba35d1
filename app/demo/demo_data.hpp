#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace manmulsang::demo {

// How the demo makes products of one subcategory: name = brand + kind + one value of each option
// axis ("대동강 단결정 태양광 패널 300W 24V"). Option values are listed from small to large, and
// the price grows with the first axis.
struct ProductRecipe {
  std::string_view subcategory;  // category slug
  std::vector<std::string_view> brands;
  std::vector<std::string_view> kinds;
  std::vector<std::vector<std::string_view>> options;
  std::int64_t price_min = 0;  // KPW, whole won
  std::int64_t price_max = 0;
  double price_step = 0.3;                 // price × (1 + step × index of the first option)
  std::vector<std::string_view> features;  // description sentences
  bool imported = false;                   // some listings are priced in USD or CNY
  bool brand_last = false;                 // books: "title — publisher"
};

std::span<const ProductRecipe> ProductRecipes();

// Market rates, whole won per dollar and per yuan: imported goods are priced at them, and the
// demo sets them as the exchange rates, so those listings can be bought at what they cost.
inline constexpr std::int64_t kWonPerDollar = 8000;
inline constexpr std::int64_t kWonPerYuan = 1100;

// Shop names: a city, sometimes a district or a name, and a trade matching the top category.
std::span<const std::string_view> Cities();
std::span<const std::string_view> ShopNameParts();
std::span<const std::string_view> Trades(std::string_view top_category);
std::span<const std::string_view> Surnames();
std::span<const std::string_view> GivenNameSyllables();

}  // namespace manmulsang::demo
