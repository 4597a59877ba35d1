#include "manmulsang/http/request_parameters.hpp"

#include <charconv>

namespace manmulsang::http {
namespace {

template <typename Number>
std::optional<Number> ParseWhole(std::string_view text) {
  Number value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

std::optional<std::int64_t> ParsePositiveId(std::string_view text) {
  auto value = ParseWhole<std::int64_t>(text);
  if (!value || *value <= 0) return std::nullopt;
  return value;
}

std::optional<ListPage> ParseListPage(const Request& request, int default_per_page, int max_per_page, int max_page) {
  const auto read = [&](std::string_view name, int fallback, int most) -> std::optional<int> {
    auto text = request.Query(name);
    if (!text) return fallback;
    auto value = ParseWhole<int>(*text);
    if (!value || *value < 1 || *value > most) return std::nullopt;
    return value;
  };
  auto page = read("page", 1, max_page);
  auto per_page = read("per_page", default_per_page, max_per_page);
  if (!page || !per_page) return std::nullopt;
  return ListPage{*page, *per_page};
}

}  // namespace manmulsang::http
