#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "manmulsang/core/clock.hpp"
#include "manmulsang/core/ids.hpp"
#include "manmulsang/core/money.hpp"

namespace manmulsang::catalog {

struct Category {
  core::CategoryId id;
  std::optional<core::CategoryId> parent;
  std::string slug;     // "computers", "computers-laptops"
  std::string name_ko;  // "컴퓨터"
  std::string name_en;  // "Computers"
  std::string colour;   // tile colour, "#2d89ef"
  std::string icon;     // icon file in web/static, "icon-computer.svg"
  int position = 0;
};

enum class ProductStatus { active, hidden, deleted };

struct Product {
  core::ProductId id;
  core::SellerId seller;
  std::string seller_name;
  core::CategoryId category;
  std::string name;
  std::string description;
  core::Money price;
  std::int64_t stock = 0;
  ProductStatus status = ProductStatus::active;
  double rating_average = 0;
  std::int64_t rating_count = 0;
  std::int64_t popularity = 0;  // grows with views and sales
  std::vector<std::string> images;  // URLs
  core::TimePoint created_at;
};

struct NewProduct {
  core::SellerId seller;
  core::CategoryId category;
  std::string name;
  std::string description;
  core::Money price;
  std::int64_t stock = 0;
  std::vector<std::string> images;
  double rating_average = 0;
  std::int64_t rating_count = 0;
  std::int64_t popularity = 0;
  std::optional<core::TimePoint> created_at;  // the demo spreads listings over past months
};

enum class ProductSort { relevance, price_asc, price_desc, newest, rating };

inline constexpr int kMaxPerPage = 100;
inline constexpr int kMaxPage = 100000;
inline constexpr std::size_t kMaxQueryText = 200;  // bytes

struct ProductQuery {
  std::string text;                          // basic name search until the search module lands
  std::optional<core::CategoryId> category;  // with its whole subtree
  std::optional<core::SellerId> seller;
  std::optional<std::int64_t> min_price;     // minor units
  std::optional<std::int64_t> max_price;
  ProductSort sort = ProductSort::relevance;
  int page = 1;       // 1..kMaxPage
  int per_page = 24;  // 1..kMaxPerPage
};

// Matching products per category one level below the queried category (per top category when
// the query has none; the category itself when it has no children). Only non-zero counts.
struct FacetCount {
  std::string key;    // category slug
  std::string label;  // Korean name; the caller picks another language from the category
  std::int64_t count = 0;
};

struct ProductPage {
  std::vector<Product> items;
  std::int64_t total = 0;
  int page = 1;
  int per_page = 24;
  std::vector<FacetCount> category_facets;
};

}  // namespace manmulsang::catalog
