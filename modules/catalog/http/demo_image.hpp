#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "manmulsang/catalog/product.hpp"

namespace manmulsang::catalog {

// The demo's product pictures are drawn on request instead of stored: "<category-slug>-<n>-<k>.svg"
// names a category, a product number and a picture number. Pure; no I/O.
struct DemoImageName {
  std::string category_slug;
  std::int64_t number = 0;
  int picture = 1;
};

std::optional<DemoImageName> ParseDemoImageName(std::string_view file);

// A small SVG: the category's colour, a shape that varies with the picture, the category's
// initial, and a short label. No script, no external reference.
std::string DemoImageSvg(const Category& category, const DemoImageName& name);

}  // namespace manmulsang::catalog
