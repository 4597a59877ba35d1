#pragma once

#include <span>
#include <string>
#include <vector>

#include "manmulsang/catalog/product.hpp"
#include "manmulsang/db/database.hpp"

namespace manmulsang::catalog {

// A picture of a listing: url the detail size, list_url the card size (url when it has one size).
struct ProductImage {
  core::ProductId product;
  std::string url;
  std::string list_url;
};

// The listings' pictures (product_images), kept in the order the seller gave them.
class ImageRepository {
 public:
  // Pictures of the products, in product then position order.
  static std::vector<ProductImage> Images(db::Connection& connection, std::span<const core::ProductId> ids);
  static std::vector<ProductImage> ImagesOf(db::Connection& connection, core::ProductId id);
  // The product's pictures become images, positions 0.. in order.
  static void ReplaceImages(db::Connection& connection, core::ProductId id, std::span<const ProductImage> images);
  // Pictures of one size for a product that has none yet (the demo's bulk insert), positions 0...
  static void InsertUrls(db::Connection& connection, core::ProductId id, std::span<const std::string> urls);
};

}  // namespace manmulsang::catalog
