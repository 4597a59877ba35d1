#pragma once

#include <cstdint>
#include <expected>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "manmulsang/catalog/errors.hpp"
#include "manmulsang/catalog/product.hpp"
#include "manmulsang/core/clock.hpp"
#include "manmulsang/core/embedded_file.hpp"
#include "manmulsang/db/database.hpp"
#include "manmulsang/sellers/sellers.hpp"

namespace manmulsang::catalog {

// Categories and products: the listings buyers browse.
class CatalogService {
 public:
  CatalogService(db::Database& database, const core::Clock& clock, sellers::SellerService& sellers);
  ~CatalogService();

  // The whole tree, ordered by position; it is small and cached in memory.
  std::vector<Category> Categories();
  std::optional<Category> CategoryBySlug(std::string_view slug);
  std::optional<Category> CategoryById(core::CategoryId id);
  std::vector<Category> TopCategories();
  std::vector<Category> Children(core::CategoryId parent);
  // Root first: 컴퓨터 › 노트북.
  std::vector<Category> Breadcrumb(core::CategoryId category);

  std::expected<Product, CatalogError> GetProduct(core::ProductId id);  // active ones only
  // invalid_query when FirstInvalidField(query) names a field.
  std::expected<ProductPage, CatalogError> ListProducts(const ProductQuery& query);
  std::vector<Product> NewestProducts(int limit);
  std::vector<Product> PopularProducts(int limit);
  std::int64_t CountActiveProducts();

  // The demo generator's bulk path: one transaction per call. Returns ids in input order.
  std::vector<core::ProductId> InsertProducts(std::span<const NewProduct> products);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The query parameter that makes a query invalid ("page", "per_page", "min_price", "max_price",
// "q"), or nullopt when the query is fine. Handlers use it to name the field in a 400.
std::optional<std::string_view> FirstInvalidField(const ProductQuery& query);

// "relevance", "price_asc", "price_desc", "newest", "rating" (the API's sort values).
std::string_view ProductSortName(ProductSort sort);
std::optional<ProductSort> ParseProductSort(std::string_view name);

std::span<const core::EmbeddedFile> Migrations();

}  // namespace manmulsang::catalog
