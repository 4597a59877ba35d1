#include <algorithm>
#include <chrono>
#include <map>
#include <mutex>

#include <cassert>
#include <stdexcept>

#include "category_tree.hpp"
#include "embedded/catalog_migrations.hpp"
#include "listing_search.hpp"
#include "manmulsang/catalog/catalog.hpp"
#include "category_repository.hpp"
#include "image_repository.hpp"
#include "listing_repository.hpp"
#include "product_repository.hpp"
#include "rating_repository.hpp"

namespace manmulsang::catalog {

namespace {

using CategoryCounts = std::vector<std::pair<core::CategoryId, std::int64_t>>;

// Browsing a category needs the count of active products in each of its subcategories; on a
// large store that is a scan of every listing. The counts of the whole store are kept for a
// short while and serve every category page; listings themselves are always read fresh.
constexpr std::chrono::seconds kCountsLifetime{30};
// Listings put into the search index per transaction when it is rebuilt.
constexpr std::int64_t kIndexBatch = 1000;

bool OnlyCategoryFilter(const ProductFilter& filter) {
  return !filter.seller && !filter.min_price && !filter.max_price;
}

}  // namespace

struct CatalogService::Impl {
  db::Database& database;
  const core::Clock& clock;
  sellers::SellerService& sellers;
  search::SearchService* search;

  // Categories change only by migration, so the tree is read once, on first use (the service may
  // be built before the store is migrated), and shared by all threads afterwards.
  std::once_flag tree_loaded;
  std::unique_ptr<const CategoryTree> tree;

  std::mutex counts_mutex;
  std::shared_ptr<const CategoryCounts> counts;
  core::TimePoint counts_time;

  std::shared_ptr<const CategoryCounts> StoreCounts() {
    std::lock_guard lock(counts_mutex);
    core::TimePoint now = clock.Now();
    if (!counts || now - counts_time >= kCountsLifetime || now < counts_time) {
      counts = std::make_shared<const CategoryCounts>(database.Read(
          [](db::Connection& connection) { return ProductRepository::CountByCategory(connection, {}); }));
      counts_time = now;
    }
    return counts;
  }

  void ForgetCounts() {
    std::lock_guard lock(counts_mutex);
    counts.reset();
  }

  CategoryCounts Counts(const ProductFilter& filter) {
    if (!OnlyCategoryFilter(filter)) {
      return database.Read(
          [&](db::Connection& connection) { return ProductRepository::CountByCategory(connection, filter); });
    }
    std::shared_ptr<const CategoryCounts> all = StoreCounts();
    if (filter.categories.empty()) return *all;
    CategoryCounts wanted;
    for (const auto& entry : *all) {
      if (std::ranges::find(filter.categories, entry.first) != filter.categories.end()) wanted.push_back(entry);
    }
    return wanted;
  }

  const CategoryTree& Tree() {
    std::call_once(tree_loaded, [this] {
      tree = std::make_unique<const CategoryTree>(
          database.Read([](db::Connection& connection) { return CategoryRepository::LoadCategories(connection); }));
    });
    return *tree;
  }

