#include "manmulsang/html/page_numbers.hpp"

#include <string>

namespace manmulsang::html {

void SetPageNumbers(Data& data, int page, int per_page, std::int64_t total) {
  if (page > 1) data.set("previous_page", std::to_string(page - 1));
  if (static_cast<std::int64_t>(page) * per_page < total) data.set("next_page", std::to_string(page + 1));
}

}  // namespace manmulsang::html
