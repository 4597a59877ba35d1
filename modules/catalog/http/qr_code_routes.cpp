#include "qr_code_routes.hpp"

#include <algorithm>
#include <cctype>

#include "manmulsang/qr/qr_code.hpp"
#include "manmulsang/qr/qr_svg.hpp"

namespace manmulsang::catalog {
namespace {

// The picture depends only on its own address (the page's path, host and scheme, which are the
// picture's too): browsers and proxies may keep it for a year.
constexpr std::string_view kLongCache = "public, max-age=31536000, immutable";
constexpr std::string_view kSvgType = "image/svg+xml";
constexpr std::size_t kLongestHost = 255;

bool IsHostCharacter(char character) {
  const auto byte = static_cast<unsigned char>(character);
  return std::isalnum(byte) != 0 || character == '.' || character == '-' || character == ':' || character == '[' ||
         character == ']';
}

bool CameOverTls(const http::Request& request) {
  std::string protocol(request.Header("X-Forwarded-Proto"));
  std::ranges::transform(protocol, protocol.begin(), [](unsigned char byte) { return std::tolower(byte); });
  return protocol == "https";
}

http::Response QrCodeOf(const http::Request& request, std::string_view path) {
  const std::optional<std::string> address = PageAddress(request, path);
  if (!address) return http::Response(http::Status::bad_request, "text/plain; charset=utf-8", "bad Host header\n");
  // Medium correction (15 %) survives a scuffed shelf label; any page address fits version 40.
  const auto code = qr::QrCode::EncodeBytes(*address, qr::ErrorCorrection::medium);
  if (!code) return http::Response(http::Status::bad_request, "text/plain; charset=utf-8", "address too long\n");
  http::Response response(http::Status::ok, std::string(kSvgType), qr::QrSvg(*code, "QR 코드: " + *address));
  response.SetHeader("Cache-Control", kLongCache);
  response.cacheable = true;
  return response;
}

}  // namespace

std::optional<std::string> PageAddress(const http::Request& request, std::string_view path) {
  const std::string_view host = request.Header("Host");
  if (host.empty() || host.size() > kLongestHost || !std::ranges::all_of(host, IsHostCharacter)) return std::nullopt;
  return std::string(CameOverTls(request) ? "https://" : "http://") + std::string(host) + std::string(path);
}

void AddQrCodeRoutes(http::Router& router, const CatalogHttp& http) {
  router.Get("/p/:id/qr.svg", [http](http::Request& request) {
    const auto id = http::ParsePositiveId(request.PathParam("id"));
    // The product page's own test: a product it would not show has no code either.
    if (!id || !http.catalog.GetProduct(core::ProductId{*id})) return NotFoundPage(http, request);
    return QrCodeOf(request, "/p/" + std::to_string(*id));
  });
  router.Get("/s/:id/qr.svg", [http](http::Request& request) {
    const auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!id) return NotFoundPage(http, request);
    // The shop page's own test: only an approved shop has a public page.
    const auto shop = http.sellers.GetShop(core::SellerId{*id});
    if (!shop || shop->status != sellers::ShopStatus::approved) return NotFoundPage(http, request);
    return QrCodeOf(request, "/s/" + std::to_string(*id));
  });
}

}  // namespace manmulsang::catalog
