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

// The seller's side of the products table: a shop's own listings and their options (sizes and
// colours, child rows with their own price and stock), as ListingService writes them.
class ListingRepository {
 public:
  // A shop's own listings (no options), newest first; status none: active and hidden.
  static std::vector<Product> SellerListings(db::Connection& connection, core::SellerId seller,
                                             std::optional<ProductStatus> status, std::int64_t limit,
                                             std::int64_t offset);
  static std::int64_t CountSellerListings(db::Connection& connection, core::SellerId seller,
                                          std::optional<ProductStatus> status);
  // A listing's options that are not deleted, in id order.
  static std::vector<Variant> Variants(db::Connection& connection, core::ProductId listing);
  // The options of many listings as (listing, option), in listing then id order.
  static std::vector<std::pair<core::ProductId, Variant>> VariantsOf(db::Connection& connection,
                                                                     std::span<const core::ProductId> listings);
  static core::ProductId InsertListingRow(db::Connection& connection, const ListingRow& listing, std::int64_t now);
  // Category, name, description, price and stock (status, options and pictures apart).
  static void UpdateListingRow(db::Connection& connection, core::ProductId id, const ListingRow& listing,
                               std::int64_t now);
  // Changes the option id of listing option.parent; nothing when it belongs to another listing.
  static void UpdateOptionRow(db::Connection& connection, core::ProductId id, const ListingRow& option,
                              std::int64_t now);
  static void SetStatus(db::Connection& connection, core::ProductId id, ProductStatus status, std::int64_t now);
};

}  // namespace manmulsang::catalog
