#pragma once

#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "category_tree.hpp"
#include "manmulsang/catalog/product.hpp"
#include "manmulsang/search/search.hpp"

// The catalog's side of the search index: what a listing gives the index, and how a text query
// and its answer translate between the catalog's terms and the search module's.
namespace manmulsang::catalog {

// tree names the listing's category path for the index (IndexedProduct::category_names).
search::IndexedProduct ToIndexedProduct(const Product& product, const CategoryTree& tree);

// categories: the queried category's subtree (empty for all).
search::SearchRequest ToSearchRequest(const ProductQuery& query, std::vector<core::CategoryId> categories);

// Counts per category rolled up to the children of category (the top categories for nullopt; the
// category itself when it has none), in the tree's order, zero counts left out.
std::vector<FacetCount> CategoryFacets(const CategoryTree& tree, std::optional<core::CategoryId> category,
                                       std::span<const std::pair<core::CategoryId, std::int64_t>> counts);

// The price ranges of a search result as [min, next min), the last one open.
std::vector<PriceFacet> PriceFacets(const std::vector<search::FacetCount>& buckets);

}  // namespace manmulsang::catalog
