#include "demo_image.hpp"

#include <cctype>
#include <charconv>

#include "catalog_http.hpp"
#include "manmulsang/html/escape.hpp"

namespace manmulsang::catalog {
namespace {

// Pictures never change for a name: browsers and proxies may keep them for a year.
constexpr std::string_view kImmutable = "public, max-age=31536000, immutable";
constexpr std::string_view kSvgType = "image/svg+xml";

std::optional<std::int64_t> Number(std::string_view text) {
  if (text.empty() || text.size() > 12) return std::nullopt;
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 1) return std::nullopt;
  return value;
}

// The first UTF-8 character of text.
std::string_view FirstCharacter(std::string_view text) {
  if (text.empty()) return text;
  auto lead = static_cast<unsigned char>(text.front());
  std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  return text.substr(0, std::min(length, text.size()));
}

bool IsColour(std::string_view colour) {
  if (colour.size() != 7 || colour.front() != '#') return false;
  for (char character : colour.substr(1)) {
    if (!std::isxdigit(static_cast<unsigned char>(character))) return false;
  }
  return true;
}

}  // namespace

std::optional<DemoImageName> ParseDemoImageName(std::string_view file) {
  if (!file.ends_with(".svg")) return std::nullopt;
  file.remove_suffix(4);
  std::size_t last = file.rfind('-');
  if (last == std::string_view::npos) return std::nullopt;
  auto picture = Number(file.substr(last + 1));
  file = file.substr(0, last);
  std::size_t middle = file.rfind('-');
  if (middle == std::string_view::npos || !picture || *picture > 9) return std::nullopt;
  auto number = Number(file.substr(middle + 1));
  std::string_view slug = file.substr(0, middle);
  if (!number || slug.empty()) return std::nullopt;
  return DemoImageName{std::string(slug), *number, static_cast<int>(*picture)};
}

std::string DemoImageSvg(const Category& category, const DemoImageName& name) {
  std::string colour = IsColour(category.colour) ? category.colour : "#2d89ef";
  std::string shape;
  switch ((name.number + name.picture) % 3) {
    case 0:
      shape = R"(<circle cx="120" cy="100" r="62" fill="#fff" fill-opacity=".2"/>)";
      break;
    case 1:
      shape = R"(<rect x="62" y="42" width="116" height="116" fill="#fff" fill-opacity=".2"/>)";
      break;
    default:
      shape = R"(<path d="M120 34 186 100 120 166 54 100Z" fill="#fff" fill-opacity=".2"/>)";
      break;
  }
  std::string label = category.name_ko + " " + std::to_string(name.number);
  if (name.picture > 1) label += "-" + std::to_string(name.picture);
  return R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 240" width="240" height="240">)"
         R"(<rect width="240" height="240" fill=")" +
         colour + R"("/>)" + shape +
         R"(<g fill="#fff" font-family="sans-serif" text-anchor="middle">)"
         R"(<text x="120" y="122" font-size="60">)" +
         html::EscapeHtml(FirstCharacter(category.name_ko)) +
         "</text>"
         R"(<text x="120" y="212" font-size="18">)" +
         html::EscapeHtml(label) + "</text></g></svg>";
}

void AddDemoImages(http::Router& router, const CatalogHttp& http) {
  router.Get("/media/demo/:file", [http](http::Request& request) {
    auto name = ParseDemoImageName(request.PathParam("file"));
    auto category = name ? http.catalog.CategoryBySlug(name->category_slug) : std::nullopt;
    if (!category) return http::Response(http::Status::not_found, "text/plain; charset=utf-8", "not found\n");
    http::Response response(http::Status::ok, std::string(kSvgType), DemoImageSvg(*category, *name));
    response.SetHeader("Cache-Control", kImmutable);
    response.cacheable = true;
    return response;
  });
}

}  // namespace manmulsang::catalog
