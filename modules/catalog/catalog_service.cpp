#include <algorithm>
#include <map>

#include "catalog_service_impl.hpp"
#include "category_repository.hpp"
#include "embedded/catalog_migrations.hpp"
#include "image_repository.hpp"
#include "listing_report_repository.hpp"
#include "listing_repository.hpp"
#include "listing_search.hpp"
#include "popularity_repository.hpp"
#include "product_repository.hpp"
#include "rating_repository.hpp"

namespace manmulsang::catalog {

const CategoryTree& CatalogService::Impl::Tree() {
  std::lock_guard lock(tree_mutex);
  const core::TimePoint now = clock.Now();
  if (!trees.empty() && tree_version >= 0 && now >= tree_checked && now - tree_checked < kCategoryTreeRecheck) {
    return *trees.back();
  }
  database.Read([&](db::Connection& connection) {
    const std::int64_t version = CategoryRepository::TreeVersion(connection);
    if (trees.empty() || version != tree_version) {
      trees.push_back(std::make_unique<const CategoryTree>(CategoryRepository::LoadCategories(connection)));
      tree_version = version;
    }
  });
  tree_checked = now;
  return *trees.back();
}

void CatalogService::Impl::ForgetTree() {
  std::lock_guard lock(tree_mutex);
  tree_version = -1;
}

void CatalogService::Impl::Hydrate(std::vector<Product>& products) {
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

  auto images =
      database.Read([&](db::Connection& connection) { return ImageRepository::Images(connection, product_ids); });
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

CatalogService::CatalogService(db::Database& database, const core::Clock& clock, sellers::SellerService& sellers,
                               search::SearchService* search)
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

std::vector<Category> CatalogService::Children(core::CategoryId parent) { return impl_->Tree().Children(parent); }

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

std::vector<Product> CatalogService::ActiveProducts(std::span<const core::ProductId> ids) {
  std::vector<Product> products =
      impl_->database.Read([&](db::Connection& connection) { return ProductRepository::ActiveByIds(connection, ids); });
  impl_->Hydrate(products);
  return products;
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
  counts = impl_->counts.Counts(filter);
  // The per-category counts already hold the total: one scan serves both.
  for (const auto& entry : counts) page.total += entry.second;
  page.category_facets = CategoryFacets(tree, query.category, counts);
  impl_->Hydrate(page.items);
  return page;
}

std::vector<Product> CatalogService::NewestProducts(int limit) {
  limit = std::clamp(limit, 0, kMaxPerPage);
  auto products =
      impl_->database.Read([&](db::Connection& connection) { return ProductRepository::Newest(connection, limit); });
  impl_->Hydrate(products);
  return products;
}

std::vector<Product> CatalogService::PopularProducts(int limit) {
  limit = std::clamp(limit, 0, kMaxPerPage);
  const std::int64_t now = core::ToUnixSeconds(impl_->clock.Now());
  auto products = impl_->database.Read([&](db::Connection& connection) {
    std::vector<Product> popular = PopularityRepository::Popular(connection, limit, now);
    if (std::ssize(popular) < limit) {
      for (Product& product : ProductRepository::Popular(connection, limit)) {
        if (std::ssize(popular) == limit) break;
        if (std::ranges::find(popular, product.id, &Product::id) == popular.end())
          popular.push_back(std::move(product));
      }
    }
    return popular;
  });
  impl_->Hydrate(products);
  return products;
}

ProductPage CatalogService::NewestOfShops(std::span<const core::SellerId> shops, core::TimePoint since, int page,
                                          int per_page) {
  ProductPage result;
  result.page = std::clamp(page, 1, kMaxPage);
  result.per_page = std::clamp(per_page, 1, kMaxPerPage);
  if (shops.empty()) return result;
  ProductFilter filter;
  filter.sellers.assign(shops.begin(), shops.end());
  filter.created_since = core::ToUnixSeconds(since);
  impl_->database.Read([&](db::Connection& connection) {
    const std::int64_t offset = static_cast<std::int64_t>(result.page - 1) * result.per_page;
    result.items = ProductRepository::List(connection, filter, ProductSort::newest, result.per_page, offset);
    result.total = ProductRepository::Count(connection, filter);
  });
  impl_->Hydrate(result.items);
  return result;
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
  impl_->counts.Forget();
  return ids;
}

ShopRating CatalogService::ShopRatingOf(core::SellerId shop) {
  auto [average, count] =
      impl_->database.Read([&](db::Connection& connection) { return RatingRepository::ShopRating(connection, shop); });
  return {average, count};
}

void CatalogService::HydrateListings(std::vector<Product>& products) {
  impl_->Hydrate(products);
  // The seller reads why an admin took a listing down (catalog_moderation.cpp).
  std::vector<core::ProductId> ids;
  for (const Product& product : products) ids.push_back(product.id);
  if (ids.empty()) return;
  auto take_downs = impl_->database.Read(
      [&](db::Connection& connection) { return ListingReportRepository::TakeDownsOf(connection, ids); });
  for (Product& product : products) {
    if (auto found = take_downs.find(product.id); found != take_downs.end()) {
      product.take_down_reason = found->second.reason;
    }
  }
}

void CatalogService::ForgetListingCounts() { impl_->counts.Forget(); }

std::span<const core::EmbeddedFile> Migrations() { return embedded::catalog_migrations(); }

}  // namespace manmulsang::catalog
