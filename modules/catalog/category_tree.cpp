#include "category_tree.hpp"

#include <algorithm>
#include <tuple>

namespace manmulsang::catalog {
namespace {

std::int64_t ParentKey(const Category& category) { return category.parent ? category.parent->value : 0; }

}  // namespace

CategoryTree::CategoryTree(std::vector<Category> categories) {
  std::ranges::sort(categories, [](const Category& left, const Category& right) {
    return std::tie(left.position, left.id) < std::tie(right.position, right.id);
  });
  for (const Category& category : categories) children_[ParentKey(category)].push_back(category.id);

  std::map<core::CategoryId, const Category*> lookup;
  for (const Category& category : categories) lookup[category.id] = &category;
  // Depth-first walk from the roots; a category whose parent is missing is never reached, and
  // cannot be browsed to anyway.
  std::vector<core::CategoryId> stack;
  const auto& roots = children_[0];
  stack.assign(roots.rbegin(), roots.rend());
  while (!stack.empty()) {
    core::CategoryId id = stack.back();
    stack.pop_back();
    if (by_id_.contains(id)) continue;  // a cycle in bad data must not loop forever
    const Category& category = *lookup.at(id);
    by_id_[id] = ordered_.size();
    by_slug_[category.slug] = ordered_.size();
    ordered_.push_back(category);
    if (auto found = children_.find(id.value); found != children_.end()) {
      stack.insert(stack.end(), found->second.rbegin(), found->second.rend());
    }
  }
}

const Category* CategoryTree::ById(core::CategoryId id) const {
  auto found = by_id_.find(id);
  return found == by_id_.end() ? nullptr : &ordered_[found->second];
}

const Category* CategoryTree::BySlug(std::string_view slug) const {
  auto found = by_slug_.find(slug);
  return found == by_slug_.end() ? nullptr : &ordered_[found->second];
}

std::vector<Category> CategoryTree::Children(std::optional<core::CategoryId> parent) const {
  std::vector<Category> result;
  auto found = children_.find(parent ? parent->value : 0);
  if (found == children_.end()) return result;
  for (core::CategoryId id : found->second) {
    if (const Category* category = ById(id)) result.push_back(*category);
  }
  return result;
}

std::vector<Category> CategoryTree::Breadcrumb(core::CategoryId id) const {
  std::vector<Category> path;
  for (const Category* category = ById(id); category != nullptr;
       category = category->parent ? ById(*category->parent) : nullptr) {
    path.push_back(*category);
    if (path.size() > ordered_.size()) break;  // bad data: a cycle
  }
  std::ranges::reverse(path);
  return path;
}

void CategoryTree::AppendSubtree(core::CategoryId id, std::vector<core::CategoryId>& out) const {
  out.push_back(id);
  auto found = children_.find(id.value);
  if (found == children_.end()) return;
  for (core::CategoryId child : found->second) {
    if (by_id_.contains(child) && std::ranges::find(out, child) == out.end()) AppendSubtree(child, out);
  }
}

std::vector<core::CategoryId> CategoryTree::Subtree(core::CategoryId id) const {
  std::vector<core::CategoryId> ids;
  if (ById(id) != nullptr) AppendSubtree(id, ids);
  return ids;
}

const Category* CategoryTree::BranchUnder(std::optional<core::CategoryId> ancestor, core::CategoryId category) const {
  if (ancestor && *ancestor == category) return ById(category);
  std::vector<Category> path = Breadcrumb(category);
  if (!ancestor) return path.empty() ? nullptr : ById(path.front().id);
  for (std::size_t index = 0; index + 1 < path.size(); ++index) {
    if (path[index].id == *ancestor) return ById(path[index + 1].id);
  }
  return nullptr;
}

}  // namespace manmulsang::catalog
