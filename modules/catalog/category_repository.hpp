#pragma once

#include <vector>

#include "manmulsang/catalog/product.hpp"
#include "manmulsang/db/database.hpp"

namespace manmulsang::catalog {

// The category tree's rows (written by migrations only).
class CategoryRepository {
 public:
  static std::vector<Category> LoadCategories(db::Connection& connection);
};

}  // namespace manmulsang::catalog
