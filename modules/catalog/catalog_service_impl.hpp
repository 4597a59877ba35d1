#pragma once

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

  // Categories change only by migration, so the tree is read once, on first use (the service may
  // be built before the store is migrated), and shared by all threads afterwards.
  std::once_flag tree_loaded;
  std::unique_ptr<const CategoryTree> tree;
  CategoryCountCache counts;

  const CategoryTree& Tree();
  // Seller names and image URLs for a whole list in two batched lookups, never one per product.
  void Hydrate(std::vector<Product>& products);

  // catalog_search.cpp: keeps the index's copy of a listing in step with it, inside the caller's
  // transaction. An option is never indexed itself: its listing is.
  void Reindex(db::Connection& connection, core::ProductId id);
  std::expected<ProductPage, CatalogError> SearchListings(const ProductQuery& query);
};

}  // namespace manmulsang::catalog
