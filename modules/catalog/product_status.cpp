#include "manmulsang/catalog/product.hpp"

namespace manmulsang::catalog {

std::string_view ProductStatusName(ProductStatus status) {
  switch (status) {
    case ProductStatus::hidden:
      return "hidden";
    case ProductStatus::deleted:
      return "deleted";
    case ProductStatus::active:
      break;
  }
  return "active";
}

std::optional<ProductStatus> ParseProductStatus(std::string_view name) {
  if (name == "active") return ProductStatus::active;
  if (name == "hidden") return ProductStatus::hidden;
  if (name == "deleted") return ProductStatus::deleted;
  return std::nullopt;
}

}  // namespace manmulsang::catalog
