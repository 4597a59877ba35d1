#pragma once

#include <string_view>

namespace manmulsang::catalog {

enum class CatalogError {
  product_not_found,   // 404
  category_not_found,  // 404
  invalid_query,       // 400: page/per_page/price out of range
};

std::string_view ErrorCode(CatalogError error);

}  // namespace manmulsang::catalog
