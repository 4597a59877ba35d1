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

// A status as the store and the API spell it: "active", "hidden", "deleted".
std::string_view ProductStatusName(ProductStatus status);
std::optional<ProductStatus> ParseProductStatus(std::string_view name);

// One option of a listing (a size and colour with its own price and stock). It is stored as a
// products row whose parent is the listing, so the cart, checkout and orders handle it like any
// product; its name reads "<listing> (<size> / <colour>)" on order lines.
struct Variant {
  core::ProductId id;
  std::string size, colour;
  core::Money price;
  std::int64_t stock = 0;
};

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
  std::int64_t popularity = 0;      // paid units over 30 days, decayed by age (popularity_repository.hpp)
  std::vector<std::string> images;  // URLs
  // The same pictures in the list size (cards); an entry equals its images one when the picture
  // has one size only. Filled with images.
  std::vector<std::string> list_images;
  core::TimePoint created_at;
  // Set on an option's own row (checkout and cart see those): the listing it belongs to.
  std::optional<core::ProductId> parent;
  bool has_variants = false;  // a listing sold through its options only
  // The listing's options (filled by GetProduct and the listing reads; empty elsewhere). A
  // listing with options is bought through one of them: its stock is their sum and its price
  // the lowest of theirs.
  std::vector<Variant> variants;
  // An admin took the listing down for this reason (filled by the seller's listing reads only):
  // it stays hidden until an admin restores it.
  std::optional<std::string> take_down_reason;
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
// Text queries page through the best matches only (the search module's limit).
inline constexpr int kMaxSearchPage = 1000;
inline constexpr std::size_t kMaxQueryText = 200;  // bytes

struct ProductQuery {
  // Words to search for. Empty lists the category (or everything) in the chosen order; non-empty
  // goes through the search module's index (ranking, spelling folds, facets of every kind).
  std::string text;
  std::optional<core::CategoryId> category;  // with its whole subtree
  std::optional<core::SellerId> seller;
  std::optional<std::int64_t> min_price;  // minor units
  std::optional<std::int64_t> max_price;
  bool in_stock_only = false;
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

// A text query's matches per shop (the ten shops with most, most first).
struct ShopFacet {
  core::SellerId seller;
  std::string name;
  std::int64_t count = 0;
};

// A text query's matches per price range [min, max); the last range has no max. Every range is
// listed, empty ones too, so the links stay in the same place from query to query. The price
// filter is inclusive, so a link to this range asks for min_price=min&max_price=max-1.
struct PriceFacet {
  std::int64_t min = 0;  // minor units of the store's currency
  std::optional<std::int64_t> max;
  std::int64_t count = 0;
};

struct ProductPage {
  std::vector<Product> items;
  std::int64_t total = 0;
  int page = 1;
  int per_page = 24;
  // Each facet counts the matches with every other filter applied but its own, so its links can
  // widen the choice again.
  std::vector<FacetCount> category_facets;
  // Only for a text query:
  std::vector<ShopFacet> shop_facets;
  std::vector<PriceFacet> price_facets;
  // How the text was read when the literal words found nothing: the Hangul of Korean typed with
  // the keyboard in English mode (shxmqnr → 노트북) or a corrected spelling; empty when the
  // words were used as typed. Pages show it as "did you mean" / "showing results for".
  std::string interpreted_as;
  // No listing held every word; these hold most of them (노트북가방 → 노트북 파우치 가방).
  bool partial_match = false;
  // The text as trending counts it (folded case, NFC, single spaces); empty for no text.
  std::string normalized_query;
};

}  // namespace manmulsang::catalog
