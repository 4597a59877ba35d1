#pragma once

#include <cstdint>

#include "manmulsang/html/renderer.hpp"

namespace manmulsang::html {

// The pager of a list page: sets "previous_page" when page > 1 and "next_page" when more items
// follow this page, each as the page number's text, for the templates' rel=prev/next links.
void SetPageNumbers(Data& data, int page, int per_page, std::int64_t total);

}  // namespace manmulsang::html
