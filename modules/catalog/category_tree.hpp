#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "manmulsang/catalog/product.hpp"

namespace manmulsang::catalog {

// The category tree as an immutable value: built once from the table, then read by every request
// without locking. Pure: no I/O.
class CategoryTree {
 public:
  explicit CategoryTree(std::vector<Category> categories);

  // Depth first: each top category by position, followed by its subtree.
  const std::vector<Category>& All() const { return ordered_; }
  const Category* ById(core::CategoryId id) const;
  const Category* BySlug(std::string_view slug) const;
  // Children of parent by position; the top categories for nullopt.
  std::vector<Category> Children(std::optional<core::CategoryId> parent) const;
  // Root first, ending with the category itself; empty for an unknown id.
  std::vector<Category> Breadcrumb(core::CategoryId id) const;
  // The category and all its descendants.
  std::vector<core::CategoryId> Subtree(core::CategoryId id) const;
  // The child of ancestor (a top category for nullopt) whose subtree holds category; nullptr if
  // category is not below ancestor. A category is its own branch when it equals ancestor.
  const Category* BranchUnder(std::optional<core::CategoryId> ancestor, core::CategoryId category) const;

 private:
  void AppendSubtree(core::CategoryId id, std::vector<core::CategoryId>& out) const;

  std::vector<Category> ordered_;
  std::map<core::CategoryId, std::size_t> by_id_;
  std::map<std::string, std::size_t, std::less<>> by_slug_;
  // Children ids of each parent (0 for the top level), in position order.
  std::map<std::int64_t, std::vector<core::CategoryId>> children_;
};

}  // namespace manmulsang::catalog
