#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "manmulsang/core/ids.hpp"

namespace manmulsang::catalog {

// Why an admin's change to the category tree was refused; nothing changed.
enum class CategoryAdminError {
  forbidden,           // 403: only admins
  category_not_found,  // 404: unknown or retired
  invalid_slug,        // 400: 2..60 of a-z, 0-9 and single hyphens between them
  slug_taken,          // 409: another category (retired ones too) has the slug
  invalid_name,        // 400: a name (ko or en) blank, longer than kMaxCategoryName, or control characters
  invalid_parent,      // 400: the parent is unknown or retired
  cycle,               // 409: a category cannot move under itself or its own subtree
  invalid_position,    // 400: outside 1..the number of its siblings
  invalid_colour,      // 400: not one of kCategoryColours
  invalid_icon,        // 400: not one of kCategoryIcons
  has_children,        // 409: retire its subcategories first
  not_empty,           // 409: listings (active or hidden) are still in it
};

std::string_view ErrorCode(CategoryAdminError error);   // snake_case, as above
std::string_view ErrorField(CategoryAdminError error);  // the input at fault, or ""

inline constexpr std::size_t kMaxCategoryName = 40;  // code points
inline constexpr std::size_t kMaxCategorySlug = 60;

// The tile colours of the home page's Metro tiles, and the category icons web/static holds.
inline constexpr std::array<std::string_view, 12> kCategoryColours = {"#b91d47", "#ff0097", "#2d89ef", "#e3a21a",
                                                                      "#00a300", "#603cba", "#da532c", "#2b5797",
                                                                      "#00aba9", "#7e3878", "#1e7145", "#ee1111"};
inline constexpr std::array<std::string_view, 12> kCategoryIcons = {
    "icon-clothing.svg",  "icon-cosmetics.svg", "icon-computers.svg", "icon-solar.svg",
    "icon-food.svg",      "icon-shoes.svg",     "icon-bags.svg",      "icon-appliances.svg",
    "icon-household.svg", "icon-building.svg",  "icon-books.svg",     "icon-medicine.svg"};

struct NewCategory {
  std::string slug;
  std::string name_ko;
  std::string name_en;
  std::optional<core::CategoryId> parent;  // none: a top category
  // Empty: the parent's (a top category must choose).
  std::string colour;
  std::string icon;
};

}  // namespace manmulsang::catalog