  // Keeps the index's copy of a listing in step with it, inside the caller's transaction. An
  // option is never indexed itself: its listing is.
  void Reindex(db::Connection& connection, core::ProductId id) {
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

  std::expected<ProductPage, CatalogError> SearchListings(const ProductQuery& query) {
    if (search == nullptr) throw std::logic_error("a text query needs the catalog to have a search index");
    const CategoryTree& tree = Tree();
    std::vector<core::CategoryId> categories;
    if (query.category) {
      categories = tree.Subtree(*query.category);
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
    page.category_facets = CategoryFacets(tree, query.category, category_counts);

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

  // Seller names and image URLs for a whole list in two batched lookups, never one per product.
  void Hydrate(std::vector<Product>& products) {
    if (products.empty()) return;
    std::vector<core::SellerId> seller_ids;
    std::vector<core::ProductId> product_ids;
    seller_ids.reserve(products.size());
    product_ids.reserve(products.size());
    for (const Product& product : products) {
      seller_ids.push_back(product.seller);
      product_ids.push_back(product.id);
    }
    std::map<core::SellerId, std::string> shop_names;
    for (sellers::Shop& shop : sellers.FindShops(seller_ids)) shop_names[shop.id] = std::move(shop.name);

    auto images = database.Read(
        [&](db::Connection& connection) { return ImageRepository::Images(connection, product_ids); });
    std::map<core::ProductId, std::vector<ProductImage>> images_by_product;
    for (ProductImage& image : images) images_by_product[image.product].push_back(std::move(image));

    for (Product& product : products) {
      if (auto found = shop_names.find(product.seller); found != shop_names.end()) {
        product.seller_name = found->second;
      }
      if (auto found = images_by_product.find(product.id); found != images_by_product.end()) {
        product.images.clear();
        product.list_images.clear();
        for (ProductImage& image : found->second) {
          product.images.push_back(std::move(image.url));
          product.list_images.push_back(std::move(image.list_url));
        }
      }
    }
  }
};

CatalogService::CatalogService(db::Database& database, const core::Clock& clock,
                               sellers::SellerService& sellers, search::SearchService* search)
    : impl_(std::make_unique<Impl>(database, clock, sellers, search)) {}

CatalogService::~CatalogService() = default;

std::vector<Category> CatalogService::Categories() { return impl_->Tree().All(); }

std::optional<Category> CatalogService::CategoryBySlug(std::string_view slug) {
  const Category* category = impl_->Tree().BySlug(slug);
  if (category == nullptr) return std::nullopt;
  return *category;
}

std::optional<Category> CatalogService::CategoryById(core::CategoryId id) {
  const Category* category = impl_->Tree().ById(id);
  if (category == nullptr) return std::nullopt;
  return *category;
}

std::vector<Category> CatalogService::TopCategories() { return impl_->Tree().Children(std::nullopt); }

std::vector<Category> CatalogService::Children(core::CategoryId parent) {
  return impl_->Tree().Children(parent);
}

std::vector<Category> CatalogService::Breadcrumb(core::CategoryId category) {
  return impl_->Tree().Breadcrumb(category);
}

std::expected<Product, CatalogError> CatalogService::GetProduct(core::ProductId id) {
  if (!id) return std::unexpected(CatalogError::product_not_found);
  auto product = impl_->database.Read([&](db::Connection& connection) {
    std::optional<Product> found = ProductRepository::Find(connection, id);
    // An option's page is its listing's (order lines link to what was bought).
    if (found && found->parent) found = ProductRepository::Find(connection, *found->parent);
    if (found && found->has_variants) found->variants = ListingRepository::Variants(connection, found->id);
    return found;
  });
  if (!product || product->status != ProductStatus::active) {
    return std::unexpected(CatalogError::product_not_found);
  }
  std::vector<Product> one;
  one.push_back(std::move(*product));
  impl_->Hydrate(one);
  return std::move(one.front());
}

std::expected<ProductPage, CatalogError> CatalogService::ListProducts(const ProductQuery& query) {
  if (FirstInvalidField(query)) return std::unexpected(CatalogError::invalid_query);
  if (!query.text.empty()) return impl_->SearchListings(query);
  const CategoryTree& tree = impl_->Tree();

  ProductFilter filter;
  if (query.category) {
    filter.categories = tree.Subtree(*query.category);
    if (filter.categories.empty()) return std::unexpected(CatalogError::category_not_found);
  }
  filter.seller = query.seller;
  filter.min_price = query.min_price;
  filter.max_price = query.max_price;

  ProductPage page;
  page.page = query.page;
  page.per_page = query.per_page;
  CategoryCounts counts;
  impl_->database.Read([&](db::Connection& connection) {
    std::int64_t offset = static_cast<std::int64_t>(query.page - 1) * query.per_page;
    page.items = ProductRepository::List(connection, filter, query.sort, query.per_page, offset);
  });
  // Outside the read above: the store-wide counts may need a connection of their own.
  counts = impl_->Counts(filter);
  // The per-category counts already hold the total: one scan serves both.
  for (const auto& entry : counts) page.total += entry.second;
  page.category_facets = CategoryFacets(tree, query.category, counts);
  impl_->Hydrate(page.items);
  return page;
}

std::vector<Product> CatalogService::NewestProducts(int limit) {
  limit = std::clamp(limit, 0, kMaxPerPage);
  auto products = impl_->database.Read(
      [&](db::Connection& connection) { return ProductRepository::Newest(connection, limit); });
  impl_->Hydrate(products);
  return products;
}

std::vector<Product> CatalogService::PopularProducts(int limit) {
  limit = std::clamp(limit, 0, kMaxPerPage);
  auto products = impl_->database.Read(
      [&](db::Connection& connection) { return ProductRepository::Popular(connection, limit); });
  impl_->Hydrate(products);
  return products;
}

std::int64_t CatalogService::CountActiveProducts() {
  return impl_->database.Read([](db::Connection& connection) { return ProductRepository::CountActive(connection); });
}

std::vector<core::ProductId> CatalogService::InsertProducts(std::span<const NewProduct> products) {
  std::int64_t now = core::ToUnixSeconds(impl_->clock.Now());
  const CategoryTree& tree = impl_->Tree();  // read before the write transaction, not inside it
  auto ids = impl_->database.Write([&](db::Connection& connection) {
    std::vector<core::ProductId> inserted;
    inserted.reserve(products.size());
    for (const NewProduct& product : products) {
      std::int64_t created = product.created_at ? core::ToUnixSeconds(*product.created_at) : now;
      const core::ProductId id = ProductRepository::Insert(connection, product, created, created);
      ImageRepository::InsertUrls(connection, id, product.images);
      inserted.push_back(id);
      if (impl_->search != nullptr) {
        Product listing;
        listing.id = id;
        listing.seller = product.seller;
        listing.category = product.category;
        listing.name = product.name;
        listing.description = product.description;
        listing.price = product.price;
        listing.stock = product.stock;
        listing.rating_average = product.rating_average;
        listing.popularity = product.popularity;
        listing.created_at = core::FromUnixSeconds(created);
        impl_->search->Index(connection, ToIndexedProduct(listing, tree));
      }
    }
    return inserted;
  });
  // After the commit, so that a listing read meanwhile cannot keep the old counts.
  impl_->ForgetCounts();
  return ids;
}

std::int64_t CatalogService::IndexAllListings() {
  assert(impl_->search != nullptr);
  const CategoryTree& tree = impl_->Tree();
  std::int64_t indexed = 0;
  core::ProductId after{0};
  while (true) {
    const std::int64_t in_batch = impl_->database.Write([&](db::Connection& connection) {
      std::vector<Product> batch = ProductRepository::ActiveAfter(connection, after, kIndexBatch);
      for (const Product& product : batch) impl_->search->Index(connection, ToIndexedProduct(product, tree));
      if (!batch.empty()) after = batch.back().id;
      return static_cast<std::int64_t>(batch.size());
    });
    indexed += in_batch;
    if (in_batch < kIndexBatch) return indexed;
  }
}

void CatalogService::ReindexListing(db::Connection& connection, core::ProductId id) {
  impl_->Reindex(connection, id);
}

ShopRating CatalogService::ShopRatingOf(core::SellerId shop) {
  auto [average, count] = impl_->database.Read(
      [&](db::Connection& connection) { return RatingRepository::ShopRating(connection, shop); });
  return {average, count};
}

void CatalogService::HydrateListings(std::vector<Product>& products) { impl_->Hydrate(products); }

void CatalogService::ForgetListingCounts() { impl_->ForgetCounts(); }

std::span<const core::EmbeddedFile> Migrations() { return embedded::catalog_migrations(); }

}  // namespace manmulsang::catalog
