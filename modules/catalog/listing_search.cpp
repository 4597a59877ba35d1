#include "listing_search.hpp"

#include <map>

namespace manmulsang::catalog {
namespace {

search::SearchSort ToSearchSort(ProductSort sort) {
  switch (sort) {
    case ProductSort::price_asc:
      return search::SearchSort::price_ascending;
    case ProductSort::price_desc:
      return search::SearchSort::price_descending;
    case ProductSort::newest:
      return search::SearchSort::newest;
    case ProductSort::rating:
      return search::SearchSort::rating;
    case ProductSort::relevance:
      break;
  }
  return search::SearchSort::relevance;
}

}  // namespace

search::IndexedProduct ToIndexedProduct(const Product& product, const CategoryTree& tree) {
  search::IndexedProduct indexed;
  for (const Category& step : tree.Breadcrumb(product.category)) {
    for (const std::string* name : {&step.name_ko, &step.name_en}) {
      if (!indexed.category_names.empty()) indexed.category_names += ' ';
      indexed.category_names += *name;
    }
  }
  indexed.id = product.id;
  indexed.category = product.category;
  indexed.seller = product.seller;
  indexed.name = product.name;
  indexed.description = product.description;
  indexed.price_amount = product.price.amount;
  indexed.in_stock = product.stock > 0;
  indexed.rating_average = product.rating_average;
  indexed.popularity = product.popularity;
  indexed.created_at = core::ToUnixSeconds(product.created_at);
  return indexed;
}

search::SearchRequest ToSearchRequest(const ProductQuery& query, std::vector<core::CategoryId> categories) {
  search::SearchRequest request;
  request.text = query.text;
  request.filters.categories = std::move(categories);
  request.filters.min_price = query.min_price;
  request.filters.max_price = query.max_price;
  request.filters.seller = query.seller;
  request.filters.in_stock_only = query.in_stock_only;
  request.sort = ToSearchSort(query.sort);
  request.page = query.page;
  request.per_page = query.per_page;
  return request;
}

std::vector<FacetCount> CategoryFacets(const CategoryTree& tree, std::optional<core::CategoryId> category,
                                       std::span<const std::pair<core::CategoryId, std::int64_t>> counts) {
  std::map<core::CategoryId, std::int64_t> per_branch;
  for (const auto& [counted, count] : counts) {
    if (const Category* branch = tree.BranchUnder(category, counted)) per_branch[branch->id] += count;
  }
  std::vector<Category> facet_categories = tree.Children(category);
  if (category && facet_categories.empty()) {
    if (const Category* itself = tree.ById(*category)) facet_categories = {*itself};
  }
  std::vector<FacetCount> facets;
  for (const Category& facet_category : facet_categories) {
    auto found = per_branch.find(facet_category.id);
    if (found == per_branch.end() || found->second == 0) continue;
    facets.push_back({facet_category.slug, facet_category.name_ko, found->second});
  }
  return facets;
}

std::vector<PriceFacet> PriceFacets(const std::vector<search::FacetCount>& buckets) {
  std::vector<PriceFacet> facets;
  for (std::size_t index = 0; index < buckets.size(); ++index) {
    PriceFacet facet{buckets[index].value, std::nullopt, buckets[index].count};
    if (index + 1 < buckets.size()) facet.max = buckets[index + 1].value;
    facets.push_back(facet);
  }
  return facets;
}

}  // namespace manmulsang::catalog
