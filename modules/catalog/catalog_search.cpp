// CatalogService's part in search: every listing write keeps the index in step inside its own
// transaction, and text queries are answered by the index, then hydrated from the listings.

#include <cassert>
#include <map>
#include <stdexcept>
#include <utility>

#include "catalog_service_impl.hpp"
#include "listing_search.hpp"
#include "product_repository.hpp"

namespace manmulsang::catalog {
namespace {

// Listings put into the search index per transaction when it is rebuilt.
constexpr std::int64_t kIndexBatch = 1000;

}  // namespace

void CatalogService::Impl::Reindex(db::Connection& connection, core::ProductId id) {
  if (search == nullptr) return;
  std::optional<Product> product = ProductRepository::Find(connection, id);
  if (product && product->parent) {
    id = *product->parent;
    product = ProductRepository::Find(connection, id);
  }
  if (product && product->status == ProductStatus::active) {
    search->Index(connection, ToIndexedProduct(*product, Tree()));
  } else {
    search->Remove(connection, id);
  }
}

std::expected<ProductPage, CatalogError> CatalogService::Impl::SearchListings(const ProductQuery& query) {
  if (search == nullptr) throw std::logic_error("a text query needs the catalog to have a search index");
  const CategoryTree& category_tree = Tree();
  std::vector<core::CategoryId> categories;
  if (query.category) {
    categories = category_tree.Subtree(*query.category);
    if (categories.empty()) return std::unexpected(CatalogError::category_not_found);
  }
  auto result = search->Search(ToSearchRequest(query, std::move(categories)));
  if (!result) return std::unexpected(CatalogError::invalid_query);

  ProductPage page;
  page.page = query.page;
  page.per_page = query.per_page;
  page.total = result->total;
  // The index answers in rank order; the listings come back in id order.
  std::vector<Product> found = database.Read(
      [&](db::Connection& connection) { return ProductRepository::ActiveByIds(connection, result->ids); });
  std::map<core::ProductId, Product*> by_id;
  for (Product& product : found) by_id[product.id] = &product;
  for (core::ProductId id : result->ids) {
    if (auto match = by_id.find(id); match != by_id.end()) page.items.push_back(std::move(*match->second));
  }

  std::vector<std::pair<core::CategoryId, std::int64_t>> category_counts;
  for (const search::FacetCount& facet : result->categories) {
    category_counts.emplace_back(core::CategoryId{facet.value}, facet.count);
  }
  page.category_facets = CategoryFacets(category_tree, query.category, category_counts);

  std::vector<core::SellerId> shop_ids;
  for (const search::FacetCount& facet : result->sellers) shop_ids.push_back(core::SellerId{facet.value});
  std::map<core::SellerId, std::string> shop_names;
  for (sellers::Shop& shop : sellers.FindShops(shop_ids)) shop_names[shop.id] = std::move(shop.name);
  for (const search::FacetCount& facet : result->sellers) {
    auto name = shop_names.find(core::SellerId{facet.value});
    if (name == shop_names.end()) continue;  // a shop gone since its listing was indexed
    page.shop_facets.push_back({core::SellerId{facet.value}, name->second, facet.count});
  }
  page.price_facets = PriceFacets(result->price_buckets);
  page.interpreted_as = std::move(result->interpreted_as);
  page.partial_match = result->partial_match;
  page.normalized_query = std::move(result->normalized_query);
  Hydrate(page.items);
  return page;
}

std::int64_t CatalogService::IndexAllListings() {
  assert(impl_->search != nullptr);
  const CategoryTree& tree = impl_->Tree();
  std::int64_t indexed = 0;
  core::ProductId after{0};
  while (true) {
    // The body may run again (PostgreSQL retries it), so it reads after and leaves it alone:
    // the cursor moves once the batch has committed.
    const auto [in_batch, last] = impl_->database.Write([&](db::Connection& connection) {
      std::vector<Product> batch = ProductRepository::ActiveAfter(connection, after, kIndexBatch);
      for (const Product& product : batch) impl_->search->Index(connection, ToIndexedProduct(product, tree));
      return std::pair{static_cast<std::int64_t>(batch.size()), batch.empty() ? after : batch.back().id};
    });
    after = last;
    indexed += in_batch;
    if (in_batch < kIndexBatch) return indexed;
  }
}

void CatalogService::ReindexListing(db::Connection& connection, core::ProductId id) { impl_->Reindex(connection, id); }

}  // namespace manmulsang::catalog
