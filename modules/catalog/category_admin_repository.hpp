#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "manmulsang/catalog/category_admin.hpp"
#include "manmulsang/catalog/product.hpp"
#include "manmulsang/db/database.hpp"

namespace manmulsang::catalog {

// The admins' writes to the category tree and the reads they check by, on the write connection.
class CategoryAdminRepository {
 public:
  // A category in the tree (not retired).
  static std::optional<Category> Find(db::Connection& connection, core::CategoryId id);
  // None when the slug is taken (by any category, retired ones too).
  static std::optional<core::CategoryId> Insert(db::Connection& connection, const NewCategory& category, int position);
  static void Rename(db::Connection& connection, core::CategoryId id, std::string_view name_ko,
                     std::string_view name_en);
  static void SetParent(db::Connection& connection, core::CategoryId id, std::optional<core::CategoryId> parent,
                        int position);
  static void SetPosition(db::Connection& connection, core::CategoryId id, int position);
  static void Restyle(db::Connection& connection, core::CategoryId id, std::string_view colour, std::string_view icon);
  // False when it was retired already.
  static bool Retire(db::Connection& connection, core::CategoryId id, std::int64_t now);
  // The children in the tree of parent (top categories for none), by position then id.
  static std::vector<core::CategoryId> Children(db::Connection& connection, std::optional<core::CategoryId> parent);
  // Listings (options not counted) in the category itself: active, and all but deleted ones.
  static std::int64_t CountListings(db::Connection& connection, core::CategoryId id, bool active_only);
  // The active listings in categories, by id after `after`, at most limit.
  static std::vector<core::ProductId> ActiveListingsIn(db::Connection& connection,
                                                       std::span<const core::CategoryId> categories,
                                                       core::ProductId after, std::int64_t limit);
  static void BumpTreeVersion(db::Connection& connection);
};

}  // namespace manmulsang::catalog
