#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "manmulsang/http/request.hpp"

namespace manmulsang::http {

// An id as it appears in a path or a form ("/orders/123"): digits only, above zero; nullopt for
// anything else (signs, spaces, "0", overflow), so a handler answers 404 or 400 without guessing.
std::optional<std::int64_t> ParsePositiveId(std::string_view text);

// The `?page=&per_page=` of a list (docs/ARCHITECTURE.md, public interface): page 1..max_page,
// per_page 1..max_per_page, absent ones take their defaults; nullopt when either is present and not such a number.
struct ListPage {
  int page = 1;
  int per_page = 20;
};
std::optional<ListPage> ParseListPage(const Request& request, int default_per_page = 20, int max_per_page = 100,
                                      int max_page = 100'000);

}  // namespace manmulsang::http
