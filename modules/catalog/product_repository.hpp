#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "manmulsang/catalog/product.hpp"
#include "manmulsang/db/database.hpp"

namespace manmulsang::catalog {

// What a listing asks of the table, after the service resolved the category to its subtree.
// Only active products are ever listed.
struct ProductFilter {
  std::vector<core::CategoryId> categories;  // empty: any
  std::optional<core::SellerId> seller;
  std::optional<std::int64_t> min_price;
  std::optional<std::int64_t> max_price;
};

// A picture of a listing: url the detail size, list_url the card size (url when it has one size).
struct ProductImage {
  core::ProductId product;
  std::string url;
  std::string list_url;
};

// After a stock change: what the row holds now, and the listing it is an option of.
struct StockLeft {
  std::int64_t stock = 0;
  std::optional<core::ProductId> listing;
};

// A listing or option row as the seller's writes store it.
struct ListingRow {
  core::SellerId seller;
  core::CategoryId category;
  std::string name;
  std::string description;
  core::Money price;
  std::int64_t stock = 0;
  ProductStatus status = ProductStatus::active;
  std::optional<core::ProductId> parent;  // an option's listing
  std::string size;
  std::string colour;
  bool has_variants = false;  // a listing sold through options (UpdateListingRow)
};

// All of this module's SQL. Products come back without seller names and images: the service
// hydrates whole pages in batches.
class ProductRepository {
 public:
  static std::vector<Category> LoadCategories(db::Connection& connection);

  static std::optional<Product> Find(db::Connection& connection, core::ProductId id);
  // Active products after id (exclusive), in id order: the search index is rebuilt in batches.
  static std::vector<Product> ActiveAfter(db::Connection& connection, core::ProductId after, std::int64_t limit);
  static std::vector<Product> List(db::Connection& connection, const ProductFilter& filter,
                                   ProductSort sort, std::int64_t limit, std::int64_t offset);
  static std::int64_t Count(db::Connection& connection, const ProductFilter& filter);
  // Matching products per category id, in id order.
  static std::vector<std::pair<core::CategoryId, std::int64_t>> CountByCategory(
      db::Connection& connection, const ProductFilter& filter);
  static std::vector<Product> Newest(db::Connection& connection, std::int64_t limit);
  static std::vector<Product> Popular(db::Connection& connection, std::int64_t limit);
  static std::int64_t CountActive(db::Connection& connection);
  // Pictures of the products, in product then position order.
  static std::vector<ProductImage> Images(db::Connection& connection, std::span<const core::ProductId> ids);

  static core::ProductId Insert(db::Connection& connection, const NewProduct& product,
                                std::int64_t created_at, std::int64_t updated_at);

  // Checkout (inside the caller's transaction): active products among ids, in id order.
  static std::vector<Product> ActiveByIds(db::Connection& connection, std::span<const core::ProductId> ids);
  // Products that can be bought among ids, in id order: listings without options while active,
  // options while their listing is active (returned as active).
  static std::vector<Product> SellableByIds(db::Connection& connection, std::span<const core::ProductId> ids);
  // The stock left, or nullopt (and nothing changed) when the product cannot be bought or has
  // fewer than quantity.
  static std::optional<StockLeft> TakeStock(db::Connection& connection, core::ProductId id, std::int64_t quantity,
                                            std::int64_t now);
  // The stock after putting quantity back; nullopt for an unknown product.
  static std::optional<StockLeft> PutBackStock(db::Connection& connection, core::ProductId id,
                                               std::int64_t quantity, std::int64_t now);
  // Sets a listing's stock, price and has_variants from its options (sold: what its options just
  // sold, added to its popularity).
  static void FollowOptions(db::Connection& connection, core::ProductId listing, std::int64_t sold, std::int64_t now);
  // A listing's options that are not deleted, in id order.
  static std::vector<Variant> Variants(db::Connection& connection, core::ProductId listing);
  // The options of many listings as (listing, option), in listing then id order.
  static std::vector<std::pair<core::ProductId, Variant>> VariantsOf(db::Connection& connection,
                                                                     std::span<const core::ProductId> listings);
  // A shop's own listings (no options), newest first; status none: active and hidden.
  static std::vector<Product> SellerListings(db::Connection& connection, core::SellerId seller,
                                             std::optional<ProductStatus> status, std::int64_t limit,
                                             std::int64_t offset);
  static std::int64_t CountSellerListings(db::Connection& connection, core::SellerId seller,
                                          std::optional<ProductStatus> status);
  static core::ProductId InsertListingRow(db::Connection& connection, const ListingRow& listing, std::int64_t now);
  // Category, name, description, price and stock (status, options and pictures apart).
  static void UpdateListingRow(db::Connection& connection, core::ProductId id, const ListingRow& listing,
                               std::int64_t now);
  // Changes the option id of listing option.parent; nothing when it belongs to another listing.
  static void UpdateOptionRow(db::Connection& connection, core::ProductId id, const ListingRow& option,
                              std::int64_t now);
  static void SetStatus(db::Connection& connection, core::ProductId id, ProductStatus status, std::int64_t now);
  static std::vector<ProductImage> ImagesOf(db::Connection& connection, core::ProductId id);
  // The product's pictures become images, positions 0.. in order.
  static void ReplaceImages(db::Connection& connection, core::ProductId id, std::span<const ProductImage> images);
  // The average of the shop's active listings' ratings weighted by their review counts, and the
  // number of reviews.
  static std::pair<double, std::int64_t> ShopRating(db::Connection& connection, core::SellerId seller);
  // The stock of a product that can be bought; 0 when it is unknown or cannot be bought.
  static std::int64_t AvailableStock(db::Connection& connection, core::ProductId id);
  // Reviews: the product's rating average and count.
  static void UpdateRating(db::Connection& connection, core::ProductId id, double average, std::int64_t count,
                           std::int64_t now);
};

}  // namespace manmulsang::catalog
