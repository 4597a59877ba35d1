#pragma once

#include <string_view>

namespace manmulsang::catalog {

// A drawing of the goods of a category for the demo's product pictures: SVG elements in a
// 240 × 240 box, above y = 190, with the placeholders "{body}" (the product's colour),
// "{accent}" (the category's) and "{detail}" (a shade that reads on the body) still to fill.
// A subcategory without a drawing of its own gets its top category's, an unknown one a parcel.
std::string_view DemoIllustration(std::string_view category_slug);

}  // namespace manmulsang::catalog
