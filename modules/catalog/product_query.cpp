#include <array>
#include <utility>

#include "manmulsang/catalog/catalog.hpp"

namespace manmulsang::catalog {
namespace {

constexpr std::array<std::pair<ProductSort, std::string_view>, 5> kSortNames = {{
    {ProductSort::relevance, "relevance"},
    {ProductSort::price_asc, "price_asc"},
    {ProductSort::price_desc, "price_desc"},
    {ProductSort::newest, "newest"},
    {ProductSort::rating, "rating"},
}};

}  // namespace

std::string_view ErrorCode(CatalogError error) {
  switch (error) {
    case CatalogError::product_not_found:
      return "product_not_found";
    case CatalogError::category_not_found:
      return "category_not_found";
    case CatalogError::invalid_query:
      break;
  }
  return "invalid_query";
}

std::optional<std::string_view> FirstInvalidField(const ProductQuery& query) {
  if (query.text.size() > kMaxQueryText) return "q";
  if (query.min_price && *query.min_price < 0) return "min_price";
  if (query.max_price && *query.max_price < 0) return "max_price";
  if (query.min_price && query.max_price && *query.min_price > *query.max_price) return "max_price";
  if (query.page < 1 || query.page > (query.text.empty() ? kMaxPage : kMaxSearchPage)) return "page";
  if (query.per_page < 1 || query.per_page > kMaxPerPage) return "per_page";
  return std::nullopt;
}

std::string_view ProductSortName(ProductSort sort) {
  for (const auto& [value, name] : kSortNames) {
    if (value == sort) return name;
  }
  return "relevance";
}

std::optional<ProductSort> ParseProductSort(std::string_view name) {
  for (const auto& [value, known] : kSortNames) {
    if (known == name) return value;
  }
  return std::nullopt;
}

}  // namespace manmulsang::catalog
