#pragma once

#include <chrono>
#include <expected>
#include <memory>
#include <mutex>
#include <vector>

#include "category_count_cache.hpp"
#include "category_tree.hpp"
#include "manmulsang/catalog/catalog.hpp"

namespace manmulsang::catalog {

// CatalogService's state, shared by the files that implement it: catalog_service.cpp (browsing
// and hydration), catalog_search.cpp (the search index), stock_reservation.cpp (checkout) and
// product_rating.cpp (reviews).
struct CatalogService::Impl {
  Impl(db::Database& database, const core::Clock& clock, sellers::SellerService& sellers, search::SearchService* search)
      : database(database), clock(clock), sellers(sellers), search(search), counts(database, clock) {}

  db::Database& database;
  const core::Clock& clock;
  sellers::SellerService& sellers;
  search::SearchService* search;

  // The tree is read on first use (the service may be built before the store is migrated) and
  // shared by all threads. Admins change it (category_admin.cpp) on any node: the version in the
  // store is looked at again at most every kCategoryTreeRecheck, and the tree read again when it
  // moved; the node that made the change forgets its tree at once (ForgetTree). Callers hold a
  // reference to the tree for a request, so every tree read is kept: a handful a day, a few KB each.
  static constexpr std::chrono::seconds kCategoryTreeRecheck{5};
  std::mutex tree_mutex;
  std::vector<std::unique_ptr<const CategoryTree>> trees;  // the newest last
  std::int64_t tree_version = -1;
  core::TimePoint tree_checked;
  CategoryCountCache counts;

  const CategoryTree& Tree();
  void ForgetTree();
  // Seller names and image URLs for a whole list in two batched lookups, never one per product.
  void Hydrate(std::vector<Product>& products);

  // catalog_search.cpp: keeps the index's copy of a listing in step with it, inside the caller's
  // transaction. An option is never indexed itself: its listing is.
  void Reindex(db::Connection& connection, core::ProductId id);
  std::expected<ProductPage, CatalogError> SearchListings(const ProductQuery& query);
};

}  // namespace manmulsang::catalog
