#pragma once

#include <cstdint>
#include <vector>

#include "manmulsang/catalog/product.hpp"
#include "manmulsang/db/database.hpp"

namespace manmulsang::catalog {

// The category tree's rows in the tree (admins' writes: category_admin_repository.hpp).
class CategoryRepository {
 public:
  static std::vector<Category> LoadCategories(db::Connection& connection);
  // Moves with every change to the tree, so that each node knows when to read it again.
  static std::int64_t TreeVersion(db::Connection& connection);
};

}  // namespace manmulsang::catalog
