// The category tree as admins manage it: add, rename, move, reorder, restyle and retire. Each
// change runs in one transaction with its audit entry and a new tree version (every node reads
// the tree again when the version moves); after the commit this node forgets its tree and
// counts, and the listings whose category path changed are indexed again (their category names
// are words of the index), a batch per transaction, so the writer is never held for long.

#include <algorithm>
#include <utility>

#include "catalog_service_impl.hpp"
#include "category_admin_repository.hpp"
#include "manmulsang/audit/audit.hpp"
#include "manmulsang/text/characters.hpp"
#include "manmulsang/text/normalize.hpp"
#include "manmulsang/text/utf8.hpp"

namespace manmulsang::catalog {
namespace {

constexpr std::int64_t kReindexBatch = 500;

using Refusal = std::unexpected<CategoryAdminError>;

bool IsAdmin(const core::Actor& actor) { return actor.signed_in() && actor.role == core::Role::admin; }

bool ValidSlug(std::string_view slug) {
  if (slug.size() < 2 || slug.size() > kMaxCategorySlug) return false;
  if (slug.front() == '-' || slug.back() == '-' || slug.find("--") != std::string_view::npos) return false;
  return std::ranges::all_of(slug, [](char character) {
    return (character >= 'a' && character <= 'z') || (character >= '0' && character <= '9') || character == '-';
  });
}

// A name in NFC, trimmed, 1..kMaxCategoryName code points, one line without control characters.
std::optional<std::string> CleanName(std::string_view raw) {
  if (!text::IsValidUtf8(raw) || raw.size() > kMaxCategoryName * 4 + 64) return std::nullopt;
  if (text::HasControlCharacter(raw)) return std::nullopt;
  std::string clean = text::Trim(text::NormalizeNfc(raw));
  const std::size_t length = text::CodePointCount(clean);
  if (length == 0 || length > kMaxCategoryName) return std::nullopt;
  return clean;
}

bool InPalette(std::string_view colour) {
  return std::ranges::find(kCategoryColours, colour) != kCategoryColours.end();
}
bool KnownIcon(std::string_view icon) { return std::ranges::find(kCategoryIcons, icon) != kCategoryIcons.end(); }

std::string ParentText(std::optional<core::CategoryId> parent) {
  return parent ? std::to_string(parent->value) : std::string("top");
}

void Record(db::Connection& connection, core::TimePoint now, const core::Actor& admin, std::string action,
            core::CategoryId id, std::string before, std::string after) {
  audit::RecordIn(connection, now,
                  audit::AuditEntry{*admin.user, std::move(action), "category", std::to_string(id.value),
                                    std::move(before), std::move(after), ""});
}

// Runs change in one write with the tree's version moved, then forgets this node's tree and counts
// and indexes again the active listings of the categories reindex names (their subtrees, in the
// new tree).
// Impl is deduced (CatalogService::Impl is private to the class, so it is never named here).
template <typename Result, typename Impl, typename Change>
std::expected<Result, CategoryAdminError> ChangeTree(Impl& impl, const core::Actor& admin, Change&& change,
                                                     bool reindex_listings,
                                                     std::optional<core::CategoryId> reindex_root) {
  if (!IsAdmin(admin)) return Refusal(CategoryAdminError::forbidden);
  const core::TimePoint now = impl.clock.Now();
  auto changed = impl.database.Write([&](db::Connection& connection) -> std::expected<Result, CategoryAdminError> {
    auto result = change(connection, now);
    if (result) CategoryAdminRepository::BumpTreeVersion(connection);
    return result;
  });
  if (!changed) return changed;
  impl.ForgetTree();
  impl.counts.Forget();
  if (reindex_listings && reindex_root && impl.search != nullptr) {
    const std::vector<core::CategoryId> subtree = impl.Tree().Subtree(*reindex_root);
    core::ProductId after{0};
    while (true) {
      // The body may run again (PostgreSQL retries it): the cursor moves after the commit.
      const auto [done, last] = impl.database.Write([&](db::Connection& connection) {
        const std::vector<core::ProductId> batch =
            CategoryAdminRepository::ActiveListingsIn(connection, subtree, after, kReindexBatch);
        for (core::ProductId id : batch) impl.Reindex(connection, id);
        return std::pair{static_cast<std::int64_t>(batch.size()), batch.empty() ? after : batch.back()};
      });
      after = last;
      if (done < kReindexBatch) break;
    }
  }
  return changed;
}

}  // namespace

std::expected<Category, CategoryAdminError> CatalogService::AddCategory(const core::Actor& admin,
                                                                        const NewCategory& category) {
  if (!IsAdmin(admin)) return Refusal(CategoryAdminError::forbidden);
  NewCategory clean = category;
  if (!ValidSlug(clean.slug)) return Refusal(CategoryAdminError::invalid_slug);
  auto name_ko = CleanName(category.name_ko);
  auto name_en = CleanName(category.name_en);
  if (!name_ko || !name_en) return Refusal(CategoryAdminError::invalid_name);
  clean.name_ko = *name_ko;
  clean.name_en = *name_en;
  if (!clean.colour.empty() && !InPalette(clean.colour)) return Refusal(CategoryAdminError::invalid_colour);
  if (!clean.icon.empty() && !KnownIcon(clean.icon)) return Refusal(CategoryAdminError::invalid_icon);
  if (!clean.parent && clean.colour.empty()) return Refusal(CategoryAdminError::invalid_colour);
  if (!clean.parent && clean.icon.empty()) return Refusal(CategoryAdminError::invalid_icon);
  return ChangeTree<Category>(
      *impl_, admin,
      [&](db::Connection& connection, core::TimePoint now) -> std::expected<Category, CategoryAdminError> {
        NewCategory row = clean;
        if (row.parent) {
          auto parent = CategoryAdminRepository::Find(connection, *row.parent);
          if (!parent) return Refusal(CategoryAdminError::invalid_parent);
          // A subcategory takes its parent's tile unless told otherwise.
          if (row.colour.empty()) row.colour = parent->colour;
          if (row.icon.empty()) row.icon = parent->icon;
        }
        const int position = static_cast<int>(CategoryAdminRepository::Children(connection, row.parent).size()) + 1;
        auto id = CategoryAdminRepository::Insert(connection, row, position);
        if (!id) return Refusal(CategoryAdminError::slug_taken);
        Record(connection, now, admin, "category.add", *id, "",
               row.slug + " " + row.name_ko + " / " + row.name_en + " under " + ParentText(row.parent));
        return *CategoryAdminRepository::Find(connection, *id);
      },
      false, std::nullopt);
}

std::expected<Category, CategoryAdminError> CatalogService::RenameCategory(const core::Actor& admin,
                                                                           core::CategoryId id,
                                                                           std::string_view name_ko,
                                                                           std::string_view name_en) {
  auto clean_ko = CleanName(name_ko);
  auto clean_en = CleanName(name_en);
  if (IsAdmin(admin) && (!clean_ko || !clean_en)) return Refusal(CategoryAdminError::invalid_name);
  return ChangeTree<Category>(
      *impl_, admin,
      [&](db::Connection& connection, core::TimePoint now) -> std::expected<Category, CategoryAdminError> {
        auto found = CategoryAdminRepository::Find(connection, id);
        if (!found) return Refusal(CategoryAdminError::category_not_found);
        CategoryAdminRepository::Rename(connection, id, *clean_ko, *clean_en);
        Record(connection, now, admin, "category.rename", id, found->name_ko + " / " + found->name_en,
               *clean_ko + " / " + *clean_en);
        found->name_ko = *clean_ko;
        found->name_en = *clean_en;
        return *found;
      },
      true, id);
}

std::expected<Category, CategoryAdminError> CatalogService::MoveCategory(const core::Actor& admin, core::CategoryId id,
                                                                         std::optional<core::CategoryId> parent) {
  return ChangeTree<Category>(
      *impl_, admin,
      [&](db::Connection& connection, core::TimePoint now) -> std::expected<Category, CategoryAdminError> {
        auto found = CategoryAdminRepository::Find(connection, id);
        if (!found) return Refusal(CategoryAdminError::category_not_found);
        if (parent) {
          if (!CategoryAdminRepository::Find(connection, *parent)) return Refusal(CategoryAdminError::invalid_parent);
          // Walked up on the write connection, so two moves at once cannot make a cycle together.
          for (std::optional<core::CategoryId> step = parent; step;) {
            if (*step == id) return Refusal(CategoryAdminError::cycle);
            auto above = CategoryAdminRepository::Find(connection, *step);
            step = above ? above->parent : std::nullopt;
          }
        }
        if (found->parent == parent) return *found;
        const int position = static_cast<int>(CategoryAdminRepository::Children(connection, parent).size()) + 1;
        CategoryAdminRepository::SetParent(connection, id, parent, position);
        Record(connection, now, admin, "category.move", id, ParentText(found->parent), ParentText(parent));
        found->parent = parent;
        found->position = position;
        return *found;
      },
      true, id);
}

std::expected<Category, CategoryAdminError> CatalogService::ReorderCategory(const core::Actor& admin,
                                                                            core::CategoryId id, int position) {
  return ChangeTree<Category>(
      *impl_, admin,
      [&](db::Connection& connection, core::TimePoint now) -> std::expected<Category, CategoryAdminError> {
        auto found = CategoryAdminRepository::Find(connection, id);
        if (!found) return Refusal(CategoryAdminError::category_not_found);
        std::vector<core::CategoryId> siblings = CategoryAdminRepository::Children(connection, found->parent);
        if (position < 1 || position > std::ssize(siblings)) return Refusal(CategoryAdminError::invalid_position);
        const auto current = std::ranges::find(siblings, id);
        const int before = static_cast<int>(current - siblings.begin()) + 1;
        siblings.erase(current);
        siblings.insert(siblings.begin() + (position - 1), id);
        // Renumbered 1..n, so the order no longer depends on ids breaking ties.
        for (std::size_t index = 0; index < siblings.size(); ++index) {
          CategoryAdminRepository::SetPosition(connection, siblings[index], static_cast<int>(index) + 1);
        }
        Record(connection, now, admin, "category.reorder", id, std::to_string(before), std::to_string(position));
        found->position = position;
        return *found;
      },
      false, std::nullopt);
}

std::expected<Category, CategoryAdminError> CatalogService::RestyleCategory(const core::Actor& admin,
                                                                            core::CategoryId id,
                                                                            std::string_view colour,
                                                                            std::string_view icon) {
  if (IsAdmin(admin) && !InPalette(colour)) return Refusal(CategoryAdminError::invalid_colour);
  if (IsAdmin(admin) && !KnownIcon(icon)) return Refusal(CategoryAdminError::invalid_icon);
  return ChangeTree<Category>(
      *impl_, admin,
      [&](db::Connection& connection, core::TimePoint now) -> std::expected<Category, CategoryAdminError> {
        auto found = CategoryAdminRepository::Find(connection, id);
        if (!found) return Refusal(CategoryAdminError::category_not_found);
        CategoryAdminRepository::Restyle(connection, id, colour, icon);
        Record(connection, now, admin, "category.restyle", id, found->colour + " " + found->icon,
               std::string(colour) + " " + std::string(icon));
        found->colour = std::string(colour);
        found->icon = std::string(icon);
        return *found;
      },
      false, std::nullopt);
}

std::expected<void, CategoryAdminError> CatalogService::RetireCategory(const core::Actor& admin, core::CategoryId id) {
  auto retired = ChangeTree<bool>(
      *impl_, admin,
      [&](db::Connection& connection, core::TimePoint now) -> std::expected<bool, CategoryAdminError> {
        auto found = CategoryAdminRepository::Find(connection, id);
        if (!found) return Refusal(CategoryAdminError::category_not_found);
        if (!CategoryAdminRepository::Children(connection, id).empty()) {
          return Refusal(CategoryAdminError::has_children);
        }
        // Checked in the writing transaction: a listing put in meanwhile cannot be left behind.
        if (CategoryAdminRepository::CountListings(connection, id, /*active_only=*/false) > 0) {
          return Refusal(CategoryAdminError::not_empty);
        }
        if (!CategoryAdminRepository::Retire(connection, id, core::ToUnixSeconds(now))) {
          return Refusal(CategoryAdminError::category_not_found);
        }
        Record(connection, now, admin, "category.retire", id, found->slug, "retired");
        return true;
      },
      false, std::nullopt);
  if (!retired) return std::unexpected(retired.error());
  return {};
}

ShopListingCounts CatalogService::CountCategoryListings(core::CategoryId id) {
  return impl_->database.Read([&](db::Connection& connection) {
    return ShopListingCounts{CategoryAdminRepository::CountListings(connection, id, true),
                             CategoryAdminRepository::CountListings(connection, id, false)};
  });
}

std::string_view ErrorCode(CategoryAdminError error) {
  switch (error) {
    case CategoryAdminError::forbidden:
      return "forbidden";
    case CategoryAdminError::category_not_found:
      return "category_not_found";
    case CategoryAdminError::invalid_slug:
      return "invalid_slug";
    case CategoryAdminError::slug_taken:
      return "slug_taken";
    case CategoryAdminError::invalid_name:
      return "invalid_name";
    case CategoryAdminError::invalid_parent:
      return "invalid_parent";
    case CategoryAdminError::cycle:
      return "cycle";
    case CategoryAdminError::invalid_position:
      return "invalid_position";
    case CategoryAdminError::invalid_colour:
      return "invalid_colour";
    case CategoryAdminError::invalid_icon:
      return "invalid_icon";
    case CategoryAdminError::has_children:
      return "has_children";
    case CategoryAdminError::not_empty:
      return "not_empty";
  }
  return "category_error";
}

std::string_view ErrorField(CategoryAdminError error) {
  switch (error) {
    case CategoryAdminError::invalid_slug:
    case CategoryAdminError::slug_taken:
      return "slug";
    case CategoryAdminError::invalid_name:
      return "name";
    case CategoryAdminError::invalid_parent:
    case CategoryAdminError::cycle:
      return "parent";
    case CategoryAdminError::invalid_position:
      return "position";
    case CategoryAdminError::invalid_colour:
      return "colour";
    case CategoryAdminError::invalid_icon:
      return "icon";
    default:
      return "";
  }
}

}  // namespace manmulsang::catalog
