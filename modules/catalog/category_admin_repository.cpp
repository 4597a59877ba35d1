#include "category_admin_repository.hpp"

#include <string>

#include "statement.hpp"

namespace manmulsang::catalog {
namespace {

constexpr std::string_view kFind =
    "SELECT id, parent_id, slug, name_ko, name_en, colour, icon, position FROM categories "
    "WHERE id = $1 AND retired_at IS NULL";
// The slug is UNIQUE: of two admins adding the same slug at once, the second inserts nothing.
constexpr std::string_view kInsert =
    "INSERT INTO categories (parent_id, slug, name_ko, name_en, colour, icon, position) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (slug) DO NOTHING RETURNING id";
constexpr std::string_view kRename = "UPDATE categories SET name_ko = $2, name_en = $3 WHERE id = $1";
constexpr std::string_view kSetParent = "UPDATE categories SET parent_id = $2, position = $3 WHERE id = $1";
constexpr std::string_view kSetPosition = "UPDATE categories SET position = $2 WHERE id = $1";
constexpr std::string_view kRestyle = "UPDATE categories SET colour = $2, icon = $3 WHERE id = $1";
constexpr std::string_view kRetire = "UPDATE categories SET retired_at = $2 WHERE id = $1 AND retired_at IS NULL";
constexpr std::string_view kChildren =
    "SELECT id FROM categories WHERE parent_id = $1 AND retired_at IS NULL ORDER BY position, id";
constexpr std::string_view kTopCategories =
    "SELECT id FROM categories WHERE parent_id IS NULL AND retired_at IS NULL ORDER BY position, id";
constexpr std::string_view kCountAll =
    "SELECT COUNT(*) FROM products WHERE category_id = $1 AND parent_id IS NULL AND status <> 'deleted'";
constexpr std::string_view kCountActive =
    "SELECT COUNT(*) FROM products WHERE category_id = $1 AND parent_id IS NULL AND status = 'active'";
constexpr std::string_view kActiveListingsIn =
    "SELECT id FROM products WHERE status = 'active' AND parent_id IS NULL AND id > $? AND category_id IN (";
constexpr std::string_view kActiveListingsOrder = ") ORDER BY id";
constexpr std::string_view kBumpTreeVersion = "UPDATE category_tree_version SET version = version + 1 WHERE id = 1";

db::Parameter OptionalId(std::optional<core::CategoryId> id) {
  if (id) return id->value;
  return nullptr;
}

}  // namespace

std::optional<Category> CategoryAdminRepository::Find(db::Connection& connection, core::CategoryId id) {
  auto row = connection.QueryOne(kFind, {id.value});
  if (!row) return std::nullopt;
  Category category;
  category.id = core::CategoryId{row->Int(0)};
  if (auto parent = row->OptionalInt(1)) category.parent = core::CategoryId{*parent};
  category.slug = row->Text(2);
  category.name_ko = row->Text(3);
  category.name_en = row->Text(4);
  category.colour = row->Text(5);
  category.icon = row->Text(6);
  category.position = static_cast<int>(row->Int(7));
  return category;
}

std::optional<core::CategoryId> CategoryAdminRepository::Insert(db::Connection& connection, const NewCategory& category,
                                                                int position) {
  auto row = connection.QueryOne(
      kInsert, {OptionalId(category.parent), std::string_view(category.slug), std::string_view(category.name_ko),
                std::string_view(category.name_en), std::string_view(category.colour), std::string_view(category.icon),
                static_cast<std::int64_t>(position)});
  if (!row) return std::nullopt;
  return core::CategoryId{row->Int(0)};
}

void CategoryAdminRepository::Rename(db::Connection& connection, core::CategoryId id, std::string_view name_ko,
                                     std::string_view name_en) {
  connection.Execute(kRename, {id.value, name_ko, name_en});
}

void CategoryAdminRepository::SetParent(db::Connection& connection, core::CategoryId id,
                                        std::optional<core::CategoryId> parent, int position) {
  connection.Execute(kSetParent, {id.value, OptionalId(parent), static_cast<std::int64_t>(position)});
}

void CategoryAdminRepository::SetPosition(db::Connection& connection, core::CategoryId id, int position) {
  connection.Execute(kSetPosition, {id.value, static_cast<std::int64_t>(position)});
}

void CategoryAdminRepository::Restyle(db::Connection& connection, core::CategoryId id, std::string_view colour,
                                      std::string_view icon) {
  connection.Execute(kRestyle, {id.value, colour, icon});
}

bool CategoryAdminRepository::Retire(db::Connection& connection, core::CategoryId id, std::int64_t now) {
  return connection.Execute(kRetire, {id.value, now}) == 1;
}

std::vector<core::CategoryId> CategoryAdminRepository::Children(db::Connection& connection,
                                                                std::optional<core::CategoryId> parent) {
  std::vector<core::CategoryId> ids;
  const auto rows = parent ? connection.Query(kChildren, {parent->value}) : connection.Query(kTopCategories);
  for (const db::Row& row : rows) ids.push_back(core::CategoryId{row.Int(0)});
  return ids;
}

std::int64_t CategoryAdminRepository::CountListings(db::Connection& connection, core::CategoryId id, bool active_only) {
  auto row = connection.QueryOne(active_only ? kCountActive : kCountAll, {id.value});
  return row ? row->Int(0) : 0;
}

std::vector<core::ProductId> CategoryAdminRepository::ActiveListingsIn(db::Connection& connection,
                                                                       std::span<const core::CategoryId> categories,
                                                                       core::ProductId after, std::int64_t limit) {
  std::vector<core::ProductId> ids;
  if (categories.empty()) return ids;
  Statement statement(std::string_view{});
  statement.Append(kActiveListingsIn, after.value).AppendIdList(categories).Append(kActiveListingsOrder);
  statement.Append(kLimit, limit);
  for (const db::Row& row : connection.Query(statement.sql(), statement.parameters())) {
    ids.push_back(core::ProductId{row.Int(0)});
  }
  return ids;
}

void CategoryAdminRepository::BumpTreeVersion(db::Connection& connection) { connection.Execute(kBumpTreeVersion); }

}  // namespace manmulsang::catalog
