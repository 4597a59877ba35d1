#include "image_repository.hpp"

#include <algorithm>
#include <cstdint>
#include <string_view>

#include "statement.hpp"

namespace manmulsang::catalog {
namespace {

constexpr std::string_view kImagesColumns =
    "SELECT product_id, url, list_url FROM product_images WHERE product_id IN (";
constexpr std::string_view kImagesOrder = ") ORDER BY product_id, position";
constexpr std::string_view kImageList =
    "SELECT url, list_url FROM product_images WHERE product_id = $1 ORDER BY position";
constexpr std::string_view kInsertImage = "INSERT INTO product_images (product_id, position, url) VALUES ($1, $2, $3)";
constexpr std::string_view kInsertImageWithList =
    "INSERT INTO product_images (product_id, position, url, list_url) VALUES ($1, $2, $3, $4)";
constexpr std::string_view kDeleteImages = "DELETE FROM product_images WHERE product_id = $1";

}  // namespace

std::vector<ProductImage> ImageRepository::Images(db::Connection& connection, std::span<const core::ProductId> ids) {
  std::vector<ProductImage> images;
  // Pages hold at most kMaxPerPage products, so one statement per page.
  constexpr std::size_t kBatch = kMaxPerPage;
  for (std::size_t start = 0; start < ids.size(); start += kBatch) {
    Statement statement(kImagesColumns);
    statement.AppendIdList(ids.subspan(start, std::min(kBatch, ids.size() - start)));
    statement.Append(kImagesOrder);
    for (const db::Row& row : connection.Query(statement.sql(), statement.parameters())) {
      images.push_back({core::ProductId{row.Int(0)}, row.Text(1), row.Text(2).empty() ? row.Text(1) : row.Text(2)});
    }
  }
  return images;
}

std::vector<ProductImage> ImageRepository::ImagesOf(db::Connection& connection, core::ProductId id) {
  std::vector<ProductImage> images;
  for (const db::Row& row : connection.Query(kImageList, {id.value})) {
    images.push_back({id, row.Text(0), row.Text(1).empty() ? row.Text(0) : row.Text(1)});
  }
  return images;
}

void ImageRepository::ReplaceImages(db::Connection& connection, core::ProductId id,
                                    std::span<const ProductImage> images) {
  connection.Execute(kDeleteImages, {id.value});
  for (std::size_t position = 0; position < images.size(); ++position) {
    connection.Execute(kInsertImageWithList,
                       {id.value, static_cast<std::int64_t>(position), std::string_view(images[position].url),
                        std::string_view(images[position].list_url)});
  }
}

void ImageRepository::InsertUrls(db::Connection& connection, core::ProductId id, std::span<const std::string> urls) {
  for (std::size_t position = 0; position < urls.size(); ++position) {
    connection.Execute(kInsertImage, {id.value, static_cast<std::int64_t>(position), std::string_view(urls[position])});
  }
}

}  // namespace manmulsang::catalog
