#include "demo_image.hpp"

#include <array>
#include <cctype>
#include <charconv>

#include "catalog_http.hpp"
#include "demo_illustration.hpp"
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

bool IsColour(std::string_view colour) {
  if (colour.size() != 7 || colour.front() != '#') return false;
  for (char character : colour.substr(1)) {
    if (!std::isxdigit(static_cast<unsigned char>(character))) return false;
  }
  return true;
}

// The colour mixed with white, share parts of white in 100: the picture's pale background.
std::string Tint(std::string_view colour, int share) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string tinted = "#";
  for (std::size_t at = 1; at < 7; at += 2) {
    int channel = 0;
    std::from_chars(colour.data() + at, colour.data() + at + 2, channel, 16);
    const int mixed = (channel * (100 - share) + 255 * share) / 100;
    tinted += kDigits[mixed / 16];
    tinted += kDigits[mixed % 16];
  }
  return tinted;
}

// The colours goods come in, each with a shade for its small parts (a screen, a sole, a label)
// that reads on it. A product keeps its colour in all its pictures.
struct ProductColour {
  std::string_view body;
  std::string_view detail;
};
constexpr std::array<ProductColour, 10> kProductColours = {{{"#2b2b2b", "#78909c"},
                                                            {"#f5f5f0", "#37474f"},
                                                            {"#c62828", "#3e2723"},
                                                            {"#1a3a6b", "#90a4ae"},
                                                            {"#9aa3ad", "#263238"},
                                                            {"#d9c7a5", "#4e342e"},
                                                            {"#2e7d32", "#1b2f1c"},
                                                            {"#e07ba5", "#4a1c2f"},
                                                            {"#f2b705", "#3e2723"},
                                                            {"#6d4c41", "#d7ccc8"}}};

void ReplaceAll(std::string& text, std::string_view placeholder, std::string_view value) {
  for (std::size_t at = text.find(placeholder); at != std::string::npos;
       at = text.find(placeholder, at + value.size())) {
    text.replace(at, placeholder.size(), value);
  }
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
  const std::string colour = IsColour(category.colour) ? category.colour : "#2d89ef";
  const ProductColour& product = kProductColours[static_cast<std::size_t>(name.number) % kProductColours.size()];
  std::string drawing(DemoIllustration(category.slug));
  ReplaceAll(drawing, "{body}", product.body);
  ReplaceAll(drawing, "{detail}", product.detail);
  ReplaceAll(drawing, "{accent}", colour);
  // The second picture shows the goods from the other side, the third closer.
  std::string_view view;
  if (name.picture == 2) view = R"svg( transform="translate(240 0) scale(-1 1)")svg";
  if (name.picture >= 3) view = R"svg( transform="translate(-36 -28) scale(1.3)")svg";
  std::string label = category.name_ko + " " + std::to_string(name.number);
  if (name.picture > 1) label += "-" + std::to_string(name.picture);
  return R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 240" width="240" height="240">)"
         R"(<rect width="240" height="240" fill=")" +
         Tint(colour, 85) + R"("/>)" + R"(<g stroke="#333" stroke-width="3" stroke-linejoin="round")" +
         std::string(view) + ">" + drawing + "</g>" +
         R"(<rect y="190" width="240" height="50" fill="#fff"/><rect y="190" width="240" height="4" fill=")" + colour +
         R"("/><text x="120" y="222" fill="#222" font-family="sans-serif" font-size="18" text-anchor="middle">)" +
         html::EscapeHtml(label) + "</text></svg>";
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
