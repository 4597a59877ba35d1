#include "category_repository.hpp"

#include <string_view>
#include <utility>

namespace manmulsang::catalog {
namespace {

// A retired category has left the tree (0007_shop_suspension_and_category_admin.sql).
constexpr std::string_view kLoadCategories =
    "SELECT id, parent_id, slug, name_ko, name_en, colour, icon, position FROM categories WHERE retired_at IS NULL";
constexpr std::string_view kTreeVersion = "SELECT version FROM category_tree_version WHERE id = 1";

}  // namespace

std::vector<Category> CategoryRepository::LoadCategories(db::Connection& connection) {
  std::vector<Category> categories;
  for (const db::Row& row : connection.Query(kLoadCategories)) {
    Category category;
    category.id = core::CategoryId{row.Int(0)};
    if (auto parent = row.OptionalInt(1)) category.parent = core::CategoryId{*parent};
    category.slug = row.Text(2);
    category.name_ko = row.Text(3);
    category.name_en = row.Text(4);
    category.colour = row.Text(5);
    category.icon = row.Text(6);
    category.position = static_cast<int>(row.Int(7));
    categories.push_back(std::move(category));
  }
  return categories;
}

std::int64_t CategoryRepository::TreeVersion(db::Connection& connection) {
  auto row = connection.QueryOne(kTreeVersion);
  return row ? row->Int(0) : 0;
}

}  // namespace manmulsang::catalog
