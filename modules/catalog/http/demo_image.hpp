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

// A small SVG: the goods of the category drawn in the product's colour (DemoIllustration) on a
// pale shade of the category's, from the other side in the second picture and closer in the
// third, over a label with the category's name and the product's number. No script, no external
// reference.
std::string DemoImageSvg(const Category& category, const DemoImageName& name);

}  // namespace manmulsang::catalog
